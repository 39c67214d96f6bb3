import os

from pipeline.core.ingest import fingerprint, read_sources


def test_bad_inputs_are_rejected_with_a_reason_and_good_files_kept(tmp_path):
    (tmp_path / "good.txt").write_text("Officers seized 12 kilograms of cocaine.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes("Se incautaron 5 toneladas en Michoac\xe1n".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "folder.txt").mkdir()
    os.symlink(tmp_path / "missing-target", tmp_path / "dangling.txt")
    (tmp_path / "big.txt").write_text("x" * 2000, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored: not a .txt file", encoding="utf-8")

    rows = {r.source_file: r for r in read_sources(tmp_path, max_bytes=1000)}

    assert set(rows) == {"good.txt", "empty.txt", "latin1.txt", "binary.txt", "folder.txt", "dangling.txt", "big.txt"}
    assert rows["good.txt"].status == "ok" and rows["good.txt"].text.startswith("Officers")
    reasons = {name: r.reject_reason for name, r in rows.items() if r.status == "rejected"}
    assert reasons["empty.txt"] == "empty file"
    assert "not valid UTF-8" in reasons["latin1.txt"] and "0xe1" in reasons["latin1.txt"]
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
