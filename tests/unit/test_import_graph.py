"""The house's layers, drawn from its imports: no loop, and no arrow pointing upwards.

The graph is read with `ast` from the source, counting every import that runs (module level
or inside a function); imports under `if TYPE_CHECKING:` draw no arrow at run time and are
left out. The layer order is the one README "Architecture" draws.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "coach_tui"

# Lowest first. A module may import its own package and any package of a lower layer;
# packages on one layer are peers and do not import each other.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"", "model"}),  # "" is coach_tui/__init__.py (the version)
    frozenset({"coaching"}),
    frozenset({"store"}),
    frozenset({"interop"}),
    frozenset({"services", "demo", "crash_log", "process"}),
    frozenset({"commands", "ui"}),
    frozenset({"cli"}),
    frozenset({"__main__"}),
)
RANK = {package: rank for rank, packages in enumerate(LAYERS) for package in packages}


def _module_names() -> dict[str, Path]:
    names = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ("coach_tui", *path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


MODULES = _module_names()


def _known(name: str) -> str:
    """The longest prefix of `name` that is a module of the package."""
    while name not in MODULES and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def _is_type_checking(node: ast.If) -> bool:
    return "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(module: str, path: Path) -> Iterator[str]:
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]

    def walk(node: ast.AST) -> Iterator[str]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                yield from (name for orelse in child.orelse for name in walk_one(orelse))
                continue
            yield from walk_one(child)

    def walk_one(node: ast.AST) -> Iterator[str]:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("coach_tui"):
                    yield _known(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                full = ".".join([*base, *([node.module] if node.module else [])])
            else:
                full = node.module or ""
            if full.startswith("coach_tui"):
                for alias in node.names:
                    yield _known(f"{full}.{alias.name}")
        else:
            yield from walk(node)

    yield from walk(ast.parse(path.read_text(encoding="utf-8")))


GRAPH: dict[str, set[str]] = {
    module: {target for target in _imports(module, path) if target != module}
    for module, path in MODULES.items()
}


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in GRAPH.get(module, ()):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    return groups


def test_every_package_has_a_layer() -> None:
    assert {_package(module) for module in MODULES} <= set(RANK)


def test_no_import_cycle() -> None:
    assert _cycles() == []


def test_no_import_points_to_a_higher_layer_or_a_peer() -> None:
    upward = sorted(
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if _package(target) != _package(module) and RANK[_package(target)] >= RANK[_package(module)]
    )
    assert upward == []


SCREENS = "coach_tui.ui.screens."


@pytest.mark.parametrize("module", sorted(name for name in MODULES if name.startswith(SCREENS)))
def test_a_screen_imports_neither_the_app_nor_another_screen(module: str) -> None:
    wrong = sorted(
        target
        for target in GRAPH[module]
        if target == "coach_tui.ui.app" or (target.startswith(SCREENS) and target != module)
    )
    assert wrong == []


KIT = "coach_tui.ui.kit"


@pytest.mark.parametrize("module", sorted(name for name in MODULES if name.startswith(KIT)))
def test_a_kit_module_imports_neither_the_app_nor_a_screen(module: str) -> None:
    """Base screens and shared mixins open other screens through routes (`ui/routes.py`)
    and reach the app through its protocol (`ui/host.py`), never by importing them."""
    wrong = sorted(
        target
        for target in GRAPH[module]
        if target == "coach_tui.ui.app" or target.startswith(SCREENS)
    )
    assert wrong == []


def test_only_the_app_imports_the_router() -> None:
    """The router is the one module that imports every screen; were a screen to import it,
    the loop would be back."""
    importers = sorted(
        module for module, targets in GRAPH.items() if "coach_tui.ui.router" in targets
    )
    assert importers == ["coach_tui.ui.app"]


def test_the_graph_sees_lazy_imports_and_skips_type_checking_ones(tmp_path: Path) -> None:
    """Imports inside a function run, so they count; `if TYPE_CHECKING:` ones never run."""
    source = tmp_path / "probe.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from coach_tui.ui.app import CoachApp\n"
        "def later():\n    from coach_tui.model.day import DayPlan\n",
        encoding="utf-8",
    )
    seen = set(_imports("coach_tui.probe", source))
    assert "coach_tui.ui.app" not in seen
    assert seen == {"coach_tui.model.day"}
