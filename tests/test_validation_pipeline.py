"""End to end: a run whose tables break an expectation is stopped by the blocking GX checks,
names what failed, and leaves the published warehouse byte-identical."""
from __future__ import annotations

import pytest

import pipeline.core.tables as tables

pytestmark = pytest.mark.slow


def negative_mass(f):
    m = f["measurements"]
    i = m.index[m["kind"] == "mass"][0]
    m.loc[i, ["value", "value_kg"]] = -m.loc[i, ["value", "value_kg"]].abs()


def unknown_unit(f):
    f["measurements"].loc[f["measurements"].index[0], "unit"] = "furlong"


def duplicated_id(f):
    m = f["measurements"]
    m.loc[m.index[1], "measurement_id"] = m.loc[m.index[0], "measurement_id"]


def no_such_document(f):
    f["measurements"].loc[f["measurements"].index[0], "document_id"] = "no-such-document"


def two_canonical_sources(f):
    s = f["sources"]
    shared = s[s["status"] == "ok"].groupby("document_id").filter(lambda g: len(g) > 1)
    s.loc[shared.index[~shared["is_canonical"].astype(bool)][0], "is_canonical"] = True


CORRUPTIONS = [  # (how, the check that must fail, the expectation it must name)
    (negative_mass, "gx_measurements", "expect_column_values_to_be_between on value"),
    (unknown_unit, "gx_measurements", "expect_column_values_to_be_in_set on unit"),
    (duplicated_id, "gx_measurements", "expect_column_values_to_be_unique on measurement_id"),
    (no_such_document, "gx_measurements", "expect_column_values_to_be_null on unknown_document_id"),
    (two_canonical_sources, "gx_documents", "expect_column_values_to_be_between on n_canonical"),
]


def test_a_corrupted_run_is_stopped_and_the_warehouse_stays_good(seeds_copy, tmp_path, run_pipeline, monkeypatch):
    warehouse = tmp_path / "w.duckdb"
    assert run_pipeline(seeds_copy, warehouse).success
    before = warehouse.read_bytes()
    original = tables.published_frames

    for corrupt, check_name, named in CORRUPTIONS:
        def corrupted(*args, _corrupt=corrupt, **kwargs):
            frames = {k: v.copy() for k, v in original(*args, **kwargs).items()}
            _corrupt(frames)
            return frames

        monkeypatch.setattr(tables, "published_frames", corrupted)
        result = run_pipeline(seeds_copy, warehouse, raise_on_error=False)
        assert not result.success, corrupt.__name__
        failed = {e.check_name: e for e in result.get_asset_check_evaluations() if not e.passed}
        assert check_name in failed, (corrupt.__name__, list(failed))
        assert named in failed[check_name].description, failed[check_name].description
        assert warehouse.read_bytes() == before, corrupt.__name__
