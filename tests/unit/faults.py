"""A disk that fails on the Nth file write of a save: one user action must land whole."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from coach_tui.store import storage


class NthWriteFails:
    """Every file write coach makes (a whole file, a staged file of a save across files, a
    journal line) is counted by file name; the `nth` one fails as on a full disk."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, nth: int = 2) -> None:
        self.nth = nth
        self.written: list[str] = []
        for name in ("write_family", "stage", "append_line"):
            monkeypatch.setattr(storage, name, self._counted(getattr(storage, name)))

    def _counted(self, real):
        def write(path: Path, *args, **kwargs):
            self.written.append(path.name)
            if len(self.written) == self.nth:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
            return real(path, *args, **kwargs)

        return write
