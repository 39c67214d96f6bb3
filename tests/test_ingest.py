import os

import pytest

from pipeline.core.extract.cleaning import clean
from pipeline.core.ingest import fingerprint, read_source, read_sources
from pipeline.core.extract.measure import measure_text


def test_bad_inputs_are_rejected_with_a_reason_and_good_files_kept(tmp_path):
    (tmp_path / "good.txt").write_text("Officers seized 12 kilograms of cocaine.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "garbled.txt").write_bytes(bytes(range(0x80, 0x100)) * 3)
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "folder.txt").mkdir()
    os.symlink(tmp_path / "missing-target", tmp_path / "dangling.txt")
    (tmp_path / "big.txt").write_text("x" * 2000, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored: not a .txt file", encoding="utf-8")

    rows = {r.source_file: r for r in read_sources(tmp_path, max_bytes=1000)}

    assert set(rows) == {"good.txt", "empty.txt", "garbled.txt", "binary.txt", "folder.txt", "dangling.txt", "big.txt"}
    assert rows["good.txt"].status == "ok" and rows["good.txt"].text.startswith("Officers")
    reasons = {name: r.reject_reason for name, r in rows.items() if r.status == "rejected"}
    assert reasons["empty.txt"] == "empty file"
    assert "not valid UTF-8" in reasons["garbled.txt"] and "no known encoding" in reasons["garbled.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "directory" in reasons["folder.txt"]
    assert "broken symbolic link" in reasons["dangling.txt"]
    assert "too large" in reasons["big.txt"] and "1,000" in reasons["big.txt"]
    assert len(reasons) == 6


def test_fingerprint_changes_with_content_not_with_mtime(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("one", encoding="utf-8")
    before = fingerprint(tmp_path)
    os.utime(f, (1, 1))
    assert fingerprint(tmp_path) == before
    f.write_text("two", encoding="utf-8")
    assert fingerprint(tmp_path) != before


SPANISH = ("La Secretaría de Marina aseguró 1,250 kilogramos de metanfetamina en Culiacán; "
           "además, el señor fiscal informó de 35 detenidos.\n")


@pytest.mark.parametrize("encoding, recorded", [
    ("cp1252", "cp1252"), ("latin-1", "cp1252"), ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16-le"), ("utf-16-be", None), ("utf-32", "utf-32-le"),
])
def test_common_encodings_are_decoded_with_the_right_characters_and_offsets(tmp_path, encoding, recorded):
    data = SPANISH.encode(encoding)
    if encoding == "utf-16-be":
        data, recorded = b"\xfe\xff" + data, "utf-16-be"  # a big-endian file with its mark
    (tmp_path / "s.txt").write_bytes(data)
    source = read_source(tmp_path / "s.txt")
    assert (source.status, source.encoding) == ("ok", recorded)
    assert source.text == SPANISH  # the mark is not part of the text
    rows = measure_text(clean(source.text))
    assert [(r["value"], r["unit"]) for r in rows] == [(1250, "kg"), (35, "count")]
    for r in rows:
        assert source.text[r["char_start"]:r["char_end"]] == r["surface"]


def test_a_link_out_of_the_sources_folder_is_rejected_unread_unless_allowed(tmp_path):
    folder, elsewhere = tmp_path / "sources", tmp_path / "private"
    folder.mkdir()
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text("password: 4,000 hunter2", encoding="utf-8")
    (folder / "statement.txt").write_text("Officers seized 12 kilograms of cocaine.", encoding="utf-8")
    os.symlink(elsewhere / "secret.txt", folder / "leak.txt")
    os.symlink(folder / "statement.txt", folder / "alias.txt")  # a link inside the folder is fine

    rows = {r.source_file: r for r in read_sources(folder)}
    assert rows["leak.txt"].status == "rejected" and rows["leak.txt"].text is None
    assert "outside the sources folder" in rows["leak.txt"].reject_reason
    assert rows["alias.txt"].status == "ok"
    assert "4,000" not in repr(fingerprint(folder))  # the sensor never reads it either
    assert fingerprint(folder)["leak.txt"].startswith("outside-link:")

    allowed = {r.source_file: r for r in read_sources(folder, allow_outside_links=True)}
    assert allowed["leak.txt"].status == "ok"
