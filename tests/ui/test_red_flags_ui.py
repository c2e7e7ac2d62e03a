"""Red flags a coach raises, as the seller sees them: the morning plan's line weighed by
stakes, the stall v2 flags on the dashboard and the account page, the buying map's tests.

"Today" is Tuesday 24 Nov 2026, 08:30 CET. Nordvale Foods (€480k) had an advance 20 days
ago with Greta, the champion, on the call; Greta promised the budget figures for Sat 14 Nov
(seven working days ago) and nothing was booked since. Paul, the economic buyer, was never
on a call; nobody knows what part Anna plays.
"""

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

from coach_tui.model.account import Account, ExpansionKind, StrategicObjective
from coach_tui.model.call import Call, Commitment, Debrief, Movement, Party, Prep, Result
from coach_tui.model.contact import BuyingRole, Contact
from coach_tui.model.money import Money
from coach_tui.model.touch import Channel, Purpose, Touch
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.entry import AccountEntryScreen
from coach_tui.ui.screens.morning import MorningPlanScreen
from tests.helpers import screen_text, squashed, widget_text
from tests.ui.flow import run, settle
from tests.ui.test_morning import seed as seed_why

STALL_V2 = (
    "Greta Lindqvist is a week late on “Send the budget figures”. Ask what is in the way. "
    "Silent since 4 Nov 2026, no next call. Who owns the next step?"
)


def seed(open_repo, clock) -> Account:
    repo = open_repo()
    now = clock()
    account = Account("Nordvale Foods", created_at=now)
    repo.accounts.save(account)
    objective = StrategicObjective(
        account.uid, "All five plants plan on our suite", ExpansionKind.WIDER_DEPLOYMENT,
        client_goal="Cut waste 20%", financial_target=Money(Decimal(480_000), "EUR"),
        created_at=now,
    )  # fmt: skip
    repo.objectives.save(objective)
    greta = Contact("Greta Lindqvist", account.uid, role=BuyingRole.CHAMPION)
    for person in (greta, Contact("Paul Berg", account.uid, role=BuyingRole.ECONOMIC_BUYER),
                   Contact("Anna Holm", account.uid)):  # fmt: skip
        repo.contacts.save(person)
    advance = Call(
        account.uid, now - timedelta(days=20), contact_uids=(greta.uid,),
        objective_uid=objective.uid, prep=Prep("Greta books the plant visit"),
        debrief=Debrief(Result.REACHED, Movement.ADVANCE, at=now - timedelta(days=20)),
    )  # fmt: skip
    repo.calls.save(advance)
    repo.calls.save_commitment(
        Commitment(
            account.uid,
            Party.THEM,
            "Send the budget figures",
            due=now.date() - timedelta(days=10),
            call_uid=advance.uid,
        )
    )
    repo.touches.save(  # one touch a day overdue: the smaller thing the line must not pick
        Touch(
            "",
            account.uid,
            greta.uid,
            now.date() - timedelta(days=1),
            Channel.EMAIL,
            Purpose.SHARE_INSIGHT,
        )
    )
    repo.close()
    return account


async def test_the_morning_line_names_the_account_with_the_most_at_stake(
    make_app, open_repo, clock
) -> None:
    seed(open_repo, clock)
    seed_why(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MorningPlanScreen)
        text = squashed(screen_text(app))
        assert f"Stalled — Nordvale Foods: {STALL_V2}" in text
        assert (
            "Coach: Nordvale Foods (€480k): Greta Lindqvist is a week late on “Send the budget "
            "figures” and nobody has spoken to them since their last commitment. Call Greta "
            "Lindqvist today."
        ) in text
        assert "1 touch is overdue" not in text


async def test_the_dashboard_flags_the_stall_and_the_buyer_never_met(
    make_app, with_why, open_repo, clock
) -> None:
    seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        panel = widget_text(app, app.screen.query_one("#objectives"))
        assert "Nordvale Foods €480k · 1 call · economic buyer not met" in panel
        assert f"⚠ {STALL_V2}" in panel
        await pilot.press("a")  # the account list says it in a word
        await settle(pilot)
        row = next(line for line in screen_text(app).splitlines() if "Nordvale Foods" in line)
        assert row.split()[-2:] == ["promise", "late"]


async def test_the_account_page_and_its_buying_map_ask_the_coach_questions(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountScreen(account.uid))
        await settle(pilot)
        text = widget_text(app, app.screen.query_one("#objective-card"))
        assert "⚠ Decision makers: 3 people · 2 of 4 roles · economic buyer not met" in text
        assert f"⚠ {STALL_V2}" in text
        app.push_screen(AccountEntryScreen(account.uid))
        await settle(pilot)
        text = squashed(screen_text(app))
        assert "You haven't met Paul Berg, who holds the money. Who can introduce you?" in text
        assert "Has Greta Lindqvist kept a promise to you yet?" in text
        assert "What part does Anna Holm play in the decision?" in text


async def test_a_kept_promise_passes_the_champion_test(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock)
    repo = open_repo()
    [promise] = repo.calls.open_commitments(account.uid)
    repo.calls.save_commitment(replace(promise, done_on=clock().date()))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountEntryScreen(account.uid))
        await settle(pilot)
        text = squashed(screen_text(app))
        assert "You haven't met Paul Berg" in text
        assert "kept a promise to you yet" not in text
