"""The engine must not need Textual: it is used by plain commands and tested alone."""

import subprocess
import sys

CHECK = """
import sys
import coach_tui.model, coach_tui.coaching, coach_tui.store, coach_tui.interop
import coach_tui.coaching.why, coach_tui.coaching.dashboard
import coach_tui.store.repository, coach_tui.store.doctor
import coach_tui.cli, coach_tui.commands.doctor, coach_tui.crash_log
loaded = sorted(name for name in sys.modules if name == "textual" or name.startswith("textual."))
print(",".join(loaded))
"""


def test_core_packages_do_not_import_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
