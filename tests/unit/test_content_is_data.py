"""No screen builds a markup string out of text: the seller's words go through `ui/text.py`.

Textual reads a plain `str` given to a widget as markup: `Static(f"Hi {name}")` with a name
of `[/]` crashes, `[@click=app.quit]` becomes a link that quits, `Lee [Hiring]` loses its
bracket. So wherever text is drawn — a widget's content, a table cell, an option, a tab, a
border title, a tooltip — what is passed must be a literal written here, a variable, or the
result of a call (`plain()`, `cell()`, or a function that builds `Content` from them). A
formatted string (f-string, `+`, `%`, `.format`, `.join`), a value's text (`str(error)`,
`name.strip()`) or a record's field passed straight in is the slip this test catches. Text
built into `Content`/`Text` by hand must be literal or go through `plain()`/`cell()`, which
also make control codes visible.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

UI = Path(__file__).parents[2] / "coach_tui" / "ui"
DOOR = UI / "text.py"  # plain(), cell(), editable(): where text becomes content

# Calls whose text arguments Textual or Rich draw, reading a `str` as markup.
DRAWN_BY = frozenset(
    {
        "Static", "Label", "Button", "Option", "Selection", "RadioButton", "Checkbox",
        "Select", "SelectionList", "OptionList", "Hit", "DiscoveryHit", "Tooltip",
        "TabbedContent", "TabPane", "Tab", "Collapsible", "RadioSet", "Link",
        "update", "add_row", "add_rows", "add_column", "add_columns", "add_option",
        "add_options", "set_options", "update_cell", "update_cell_at",
        "replace_option_prompt", "replace_option_prompt_at_index",
    }
)  # fmt: skip
# Keyword arguments of those calls that hold text to draw (the others are ids, keys, values).
TEXT_KEYWORDS = frozenset({"label", "prompt", "help", "content", "renderable", "title", "tooltip"})
# Where the drawn text sits among the positional arguments, when not all of them are text.
DRAWN_POSITIONS = {
    "Hit": slice(1, 2),
    "DiscoveryHit": slice(0, 1),
    "TabPane": slice(0, 1),  # the rest are the pane's widgets
    "Collapsible": slice(0, 0),  # its widgets; the title is a keyword
    "update_cell": slice(2, 3),  # (row key, column key, value)
    "update_cell_at": slice(1, 2),  # (coordinate, value)
    "replace_option_prompt": slice(1, 2),  # (option id, prompt)
    "replace_option_prompt_at_index": slice(1, 2),
}
# Readers of markup by name (`Content.from_text` reads a `str` as markup too).
MARKUP_READERS = frozenset({"from_markup", "from_text"})
# Calls that turn a value into text as it is: `str(error)` quotes the file the error names.
CONVERTERS = frozenset({"str", "repr", "format"})
# `str` methods that keep the text they are called on (`name.strip()` is still the name).
TEXT_METHODS = frozenset(
    {
        "strip", "lstrip", "rstrip", "upper", "lower", "title", "capitalize", "casefold",
        "replace", "removeprefix", "removesuffix", "center", "ljust", "rjust", "expandtabs",
    }
)  # fmt: skip
# Inputs draw their starting value as it is (no markup, but control codes too): a stored
# string goes in through `editable()`.
FILLED_BY = frozenset({"TextArea", "Input", "load_text"})
# Attributes that Textual draws as markup when set to a `str`.
DRAWN_ATTRIBUTES = frozenset({"border_title", "border_subtitle", "tooltip", "label"})
# Building content by hand: every piece must be a literal or come out of a call.
BUILDERS = frozenset({"Content", "Text"})
PIECEWISE = frozenset({"assemble", "styled"})
# Calls that hand their argument's items on unchanged (sorted options are still options).
PASS_THROUGH = frozenset({"sorted", "list", "tuple", "reversed", "set"})
# Deliberate exceptions, as (file, source of the flagged expression). Keep it short.
ALLOWED: frozenset[tuple[str, str]] = frozenset()


def _formatted(node: ast.expr) -> bool:
    """An expression that builds text from other values."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.FormattedValue) for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return any(
            isinstance(side, ast.JoinedStr | ast.BinOp)
            or (isinstance(side, ast.Constant) and isinstance(side.value, str))
            for side in (node.left, node.right)
        ) or any(_formatted(side) for side in (node.left, node.right))
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "join")
        and not _is_content_join(node)
    )


