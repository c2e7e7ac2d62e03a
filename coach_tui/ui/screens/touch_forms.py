"""Small forms on one touch: done (what happened), skipped (why), snoozed, edited or added."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, Select, Static, TextArea

from coach_tui.coaching.touches import mark_done, mark_skipped, snooze
from coach_tui.model.contact import Contact
from coach_tui.model.dates import Prefer, parse_day, read_back
from coach_tui.model.errors import ValidationError
from coach_tui.model.touch import IDEA, Channel, Purpose, Touch
from coach_tui.model.wording import counted
from coach_tui.services.campaigns import (
    CampaignEnded,
    RepliedNotNow,
    mark_touch_done,
    planned_for_person,
    reply_not_now,
)
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.form import FormScreen
from coach_tui.ui.text import day, editable, plain
from coach_tui.ui.widgets.field import Field
from coach_tui.ui.widgets.scroll import VerticalScroll

YES_NO = [("No", "no"), ("Yes", "yes")]


def touch_heading(touch: Touch, who: str) -> str:
    channel = touch.channel.value.capitalize()
    return f"{channel} to {who} · {touch.purpose.value} · due {day(touch.due)}"


class OneTouchForm(FormScreen[Touch]):
    """A small form that changes one touch: a title, the touch it is about, its fields.

    Subclasses yield their fields and build the changed touch; saving, errors under the
    main field and dismissing with the saved touch are shared.
    """

    TITLE_TEXT = ""
    MAIN_FIELD = ""

    def __init__(self, touch: Touch, who: str, *, today: date) -> None:
        super().__init__()
        self.touch = touch
        self.who = who
        self.today = today

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(plain(self.TITLE_TEXT), classes="dialog-title")
            yield Static(plain(touch_heading(self.touch, self.who)), classes="dialog-question")
            yield from self.fields()
            yield Static("ctrl+s save · esc cancel", classes="dialog-keys")

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def changed(self) -> Touch:
        """The touch as the form says it should be (raises ValidationError if not)."""
        raise NotImplementedError

    def submit(self) -> bool:
        field = self.query_one(f"#{self.MAIN_FIELD}-field", Field)
        try:
            touch = self.changed()
            self.save(touch)
        except ValidationError as error:
            about = (f for f in self.query(Field) if f.field_id == error.field and f.display)
            next(about, field).say(error.message)  # under the field it is about
            return False
        except StoreError as error:
            field.say(str(error))
            return False
        self.dismiss(touch)
        return True

    def save(self, touch: Touch) -> None:
        """Store the changed touch (raises StoreError)."""
        self.coach.repo.touches.save(touch)

    def _holidays(self, first: date, target: date) -> dict[date, str]:
        """The seller's public holidays from `first` to a little past `target`: a snooze
        never lands on one, as campaign touches don't."""
        from coach_tui.coaching.public_holidays import effective_region, public_holidays

        region = effective_region(self.coach.repo.settings.get().holiday_region)
        last = target + timedelta(weeks=2)  # room to step past a run of holidays
        return public_holidays(region, first, last) if region else {}


class TouchDoneForm(OneTouchForm):
    """Mark a touch done, with what happened; a meeting won ends the campaign well, and a
    reply without one offers to move the person's next touches to the day they named."""

    TITLE_TEXT = "Touch done"
    MAIN_FIELD = "outcome"
    # The campaign the touch's meeting ended, once saved (its undo puts the touch back too).
    ended: CampaignEnded | None = None
    # The touches a "not now" moved, once saved (its undo puts them and this one back).
    replied: RepliedNotNow | None = None

    def fields(self) -> ComposeResult:
        yield Field(
            "What happened",
            field_id="outcome",
            hint="One line you will want to read before the next touch.",
            placeholder="e.g. sent the downtime study; no reply yet",
        )
        yield Label("Did they respond?", classes="field-label")
        yield Select(YES_NO, value="no", allow_blank=False, id="response")
        yield Label("Did it get you a meeting?", classes="field-label")
        yield Select(YES_NO, value="no", allow_blank=False, id="meeting")
        yield Field(
            "Not now? When?",
            field_id="later",
            hint="If they named a day, their next touches move to start then.",
            placeholder="e.g. after the trade fair: 15 march, in 3 weeks",
            reading=lambda text: read_back(text, self._later(text), day_first=self.coach.day_first),
        )

    def on_mount(self) -> None:
        super().on_mount()
        try:
            self.planned = planned_for_person(self.coach.repo, self.touch)
        except StoreError:
            self.planned = []  # the offer is a help: without the list it is not made
        later = self.query_one("#later-field", Field)
        if self.planned:
            touches = counted(len(self.planned), "planned touch", "planned touches")
            later.query_one(".field-hint", Static).update(
                plain(
                    f"If {self.who} named a day, the {touches} to them move to start then. "
                    "Leave it empty to keep the plan."
                )
            )
        self._offer()

    @on(Select.Changed)
    def _offer(self) -> None:
        """The "when?" is asked only of a reply that won no meeting, with touches to move."""
        reply = self.query_one("#response", Select).value == "yes"
        meeting = self.query_one("#meeting", Select).value == "yes"
        self.query_one("#later-field", Field).display = bool(
            getattr(self, "planned", None) and reply and not meeting
        )

    def _later(self, text: str) -> date:
        try:
            return parse_day(
                text,
                today=self.today,
                prefer=Prefer.FUTURE,
                label="The day they named",
                day_first=self.coach.day_first,
            )
        except ValidationError as error:
            raise ValidationError(error.message, field="later") from None

    def changed(self) -> Touch:
        meeting = self.query_one("#meeting", Select).value == "yes"
        return mark_done(
            self.touch,
            self.today,
            self.query_one("#outcome-field", Field).value,
            got_response=meeting or self.query_one("#response", Select).value == "yes",
            got_meeting=meeting,
        )

    def save(self, touch: Touch) -> None:
        """The touch, and its campaign ended if it won the meeting — or the person's next
        touches moved to the day they named — in one save."""
        later = self.query_one("#later-field", Field)
        if later.display and later.value.strip():
            when = self._later(later.value)
            dues = [planned.due for planned in self.planned]
            span = max(dues) - min(dues) if dues else timedelta(0)
            holidays = self._holidays(when, when + span)  # where the moved touches land
            try:
                self.replied = reply_not_now(
                    self.coach.repo, self.touch, touch, self.today, when, holidays=holidays
                )
            except ValidationError as error:
                raise ValidationError(error.message, field="later") from None
            return
        self.ended = mark_touch_done(self.coach.repo, self.touch, touch, self.today)


