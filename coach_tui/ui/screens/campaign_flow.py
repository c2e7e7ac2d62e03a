"""Planning an entry campaign: who, from when, how long, how many, which channels — the plan.

The coach generates the touches (see `coaching/campaign.py`); the last page shows them with
the coach's remarks, and saving writes the campaign and its touches in one go. Each touch
can be edited, moved, added or removed afterwards on the account's "getting in" screen.
"""

from __future__ import annotations

from datetime import date, timedelta

from coach_tui.coaching.campaign import (
    DEFAULT_CHANNELS,
    DEFAULT_COUNT,
    MAX_COUNT,
    business_days,
    campaign_remarks,
    count_remark,
    plan_touches,
    skipped_holidays,
    span_of,
    suggested_people,
)
from coach_tui.coaching.campaign_defaults import entry_campaign
from coach_tui.coaching.public_holidays import public_holidays
from coach_tui.model.account import Account
from coach_tui.model.contact import Contact
from coach_tui.model.dates import Prefer, parse_day, read_back
from coach_tui.model.day_text import weekday_day_text
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.flows.campaign import CampaignAnswers
from coach_tui.model.paragraphs import paragraphs
from coach_tui.model.text import small_number
from coach_tui.model.touch import (
    CAMPAIGN_MAX_TOUCHES,
    CAMPAIGN_MIN_TOUCHES,
    Campaign,
    Channel,
    Touch,
)
from coach_tui.model.wording import counted
from coach_tui.services.campaigns import save_campaign_plan
from coach_tui.store.errors import StoreError
from coach_tui.ui.flow_names import campaign_flow_name
from coach_tui.ui.kit.guided import (
    FlowStep,
    GuidedFlowScreen,
    Slot,
    StepKind,
    Verdict,
    attr_slot,
)

DEFAULT_WEEKS = 4


def holidays_hint(region: str) -> str:
    """What the start step says about the days a campaign leaves out."""
    if not region:
        return (
            "Weekends are skipped; no public holidays are set (command palette → Public holidays)."
        )
    return f"Weekends and public holidays in {region} are skipped."


def campaign_steps(
    account: Account, contacts: list[Contact], region: str = ""
) -> tuple[FlowStep, ...]:
    people = tuple(
        (contact.uid, f"{contact.name} — {contact.title or 'no title'} ({contact.role.value})")
        for contact in contacts
    )
    return (
        FlowStep(
            "contacts",
            "Who",
            f"Whom at {account.name} will this campaign reach?",
            "Space ticks a person. Two or three people in different roles beat one person "
            "touched ten times: if one goes quiet, the campaign does not.",
            kind=StepKind.MULTI,
            choices=people,
        ),
        FlowStep(
            "start",
            "From when",
            "When does the first touch go out?",
            f"{holidays_hint(region)} Tomorrow, next monday, 2026-12-01 all work.",
            kind=StepKind.LINE,
            placeholder="e.g. next monday",
        ),
        FlowStep(
            "weeks",
            "How long",
            "Over how many weeks should the touches spread?",
            "About four weeks keeps you present without crowding their inbox.",
            kind=StepKind.LINE,
            placeholder="4",
        ),
        FlowStep(
            "count",
            "How many",
            "How many touches?",
            "Eight to ten: enough to be noticed, few enough to stay welcome. Nine is the "
            "coach's suggestion.",
            kind=StepKind.LINE,
            placeholder="9",
        ),
        FlowStep(
            "channels",
            "Channels",
            "Which channels will you use?",
            "A mix gets noticed: email carries the insight, a call makes it personal, a social "
            "message or a note by post stands out. Tick referral to ask someone who knows "
            "them for an introduction (one touch).",
            kind=StepKind.MULTI,
            choices=tuple((channel.value, channel.value.capitalize()) for channel in Channel),
        ),
        FlowStep(
            "review",
            "The plan",
            "Here is the plan the coach suggests.",
            "Esc goes back to change who, when or how. Ctrl+s saves it; afterwards you can move, "
            "edit, add or drop any touch on the account.",
            kind=StepKind.REVIEW,
        ),
    )


