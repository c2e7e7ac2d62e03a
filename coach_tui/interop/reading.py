"""Getting an import file's text safely: right kind, sensible size, then strict UTF-8.

Everything that would make the whole file unusable is found here, before a single row is
looked at, so a refused file never leaves half an import behind.

The size is checked on what is read, never on the name: the file is opened first (through
any symlink), then looked at (`fstat`), and at most one byte more than the limit is ever
read. A `.csv` that is a link to `/dev/zero`, a pipe that never ends or a file still
growing cannot fill the memory.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from coach_tui.interop.errors import ImportFailed

# A LinkedIn export of 30,000 connections is about 3 MB; anything this big is the wrong file.
MAX_BYTES = 20 * 1024 * 1024
CHUNK_BYTES = 4 * 1024 * 1024


class NotAFile(Exception):
    """What was opened is not a file of content: `what` says what it is ("a folder")."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class TooBig(Exception):
    """More than the limit; `size` in bytes when the file said so, `None` for a stream."""

    def __init__(self, size: int | None) -> None:
        super().__init__(size)
        self.size = size


def read_at_most(path: Path | None, limit: int, *, files_only: bool = False) -> bytes:
    """The bytes of `path` (`None`: standard input), refused beyond `limit`.

    Raises `NotAFile` for a folder or a device that is neither a terminal nor the null
    device (`/dev/zero` never ends), `TooBig` past `limit`, `OSError` when it cannot be
    opened or read. A pipe is read (`<(unzip -p …)`) unless `files_only`: a file coach
    finds by itself, such as a theme, must never keep it waiting for a writer.
    """
    if path is None:
        if sys.stdin is None:  # started with standard input closed (`<&-`)
            raise OSError(errno.EBADF, "it is closed")
        return _read_open(sys.stdin.buffer, limit, files_only=files_only)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
    if files_only:
        flags |= getattr(os, "O_NONBLOCK", 0)  # opening a pipe then returns at once
    fd = os.open(path, flags)
    try:
        handle = os.fdopen(fd, "rb", buffering=0)  # reads straight into the result
    except IsADirectoryError:
        os.close(fd)
        raise NotAFile("a folder") from None
    with handle:
        return _read_open(handle, limit, files_only=files_only)


def _read_open(handle: BinaryIO, limit: int, *, files_only: bool) -> bytes:
    info = os.fstat(handle.fileno())
    if files_only and not stat.S_ISREG(info.st_mode):
        raise NotAFile(_what_it_is(info.st_mode))
    if stat.S_ISDIR(info.st_mode):
        raise NotAFile("a folder")
    if stat.S_ISCHR(info.st_mode) and not (handle.isatty() or _is_null_device(info)):
        raise NotAFile("a device")
    if stat.S_ISREG(info.st_mode) and info.st_size > limit:
        raise TooBig(info.st_size)  # refused before a byte is read
    # A regular file comes in one read of its size (and one more byte, should it have
    # grown); a stream in chunks. Either way, never more than one byte past the limit.
    wanted = info.st_size + 1 if stat.S_ISREG(info.st_mode) else CHUNK_BYTES
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = handle.read(min(wanted, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        wanted = CHUNK_BYTES
    if total > limit:
        raise TooBig(info.st_size if stat.S_ISREG(info.st_mode) else None)
    return b"".join(chunks)


def _what_it_is(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def _is_null_device(info: os.stat_result) -> bool:
    try:
        null = Path(os.devnull).stat()
    except OSError:
        return False
    return info.st_rdev == null.st_rdev


@dataclass(frozen=True, slots=True)
class FileKind:
    """What the reader expects, and what to tell the seller when the file is not it."""

    name: str  # "LinkedIn CSV"
    suffixes: tuple[str, ...]  # (".csv",)
    how_to_get_it: str  # one sentence: where a good file comes from
    how_to_fix_encoding: str  # one sentence: how to get it as UTF-8


def read_bytes(path: Path, kind: FileKind) -> bytes:
    """The file's bytes, refused by name before anything is read and by size as it is."""
    try:
        path.stat()
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
    try:
        return read_at_most(path, MAX_BYTES)
    except FileNotFoundError:
        raise ImportFailed(f"There is no file at {path}.") from None
    except NotAFile as refused:
        raise ImportFailed(
            f"{path.name} is {refused.what}, not a file. {kind.how_to_get_it}"
        ) from None
    except TooBig as big:
        raise ImportFailed(
            f"{path.name} is {too_big(big.size, MAX_BYTES)} an import accepts (a LinkedIn "
            "export of 30,000 people is about 3 MB). Check it is the right file."
        ) from None
    except OSError as error:
        raise ImportFailed(f"{path.name} could not be read: {error.strerror}.") from None


def too_big(size: int | None, limit: int) -> str:
    """`50 MB, more than the 20 MB`, or `more than the 20 MB` when the size is unknown."""
    most = f"the {limit / 2**20:,.0f} MB"
    return f"{size / 2**20:,.0f} MB, more than {most}" if size else f"more than {most}"


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