def _is_content_join(node: ast.Call) -> bool:
    """`Content("\\n").join(parts)`: joining pieces that are already content."""
    owner = node.func.value if isinstance(node.func, ast.Attribute) else None
    return isinstance(owner, ast.Call) and _name(owner.func) in BUILDERS


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Subscript):  # SelectionList[str](…)
        return _name(func.value)
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _unsafe_text(node: ast.expr, data: frozenset[str]) -> Iterator[ast.expr]:
    """The parts of a drawn argument that are text built or taken from data."""
    if isinstance(node, ast.IfExp):
        yield from _unsafe_text(node.body, data)
        yield from _unsafe_text(node.orelse, data)
    elif isinstance(node, ast.Tuple) and node.elts:  # (prompt, value…): the first is drawn
        yield from _unsafe_text(node.elts[0], data)
    elif isinstance(node, ast.List | ast.Set):
        for element in node.elts:
            yield from _unsafe_text(element, data)
    elif isinstance(node, ast.ListComp | ast.GeneratorExp | ast.SetComp):
        yield from _unsafe_text(node.elt, data)
    elif isinstance(node, ast.Starred):
        yield from _unsafe_text(node.value, data)
    elif isinstance(node, ast.Call) and _name(node.func) in PASS_THROUGH and node.args:
        yield from _unsafe_text(node.args[0], data)
    elif _from_data(node, data):
        yield node


def _from_data(node: ast.expr, data: frozenset[str]) -> bool:
    """Text formatted here, a record's field, or a name bound to one of those."""
    if isinstance(node, ast.Name):
        return node.id in data
    return (
        _formatted(node)
        or _text_of_value(node, data)
        or isinstance(node, ast.Attribute | ast.Subscript)
    )


def _text_of_value(node: ast.expr, data: frozenset[str]) -> bool:
    """`str(error)`, `name.strip()`: a call whose result is a value's text, unescaped."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Name) and func.id in CONVERTERS:
        return any(not isinstance(argument, ast.Constant) for argument in node.args)
    if isinstance(func, ast.Attribute) and func.attr in TEXT_METHODS:
        receiver = func.value
        return (
            isinstance(receiver, ast.Constant) and any(_from_data(a, data) for a in node.args)
        ) or (not isinstance(receiver, ast.Constant) and _from_data(receiver, data))
    return False


def _literal_or_call(node: ast.expr, data: frozenset[str]) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.IfExp):
        return _literal_or_call(node.body, data) and _literal_or_call(node.orelse, data)
    if isinstance(node, ast.Name):
        return node.id not in data
    return isinstance(node, ast.Call) and not _formatted(node) and not _text_of_value(node, data)


def _made_editable(node: ast.expr, data: frozenset[str]) -> bool:
    """A literal, a variable that holds no record's text, or `editable(…)`."""
    if isinstance(node, ast.IfExp):
        return _made_editable(node.body, data) and _made_editable(node.orelse, data)
    if isinstance(node, ast.Call):
        return _name(node.func) in ("editable", "printable")
    return isinstance(node, ast.Constant) or (isinstance(node, ast.Name) and node.id not in data)


def _names(target: ast.expr) -> Iterator[str]:
    for node in ast.walk(target):
        if isinstance(node, ast.Name):
            yield node.id


def _holds_data(value: ast.expr, names: set[str]) -> bool:
    return any(True for _ in _unsafe_text(value, frozenset(names)))


def data_names(scope: ast.AST) -> frozenset[str]:
    """Names a function binds to data: loop variables, and fields or text it formats."""
    nodes = list(ast.walk(scope))
    names = {
        name
        for node in nodes
        if isinstance(node, ast.For | ast.comprehension)
        for name in _names(node.target)
    }
    assignments = [node for node in nodes if isinstance(node, ast.Assign | ast.AugAssign)]
    while True:  # until no assignment adds a name (one binding may feed the next)
        before = len(names)
        for node in assignments:
            if _holds_data(node.value, names):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names.update(name for target in targets for name in _names(target))
        if len(names) == before:
            return frozenset(names)


def _drawn_arguments(call: ast.Call) -> Iterator[ast.expr]:
    yield from call.args[DRAWN_POSITIONS.get(_name(call.func), slice(None))]
    yield from (kw.value for kw in call.keywords if kw.arg in TEXT_KEYWORDS)


def violations(tree: ast.AST) -> Iterator[tuple[ast.AST, str]]:
    scopes = [tree, *(node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef))]
    data_of: dict[int, frozenset[str]] = {}
    for scope in scopes:  # outer functions first, so an inner one's own names win
        names = data_names(scope)
        for node in ast.walk(scope):
            data_of[id(node)] = names
    for node in ast.walk(tree):
        data = data_of.get(id(node), frozenset())
        if isinstance(node, ast.Call):
            name = _name(node.func)
            owner = _name(node.func.value) if isinstance(node.func, ast.Attribute) else ""
            if any(kw.arg == "markup" and _truthy(kw.value) for kw in node.keywords):
                yield node, "markup=True reads text as markup"
            if name in MARKUP_READERS:
                if node.args and not isinstance(node.args[0], ast.Constant):
                    yield node.args[0], "markup built from values"
            elif name in BUILDERS and not isinstance(node.func, ast.Attribute):
                for argument in node.args[:1]:
                    if not _literal_or_call(argument, data):
                        yield argument, f"{name}() of text not passed through plain()/cell()"
            elif name in PIECEWISE and owner in BUILDERS:
                pieces = node.args if name == "assemble" else node.args[:1]
                for piece in pieces:
                    text = piece.elts[0] if isinstance(piece, ast.Tuple) and piece.elts else piece
                    if not _literal_or_call(text, data):
                        yield text, f"{owner}.{name}() piece not passed through plain()"
            elif name in DRAWN_BY:
                for argument in _drawn_arguments(node):
                    for part in _unsafe_text(argument, data):
                        yield part, f"{name}() draws text built from values as markup"
            elif name in FILLED_BY:
                values = [*node.args[:1], *(kw.value for kw in node.keywords if kw.arg == "value")]
                for value in values:
                    if not _made_editable(value, data):
                        yield value, f"{name}() shows a stored string not passed through editable()"
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr in DRAWN_ATTRIBUTES:
                    for part in _unsafe_text(node.value, data):
                        yield part, f".{target.attr} = text built from values (read as markup)"
        elif _imports_escape(node):
            yield node, "escape() misses `Lee [Hiring]`; use plain()"


