# PYTHON_ARGCOMPLETE_OK  (argcomplete's global completion looks for this line)
"""The `coach` command: the full-screen app by default, plus maintenance subcommands.

Textual is imported only when the app itself runs, so `--version`, `--help` and `doctor`
stay quick. Every failure ends in one clear sentence and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from coach_tui import __version__
from coach_tui.commands.completion import INSTALL, SHELLS
from coach_tui.commands.status_line import FIELDS as STATUS_FIELDS
from coach_tui.commands.streams import let_closed_stream_be, print_error
from coach_tui.store.errors import StoreError
from coach_tui.store.paths import DATA_ENV, resolve_data_dir

if TYPE_CHECKING:
    from coach_tui.store.repository import Repository
    from coach_tui.ui.app import CoachApp

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

Handler = Callable[[argparse.Namespace], int]
STANDARD_STREAM = "-"  # as FILE: standard output for exports, standard input for import json


class CommandParser(argparse.ArgumentParser):
    """A subcommand's parser: options and file names in any order.

    Plain argparse fills an optional FILE as soon as the first word after the subcommand is
    read, so `coach export review --week 2026-W48 rev.md` left `rev.md` over ("unrecognized
    arguments"). Intermixed parsing reads every option first, then the positionals.
    """

    _intermixing = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._intermixing:  # the two passes of intermixed parsing come back through here
            return super().parse_known_args(args, namespace)
        self._intermixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False


def file_argument(text: str) -> Path | None:
    """FILE as typed: `-` is a standard stream (`None`); a file named "-" is `./-`."""
    return None if text == STANDARD_STREAM else Path(text)


def _add_common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """`--data` is accepted before or after the subcommand; the later one wins."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--data",
        metavar="DIR",
        default=default,
        help=f"data folder (default: ${DATA_ENV}, else your user data folder)",
    )


THEMED_COMMANDS = frozenset({"serve"})  # and the app itself, run without a command


def _add_theme(parser: argparse.ArgumentParser, *, top: bool, shown: bool = True) -> None:
    """`--theme`, like `--data`, before or after the subcommand; the later one wins."""
    option = parser.add_argument(
        "--theme",
        metavar="NAME",
        default=None if top else argparse.SUPPRESS,
        help="theme for this run: coach-light, coach-contrast… or one of your own"
        if shown
        else argparse.SUPPRESS,
    )
    option.completer = _theme_names  # type: ignore[attr-defined]  # argcomplete reads it


def _theme_names(*, parsed_args: argparse.Namespace, **_: object) -> list[str]:
    """On Tab after `--theme`: the themes this run would find (the built-ins, the config
    folder's, the data folder's). Only then is the theme code (and Textual) loaded."""
    from coach_tui.ui.themes import discover_themes, theme_folders

    try:
        data_dir = resolve_data_dir(getattr(parsed_args, "data", None))
    except StoreError:  # `--data ""`: the built-ins and the config folder's still count
        data_dir = None
    return discover_themes(theme_folders(data_dir)).names


def _add_theme_to_commands(commands: argparse._SubParsersAction) -> None:
    """Every command reads `--theme` after its name too: those that draw the app take it,
    the others (hidden from their help) refuse it in one sentence (`_unused_theme`) rather
    than argparse's "unrecognized arguments"."""
    for name, command in commands.choices.items():
        _add_theme(command, top=False, shown=name in THEMED_COMMANDS)


def _unused_theme(args: argparse.Namespace) -> str | None:
    """Why `--theme` cannot go with this command, or None when it can."""
    if args.theme is None or args.handler in (run_app, run_serve):
        return None
    return (
        "coach: --theme goes with the app (coach --theme NAME) and coach serve; the other "
        "commands print in your terminal's own colours. Nothing was done."
    )


