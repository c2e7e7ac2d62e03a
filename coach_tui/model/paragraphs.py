"""Pieces of advice shown together, each on a line of its own.

Run together with a space, two coach's messages read as one muddled sentence where the first
ends in a quotation ("…at one plant”. That is hard to check…"). Each piece is a paragraph.
"""

from __future__ import annotations


def paragraphs(*pieces: str) -> str:
    """`pieces` one per line, blanks left out: for a coach's messages and what to press next."""
    return "\n".join(text for piece in pieces if (text := piece.strip()))
