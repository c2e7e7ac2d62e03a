"""Atomic replacement: after any failure the old file is intact and no temp file is left."""

import errno
import os
import stat
from pathlib import Path

import pytest

from coach_tui.store import atomic
from coach_tui.store.atomic import copy_atomic, remove_stale_tmp, write_atomic


def test_replaces_content_with_private_permissions(tmp_path: Path) -> None:
    target = tmp_path / "core.json"
    write_atomic(target, b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert list(tmp_path.iterdir()) == [target]


def test_disk_full_mid_write_leaves_old_file_and_no_temp(tmp_path, monkeypatch) -> None:
    target = tmp_path / "core.json"
    write_atomic(target, b"precious")
    real_write = os.write
    calls = {"n": 0}

    def write_then_fill_disk(fd: int, data: memoryview) -> int:
        calls["n"] += 1
        if calls["n"] > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, bytes(data[:3]))  # a short write first, then the disk fills

    monkeypatch.setattr(atomic.os, "write", write_then_fill_disk)
    with pytest.raises(OSError) as caught:
        write_atomic(target, b"replacement that never lands")
    assert caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"precious"
    assert list(tmp_path.iterdir()) == [target]


def test_failed_rename_leaves_old_file(tmp_path, monkeypatch) -> None:
    target = tmp_path / "core.json"
    write_atomic(target, b"precious")

    def refuse(self: Path, other: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(PermissionError):
        write_atomic(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"precious"
    assert list(tmp_path.iterdir()) == [target]


def test_only_coachs_own_stale_temp_files_are_removed(tmp_path: Path) -> None:
    (tmp_path / "core.json").write_bytes(b"{}")
    ours = tmp_path / ".core.json.3f9a0c2e.coach-tmp"
    ours.write_bytes(b'{"half')
    theirs = [
        "core.json.tmp",
        "report.tmp",
        ".notes.txt.3f9a0c2e.coach-tmp",
        ".core.json.x.coach-tmp",
    ]
    for name in theirs:
        (tmp_path / name).write_bytes(b"the user's")
    (tmp_path / ".plans.json.0a1b2c3d.coach-tmp").mkdir()  # a folder is never coach's temp
    removed = remove_stale_tmp(tmp_path, {"core.json", "plans.json"})
    assert removed == [ours]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        ["core.json", ".plans.json.0a1b2c3d.coach-tmp", *theirs]
    )


# --- copies (the daily backup): made by the kernel where it can, atomic either way ------


def _no_kernel_copy(monkeypatch) -> None:
    def refuse(*_args) -> int:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(atomic.os, "copy_file_range", refuse, raising=False)


WAYS = {"by the kernel": lambda _patch: None, "the plain way": _no_kernel_copy}


@pytest.mark.parametrize("way", WAYS.values(), ids=WAYS.keys())
def test_a_copy_lands_whole_and_private(tmp_path: Path, monkeypatch, way) -> None:
    source = tmp_path / "archive.json"
    payload = os.urandom(2_500_000)  # more than one chunk of the plain way
    source.write_bytes(payload)
    target = tmp_path / "backup" / "archive.json"
    target.parent.mkdir()
    target.write_bytes(b"yesterday's")
    way(monkeypatch)
    copy_atomic(target, source)
    assert target.read_bytes() == payload
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert list(target.parent.iterdir()) == [target]


def test_disk_full_mid_copy_leaves_the_old_copy_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "archive.json"
    source.write_bytes(b"x" * 3_000_000)
    target = tmp_path / "backup.json"
    write_atomic(target, b"precious")
    _no_kernel_copy(monkeypatch)
    real_write = os.write
    calls = {"n": 0}

    def write_then_fill_disk(fd: int, data: memoryview) -> int:
        calls["n"] += 1
        if calls["n"] > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(atomic.os, "write", write_then_fill_disk)
    with pytest.raises(OSError) as caught:
        copy_atomic(target, source)
    assert caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"precious"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["archive.json", "backup.json"]


def test_a_pipe_is_never_copied_or_waited_on(tmp_path: Path) -> None:
    pipe = tmp_path / "archive.json"
    os.mkfifo(pipe)
    with pytest.raises(OSError) as caught:
        copy_atomic(tmp_path / "backup.json", pipe)
    assert caught.value.errno == errno.EINVAL
    assert not (tmp_path / "backup.json").exists()