class TouchSkipForm(OneTouchForm):
    """Skip a touch, saying why, so the weekly review can see the pattern."""

    TITLE_TEXT = "Skip this touch"
    MAIN_FIELD = "why"

    def fields(self) -> ComposeResult:
        yield Field(
            "Why skip it",
            field_id="why",
            hint="They already replied, left the company, asked for a pause…",
        )

    def changed(self) -> Touch:
        return mark_skipped(self.touch, self.today, self.query_one("#why-field", Field).value)


SNOOZE_CHOICES = [("Tomorrow (next business day)", "day"), ("In a week", "week"),
                  ("Another date", "date")]  # fmt: skip


class SnoozeForm(OneTouchForm):
    """Move a touch later: a day, a week, or a date typed in words."""

    AUTO_FOCUS = "Select"
    TITLE_TEXT = "Snooze"
    MAIN_FIELD = "date"

    def fields(self) -> ComposeResult:
        yield Select(SNOOZE_CHOICES, value="day", allow_blank=False, id="how")
        yield Field(
            "The date",
            field_id="date",
            hint="Only for another date: next tuesday, 15 dec, in 10 days…",
            reading=lambda text: read_back(text, self._date(text), day_first=self.coach.day_first),
        )

    def _date(self, text: str) -> date:
        return parse_day(
            text,
            today=self.today,
            prefer=Prefer.FUTURE,
            label="The date",
            day_first=self.coach.day_first,
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        super().on_input_changed(event)
        if event.value.strip():
            self.query_one("#how", Select).value = "date"  # typing a date means that date

    def changed(self) -> Touch:
        how = self.query_one("#how", Select).value
        start = max(self.touch.due, self.today)
        if how != "date":
            by = "day" if how == "day" else "week"
            holidays = self._holidays(start, start + timedelta(weeks=1))
            return snooze(self.touch, self.today, by=by, holidays=holidays)
        when = self._date(self.query_one("#date-field", Field).value)
        holidays = self._holidays(when, when)
        return snooze(self.touch, self.today, to=when, holidays=holidays)


class TouchForm(FormScreen[Touch]):
    """Edit a planned touch, or add one to a campaign: when, whom, how, why, and the idea."""

    def __init__(
        self, touch: Touch, contacts: list[Contact], *, today: date, new: bool = False
    ) -> None:
        super().__init__()
        self.touch = touch
        self.contacts = contacts
        self.today = today
        self.new = new

    def compose(self) -> ComposeResult:
        touch = self.touch
        people = [(plain(contact.name), contact.uid) for contact in self.contacts]
        if touch.contact_uid not in {uid for _, uid in people}:
            people.append((plain("(no longer on the account)"), touch.contact_uid))
        with VerticalScroll(classes="dialog"):
            yield Static("Add a touch" if self.new else "Edit touch", classes="dialog-title")
            yield Field(
                "When",
                field_id="due",
                value=day(touch.due),
                reading=lambda text: self._due_reading(text),
            )
            yield Label("To whom", classes="field-label")
            yield Select(people, value=touch.contact_uid, allow_blank=False, id="contact")
            yield Label("Channel", classes="field-label")
            yield Select(
                [(plain(c.value.capitalize()), c.value) for c in Channel],
                value=touch.channel.value,
                allow_blank=False,
                id="channel",
            )
            yield Label("Purpose", classes="field-label")
            yield Select(
                [(plain(p.value.capitalize()), p.value) for p in Purpose],
                value=touch.purpose.value,
                allow_blank=False,
                id="purpose",
            )
            yield Label("Message idea", classes="field-label")
            yield TextArea(editable(touch.idea), id="idea", soft_wrap=True, classes="form-area")
            yield Static("", id="idea-feedback", classes="form-error")
            yield Static("ctrl+s save · esc cancel", classes="dialog-keys")

    def _due(self, text: str) -> date:
        return parse_day(
            text,
            today=self.today,
            prefer=Prefer.FUTURE,
            label="The date",
            day_first=self.coach.day_first,
        )

    def _due_reading(self, text: str) -> str:
        when = self._due(text)
        weekend = " — a weekend" if when.weekday() >= 5 else ""
        return read_back(text, when, day_first=self.coach.day_first) + weekend

    def submit(self) -> bool:
        due = self.checked_field("due", self._due)
        idea = self.checked_area("idea", IDEA.clean)
        if due is None or idea is None:
            self.focus_first_problem()
            return False
        touch = replace(
            self.touch,
            due=due,
            contact_uid=str(self.query_one("#contact", Select).value),
            channel=Channel(self.query_one("#channel", Select).value),
            purpose=Purpose(self.query_one("#purpose", Select).value),
            idea=idea,
        )
        try:
            self.coach.repo.touches.save(touch)
        except StoreError as error:
            self.not_saved("idea-feedback", error)
            return False
        self.dismiss(touch)
        return True