CHANNELS = Slot(
    lambda answers: tuple(channel.value for channel in answers.channels),
    lambda answers, values: setattr(answers, "channels", tuple(Channel(v) for v in values)),
)


class CampaignFlowScreen(GuidedFlowScreen[Campaign, CampaignAnswers]):
    """Dismisses with the saved campaign, or None when left (the draft is kept)."""

    HELP_NAME = "Entry campaign"
    resume_hint = "Press c on the account's getting-in screen to pick up where you left off."

    def __init__(
        self,
        account: Account,
        contacts: list[Contact],
        *,
        draft: FlowDraft | None,
        client_focus: str = "",
        why_now: str = "",
        holiday_region: str = "",
    ) -> None:
        people, start, weeks, count, channels, review = campaign_steps(
            account, contacts, holiday_region
        )
        steps = (
            people.bind(slot=attr_slot(CampaignAnswers, "contacts"), check=self._check_people),
            start.bind(
                slot=attr_slot(CampaignAnswers, "start"),
                check=self._check_start,
                echo=self._echo_start,
            ),
            weeks.bind(
                slot=attr_slot(CampaignAnswers, "weeks"),
                check=self._check_weeks,
                echo=self._echo_weeks,
            ),
            count.bind(slot=attr_slot(CampaignAnswers, "count"), check=self._check_count),
            channels.bind(slot=CHANNELS, check=self._check_channels),
            review,
        )
        super().__init__(
            flow=campaign_flow_name(account.uid),
            title=f"Entry campaign · {account.name}",
            steps=steps,
            draft=draft,
            answers=CampaignAnswers(
                contacts=tuple(c.uid for c in suggested_people(contacts)),
                start="next monday",
                weeks=str(DEFAULT_WEEKS),
                count=str(DEFAULT_COUNT),
                channels=DEFAULT_CHANNELS,
            ),
        )
        self.account = account
        self.contacts = contacts
        self.client_focus = client_focus
        self.why_now = why_now
        self.holiday_region = holiday_region

    @property
    def today(self) -> date:
        return self.coach.now().date()

    def on_mount(self) -> None:
        super().on_mount()
        if self.holiday_region:
            # Load the calendar in a thread while the seller picks people: the start
            # step's echo and the plan then find it ready (it is cached once loaded).
            region, today = self.holiday_region, self.today
            self.run_worker(
                lambda: public_holidays(region, today, today + timedelta(days=400)),
                thread=True,
                group="holidays",
                exit_on_error=False,  # only a warm-up: planning computes it again if need be
            )

    # --- reading answers ----------------------------------------------------------

    def _start(self) -> date:
        return self._read_start(self.answers.start)

    def _read_start(self, text: str) -> date:
        return parse_day(
            text,
            today=self.today,
            prefer=Prefer.FUTURE,
            label="The start",
            day_first=self.coach.day_first,
        )

    def _weeks(self, text: str) -> int:
        cleaned = text.strip().removesuffix("weeks").removesuffix("week").strip()
        weeks = small_number(cleaned)
        if weeks is None or not 1 <= weeks <= 12:
            raise ValidationError("Give the span as a number of weeks between 1 and 12.")
        return weeks

    def _count(self, text: str) -> int:
        cleaned = text.strip().removesuffix("touches").strip()
        count = small_number(cleaned)
        if count is None or not 1 <= count <= MAX_COUNT:
            raise ValidationError(f"Give the number of touches, 1 to {MAX_COUNT}.")
        return count

    def _picked_contacts(self) -> list[Contact]:
        picked = set(self.answers.contacts)
        return [contact for contact in self.contacts if contact.uid in picked]

    def _holidays(self, start: date, weeks: int) -> dict[date, str]:
        """The seller's public holidays a campaign from `start` over `weeks` could meet."""
        first, last = span_of(start, weeks)
        return public_holidays(self.holiday_region, first, last)

    def _channels(self) -> list[Channel]:
        return list(self.answers.channels)

    # --- the steps' handlers ------------------------------------------------------------

    def _echo_start(self, value: str) -> str:
        start = self._read_start(value)  # or why it does not read
        holidays = self._holidays(start, 1)
        if start in holidays:
            first = business_days(start, 1, holidays)
            then = f", so the first touch goes out {weekday_day_text(first[0])}" if first else ""
            off = f" — {holidays[start]}, a public holiday{then}"
        elif start.weekday() >= 5:
            off = " — a weekend, so the first touch moves to monday"
        else:
            off = ""
        return read_back(value, start, day_first=self.coach.day_first) + off

    def _echo_weeks(self, value: str) -> str:
        try:
            return f"= {counted(self._weeks(value), 'week')}"
        except ValidationError:
            return ""

    def _check_people(self) -> Verdict:
        if not self.answers.contacts:
            return Verdict(error="Tick at least one person (space), then ctrl+s.")
        return Verdict()

    def _check_start(self) -> Verdict:
        try:
            start = self._start()
        except ValidationError as error:
            return Verdict(error=error.message)
        if start < self.today:
            return Verdict(error="A campaign starts today or later.")
        return Verdict()

    def _check_weeks(self) -> Verdict:
        try:
            self._weeks(self.answers.weeks)
        except ValidationError as error:
            return Verdict(error=error.message)
        return Verdict()

    def _check_count(self) -> Verdict:
        try:
            count = self._count(self.answers.count)
        except ValidationError as error:
            return Verdict(error=error.message)
        if not CAMPAIGN_MIN_TOUCHES <= count <= CAMPAIGN_MAX_TOUCHES:
            remark = count_remark(count)
            return Verdict(question=paragraphs(remark, f"Ctrl+s again keeps {count}."))
        return Verdict()

    def _check_channels(self) -> Verdict:
        picked = self.answers.channels
        if not picked:
            return Verdict(error="Tick at least one channel (space), then ctrl+s.")
        if len(picked) == 1:
            return Verdict(
                question="One channel only? Mixed channels get noticed more often. "
                "Ctrl+s again keeps it."
            )
        return Verdict()

    def plan(self) -> list[Touch]:
        """The touches the answers produce (raises ValidationError if an answer is wrong)."""
        start, weeks = self._start(), self._weeks(self.answers.weeks)
        return plan_touches(
            self.account.uid,
            self.answers.uid,
            self._picked_contacts(),
            start,
            weeks=weeks,
            count=self._count(self.answers.count),
            channels=self._channels(),
            client_focus=self.client_focus,
            why_now=self.why_now,
            known=self.contacts,
            holidays=self._holidays(start, weeks),
        )

    def skipped_line(self) -> str:
        """Which public holidays the plan leaves out, said on the plan page."""
        try:
            start, weeks = self._start(), self._weeks(self.answers.weeks)
        except ValidationError:
            return ""
        skipped = skipped_holidays(start, weeks, self._holidays(start, weeks))
        if not skipped:
            return ""
        days = ", ".join(f"{weekday_day_text(when)} ({name})" for when, name in skipped)
        return f"Public holidays left out ({self.holiday_region}): {days}."

    def reference_title(self) -> str:
        return "The touches"

    def reference(self) -> str:
        if self.current.kind is not StepKind.REVIEW:
            return ""
        try:
            touches = self.plan()
        except ValidationError as error:
            return f"Something needs fixing first: {error.message}"
        names = {contact.uid: contact.name for contact in self.contacts}
        skipped = self.skipped_line()
        lines = [skipped, ""] if skipped else []
        for touch in touches:
            lines.append(
                f"{weekday_day_text(touch.due):<15} {touch.channel.value:<8} "
                f"{names.get(touch.contact_uid, '?'):<22} {touch.purpose.value}"
            )
            lines.append(f"    {touch.idea}")
        remarks = campaign_remarks(touches)
        if remarks:
            lines.append("")
            lines.extend(f"Coach: {remark}" for remark in remarks)
        return "\n".join(lines)

    def finish(self) -> Campaign | None:
        try:
            touches = self.plan()
            campaign = entry_campaign(
                self.account.uid,
                self._start(),
                self._picked_contacts(),
                now=self.coach.now(),
                uid=self.answers.uid,
            )
            save_campaign_plan(self.coach.repo, campaign, touches, draft=self.flow)
        except ValidationError as error:
            self.say(error.message, kind="error")
            return None
        except StoreError as error:
            self.say(str(error), kind="error")
            return None
        return campaign
