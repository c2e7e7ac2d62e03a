"""The command palette's coach actions (ctrl+p).

A screen's own commands name its account ("Objective for Max [/] Typed"), so titles and help
are handed to the palette as content, never as the strings Textual would read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.style import Style

from coach_tui.model.folding import fold
from coach_tui.ui.flow_resume import offer_in_progress
from coach_tui.ui.palette_command import PaletteCommand
from coach_tui.ui.routes import PastReviewsRoute, TrendsRoute, WeeklyReviewRoute
from coach_tui.ui.text import plain

if TYPE_CHECKING:
    from coach_tui.ui.app import CoachApp


class CoachCommands(Provider):
    """Every coach action by name; the current screen's own actions come first.

    A screen offers its actions by defining `palette_commands() -> list[PaletteCommand]`
    (the account screen offers that account's objective and team view, for instance).
    """

    def _commands(self) -> list[PaletteCommand]:
        app: CoachApp = self.app  # type: ignore[assignment]
        has_why = app.repo.why.current() is not None
        screen = self.screen
        own = screen.palette_commands() if hasattr(screen, "palette_commands") else []
        return [
            *own,
            PaletteCommand("Accounts", "Your accounts and their objectives", app.action_accounts),
            PaletteCommand(
                "People",
                "Everyone you know at clients; put people on accounts, merge duplicates",
                app.action_people,
            ),
            PaletteCommand(
                "Goals", "Annual targets with pace, and getting-better goals", app.action_goals
            ),
            PaletteCommand(
                "Morning plan", "Today's agenda and your three priorities", app.action_morning
            ),
            PaletteCommand(
                "Calls", "Upcoming calls and their outcomes; calls to debrief", app.action_calls
            ),
            PaletteCommand(
                "Weekly review",
                "Your week in numbers, what went well and not, next week's focus",
                partial(app.open, WeeklyReviewRoute()),
            ),
            PaletteCommand(
                "Past reviews",
                "Every weekly review, newest first",
                partial(app.open, PastReviewsRoute()),
            ),
            PaletteCommand(
                "Trends",
                "Advance rate, outcomes prepared, touches and ratings over 12–52 weeks",
                partial(app.open, TrendsRoute()),
            ),
            PaletteCommand(
                "Stall alarm",
                "After how many weeks without an advance an account is flagged",
                app.action_stall_weeks,
            ),
            PaletteCommand(
                "Touches due",
                "Today's and overdue touches across every account",
                app.action_touches,
            ),
            PaletteCommand(
                "Import contacts",
                "From a LinkedIn connections export or a vCard file",
                app.action_import_contacts,
            ),
            PaletteCommand(
                "Plan the year",
                "Targets, then an objective for each key account, in one sitting",
                app.action_plan_year,
            ),
            PaletteCommand(
                "Carry on where you left off",
                "Guided flows left half done: an objective, a prep, a review…",
                partial(offer_in_progress, app),
            ),
            PaletteCommand(
                "Undo", "Undo the last archive, delete or close (this session)", app.action_undo
            ),
            PaletteCommand(
                "Rewrite your why" if has_why else "Write your why",
                "The guided flow; earlier versions are kept",
                app.action_write_why,
            ),
            PaletteCommand(
                "Why history", "Every version of your why, with dates", app.action_why_history
            ),
            PaletteCommand(
                "Default currency",
                "The currency of amounts typed without a symbol",
                app.action_default_currency,
            ),
            PaletteCommand(
                "Public holidays",
                "Whose public holidays campaign touches skip (country or region)",
                app.action_public_holidays,
            ),
            PaletteCommand(
                "Date order",
                "Whether 03/04/2027 is 3 April or March 4",
                app.action_date_order,
            ),
            PaletteCommand(
                "Switch theme",
                "Pick a colour theme; your choice is remembered",
                app.action_change_theme,
            ),
            PaletteCommand("Keys and help", "What each key does on this screen", app.action_help),
            PaletteCommand("Quit", "Leave coach (drafts are kept)", app.action_quit),
        ]

    async def discover(self) -> Hits:
        for command in self._commands():
            title = plain(command.title)
            yield DiscoveryHit(title, command.run, text=title.plain, help=_help(command))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            title = plain(command.title)
            score, offsets = matcher.fuzzy_search.match(*_folded(matcher.query, title.plain))
            if score > 0:
                shown = _highlighted(title, offsets, matcher.match_style)
                yield Hit(score, shown, command.run, text=title.plain, help=_help(command))


def _folded(query: str, title: str) -> tuple[str, str]:
    """Query and title as every filter compares them (case and accents folded: "ost"
    finds "Østfold"), where folding keeps the title's length, so the matched letters'
    offsets still point into the title as shown; otherwise both as typed."""
    folded = fold(title)
    if len(folded) != len(title):  # "ß" → "ss": offsets would drift
        return query, title
    return fold(query), folded


def _help(command: PaletteCommand) -> str:
    """The help line as content. Textual types it `str` and reads a `str` as markup; content
    it draws as given."""
    return plain(command.help)  # type: ignore[return-value]


def _highlighted(title: Content, offsets: Sequence[int], style: Style) -> Content:
    """`title` with the letters the query matched in the palette's match style (what
    `Matcher.highlight` does, without reading the title as markup)."""
    for offset in offsets:
        if not title.plain[offset].isspace():
            title = title.stylize(style, offset, offset + 1)
    return title
