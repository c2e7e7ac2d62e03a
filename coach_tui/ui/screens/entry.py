"""Getting into one account: the entry point, its decision makers, and the entry campaign.

"Hope is not a strategy": this screen is the mapped way in. The coverage check sits above
the people list so a missing economic buyer is the first thing the seller reads.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Static

from coach_tui.coaching.campaign import campaign_progress, campaign_remarks
from coach_tui.coaching.campaign_defaults import client_focus, new_touch
from coach_tui.coaching.coverage import coverage_summary, coverage_warnings
from coach_tui.coaching.public_holidays import effective_region
from coach_tui.model.account import Account
from coach_tui.model.contact import Contact, EntryPoint
from coach_tui.model.day_text import weekday_day_text
from coach_tui.model.touch import Campaign, CampaignStatus, Touch
from coach_tui.model.wording import counted
from coach_tui.services.buying_map import MetAndKept, met_and_kept
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.kit.touch_actions import TouchActionsScreen, TouchTable
from coach_tui.ui.palette_command import PaletteCommand
from coach_tui.ui.routes import CampaignRoute, ContactFormRoute, EntryPointRoute, TouchFormRoute
from coach_tui.ui.text import cell, day, plain
from coach_tui.ui.widgets.fitted_table import FittedTable
from coach_tui.ui.widgets.key_footer import KeyFooter
from coach_tui.ui.widgets.scroll import VerticalScroll

NO_ENTRY_POINT = (
    "No entry point yet. Press i to name the business unit you will start from, why there, "
    "and who owns it."
)
NO_CONTACTS = (
    "No decision makers yet. Press n to add one — start with whoever owns the problem at "
    "your entry point — or import your LinkedIn connections (command palette)."
)


class ContactTable(FittedTable):
    """The account's people; row keys are contact uids. Its keys act on the highlighted
    person, so the footer shows them while the table has the keys."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Edit person", id="entry.edit_contact",
                tooltip="Edit the highlighted decision maker"),
        Binding("D", "screen.delete_contact", "Remove person", id="entry.delete_contact",
                tooltip="Remove the highlighted decision maker (asks; u undoes)"),
    ]  # fmt: skip


class CampaignTouchTable(TouchTable):
    """The running campaign's touches: done, skip and snooze as in the queue, and the
    plan's own keys (edit, add, drop, stop), shown in the footer while it has the keys."""

    BINDINGS = [
        Binding("t", "screen.edit_touch", "Edit touch", id="entry.edit_touch",
                tooltip="Edit or move the highlighted touch (enter on it does too)"),
        Binding("a", "screen.add_touch", "Add touch", id="entry.add_touch",
                tooltip="Add a touch to the running campaign"),
        Binding("x", "screen.delete_touch", "Drop touch", id="entry.delete_touch",
                tooltip="Drop the highlighted touch from the campaign (u undoes)"),
        Binding("S", "screen.stop_campaign", "Stop campaign", id="entry.stop_campaign",
                tooltip="Stop the running campaign; its open touches are closed"),
    ]  # fmt: skip


NO_CAMPAIGN = (
    "No entry campaign running. Press c to plan 8–10 touches over about four weeks, aimed "
    "at one thing: a first meeting."
)