def _add_completion(commands: argparse._SubParsersAction) -> None:
    completion = commands.add_parser(
        "completion",
        help="print the script for Tab completion in bash, zsh or fish",
        description=INSTALL,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    completion.add_argument("shell", choices=SHELLS, help="your shell")
    completion.set_defaults(handler=run_completion)


def _complete_if_asked(parser: argparse.ArgumentParser) -> None:
    """On Tab, the script from `coach completion` runs coach with `_ARGCOMPLETE` set:
    argcomplete answers from this parser and ends the process. Any other run imports
    nothing of it."""
    if "_ARGCOMPLETE" in os.environ:
        from argcomplete import autocomplete

        autocomplete(parser)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coach",
        description="A personal sales coach in your terminal. Run without a command to open it.",
        epilog="Tab completion: coach completion bash|zsh|fish prints the script to install "
        "(coach completion --help says where).",
    )
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    _add_theme(parser, top=True)
    _add_common(parser, top=True)
    parser.set_defaults(handler=run_app)
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", parser_class=CommandParser
    )

    doctor = commands.add_parser(
        "doctor",
        help="check the data files and, with --restore, put back the newest good backup",
        description="Check every data file. Nothing is changed unless you pass --restore.",
    )
    doctor.add_argument(
        "--restore",
        action="store_true",
        help="replace damaged files with their newest good backup (damaged files are kept)",
    )
    _add_common(doctor, top=False)
    doctor.set_defaults(handler=run_doctor)

    demo = commands.add_parser(
        "demo",
        help="fill an empty data folder with invented accounts, goals and history to explore",
        description="Write invented data (no real people or companies) into an empty folder.",
    )
    demo.add_argument(
        "--years", type=int, default=1, metavar="N", help="years of history, 1-10 (default 1)"
    )
    demo.add_argument("--seed", type=int, default=7, help="same seed, same data (default 7)")
    _add_common(demo, top=False)
    demo.set_defaults(handler=run_demo)

    importing = commands.add_parser(
        "import",
        help="add contacts (LinkedIn, vCard) or bring back a `coach export json` file",
        description="Read the whole file first; save every readable new contact in one "
        "write, or nothing. json: everything from `coach export json`, into an empty folder.",
    )
    importing.add_argument("kind", choices=["linkedin", "vcard", "json"], help="what the file is")
    importing.add_argument(
        "file",
        type=file_argument,
        help="Connections.csv, a .vcf or a .json file (json: - reads standard input)",
    )
    importing.add_argument(
        "--account",
        metavar="NAME",
        help="contacts only: put everyone on this account (else by company)",
    )
    importing.add_argument(
        "--dry-run",
        action="store_true",
        help="report what would happen; save nothing (works while coach is open)",
    )
    _add_common(importing, top=False)
    importing.set_defaults(handler=run_import_command)

    today = commands.add_parser(
        "today",
        help="print today's agenda (calls, touches, promises, stalls, pace) and exit",
        description="Works while coach is open; it reads without taking the lock.",
    )
    shape = today.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print it as JSON for scripts")
    shape.add_argument(
        "--format",
        metavar="TEMPLATE",
        dest="template",
        help="one line for a status bar, e.g. '{calls} calls · next {next_time} {next_account}'"
        f" (fields: {', '.join(STATUS_FIELDS)})",
    )
    today.add_argument(
        "--plain", action="store_true", help="plain text: no colour, no style (NO_COLOR: no colour)"
    )
    today.add_argument("--all", action="store_true", help="every line of each list, none cut")
    _add_common(today, top=False)
    today.set_defaults(handler=run_today_command)

    export = commands.add_parser(
        "export",
        help="write a calendar (ics), a weekly review (Markdown) or everything (json)",
        description="ics: calls (the last 90 days and all to come; --all for every one), "
        "open touches and promises for a calendar app. review: one "
        "week's review with its figures. json: all your data, for `coach import json`. Works "
        "while coach is open; it reads without taking the lock.",
    )
    export.add_argument("format", choices=["ics", "review", "json"], help="what to write")
    export.add_argument(
        "file",
        type=file_argument,
        nargs="?",
        help="where to write it (none or -: standard output; never inside the data folder)",
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="replace FILE if it exists (on a terminal, coach asks instead)",
    )
    export.add_argument(
        "--week",
        metavar="2026-W47",
        help="review only: which ISO week (default: the one the coach offers today)",
    )
    export.add_argument(
        "--all",
        action="store_true",
        dest="all_calls",
        help="ics only: every call, not just the last 90 days and those to come",
    )
    _add_common(export, top=False)
    export.set_defaults(handler=run_export)

    serve = commands.add_parser(
        "serve",
        help="open coach in your browser (a local web server on 127.0.0.1)",
        description="It prints an address with a token made for this run: only a browser tab "
        "opened from that address can use coach. Each tab runs its own coach on the data "
        "folder; like a second terminal, a second tab is refused by the folder lock (this "
        "terminal says why). Ctrl+C stops the server.",
    )
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    _add_common(serve, top=False)
    serve.set_defaults(handler=run_serve)

    config = commands.add_parser(
        "config",
        help="where your config.toml is (theme, currency, date order, holidays, keys)",
        description="config.toml holds the settings you edit by hand; the app writes the "
        "ones you choose there too, keeping your comments.",
    )
    config.add_argument("action", choices=["path"], help="path: print where the file is")
    _add_common(config, top=False)
    config.set_defaults(handler=run_config)
    _add_completion(commands)
    _add_theme_to_commands(commands)
    return parser


