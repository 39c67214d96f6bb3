"""Stories and claims: documents that report one announcement, and the figures they report, once.

Texts written for these tests, read by the project's own extractor (pipeline/core/tables.py).
"""
from __future__ import annotations

from pipeline.core import tables

RELEASE = """Navy Seizes Cocaine Off Oaxaca Coast
April 14, 2026

SALINA CRUZ, Oaxaca - The Mexican Navy intercepted a go-fast boat on April 12 and seized 1,870 pounds of cocaine.
Sailors arrested 5 crew members and recovered 3 rifles.
The vessel was taken to the port of Salina Cruz, where prosecutors opened a case against the crew and the 5 detainees.
Officials said the load was worth an estimated $14 million on U.S. streets.
"""

REWRITE = """Go-fast boat caught with nearly a ton of cocaine
April 15, 2026

A high-speed chase off the Oaxaca coast ended with the Navy taking about 850 kilograms of cocaine from a small boat, officials said Tuesday.
The haul would have fetched some $14 million north of the border, according to the Navy.
Five men aboard were detained; the boat was towed to Salina Cruz.
"""

BACKGROUND = """Navy receives new patrol boats for the Pacific
May 28, 2026

The Mexican Navy took delivery of six interceptor boats on Wednesday.
In April, sailors seized 1,870 pounds of cocaine from a go-fast boat off Oaxaca, a case officials cited again, valued at $14 million.
"""

MISSTATED = """Five held after cocaine boat chase off Oaxaca
April 14, 2026

SALINA CRUZ - Navy sailors detained 7 crew members on April 12 after chasing a go-fast boat off Salina Cruz, the Navy said.
The boat carried cocaine, the statement said, and was brought to port.
"""


def frames(tmp_path, **texts):
    folder = tmp_path / "sources"
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    source_texts = tables.source_texts_frame(folder, 1 << 20)
    return tables.reconciled_frames(source_texts, tables.measurements_frame(source_texts))


def story_of(f, name: str) -> str:
    versions = f["source_versions"].merge(f["documents"][["document_id", "story_id"]], on="document_id")
    return versions.set_index("source_file").loc[f"{name}.txt", "story_id"]


def test_a_rewrite_is_its_own_document_in_the_releases_story(tmp_path):
    f = frames(tmp_path, release=RELEASE, rewrite=REWRITE)
    assert len(f["documents"]) == 2 and len(f["stories"]) == 1
    (story,) = f["stories"].to_dict("records")
    assert story["n_documents"] == 2 and str(story["first_published_on"]) == "2026-04-14"
    assert story["title"] == "Navy Seizes Cocaine Off Oaxaca Coast"


def test_a_later_background_paragraph_does_not_join_the_story(tmp_path):
    f = frames(tmp_path, release=RELEASE, background=BACKGROUND)
    assert story_of(f, "release") != story_of(f, "background")


def test_claims_count_a_seizure_once_across_the_documents_of_a_story(tmp_path):
    """1,870 pounds and "about 850 kilograms" (848 kg) are one claim of two documents; "$14 million"
    in both is one, whatever subject each sentence gives it."""
    claims = frames(tmp_path, release=RELEASE, rewrite=REWRITE)["claims"]
    cocaine = claims[(claims["kind"] == "mass") & (claims["value"] == 1870.0)]
    assert len(cocaine) == 1 and cocaine.iloc[0]["n_documents"] == 2
    money = claims[claims["kind"] == "currency"]
    assert list(money["n_documents"]) == [2]


def test_one_dated_event_links_documents_and_their_disagreement_is_a_conflict(tmp_path):
    """5 vs 7 crew members detained on April 12 off Salina Cruz: one story, both claims in conflict."""
    f = frames(tmp_path, release=RELEASE, misstated=MISSTATED)
    assert story_of(f, "release") == story_of(f, "misstated")
    d = f["discrepancies"]
    assert len(d) == 1 and d.iloc[0]["story_id_a"] == d.iloc[0]["story_id_b"]
    claims = f["claims"]
    seven = claims[(claims["kind"] == "count") & (claims["value"] == 7.0)]
    five = claims[(claims["kind"] == "count") & (claims["value"] == 5.0)]
    assert seven["has_conflict"].all() and five["has_conflict"].any()