class AccountEntryScreen(TouchActionsScreen):
    """Entry point · coverage · decision makers · campaign."""

    HELP_NAME = "Getting in"
    CSS_PATH = "entry.tcss"
    BINDINGS = [
        Binding("i", "entry_point", "Entry point", id="entry.entry_point",
                tooltip="Where you start in this account, why there, who owns it"),
        Binding("n", "new_contact", "Add person", id="entry.new_contact",
                tooltip="Add a decision maker with their buying role"),
        Binding("c", "campaign", "Campaign", id="entry.campaign",
                tooltip="Plan an entry campaign of 8-10 touches"),
        Binding("u", "app.undo", "Undo", id="entry.undo", show=False,
                tooltip="Undo the last change"),
        Binding("escape", "app.pop_screen", "Back", id="entry.back",
                tooltip="Back to the account"),
    ]  # fmt: skip

    def __init__(self, account_uid: str) -> None:
        super().__init__()
        self.account_uid = account_uid
        self.account: Account | None = None
        self.entry: EntryPoint | None = None
        self.contacts: list[Contact] = []
        self.met_and_kept = MetAndKept(frozenset(), frozenset())  # the buying map's tests
        self.campaign: Campaign | None = None
        self.touches: dict[str, Touch] = {}
        self.contact_names: dict[str, str] = {}
        self._last_table: DataTable[str] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        # Not a focus stop: the keys belong to the tables, so arrows always move a cursor.
        with VerticalScroll(id="entry-body", can_focus=False):
            yield Static("Entry point", classes="section-title")
            yield Static("", id="entry-card")
            yield Static("Decision makers", classes="section-title")
            yield Static("", id="coverage")
            yield ContactTable(flexible=(1,), id="contacts", cursor_type="row", zebra_stripes=True)
            yield Static("", id="contacts-empty", classes="muted")
            with Vertical(id="campaign"):
                yield Static("Entry campaign", classes="section-title")
                yield Static("", id="campaign-status")
                yield CampaignTouchTable(
                    flexible=(3, 5), id="touches", cursor_type="row", zebra_stripes=True
                )
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(ContactTable)
        table.add_columns("name", "title", "buying role", "relationship", "reach")
        touches = self.query_one(TouchTable)
        touches.add_columns("due", "to", "channel", "purpose", "status", "idea")

    def on_screen_resume(self) -> None:
        self.reload()
        self.call_after_refresh(self._keys_to_a_table)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, DataTable):
            self._last_table = event.widget

    def _keys_to_a_table(self) -> None:
        """Back from a form or flow, the keys go to the table they came from, or to the
        first one shown if that one is hidden now (a campaign stopped, the last person
        removed) or none had them yet (the first person added)."""
        focused = self.focused
        if isinstance(focused, DataTable) and focused.display:
            return
        shown = [table for table in self.query(DataTable) if table.display]
        if self._last_table in shown:
            self._last_table.focus()
        elif shown:
            shown[0].focus()

    # --- data -----------------------------------------------------------------------

    def reload(self) -> None:
        repo = self.coach.repo
        try:
            account = self.account_or_leave(self.account_uid)
            if account is None:
                return
            entry = repo.entry_points.for_account(account.uid)
            contacts = repo.contacts.for_account(account.uid)
            campaign = repo.campaigns.active_for(account.uid)
            touches = repo.touches.for_campaign(campaign.uid) if campaign else []
            names = repo.contacts.names()
            self.met_and_kept = met_and_kept(repo, account.uid)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        self.account, self.entry, self.contacts = account, entry, contacts
        self.campaign, self.contact_names = campaign, names
        self.touches = {touch.uid: touch for touch in touches}
        self.sub_title = f"Getting in · {account.name}"
        self._show_entry()
        self._show_contacts()
        self._show_campaign(touches)

    def _show_entry(self) -> None:
        card = self.query_one("#entry-card", Static)
        entry = self.entry
        if entry is None:
            card.update(NO_ENTRY_POINT)
            card.add_class("muted")
            return
        card.remove_class("muted")
        owner = f" · owned by {entry.owner}" if entry.owner else " · owner not named yet"
        why = entry.why_there or "Why there? Press i and write what your research showed."
        card.update(plain(f"{entry.unit}{owner}\n{why}"))

    def _show_contacts(self) -> None:
        table = self.query_one(ContactTable)
        keep = self.highlighted_contact()
        table.clear()
        for contact in self.contacts:
            reach = " ".join(
                label
                for label, value in (
                    ("link", contact.profile_url),
                    ("email", contact.email),
                    ("phone", contact.phone),
                )
                if value
            )
            table.add_row(
                cell(contact.name),
                cell(contact.title or "—"),
                cell(contact.role.value),
                cell(contact.relationship.value),
                reach or "—",
                key=contact.uid,
            )
        if keep is not None and keep.uid in {c.uid for c in self.contacts}:
            table.move_cursor(row=table.get_row_index(keep.uid))
        empty = self.query_one("#contacts-empty", Static)
        empty.update(NO_CONTACTS if not self.contacts else "")
        empty.display = not self.contacts
        table.display = bool(self.contacts)
        warnings = coverage_warnings(
            self.contacts, met=self.met_and_kept.met, kept=self.met_and_kept.kept
        )
        coverage = self.query_one("#coverage", Static)
        if warnings:
            coverage.update(plain("\n".join(f"⚠ {line}" for line in warnings)))
            coverage.set_class(True, "flag")
        else:
            coverage.update(plain(f"✓ {coverage_summary(self.contacts)}"))
            coverage.set_class(False, "flag")

    def _show_campaign(self, touches: list[Touch]) -> None:
        status = self.query_one("#campaign-status", Static)
        table = self.query_one(TouchTable)
        keep = table.highlighted_key()
        table.clear()
        table.display = self.campaign is not None
        if self.campaign is None:
            status.update(NO_CAMPAIGN)
            status.add_class("muted")
            return
        status.remove_class("muted")
        progress = campaign_progress(touches)
        lines = [
            f"{self.campaign.name}: {progress.done} done · {progress.skipped} skipped · "
            f"{progress.planned} to go"
            + (f" · next {day(progress.next_due)}" if progress.next_due else "")
        ]
        lines.extend(f"Coach: {remark}" for remark in campaign_remarks(touches))
        status.update(plain("\n".join(lines)))
        for touch in touches:
            table.add_row(
                cell(weekday_day_text(touch.due)),
                cell(self.who(touch)),
                cell(touch.channel.value),
                cell(touch.purpose.value),
                cell(touch.status.value),
                cell(touch.outcome or touch.idea, 40),
                key=touch.uid,
            )
        if keep in self.touches:
            table.move_cursor(row=table.get_row_index(keep))

    def highlighted_contact(self) -> Contact | None:
        table = self.query_one(ContactTable)
        if not self.contacts or table.row_count == 0:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except Exception:
            return None
        return next((c for c in self.contacts if c.uid == key), None)

    def palette_commands(self) -> list[PaletteCommand]:
        name = self.account.name if self.account else "this account"
        return [
            PaletteCommand(
                f"Entry point at {name}", "Where you start, why there, who owns it",
                self.action_entry_point,
            ),
            PaletteCommand(
                f"Add a decision maker at {name}", "Name, title, buying role",
                self.action_new_contact,
            ),
        ]  # fmt: skip

    # --- actions ------------------------------------------------------------------------

    @on(ContactTable.RowSelected)
    def _contact_chosen(self) -> None:
        """Enter on a person edits them (the table turns the key into this message)."""
        self.action_edit_contact()

    @on(TouchTable.RowSelected)
    def _touch_chosen(self) -> None:
        self.action_edit_touch()

    def action_entry_point(self) -> None:
        if self.account is not None:
            self.coach.open(EntryPointRoute(self.account, self.entry))

    def action_new_contact(self) -> None:
        if self.account is None:
            return

        def saved(contact: Contact | None) -> None:
            if contact is not None:
                self.notify(f"Added {contact.name}.", markup=False)

        self.coach.open(ContactFormRoute(self.account), saved)

    def action_edit_contact(self) -> None:
        contact = self.highlighted_contact()
        if self.account is not None and contact is not None:
            self.coach.open(ContactFormRoute(self.account, contact))

    def action_delete_contact(self) -> None:
        contact = self.highlighted_contact()
        if contact is None:
            return
        repo = self.coach.repo

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                repo.contacts.delete(contact.uid)
            except StoreError as error:
                self.notify(str(error), severity="error", timeout=15, markup=False)
                return
            self.coach.undo.push(f"removing {contact.name}", lambda: repo.contacts.save(contact))
            self.notify(f"Removed {contact.name}. Press u to undo.", markup=False)
            self.reload()

        self.app.push_screen(
            ConfirmScreen(
                f"Remove {contact.name} from this account? Touches already planned for them "
                "stay in the campaign.",
                confirm="Remove",
            ),
            answered,
        )

    # --- the campaign -----------------------------------------------------------------------

    def action_campaign(self) -> None:
        account = self.account
        if account is None:
            return
        if self.campaign is not None:
            self.notify(
                "A campaign is already running here. Work its touches, or stop it (S) first."
            )
            return
        if not self.contacts:
            self.notify("Add the people to reach first (n); a campaign needs someone to touch.")
            return

        def saved(campaign: Campaign | None) -> None:
            if campaign is not None:
                self.notify("Campaign saved. Its touches show in the daily queue (t on the "
                            "dashboard) as they fall due.")  # fmt: skip

        focus = client_focus(account)
        contacts = self.contacts
        try:
            region = effective_region(self.coach.repo.settings.get().holiday_region)
            objective = self.coach.repo.objectives.active_for(account.uid)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        why_now = objective.why_now if objective else ""
        route = CampaignRoute(
            account, contacts, client_focus=focus, why_now=why_now, holiday_region=region
        )
        self.coach.open(route, saved)

    def action_add_touch(self) -> None:
        if self.campaign is None or not self.contacts:
            self.notify("Plan a campaign first (c); then touches can be added to it.")
            return
        today = self.coach.now().date()
        template = new_touch(self.campaign, list(self.touches.values()), self.contacts, today)
        self.coach.open(TouchFormRoute(template, self.contacts, today=today, new=True))

    def action_edit_touch(self) -> None:
        touch = self.highlighted_touch()
        if touch is None:
            self.notify("No touch is highlighted.")
            return
        repo = self.coach.repo

        def saved(after: Touch | None) -> None:
            if after is not None:
                self.coach.undo.push("editing a touch", lambda: repo.touches.save(touch))

        today = self.coach.now().date()
        self.coach.open(TouchFormRoute(touch, self.contacts, today=today), saved)

    def action_delete_touch(self) -> None:
        touch = self.highlighted_touch()
        if touch is None:
            self.notify("No touch is highlighted.")
            return
        repo = self.coach.repo
        try:
            repo.touches.delete(touch.uid)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        self.coach.undo.push("dropping a touch", lambda: repo.touches.save(touch))
        self.notify("Touch dropped. Press u to undo.")
        self.reload()

    def action_stop_campaign(self) -> None:
        campaign = self.campaign
        if campaign is None:
            self.notify("No campaign is running here.")
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            closed = self.end_campaign(
                campaign.uid, CampaignStatus.STOPPED, "stopping the campaign"
            )
            if closed is None:
                return
            self.notify(
                f"Campaign stopped. Closed what was left of it: "
                f"{counted(closed, 'open touch', 'open touches')}. Press u to undo."
                if closed
                else "Campaign stopped; no touch of it was still open. Press u to undo."
            )
            self.reload()

        self.app.push_screen(
            ConfirmScreen(
                "Stop this campaign? Its open touches leave your daily queue; done ones stay "
                "as history.",
                confirm="Stop it",
            ),
            answered,
        )
