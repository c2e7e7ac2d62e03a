"""Getting an import file's text safely: right kind, sensible size, then strict UTF-8.

Everything that would make the whole file unusable is found here, before a single row is
looked at, so a refused file never leaves half an import behind.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from coach_tui.interop.errors import ImportFailed

# A LinkedIn export of 30,000 connections is about 3 MB; anything this big is the wrong file.
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class FileKind:
    """What the reader expects, and what to tell the seller when the file is not it."""

    name: str  # "LinkedIn CSV"
    suffixes: tuple[str, ...]  # (".csv",)
    how_to_get_it: str  # one sentence: where a good file comes from
    how_to_fix_encoding: str  # one sentence: how to get it as UTF-8


def read_bytes(path: Path, kind: FileKind) -> bytes:
    """The file's bytes, refused by name and size before anything is read."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportFailed(f"There is no file at {path}.") from None
    except OSError as error:
        raise ImportFailed(f"{path.name} could not be opened: {error.strerror}.") from None
    if path.is_dir():
        raise ImportFailed(f"{path} is a folder; give the path of the file inside it.")
    suffix = path.suffix.lower()
    if suffix == ".zip":
        raise ImportFailed(
            f"{path.name} is a zip archive. Unzip it first, then import the file inside it. "
            f"{kind.how_to_get_it}"
        )
    if suffix not in kind.suffixes:
        expected = " or ".join(kind.suffixes)
        raise ImportFailed(
            f"{path.name} is not a {kind.name} file (those end in {expected}). {kind.how_to_get_it}"
        )
    if size > MAX_BYTES:
        raise ImportFailed(
            f"{path.name} is {size / 2**20:,.0f} MB, more than the {MAX_BYTES // 2**20} MB an "
            f"import accepts (a LinkedIn export of 30,000 people is about 3 MB). Check it is "
            "the right file."
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise ImportFailed(f"{path.name} could not be read: {error.strerror}.") from None


def decode(data: bytes, source: str, kind: FileKind) -> str:
    """UTF-8 text (a byte-order mark is dropped), or a sentence saying what the file is."""
    if not data.removeprefix(codecs.BOM_UTF8).strip():
        raise ImportFailed(f"{source} is empty. {kind.how_to_get_it}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFailed(
            f"{source} is saved as UTF-16 text; coach reads UTF-8. {kind.how_to_fix_encoding}"
        )
    if data.startswith(b"PK\x03\x04"):
        raise ImportFailed(
            f"{source} is a zip or spreadsheet file, not plain text. {kind.how_to_get_it}"
        )
    if b"\x00" in data[:4096]:
        raise ImportFailed(f"{source} is not a text file. {kind.how_to_get_it}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFailed(
            f"{source} is not UTF-8 text (the first character coach cannot read is on line "
            f"{line}). {kind.how_to_fix_encoding}"
        ) from None


def read_text(path: Path, kind: FileKind) -> str:
    return decode(read_bytes(path, kind), path.name, kind)
