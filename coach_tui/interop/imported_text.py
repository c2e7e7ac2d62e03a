"""Text in an imported `coach export json` file, cleaned by the rules typed text follows.

What a seller types is cleaned before it is stored: a saved record's text by `clean_text`
(whose character rule is `clean_characters`: no control codes, bidi overrides or BOMs,
NFC), a flow's draft by `keepable` (what was typed, tabs and all, minus control codes). An
export file can be edited by hand or written by another program, so every string in its
records is cleaned by the same rule before it is checked and saved — the one rule LinkedIn
and vCard imports follow too. A file coach exported itself holds only text its forms
stored, which these rules leave as it is, so its round trip stays byte for byte the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coach_tui.model.draft import keepable
from coach_tui.model.text import clean_characters

# Drafts keep work in progress as it was typed; every other table holds saved records.
_RULE_FOR_TABLE: dict[str, Callable[[str], str]] = {"drafts": keepable}


def clean_imported_text(tables: dict[str, list[dict[str, Any]]]) -> int:
    """Clean every string value in the records, in place; how many had to change.

    Keys are left alone: they are field names, which the record checks refuse when unknown.
    """
    return sum(
        _clean_values(record, _RULE_FOR_TABLE.get(table, clean_characters))
        for table, records in tables.items()
        for record in records
    )


def _clean_values(container: dict[str, Any] | list[Any], rule: Callable[[str], str]) -> int:
    changed = 0
    slots = container.items() if isinstance(container, dict) else enumerate(container)
    for slot, value in slots:
        if isinstance(value, str):
            cleaned = rule(value)
            if cleaned != value:
                container[slot] = cleaned  # type: ignore[index]
                changed += 1
        elif isinstance(value, dict | list):
            changed += _clean_values(value, rule)
    return changed
