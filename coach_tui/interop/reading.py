"""Reading an import file safely: a size limit first, then strict UTF-8."""

from __future__ import annotations

from pathlib import Path

from coach_tui.interop.errors import ImportFailed

MAX_BYTES = 20 * 1024 * 1024  # a LinkedIn export of 30,000 connections is about 3 MB


def read_text(path: Path, *, kind: str, suffixes: tuple[str, ...]) -> str:
    """The file's text, or `ImportFailed` naming what is wrong with it."""
    if path.suffix.lower() not in suffixes:
        expected = " or ".join(suffixes)
        raise ImportFailed(f"{path.name} does not look like a {kind} file (expected {expected}).")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFailed(
                f"{path.name} is {size / 2**20:.0f} MB; the limit is {MAX_BYTES // 2**20} MB. "
                f"Is it really a {kind} file?"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFailed(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise ImportFailed(f"{path} is a folder, not a file.") from None
    except OSError as error:
        raise ImportFailed(f"{path.name} could not be read: {error.strerror}.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailed(
            f"{path.name} is not UTF-8 text. Export it again, or save it as UTF-8 CSV."
        ) from None
