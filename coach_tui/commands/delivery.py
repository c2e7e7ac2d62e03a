"""Where an export goes: checked before anything is read, then written once it is built.

The rules (see `interop/writing.py` for how each kind of target is written):
- `-` or no FILE is standard output;
- nothing inside the data folder, ever;
- an existing file is replaced only with `--force`, or after a yes on a terminal;
- a pipe or a device gets the bytes as it is; a write error is one sentence and exit 1.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.prompt import Confirm
from rich.text import Text

from coach_tui.interop.writing import Destination, ExportRefused, find_destination, write_export
from coach_tui.model.text import printable
from coach_tui.store.errors import describe_os_error

Consent = Callable[[Path, Console], bool]


def asked_on_terminal(target: Path, out: Console) -> bool:
    """Ask before replacing a file, when someone is at a terminal to answer; else no."""
    streams = (sys.stdin, sys.stdout, sys.stderr)
    if not all(stream is not None and stream.isatty() for stream in streams):
        return False
    question = Text(f"{printable(str(target))} already exists. Replace it?")
    try:
        return Confirm.ask(question, console=out, default=False)
    except EOFError:
        return False


def prepare_target(
    target: Path | None,
    data_dir: Path,
    out: Console,
    *,
    force: bool = False,
    consent: Consent = asked_on_terminal,
) -> Destination | None:
    """Where the export will go; `None`, after saying why on `out`, when it may not go there."""
    try:
        destination = find_destination(target, data_dir)
    except ExportRefused as refusal:
        _say(out, str(refusal))
        return None
    except OSError as error:
        _say(out, f"Could not write {target}: {describe_os_error(error)}. Nothing was written.")
        return None
    asked = destination.overwrites and not force and target is not None
    if asked and not consent(target, out):
        _say(out, f"{target} already exists; nothing was written. Add --force to replace it.")
        return None
    return destination


def deliver(payload: bytes, destination: Destination, target: Path | None, out: Console) -> bool:
    """Write `payload`; a write that fails is reported on `out` in one sentence, `False` then.

    A pipe whose reader stopped early (`| head`, or a named pipe read by `head`) is not a
    failure: `BrokenPipeError` goes up to `coach`'s main, which ends quietly, as it does
    when standard output is that pipe.
    """
    try:
        write_export(destination, payload)
    except BrokenPipeError:
        raise
    except OSError as error:
        reason = describe_os_error(error)
        if destination.path is None:
            _say(out, f"Could not write to standard output: {reason}.")
        elif not destination.atomic:  # a pipe or a device: part of it may have gone through
            _say(out, f"Could not write {target}: {reason}.")
        elif destination.overwrites:
            _say(out, f"Could not write {target}: {reason}. The file there is unchanged.")
        else:
            _say(out, f"Could not write {target}: {reason}. Nothing was written.")
        return False
    return True


def _say(out: Console, sentence: str) -> None:
    out.print(Text(printable(sentence), style="red"))
