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


def _checkpoint_release(day: int, kilos: int, guns: int, suspects: int, cash: str) -> str:
    """One sheriff's office template, filled in for one seizure."""
    return f"""Fentanyl seized at the Highway 85 checkpoint
March {day}, 2026

Agents seized {kilos} kilograms of fentanyl powder and {guns} firearms at the Highway 85 checkpoint.
Deputies arrested {suspects} suspects and found {cash} in cash inside the trailer.
Trafficking charges carry a minimum of 10 years in prison and fines up to $10 million.
The county task force, created with 14 partner agencies, has run the checkpoint since its start.
"""


def test_two_releases_from_one_template_about_two_seizures_are_two_stories(tmp_path):
    """The penalty and task-force sentences state the same figures; the sentences worded alike
    disagree on more figures than they share: two seizures, two stories."""
    f = frames(tmp_path, first=_checkpoint_release(3, 12, 3, 4, "$250,000"),
               second=_checkpoint_release(5, 40, 7, 6, "$90,000"))
    assert story_of(f, "first") != story_of(f, "second")


def test_a_corrected_copy_of_one_release_stays_in_its_story(tmp_path):
    """One figure changed, the others agree: the same story (and one document)."""
    f = frames(tmp_path, first=_checkpoint_release(3, 12, 3, 4, "$250,000"),
               corrected=_checkpoint_release(3, 12, 3, 5, "$250,000"))
    assert story_of(f, "first") == story_of(f, "corrected")


BULLETIN_FOOTER = ("About the office: the Sheriff's Office has 312 sworn deputies and serves 48,500 residents.\n"
                   "Tips can be left at the 24-hour line; rewards reach $5,000.\n")


def test_figures_that_many_documents_state_do_not_link_two_of_them(tmp_path):
    """A footer more than MAX_KEY_DF bulletins repeat links none of them; two bulletins about
    different arrests that also share one figure by chance stay two stories."""
    texts = {f"bulletin{n:02d}": f"Deputy bulletin {n}\nMarch 4, 2026\n\n"
                                 f"Deputies made {n + 100} traffic stops on Route {n}.\n{BULLETIN_FOOTER}"
             for n in range(55)}
    texts["arrest"] = ("Two held in Ridgeway burglary\nMarch 4, 2026\n\n"
                       "Deputies arrested 2 men after a burglary at a Ridgeway pharmacy that took 60 boxes.\n"
                       + BULLETIN_FOOTER)
    texts["crash"] = ("Crash closes Route 9\nMarch 5, 2026\n\n"
                      "A truck carrying 60 boxes of produce overturned on Route 9; 2 people were hurt.\n"
                      + BULLETIN_FOOTER)
    f = frames(tmp_path, **texts)
    assert story_of(f, "arrest") != story_of(f, "crash")
    assert story_of(f, "bulletin01") != story_of(f, "bulletin02")


def test_a_background_paragraph_two_days_on_does_not_join_a_rich_release(tmp_path):
    """Two of a release's many figures repeated in another event's story, two days later."""
    release = """Mexico and U.S. close security talks with new targets
June 10, 2026

The delegations agreed to train 1,200 prosecutors and to add 45 scanners at 9 border crossings.
Seizures of fentanyl reached 2,300 kilograms in the first quarter, up 18 percent.
Authorities extradited 29 fugitives and froze $310 million in illicit accounts.
Both governments will fund 16 treatment centers and 75 youth programs over 3 years.
The next meeting, the 4th of its kind, will review 12 indicators.
A joint fund of $85 million will pay for 260 new canine teams and 1,500 body cameras.
"""
    other = """Port of Manzanillo gets new cargo scanners
June 12, 2026

Customs installed 6 gamma-ray scanners at Manzanillo, which handles 3.5 million containers a year.
The project cost 820 million pesos and trained 140 inspectors over 8 months.
The port inspected 22 percent more containers in May, finding 37 weapons and 410 kilograms of methamphetamine.
Two days ago, officials recalled that fentanyl seizures reached 2,300 kilograms in the first quarter.
They also recalled that 29 fugitives had been extradited under the talks.
The port plans 14 more scanners by 2028, at a cost of 95 million pesos, and 300 new hires.
"""
    f = frames(tmp_path, release=release, other=other)
    assert story_of(f, "release") != story_of(f, "other")


def test_a_rerun_tests_only_the_pairs_of_a_new_document(tmp_path, monkeypatch):
    """The figure test's verdicts and each story's claims are kept between runs: after one added
    file, only its candidate pairs are tested and its story's claims merged again, and the tables
    are those of a run from nothing."""
    from pipeline.core.filecache import FileCache
    from pipeline.core.reconcile import stories
    folder = tmp_path / "sources"
    folder.mkdir()
    for name, text in {"release": RELEASE, "rewrite": REWRITE, "background": BACKGROUND}.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")

    def run(cache):
        source_texts = tables.source_texts_frame(folder, 1 << 20)
        return tables.reconciled_frames(source_texts, tables.measurements_frame(source_texts), cache)

    cache = FileCache(tmp_path / "cache", "reconcile")
    run(cache)
    (folder / "misstated.txt").write_text(MISSTATED.replace("7 crew", "5 crew") + "It carried 1,870 pounds, "
                                          "worth $14 million.\n", encoding="utf-8")
    tested, merged = [], []
    same_figures, claim_rows = stories.same_figures, tables.claim_rows
    monkeypatch.setattr(stories, "same_figures", lambda a, b, common: tested.append((a, b)) or same_figures(a, b, common))
    monkeypatch.setattr(tables, "claim_rows", lambda facts, *a: merged.extend(facts) or claim_rows(facts, *a))
    rerun = run(cache)
    assert tested and all("Five held" in (a.meta.title or "") + (b.meta.title or "") for a, b in tested)
    # the claims of the story the new file joins are merged again; the background's story is kept
    touched = set(rerun["documents"].set_index("document_id")["story_id"][[f["document_id"] for f in merged]])
    assert touched == {story_of(rerun, "misstated")} and story_of(rerun, "background") not in touched
    monkeypatch.undo()
    from_nothing = run(None)
    for name in ("stories", "documents", "claims"):
        assert rerun[name].equals(from_nothing[name]), name
