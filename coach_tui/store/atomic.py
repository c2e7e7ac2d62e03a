"""Writing a file so that a crash leaves either the old content or the new, never a mix.

The recipe: write a temporary file in the same folder, flush and fsync it, rename it over
the target (atomic on POSIX and Windows), then fsync the folder so the rename itself
survives a power cut.

The temporary file is created exclusively under a name only coach uses
(`.core.json.3f9a0c2e.coach-tmp`): a file or a link already there under that name is never
opened, and the clean-up after a crash removes exactly those names, never a `.tmp` of the
user's. A target that is a symbolic link is written through: the file it points to is
replaced (its temporary file beside it), and the link stays a link.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

TMP_SUFFIX = ".coach-tmp"
FILE_MODE = 0o600
# `.core.json.` + 8 random hex digits + `.coach-tmp`: a name no one else writes.
_TEMP_NAME = re.compile(r"^\.(?P<target>.+)\.[0-9a-f]{8}" + re.escape(TMP_SUFFIX) + r"$")
_TEMP_TRIES = 100


def write_atomic(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` atomically; on failure the old file is untouched."""
    publish(stage(path, payload), path)


def write_cache(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` atomically, without waiting for the disk: for a file
    whose loss costs nothing (a crash may leave the old version, or an empty file that
    fails to parse, never half of the new one). Never through a link."""
    fd, tmp = _create_temp(path)
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
    except BaseException:
        os.close(fd)
        discard(tmp)
        raise
    os.close(fd)
    try:
        tmp.replace(path)
    except BaseException:
        discard(tmp)
        raise


def destination(path: Path) -> Path:
    """Where writing `path` lands: the file a symbolic link points to, else `path` itself."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def stage(path: Path, payload: bytes) -> Path:
    """Write `payload` durably to a new temporary file beside `path` and return it.

    On failure (a full disk, say) nothing is left behind. `publish` then swaps it in;
    staging every file of a save first means a full disk fails before any is replaced.
    """
    target = destination(path)
    fd, tmp = _create_temp(target)
    try:
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        discard(tmp)
        raise
    os.close(fd)
    return tmp


def stage_copy(path: Path, source: Path) -> Path:
    """Like `stage`, with the bytes of the regular file `source`: a copy made by the
    kernel where it can, never read into Python's memory (a backup copies tens of MB)."""
    target = destination(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    src = os.open(source, flags)
    try:
        if not stat.S_ISREG(os.fstat(src).st_mode):
            raise OSError(errno.EINVAL, "it is not a regular file", str(source))
        fd, tmp = _create_temp(target)
        try:
            _copy_file(src, fd)
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            discard(tmp)
            raise
        os.close(fd)
    finally:
        os.close(src)
    return tmp


def copy_atomic(path: Path, source: Path) -> None:
    """Replace `path` with a copy of `source` atomically (see `stage_copy`)."""
    publish(stage_copy(path, source), path)


# A file system or a kernel that cannot copy between these files by itself.
_NO_KERNEL_COPY = {errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EPERM}
_CHUNK = 1 << 20


def _copy_file(src: int, dst: int) -> None:
    """Copy from the start of `src` to `dst` (both new to this copy: offsets at 0)."""
    kernel_copy = getattr(os, "copy_file_range", None)
    if kernel_copy is not None:
        try:
            while kernel_copy(src, dst, 1 << 30):
                pass
            return
        except OSError as error:
            if error.errno not in _NO_KERNEL_COPY:
                raise
        os.lseek(src, 0, os.SEEK_SET)  # start again the plain way
        os.lseek(dst, 0, os.SEEK_SET)
        os.ftruncate(dst, 0)
    while chunk := os.read(src, _CHUNK):
        view = memoryview(chunk)
        while view:
            view = view[os.write(dst, view) :]


def _create_temp(target: Path) -> tuple[int, Path]:
    """A new, empty temporary file beside `target`, under a name no file had.

    `O_EXCL` refuses a name that exists, a link included, so a file or a link someone
    left under that name is never written through. (Made here rather than with
    `tempfile.mkstemp` so the whole write goes through this module's `os`: the failure
    tests inject a full disk there.)
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    for _attempt in range(_TEMP_TRIES):
        # os.urandom rather than `secrets`, which loads hashlib and hmac at every start for
        # a name that O_EXCL, not secrecy, keeps safe.
        tmp = target.with_name(f".{target.name}.{os.urandom(4).hex()}{TMP_SUFFIX}")
        try:
            return os.open(tmp, flags, FILE_MODE), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(target))


def publish(tmp: Path, path: Path) -> None:
    """Rename a staged file over `path` (or the file it links to), then make it durable."""
    target = destination(path)
    try:
        tmp.replace(target)
    except BaseException:
        discard(tmp)
        raise
    fsync_dir(target.parent)


def discard(tmp: Path) -> None:
    """Remove a staged file that will not be published."""
    with contextlib.suppress(OSError):
        tmp.unlink()


def fsync_dir(folder: Path) -> None:
    """Make a rename inside `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file; a folder, a device or a named pipe is refused at once
    (reading a pipe or `/dev/zero` would wait or fill memory forever)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "it is not a regular file (a folder, a device or a pipe)")
        return handle.read()


def temp_target(name: str) -> str | None:
    """The file a coach temporary file of this name was staged for, or `None` if the name
    is not one `stage` makes."""
    match = _TEMP_NAME.match(name)
    return match["target"] if match else None


def remove_stale_tmp(
    folder: Path, targets: Iterable[str], markers: Iterable[str] = ()
) -> list[Path]:
    """Delete what a killed coach left in `folder`; return what was removed.

    Only coach's own names go: temporary files staged for one of `targets` (file names
    coach writes there) and the exact `markers` coach creates. Only regular files, never
    a folder or a link, whatever its name.
    """
    wanted, exact = set(targets), set(markers)
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if entry.name not in exact and temp_target(entry.name) not in wanted:
            continue
        with contextlib.suppress(OSError):
            if stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
                stale = Path(entry.path)
                stale.unlink()
                removed.append(stale)
    return removed
