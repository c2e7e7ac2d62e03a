"""A screen's active keys in the order its classes declare them, keymap or not.

Textual's keymap (config.toml's `[keys]`) moves each key it changes to the end of its
node's bindings; the footer and the ? help list keys in the order the screen declares
them, so both read the bindings through here.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.screen import ActiveBinding


def in_declared_order(active: Mapping[str, ActiveBinding]) -> list[tuple[str, ActiveBinding]]:
    """`active`'s items, the chain's nodes as met, each node's bindings as it declares them."""
    nodes: dict[int, int] = {}
    placed = []
    for key, info in active.items():
        node_place = nodes.setdefault(id(info.node), len(nodes))
        placed.append(((node_place, _declared_place(type(info.node), info.binding)), key, info))
    placed.sort(key=lambda item: item[0])
    return [(key, info) for _place, key, info in placed]


@cache
def declared_bindings(node_type: type[DOMNode]) -> tuple[Binding, ...]:
    """The bindings `node_type` and its bases declare (one per key), bases' first, as
    Textual merges them: read from the public `BINDINGS` of each class."""
    keys: dict[str, list[Binding]] = {}
    for base in reversed(node_type.__mro__):
        if issubclass(base, DOMNode):
            for key, bindings in BindingsMap(
                base.__dict__.get("BINDINGS", [])
            ).key_to_bindings.items():
                keys[key] = bindings
    return tuple(binding for bindings in keys.values() for binding in bindings)


@cache
def _declared_order(node_type: type[DOMNode]) -> dict[str, int]:
    """Each action's place among the bindings `node_type` declares (its bases' included)."""
    order: dict[str, int] = {}
    for binding in declared_bindings(node_type):
        order.setdefault(binding.action, len(order))
    return order


def _declared_place(node_type: type[DOMNode], binding: Binding) -> int:
    order = _declared_order(node_type)
    return order.get(binding.action, len(order))
