"""Where the seller's data lives, and making that folder private."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import platformdirs

from coach_tui.store.errors import DataDirUnavailable, EmptyDataPath

APP_DIR_NAME = "coach-tui"
DATA_ENV = "COACH_DATA"
CONFIG_ENV = "COACH_CONFIG"


def resolve_data_dir(flag: str | None = None, environ: dict[str, str] | None = None) -> Path:
    """The data folder: `--data` wins, then `COACH_DATA`, then the platform's user data dir.

    `--data ""` names no folder and is refused (`EmptyDataPath`) rather than read as "the
    default"; an empty `COACH_DATA` counts as unset, as shells treat empty variables.
    """
    if flag is not None and not flag.strip():
        raise EmptyDataPath()
    env = os.environ if environ is None else environ
    chosen = flag or env.get(DATA_ENV) or platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)
    return Path(chosen).expanduser().resolve()


def config_dir(environ: dict[str, str] | None = None) -> Path:
    """The folder for what a person edits by hand (config.toml, their own themes).

    `COACH_CONFIG` names it outright (tests and portable set-ups); otherwise the
    platform's user config dir, which follows `$XDG_CONFIG_HOME` on Linux.
    """
    env = os.environ if environ is None else environ
    chosen = env.get(CONFIG_ENV) or platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)
    return Path(chosen).expanduser().resolve()


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) if needed; a folder we create is readable by its owner only.

    A folder that already exists keeps its permissions: the user chose them.
    """
    try:
        if not path.is_dir():
            try:
                path.mkdir(mode=0o700, parents=True)
            except FileExistsError:
                if not path.is_dir():
                    raise
            else:
                path.chmod(0o700)  # exactly 0700, whatever the umask took away
        if not os.access(path, os.W_OK | os.X_OK):
            code = errno.EROFS if _read_only_disk(path) else errno.EACCES
            raise OSError(code, os.strerror(code), str(path))
    except OSError as error:
        raise DataDirUnavailable(path, error) from error
    return path


def _read_only_disk(path: Path) -> bool:
    """Whether `path` is on a file system mounted read-only."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): permission is all we know
        return False
