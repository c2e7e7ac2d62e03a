"""Where the seller's data lives, and making that folder private."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from coach_tui.store.errors import DataDirUnavailable

APP_DIR_NAME = "coach-tui"
DATA_ENV = "COACH_DATA"


def resolve_data_dir(flag: str | None = None, environ: dict[str, str] | None = None) -> Path:
    """The data folder: `--data` wins, then `COACH_DATA`, then the platform's user data dir."""
    env = os.environ if environ is None else environ
    chosen = flag or env.get(DATA_ENV) or platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)
    return Path(chosen).expanduser().resolve()


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) if needed; a folder we create is readable by its owner only."""
    try:
        if not path.is_dir():
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
            path.chmod(0o700)
        if not os.access(path, os.W_OK | os.X_OK):
            raise PermissionError(13, "permission denied", str(path))
    except OSError as error:
        raise DataDirUnavailable(path, error) from error
    return path
