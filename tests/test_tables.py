"""The frames carried between the steps keep their columns when a corpus gives them no rows."""
import duckdb
import pytest

from pipeline.core import tables
from pipeline.core.warehouse import create_staging, load_table

RELEASE = "CBP officers seized 45 pounds of fentanyl at the Nogales port of entry on March 3, 2024.\n"
NO_FIGURE = "The two delegations met in Mexico City to review the security framework.\n"


@pytest.mark.parametrize("texts", [{"a.txt": RELEASE}, {"a.txt": NO_FIGURE}, {}], ids=["one-release", "no-figure", "empty"])
def test_frames_without_rows_keep_their_columns_and_load(tmp_path, texts):
    folder = tmp_path / "sources"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    source_texts = tables.source_texts_frame(folder, 1 << 20)
    measurements = tables.measurements_frame(source_texts)
    reconciled = tables.reconciled_frames(source_texts, measurements)
    for name, columns in tables.RECONCILED_COLUMNS.items():
        assert set(columns) <= set(reconciled[name].columns), name
    assert len(reconciled["commitments"]) == len(reconciled["discrepancies"]) == 0
    published = tables.published_frames(source_texts, measurements, reconciled)
    path = tmp_path / "w.duckdb"
    create_staging(path)
    with duckdb.connect(str(path)) as con:
        for table, frame in published.items():
            assert load_table(con, table, frame) == len(frame)
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == len(texts)



def test_reconciliation_leaves_no_memoized_sentences_behind(tmp_path):
    """The reconcile memos key on sentences: kept after the step they held ~560 MB at 10,000 files."""
    from pipeline.core.reconcile import memo
    from pipeline.core.reconcile.text import content_words
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text(RELEASE, encoding="utf-8")
    (folder / "b.txt").write_text(RELEASE.replace("45", "47"), encoding="utf-8")
    source_texts = tables.source_texts_frame(folder, 1 << 20)
    content_words("a sentence compared before the run")
    tables.reconciled_frames(source_texts, tables.measurements_frame(source_texts))
    assert content_words in memo._CACHES
    assert all(cached.cache_info().currsize == 0 for cached in memo._CACHES)

# --- a tab-separated table: the unit and substance come from the column header ------------------------
@pytest.mark.parametrize("original, expected", [
    ("Weekly results\n\nSector\tHeroin (kg)\tMarijuana (lbs)\nTucson\t14.2\t3,400\nYuma\t2\t615\n",
     [(14.2, "kg", "Heroin"), (3400, "lb", "Marijuana"), (2, "kg", "Heroin"), (615, "lb", "Marijuana")]),
    ("Estado\tCocaína (kg)\nSonora\t1,250\nSinaloa\t880\n", [(1250, "kg", "Cocaína"), (880, "kg", "Cocaína")]),
])
def test_tab_table_cells_take_the_column_headers_unit_and_substance(original, expected):
    from pipeline.core.extract.cleaning import clean
    from pipeline.core.extract.measure import measure_text
    rows = measure_text(clean(original))
    got = [(r["value"], r["unit"], r["subject"]) for r in rows if r["kind"] == "mass"]
    assert [(v, u) for v, u, _ in got] == [(v, u) for v, u, _ in expected]
    assert all(s and head in s for (_, _, s), (_, _, head) in zip(got, expected))
    assert not [r for r in rows if r["kind"] == "count"]
