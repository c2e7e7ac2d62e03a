"""No command hands Rich a string built from data: user text goes through `data()`/`line()`.

Rich parses every `str` it prints as markup (`[/]` crashes, `[link=…]` links, `[bold]`
styles) and sends its escape codes to the terminal. So in the commands, what reaches a Rich
printer (`print`, `add_row`, a table's title, a status line) must be a string literal — our
own wording, which may use markup — or a `Text` made by `coach_tui/commands/output.py`,
which shows text literally with control codes as pictures. This reads the source and
names every other argument, so a new printer cannot slip back to `f"[bold]{name}[/]"`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "coach_tui"
# Everything coach prints outside the full-screen app. output.py is the door itself
# (streams.py, for standard error, is checked: its print takes printable() text).
SOURCES = sorted(
    [*(PACKAGE / "commands").glob("*.py"), PACKAGE / "cli.py", PACKAGE / "crash_log.py"]
)
DOOR = PACKAGE / "commands" / "output.py"

# Methods of Rich's Console, Table, Status, Progress and prompts (`Confirm.ask`) that read
# markup in a str.
PRINTING_METHODS = {
    "print", "log", "rule", "status", "input", "ask", "add_row", "add_column", "add_task"
}  # fmt: skip
# Text's builders that keep what they are given, escape codes and all.
TEXT_BUILDERS = {"assemble", "from_ansi"}
# Methods whose positional arguments are ids or numbers, but some keywords are shown.
UPDATING_METHODS = {"update"}
# Constructors whose text arguments are markup (or, for Text, kept with its escape codes).
PRINTING_CLASSES = {
    "Table", "Panel", "Padding", "Group", "Columns", "Align",
    "Rule", "Text", "TextColumn", "Markdown", "Status",
}  # fmt: skip
# Keyword arguments that are shown as text (the rest are styles, widths and flags).
SHOWN_KEYWORDS = {
    "title",
    "caption",
    "header",
    "footer",
    "renderable",
    "status",
    "text",
    "description",
}
# What the door makes: Text with user text shown literally.
DOOR_FUNCTIONS = {"data", "line", "shell_word"}
# Renderables that hold others: what they are given is checked where they are built (a
# str given to one is markup too), so one built here is safe to print.
CONTAINERS = {"Table", "Panel", "Padding", "Group", "Columns", "Align"}
# Raw writes to these read no markup, but let every control code through.
STANDARD_STREAMS = ("sys.stdout", "sys.stderr")


def _callee(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _imports_rich_print(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.ImportFrom)
        and (node.module or "").split(".")[0] == "rich"
        and any(alias.name == "print" for alias in node.names)
    )


def _callee_of(node: ast.expr) -> str:
    return _callee(node) if isinstance(node, ast.Call) else ""


class _Checker:
    """Finds the arguments of printing calls that are neither literals nor door-made Text."""

    def __init__(self, tree: ast.Module) -> None:
        self.text_helpers = {
            node.name
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef)
            and isinstance(node.returns, ast.Name | ast.Constant)
            # A helper returning Text is a door of its own; one returning a Table is a
            # container whose rows were checked where they were added.
            and getattr(node.returns, "id", getattr(node.returns, "value", "")) in {"Text", "Table"}
        }
        self.problems: list[tuple[int, str]] = []

    def check_module(self, tree: ast.Module) -> None:
        """Every function, and the statements at the top of the module."""
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self.check_function(node)
            elif _imports_rich_print(node):  # a print that reads markup
                self.problems.append((node.lineno, "from rich import print"))
        definitions = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
        top = [statement for statement in tree.body if not isinstance(statement, definitions)]
        self.check_function(ast.Module(body=top, type_ignores=[]))

    def check_function(self, function: ast.FunctionDef | ast.Module) -> None:
        assigned: dict[str, list[ast.expr | None]] = {}
        for node in ast.walk(function):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    self._bind(assigned, target, node.value)
            elif isinstance(node, ast.AnnAssign | ast.AugAssign):
                self._bind(assigned, node.target, node.value)
            elif isinstance(node, ast.For | ast.comprehension):
                self._bind(assigned, node.target, None)
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                self._bind(assigned, node.optional_vars, None)
            elif isinstance(node, ast.arg):
                annotation = ast.unparse(node.annotation) if node.annotation else ""
                safe = annotation in {"Text", "Table", "RenderableType"}
                assigned.setdefault(node.arg, []).append(
                    ast.Constant("") if safe else None  # a parameter: unknown text
                )
        for node in ast.walk(function):
            if isinstance(node, ast.Call):
                self._check_call(node, assigned)
        if getattr(function, "name", None) in self.text_helpers:
            # A helper trusted as a door of its own must return what a door makes.
            for node in ast.walk(function):
                returned = node.value if isinstance(node, ast.Return) else None
                if returned is not None and not self._safe(returned, assigned, seen=set()):
                    self.problems.append((returned.lineno, f"return {ast.unparse(returned)}"))

    @staticmethod
    def _bind(assigned: dict[str, list[ast.expr | None]], target: ast.expr, value) -> None:
        for name in ast.walk(target):
            if isinstance(name, ast.Name):
                assigned.setdefault(name.id, []).append(value)

    def _check_call(self, call: ast.Call, assigned: dict[str, list[ast.expr | None]]) -> None:
        callee = _callee(call)
        is_method = isinstance(call.func, ast.Attribute)
        if callee == "write" and is_method:
            if ast.unparse(call.func.value).startswith(STANDARD_STREAMS):
                for arg in call.args:
                    if not (isinstance(arg, ast.Constant) or _callee_of(arg) == "printable"):
                        self.problems.append((arg.lineno, f"write({ast.unparse(arg)})"))
            return
        if isinstance(call.func, ast.Name) and callee == "print":
            # The builtin print reads no markup, but passes control codes: fixed wording, or
            # text made printable() (streams.print_error, output.print_json).
            for arg in call.args:
                if not (isinstance(arg, ast.Constant) or _callee_of(arg) == "printable"):
                    self.problems.append((arg.lineno, f"print({ast.unparse(arg)})"))
            return
        if callee in {"from_markup", *TEXT_BUILDERS} or (callee in PRINTING_METHODS and is_method):
            shown = [*call.args, *(k.value for k in call.keywords if k.arg in SHOWN_KEYWORDS)]
        elif callee in UPDATING_METHODS and is_method:
            shown = [k.value for k in call.keywords if k.arg in SHOWN_KEYWORDS]
        elif callee in PRINTING_CLASSES:
            shown = [*call.args, *(k.value for k in call.keywords if k.arg in SHOWN_KEYWORDS)]
            if callee == "Text":
                shown = [arg for arg in call.args if not isinstance(arg, ast.Constant)]
                for arg in shown:
                    self.problems.append((arg.lineno, f"Text({ast.unparse(arg)})"))
                return
        else:
            return
        for argument in shown:
            if not self._safe(argument, assigned, seen=set()):
                self.problems.append((argument.lineno, f"{callee}(… {ast.unparse(argument)} …)"))

    def _safe(self, node: ast.expr, assigned: dict, seen: set[str]) -> bool:
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.IfExp):
            return self._safe(node.body, assigned, seen) and self._safe(node.orelse, assigned, seen)
        if isinstance(node, ast.Call):
            callee = _callee(node)
            return callee in DOOR_FUNCTIONS | CONTAINERS or callee in self.text_helpers
        if isinstance(node, ast.Name) and node.id not in seen:
            values = assigned.get(node.id)
            if not values:
                return False
            seen.add(node.id)
            return all(v is not None and self._safe(v, assigned, seen) for v in values)
        return False


def markup_problems(source: str) -> list[tuple[int, str]]:
    """(line, call) for every printing call given text that is neither literal nor safe."""
    tree = ast.parse(source)
    checker = _Checker(tree)
    checker.check_module(tree)
    return sorted(set(checker.problems))


@pytest.mark.parametrize("path", [p for p in SOURCES if p != DOOR], ids=lambda p: p.name)
def test_printers_give_rich_only_literals_and_door_made_text(path: Path) -> None:
    problems = markup_problems(path.read_text(encoding="utf-8"))
    assert not problems, (
        f"{path.name}: user text must reach Rich through data()/line() from "
        f"coach_tui/commands/output.py, never in a str: {problems}"
    )


@pytest.mark.parametrize(
    "snippet",
    [
        'def f(out, name):\n    out.print(f"Hello [bold]{name}[/]")',
        'def f(out, name):\n    out.print("Hello " + name)',
        "def f(out, name):\n    out.print(escape(name))",
        "def f(out, company):\n    table.add_row(company, '1')",
        "def f(out, report):\n    table.add_row(report.path.name)",
        'def f(out, name):\n    message = f"Hi {name}"\n    out.print(message)',
        "def f(out, rows):\n    for row in rows:\n        out.print(row)",
        'def f(name):\n    table = Table(title=f"{name}")',
        "def f(name):\n    out.print(Text(name))",
        'def f(error):\n    print(f"coach: {error}", file=sys.stderr)',
        "def f(document):\n    print(json.dumps(document))",
        'def f(n):\n    with out.status(f"Saving {n}…"):\n        pass',
        "def f(bar, task, name):\n    bar.update(task, description=name)",
        'def f(out, target):\n    Confirm.ask(f"{target} exists. Replace it?", console=out)',
        'def f(out, name):\n    out.print(Panel(f"[b]{name}[/]"))',
        "def f(out, name):\n    out.print(Padding(name, 1))",
        "def f(out, names):\n    out.print(Columns(names))",
        "def f(name):\n    table = Table(name)",
        "def f(out, name):\n    out.print(rich.panel.Panel(name))",
        'def f(name):\n    sys.stdout.write(f"{name}\\n")',
        "def f(payload):\n    sys.stderr.buffer.write(payload)",
        "def cell(name) -> Text:\n    return Text.assemble(name)",
        "def cell(name) -> Text:\n    return Text.from_ansi(name)",
        "from rich import print\ndef f(name):\n    print(printable(name))",
        'out.print(f"[b]{sys.argv[1]}[/]")',
    ],
)
def test_the_check_catches_text_built_into_a_printed_string(snippet: str) -> None:
    assert markup_problems(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        'def f(out):\n    out.print("Run [bold]coach doctor --restore[/] now.")',
        'def f(out, name):\n    out.print(line("Hello ", data(name, "bold")))',
        "def f(out, rows):\n    table = Table(title=line('Rows'))\n    out.print(table)",
        'def f(out, n):\n    x = line("a") if n else data(n)\n    out.print(x)',
        "def f(out, name: Text):\n    out.print(name)",
        'def f(out):\n    print("--week goes with review only.", file=sys.stderr)',
        "def f(line):\n    print(printable(line), file=sys.stderr)",
        "def f(out, question: Text):\n    Confirm.ask(question, console=out)",
        "def f(out):\n    table = Table()\n    out.print(Panel(table, title='Files'))",
        "def f(name):\n    sys.stdout.write(printable(name))",
        "def cell(name) -> Text:\n    return data(name, 'bold')",
        "def rows() -> Table:\n    table = Table()\n    return table",
        "def f(parts):\n    parts.append(parts)",
    ],
)
def test_the_check_lets_literals_and_door_made_text_through(snippet: str) -> None:
    assert markup_problems(snippet) == []
