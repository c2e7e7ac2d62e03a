"""A trend as bars on a fixed scale, every week as wide as the others.

Textual's `Sparkline` scales each line to its own lowest and highest value (a steady 100%
drew as a flat bottom line) and shares columns out unevenly between weeks; these bars are
drawn by `coaching.trends.bar_rows` on the series' own scale (0–100 for shares).
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from coach_tui.coaching.trends import Series, bar_rows
from coach_tui.ui.text import plain


class TrendBars(Widget):
    """One series' bars, as tall as the widget."""

    DEFAULT_CSS = """
    TrendBars {
        height: 3;
        color: $primary;
    }
    """

    def __init__(self, series: Series, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.series = series

    def render(self) -> Content:
        size = self.content_size
        return plain("\n".join(bar_rows(self.series, size.width, size.height)))