def _imports_escape(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.ImportFrom)
        and node.module in ("rich.markup", "textual.markup")
        and any(alias.name == "escape" for alias in node.names)
    )


def _truthy(node: ast.expr) -> bool:
    return not (isinstance(node, ast.Constant) and not node.value)


def find_slips(source: str, path: str = "<test>") -> list[str]:
    tree = ast.parse(source)
    found = []
    for node, why in violations(tree):
        snippet = ast.get_source_segment(source, node) or ""
        if (path, snippet) not in ALLOWED:
            found.append(f"{path}:{getattr(node, 'lineno', '?')}: {why}: {snippet[:80]}")
    return found


def test_no_screen_formats_text_into_markup() -> None:
    slips = []
    for path in sorted(UI.rglob("*.py")):
        if path == DOOR:
            continue
        relative = str(path.relative_to(UI.parents[1]))
        slips += find_slips(path.read_text(encoding="utf-8"), relative)
    assert not slips, "\n".join(slips)


@pytest.mark.parametrize(
    "source",
    [
        'Static(f"Keys — {name}")',
        "self.query_one(Static).update(step.question)",
        'table.add_row(contact.name, "x")',
        'Option(f"{contact.name} ({role})", id=uid)',
        "SelectionList((label, key, True) for key, label in choices)",
        'SelectionList[str](*[(f"{c.name} ({c.role.value})", c.uid) for c in people])',
        "choice.add_options(Option(label, id=key) for key, label in step.choices)",
        "for touch in touches:\n    who = names[touch.contact_uid]\n    table.add_row(who)",
        "choices = [('Any', '')]\n"
        "choices += sorted((name, uid) for uid, name in accounts.items())\n"
        "Select(choices)",
        'widget.border_title = "Team · " + account.name',
        "Content(why.statement)",
        'Content.assemble((line.account, "bold"), " · ")',
        'Content.styled(f"  → {call.prep.outcome}", "$text-muted")',
        'Text.from_markup(f"[b]{name}[/b]")',
        "app.notify(message, markup=True)",
        "from rich.markup import escape",
        "TextArea(touch.idea, id='idea')",
        "area.load_text(research.get(part))",
        "Input(f'{call.when:%H:%M} {name}')",
        "try:\n    save()\nexcept StoreError as error:\n    feedback.update(str(error))",
        "Label(account.name.strip())",
        'Static(f"Hi {name}".upper())',
        "Content(str(error))",
        "message = str(error)\nStatic(message)",
        'TabPane(f"Team · {account.name}", id="tab-team")',
        "TabbedContent(account.name, 'Research')",
        "Tab(account.name)",
        "Collapsible(Static('x'), title=account.name)",
        "Button('Open', tooltip=account.name)",
        "RadioSet(*[contact.name for contact in contacts])",
        "table.update_cell(uid, 'name', account.name)",
        "table.update_cell_at(coordinate, f'{goal.name}')",
        "options.replace_option_prompt(uid, account.name)",
        "Content.from_text(account.name)",
    ],
)
def test_each_kind_of_slip_is_caught(source: str) -> None:
    assert find_slips(source)


@pytest.mark.parametrize(
    "source",
    [
        'Static("Entry point", classes="section-title")',
        "Static(plain(f'Keys — {name}'))",
        "table.add_row(cell(contact.name), cell(role), key=contact.uid)",
        "Option(plain(label), id=key)",
        'Content.assemble(("Due", "bold"), " · ", plain(line.account, "bold"), parts)',
        'Content("\\n").join(lines)',
        "widget.border_title = plain(account.name)",
        "Select([(plain(name), uid) for uid, name in names.items()])",
        "self.notify(f'Added {contact.name}.')",
        "TextArea(editable(touch.idea), id='idea')",
        "Input(placeholder='e.g. next monday', id='when')",
        "feedback.update(plain(str(error)))",
        "Option(plain(label), id=str(index))",
        'Static(" ".upper())',
        'TabPane("Research", Static(plain(account.name)), id="tab-research")',
        "table.update_cell(uid, 'name', cell(account.name))",
    ],
)
def test_safe_forms_pass(source: str) -> None:
    assert not find_slips(source)