def run_app(args: argparse.Namespace) -> int:
    """Open the data folder (locked, checked) and run the full-screen app on it."""
    from coach_tui.process import pause_collector_for_start

    pause_collector_for_start()  # until the first screen is drawn (`CoachApp`)
    from coach_tui.ui.app import CoachApp

    return run_app_on(resolve_data_dir(args.data), CoachApp, theme=args.theme)


def run_app_on(
    data_dir: Path,
    app_class: type[CoachApp],
    *,
    theme: str | None = None,
    headless: bool = False,
    ask: FolderAsker | None = None,
) -> int:
    """Run `app_class` on the folder; once it closed cleanly, end the process at once.

    A folder that holds other files and no coach data is used only if the seller says so
    (`ask`, by default a question on the terminal; never yes when headless). Only a clean
    close ends the process here (see `coach_tui.process`); an error propagates to
    `main`, which reports it. The start-up benchmarks run their timed app through this
    too, so they measure what `coach` does.
    """
    from coach_tui.process import end_process

    with open_for_app(data_dir, ask or (_never if headless else _ask_on_terminal)) as repo:
        app = app_class(repo, theme=theme)
        app.run(headless=headless)
        code = app.return_code or EXIT_OK
    end_process(code)


FolderAsker = Callable[[Path, str], bool]


def open_for_app(data_dir: Path, ask: FolderAsker) -> Repository:
    """The repository for the app; `FolderDeclined` when the seller kept coach out of a
    folder of other files."""
    from coach_tui.process import loading_long_lived_data
    from coach_tui.store.errors import FolderDeclined, NotACoachFolder
    from coach_tui.store.repository import Repository

    try:
        with loading_long_lived_data():
            return Repository.open(data_dir, backup_later=True)
    except NotACoachFolder as refusal:
        if not ask(refusal.path, refusal.sample):
            raise FolderDeclined(data_dir) from None
    with loading_long_lived_data():
        return Repository.open(data_dir, adopt=True, backup_later=True)


def _ask_on_terminal(folder: Path, sample: str) -> bool:
    from coach_tui.ui.screens.folder_question import ask_to_use_folder

    return ask_to_use_folder(folder, sample)


def _never(_folder: Path, _sample: str) -> bool:
    return False


def run_doctor(args: argparse.Namespace) -> int:
    """Print a health report of the data folder; restore from backup if asked."""
    from coach_tui.commands.doctor import print_doctor

    return print_doctor(resolve_data_dir(args.data), restore=args.restore)


def run_demo(args: argparse.Namespace) -> int:
    """Generate demo data into an empty data folder."""
    from coach_tui.commands.demo import write_demo

    return write_demo(resolve_data_dir(args.data), years=args.years, seed=args.seed)


def run_import_command(args: argparse.Namespace) -> int:
    """Import contacts from a file, or a whole export, into the data folder."""
    if args.kind == "json":
        if args.account is not None:
            print_error("--account goes with contact imports only.")
            return EXIT_USAGE
        if args.file is None and sys.stdin is not None and sys.stdin.isatty():
            print_error(
                "coach import json - reads an export piped into it, e.g. coach import json - "
                "< export.json; here standard input is the terminal. Nothing was imported."
            )
            return EXIT_USAGE
        from coach_tui.commands.import_json import import_json

        return import_json(resolve_data_dir(args.data), args.file, dry_run=args.dry_run)
    if args.file is None:
        print_error(
            f"coach import {args.kind} reads a file: give its path (only json reads "
            "standard input)."
        )
        return EXIT_USAGE
    from coach_tui.commands.import_contacts import run_import

    return run_import(
        resolve_data_dir(args.data),
        args.kind,
        args.file,
        account=args.account,
        dry_run=args.dry_run,
    )


