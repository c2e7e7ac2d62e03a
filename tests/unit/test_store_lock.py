"""One coach per data folder; a crashed coach never leaves it locked."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from coach_tui.store.errors import DataDirLocked
from coach_tui.store.lock import DataDirLock

HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from coach_tui.store.lock import DataDirLock
    lock = DataDirLock(Path(sys.argv[1])).acquire()
    print("locked", flush=True)
    time.sleep(60)
    """
)


def test_second_lock_in_the_same_process_is_refused(tmp_path: Path) -> None:
    first = DataDirLock(tmp_path).acquire()
    with pytest.raises(DataDirLocked) as caught:
        DataDirLock(tmp_path).acquire()
    assert str(os.getpid()) in str(caught.value)
    assert "already using" in str(caught.value)
    first.release()
    DataDirLock(tmp_path).acquire().release()


def test_lock_held_by_another_process_names_it_and_dies_with_it(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(DataDirLocked) as caught:
            DataDirLock(tmp_path).acquire()
        assert f"process {child.pid}" in str(caught.value)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    # The kernel released the killed process's lock: the folder opens again.
    lock = DataDirLock(tmp_path).acquire()
    assert lock.held
    lock.release()
    assert not lock.held
