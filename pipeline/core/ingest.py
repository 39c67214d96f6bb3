"""Read the sources folder: decode, hash, and reject what cannot be read.

A file that cannot be read never stops the others: it becomes a row with
``status='rejected'`` and a reason a person understands.
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


def list_source_paths(folder: Path) -> list[Path]:
    """Every ``*.txt`` entry of the folder (files, directories, links alike), sorted by name."""
    if not folder.is_dir():
        raise FileNotFoundError(f"sources folder {folder} does not exist or is not a directory")
    return sorted((p for p in folder.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)


def fingerprint(folder: Path) -> dict[str, str]:
    """File name -> sha256 of content (or a marker for unreadable entries); cheap enough for a sensor."""
    out = {}
    for path in list_source_paths(folder):
        try:
            out[path.name] = _sha256_file(path) if path.is_file() else f"not-a-file:{path.is_dir()}"
        except OSError as exc:
            out[path.name] = f"unreadable:{exc.errno}"
    return out


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceFile:
    name = path.name

    def rejected(reason: str, data: bytes | None = None) -> SourceFile:
        sha = hashlib.sha256(data).hexdigest() if data is not None else None
        return SourceFile(name, sha, len(data) if data is not None else None, "rejected", reason, None)

    if path.is_symlink() and not path.exists():
        return rejected(f"broken symbolic link (points to {os.readlink(path)})")
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
    nul = data.find(b"\x00")
    if nul >= 0:
        return rejected(f"binary content (NUL byte at offset {nul})", data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return rejected(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", data)
    return SourceFile(name, hashlib.sha256(data).hexdigest(), len(data), "ok", None, text)


def read_sources(folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[SourceFile]:
    return [read_source(p, max_bytes) for p in list_source_paths(folder)]