def run_today_command(args: argparse.Namespace) -> int:
    """Print today's agenda."""
    from coach_tui.commands.today import run_today

    return run_today(
        resolve_data_dir(args.data),
        as_json=args.json,
        plain=args.plain,
        everything=args.all,
        template=args.template,
    )


def run_export(args: argparse.Namespace) -> int:
    """Export the calendar, a weekly review or everything."""
    if args.all_calls and args.format != "ics":
        print_error("--all goes with 'coach export ics' only.")
        return EXIT_USAGE
    if args.format == "review":
        from coach_tui.commands.export_review import export_review

        return export_review(
            resolve_data_dir(args.data), args.file, week_text=args.week, force=args.force
        )
    if args.week is not None:
        print_error("--week goes with 'coach export review' only.")
        return EXIT_USAGE
    if args.format == "json":
        from coach_tui.commands.export_json import export_json

        return export_json(resolve_data_dir(args.data), args.file, force=args.force)
    from coach_tui.commands.export import export_ics

    return export_ics(
        resolve_data_dir(args.data), args.file, force=args.force, everything=args.all_calls
    )


def run_serve(args: argparse.Namespace) -> int:
    """Serve the app to a local browser."""
    from coach_tui.commands.serve import serve

    return serve(resolve_data_dir(args.data), port=args.port, theme=args.theme)


def run_completion(args: argparse.Namespace) -> int:
    """Print the shell's completion script."""
    from coach_tui.commands.completion import print_completion

    return print_completion(args.shell)


def run_config(_args: argparse.Namespace) -> int:
    """Print where config.toml is (it need not exist yet)."""
    from coach_tui.model.text import printable
    from coach_tui.store.config_file import config_path

    print(printable(str(config_path())))
    return EXIT_OK


def _log_crash(data: str | None) -> Path | None:
    """Log the error in the data folder if it is coach's: never in someone else's, and not
    in an empty one, which the log would turn into a folder coach has to ask about.

    The log's module is loaded only here, when there is a crash to log: every command
    would otherwise pay for it at start-up.
    """
    try:
        from coach_tui.crash_log import write_crash_log
        from coach_tui.store.folder import FolderKind, inspect_folder

        folder = resolve_data_dir(data)
        if inspect_folder(folder).kind is not FolderKind.COACH:
            return None
        return write_crash_log(folder)
    except (ImportError, OSError, StoreError):  # no log then; the sentence is still said
        return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `coach` and `python -m coach_tui`.

    A reader that closes the pipe early (`coach today | head -1`) took what it wanted:
    coach stops printing and exits 0, without a word (see `commands/streams.py`).
    """
    try:
        code = _run(argv)
        if sys.stdout is not None:  # None when started with standard output closed
            sys.stdout.flush()  # a closed pipe shows here, not at exit where it can't be caught
    except BrokenPipeError:
        let_closed_stream_be(sys.stdout)
        return EXIT_OK
    return code


def _report_config_problems(reporter: Callable[[str], None] | None) -> None:
    """A command that reads the settings says on standard error which lines of config.toml
    it could not use (only then: the settings module is not loaded for nothing)."""
    from coach_tui.store.config_report import report_config_problems_to

    report_config_problems_to(reporter)


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    _complete_if_asked(parser)
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    refusal = _unused_theme(args)
    if refusal is not None:
        print_error(refusal)
        return EXIT_USAGE
    try:
        if handler is not run_app and handler is not run_serve:  # the app shows them itself
            _report_config_problems(print_error)
        return handler(args)
    except BrokenPipeError:
        raise
    except StoreError as error:
        message = str(error)  # some already begin "coach cannot…": name coach once
        print_error(message if message.startswith("coach ") else f"coach: {message}")
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        log = _log_crash(args.data)
        where = f" Details are in {log}." if log else ""
        print_error(
            f"coach: unexpected error ({type(error).__name__}: {error}). Your saved data is "
            f"safe.{where}"
        )
        return EXIT_FAILED
    finally:
        _report_config_problems(None)
