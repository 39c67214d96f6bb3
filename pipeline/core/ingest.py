"""Read the sources folder: decode, hash, and reject what cannot be read.

A file that cannot be read never stops the others: it becomes a row with
``status='rejected'`` and a reason a person understands. Files come as their issuers save
them: UTF-8 (with or without a byte-order mark), UTF-16/32 with a mark, or a Windows/Latin
code page (Mexican agencies' exports often are); the encoding used is recorded. A link
that leads out of the sources folder is not followed unless allowed: the pipeline
publishes what it reads, and must not publish a file of the machine by accident.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class SourceFile:
    source_file: str
    sha256: str | None
    n_bytes: int | None
    status: str  # "ok" or "rejected"
    reject_reason: str | None
    text: str | None  # decoded original text (None when rejected)
    encoding: str | None = None  # how the bytes were decoded (None when rejected)


# Byte-order marks, longest first (UTF-32's little-endian mark starts with UTF-16's).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)
# Code pages a statement in English or Spanish is saved in without a mark. The detector
# chooses among these only: left free, it reads Windows-1252 Spanish as Central European
# Windows-1250 ("ñ" becomes "ń").
LEGACY_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850"]
MAX_CHAOS_PERCENT = 10.0  # charset-normalizer's "mess" measure: above it, the guess is not trusted


def decode(data: bytes) -> tuple[str | None, str | None, str | None]:
    """(text, encoding, None) for bytes this module can decode, else (None, None, reason)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding.removesuffix("-sig"))
            except UnicodeDecodeError as exc:
                return None, None, f"starts with a {encoding} byte-order mark but is not valid {encoding} ({exc.reason})"
            return text, encoding, None
    nul = data.find(b"\x00")
    if nul >= 0:
        return None, None, f"binary content (NUL byte at offset {nul})"
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        utf8_error = f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None or best.percent_chaos > MAX_CHAOS_PERCENT:
        return None, None, f"{utf8_error}, and no known encoding reads it confidently"
    return str(best), best.encoding, None


def list_source_paths(folder: Path) -> list[Path]:
    """Every ``*.txt`` entry of the folder (files, directories, links alike), sorted by name."""
    if not folder.is_dir():
        raise FileNotFoundError(f"sources folder {folder} does not exist or is not a directory")
    return sorted((p for p in folder.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)


def outside(path: Path, folder: Path) -> Path | None:
    """Where a link leads when that is outside ``folder`` (None for anything inside it)."""
    target = path.resolve()
    return None if target.is_relative_to(folder.resolve()) else target


def fingerprint(folder: Path, allow_outside_links: bool = False) -> dict[str, str]:
    """File name -> sha256 of content (or a marker for unreadable entries); cheap enough for a sensor."""
    out = {}
    for path in list_source_paths(folder):
        try:
            if not allow_outside_links and path.is_symlink() and outside(path, folder):
                out[path.name] = f"outside-link:{os.readlink(path)}"  # never read, so never hashed
                continue
            out[path.name] = sha256_file(path) if path.is_file() else f"not-a-file:{path.is_dir()}"
        except OSError as exc:
            out[path.name] = f"unreadable:{exc.errno}"
    return out


def sha256_file(path: Path) -> str:
    """A file's sha256, read in 1 MB blocks (a warehouse of 10,000 files is hundreds of MB)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, inside: Path | None = None) -> SourceFile:
    """One file, decoded; with ``inside``, a link that leads out of that folder is rejected unread."""
    name = path.name

    def rejected(reason: str, data: bytes | None = None) -> SourceFile:
        sha = hashlib.sha256(data).hexdigest() if data is not None else None
        return SourceFile(name, sha, len(data) if data is not None else None, "rejected", reason, None)

    if path.is_symlink() and not path.exists():
        return rejected(f"broken symbolic link (points to {os.readlink(path)})")
    if inside is not None and path.is_symlink() and (target := outside(path, inside)) is not None:
        return rejected(f"a link to {target}, outside the sources folder (not read; "
                        "PIPELINE_ALLOW_OUTSIDE_LINKS=1 allows it)")
    if path.is_dir():
        return rejected("is a directory, not a text file")
    if not path.is_file():
        return rejected("not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        return SourceFile(name, None, size, "rejected",
                          f"too large: {size:,} bytes, the limit is {max_bytes:,} bytes", None)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return rejected(f"cannot be read: {exc.strerror}")
    if not data.strip():
        return rejected("empty file" if not data else "contains only whitespace", data)
    text, encoding, problem = decode(data)
    if problem:
        return rejected(problem, data)
    if not text.strip():
        return rejected("contains only whitespace", data)
    return SourceFile(name, hashlib.sha256(data).hexdigest(), len(data), "ok", None, text, encoding)


def read_sources(folder: Path, max_bytes: int = DEFAULT_MAX_BYTES, allow_outside_links: bool = False) -> list[SourceFile]:
    inside = None if allow_outside_links else folder
    return [read_source(p, max_bytes, inside) for p in list_source_paths(folder)]
