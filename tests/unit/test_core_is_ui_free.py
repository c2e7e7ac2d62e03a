"""The engine must not need Textual: it is used by plain commands and tested alone."""

import subprocess
import sys

CHECK = """
import importlib, pkgutil, sys
import coach_tui
for package in ("model", "coaching", "store", "interop", "services"):
    root = importlib.import_module("coach_tui." + package)
    for module in pkgutil.walk_packages(root.__path__, root.__name__ + "."):
        importlib.import_module(module.name)
import coach_tui.cli, coach_tui.commands.doctor, coach_tui.crash_log
loaded = sorted(name for name in sys.modules if name == "textual" or name.startswith("textual."))
print(",".join(loaded))
print(len([name for name in sys.modules if name.startswith("coach_tui.services.")]))
"""


def test_core_packages_do_not_import_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, timeout=60
    )
    textual, services = result.stdout.splitlines()
    assert textual == ""
    assert int(services) > 0  # the walk did import the use cases
