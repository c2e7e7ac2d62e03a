"""Every door records come in by applies the rules the forms apply.

A data file opened (by the app or a command), `coach doctor` and `coach import json` all
check each record with the model's own validators: a goal target of 1e999999 typed into
a form is refused, so it is refused in a hand-edited file and in an import too, with a
sentence naming the file, the table, the record and the field — never an "unexpected
error" at every start while doctor says ok. Each table's records have their own shape: a
contact put among the accounts is not an account.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach_tui.cli import main
from coach_tui.coaching.campaign import plan_touches
from coach_tui.commands.import_json import import_json
from coach_tui.model import account as account_model
from coach_tui.model import call as call_model
from coach_tui.model import contact as contact_model
from coach_tui.model import day as day_model
from coach_tui.model import draft as draft_model
from coach_tui.model import goal as goal_model
from coach_tui.model import review as review_model
from coach_tui.model import settings as settings_model
from coach_tui.model import touch as touch_model
from coach_tui.model import why as why_model
from coach_tui.model.account import (
    Account,
    ExpansionKind,
    Perspective,
    PerspectiveKind,
    Research,
    StrategicObjective,
)
from coach_tui.model.call import Call, Commitment, Debrief, Movement, Party, Prep, Result
from coach_tui.model.contact import Contact, EntryPoint
from coach_tui.model.day import DayPlan, Priority
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.goal import Metric, PerformanceGoal, ProgressEntry, SkillGoal
from coach_tui.model.limits import STORED_TEXT_MAX, Limits
from coach_tui.model.money import Money, check_amount, parse_amount, parse_money
from coach_tui.model.review import SkillReflection, WeekReview
from coach_tui.model.settings import Settings
from coach_tui.model.text import TextRule, clean_characters
from coach_tui.model.touch import TOUCH_IDEA_MAX, Campaign, Channel, Purpose, Touch
from coach_tui.model.week import IsoWeek
from coach_tui.model.why import WhyAnswers, WhyStatement
from coach_tui.store.codec import encode
from coach_tui.store.decoders import KINDS
from coach_tui.store.doctor import FileState, diagnose
from coach_tui.store.errors import UnreadableFile
from coach_tui.store.layout import FAMILIES, TABLE_FAMILY, family_path
from coach_tui.store.records import check_records
from coach_tui.store.repository import Repository
from tests.helpers import FakeClock, quiet
from tests.unit.test_cli import coach
from tests.unit.test_json_round_trip import records_in, write_export

NOW = datetime(2026, 11, 24, 8, 30, tzinfo=timezone(timedelta(hours=1)))
TODAY = NOW.date()

# One valid record of every table, written by coach's own encoders.
VALID: dict[str, Callable[[], dict[str, Any]]] = {
    "why": lambda: encode(WhyStatement("For my family", NOW, WhyAnswers(gives="time"), uid="w1")),
    "drafts": lambda: encode(FlowDraft("why", 2, {"statement": "x"}, NOW, typed=True)),
    "settings": lambda: encode(Settings(theme="coach-light")),
    "accounts": lambda: encode(
        Account("Nordvale", Research(direction="grow"), created_at=NOW, uid="a1")
    ),
    "objectives": lambda: encode(
        StrategicObjective(
            "a1",
            "Open the Lyon plant",
            ExpansionKind.NEW_TERRITORY,
            financial_target=Money(Decimal("250000.00"), "EUR"),
            target_date=date(2027, 6, 30),
            created_at=NOW,
            why_now="Their supply contract ends in June",
            uid="o1",
        )
    ),
    "perspectives": lambda: encode(
        Perspective("a1", "Sam", TODAY, PerspectiveKind.RISK, "They are cutting costs", uid="p1")
    ),
    "goals": lambda: encode(
        PerformanceGoal(
            "Revenue 2026",
            Metric.REVENUE,
            Decimal("1200000.00"),
            date(2026, 1, 1),
            date(2026, 12, 31),
            currency="EUR",
            progress=(ProgressEntry(date(2026, 3, 1), Decimal("5000.00"), "first", "e1"),),
            uid="g1",
        )
    ),
    "skill_goals": lambda: encode(SkillGoal("Ask one more question", started_on=TODAY, uid="s1")),
    "contacts": lambda: encode(
        Contact(
            "Greta Lind",
            "a1",
            title="COO",
            company="Nordvale",
            email="greta@nordvale.example",
            phone="+46 8 123 456",
            profile_url="https://www.linkedin.com/in/greta",
            added_on=TODAY,
            uid="c1",
        )
    ),
    "entry_points": lambda: encode(EntryPoint("a1", "Operations", why_there="pain", uid="ep1")),
    "campaigns": lambda: encode(
        Campaign("a1", "Entry Nov 2026", TODAY, ("c1",), created_at=NOW, uid="cp1")
    ),
    "touches": lambda: encode(
        Touch("cp1", "a1", "c1", TODAY, Channel.EMAIL, Purpose.SHARE_INSIGHT, "idea", uid="t1")
    ),
    "calls": lambda: encode(
        Call(
            "a1",
            NOW,
            contact_uids=("c1",),
            prep=Prep(
                "Greta books a workshop with her plant managers",
                size="medium",
                reason="Waste is up since the new line",
            ),
            debrief=Debrief(
                Result.REACHED,
                Movement.ADVANCE,
                "workshop",
                at=NOW,
                skill_uid="s1",
                practised=True,
            ),
            created_at=NOW,
            uid="k1",
        )
    ),
    "commitments": lambda: encode(
        Commitment("a1", Party.ME, "Send the agenda", due=TODAY, call_uid="k1", uid="m1")
    ),
    "days": lambda: encode(DayPlan(TODAY, (Priority("Prep the next call"),), NOW, uid="d1")),
    "reviews": lambda: encode(
        WeekReview(
            IsoWeek(2026, 47),
            went_well="two advances",
            skills=(SkillReflection("s1", "Ask one more question", True, "Tuesday", 4),),
            focus=("Book the Lyon visit",),
            key_call_uids=("k1",),
            cleared=3,
            saved_at=NOW,
            uid="r1",
        )
    ),
}
VALID |= {
    archived: VALID[table]
    for archived, table in (
        ("touches_archive", "touches"),
        ("touches_recent", "touches"),
        ("calls_archive", "calls"),
        ("commitments_archive", "commitments"),
        ("campaigns_archive", "campaigns"),
    )
}


def checked(table: str, record: dict, limits: Limits = Limits.FILES) -> None:
    """Check one record the way opening its file does (or an import, with FORMS)."""
    path = Path(f"{TABLE_FAMILY[table]}.json")
    check_records({table: {"1": record}}, (table,), path, limits)


def changed(table: str, **changes: Any) -> dict:
    record = VALID[table]()
    record.update(changes)
    return record


# ---------------------------------------------------------------------------------------
# Every table's rules, on one record


def test_every_table_has_a_valid_record_with_exactly_the_fields_its_check_knows() -> None:
    """The encoders and the shape check agree: a field added to a record and not to its
    model (or the other way round) would refuse coach's own files."""
    assert set(VALID) == set(KINDS)
    for table, make in VALID.items():
        record = make()
        checked(table, record, Limits.FORMS)
        expected = KINDS[table].fields - ({"uid"} if table in ("settings", "drafts") else set())
        assert set(record) == expected, table


BAD_TARGETS = ["1e999999", "1e-999999", "0", "9" * 5_000, "-5", "0.001", "1000000000000.01"]


@pytest.mark.parametrize("target", BAD_TARGETS, ids=lambda t: t[:12])
def test_a_target_no_form_would_take_is_refused(target: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        checked("goals", changed("goals", target=target))
    assert "record #1 in 'goals'" in caught.value.reason
    assert "'target'" in caught.value.reason


@pytest.mark.parametrize(
    ("table", "changes", "says"),
    [
        # numbers: finite, in the form's range, a sensible number of digits
        ("goals", {"target": "NaN"}, "not a finite number"),
        ("goals", {"target": "Infinity"}, "not a finite number"),
        ("goals", {"target": "1" + "0" * 40}, "too many for an amount"),
        ("goals", {"progress": [{"on": "2026-03-01", "amount": "0"}]}, "progress 1 amount"),
        ("objectives", {"financial_target": {"amount": "1e999999", "currency": "EUR"}}, "target"),
        ("objectives", {"financial_target": {"amount": "0", "currency": "EUR"}}, "zero"),
        (
            "reviews",
            {"skills": [{"goal_uid": "s1", "skill": "x", "practised": True, "rating": 6}]},
            "'rating' should be 1 to 5",
        ),
        ("reviews", {"cleared": -1}, "field 'cleared'"),
        ("reviews", {"cleared": 10**15}, "field 'cleared'"),
        ("settings", {"stall_weeks": 0}, "field 'stall_weeks'"),
        ("settings", {"stall_weeks": 10**12}, "field 'stall_weeks'"),
        ("drafts", {"step": 10**9}, "field 'step'"),
        ("drafts", {"step": -1}, "negative"),
        # dates coach's calendar arithmetic cannot handle
        ("touches", {"due": "9999-12-31"}, "field 'due'"),
        ("touches", {"closed_on": "0001-01-01"}, "field 'closed_on'"),
        ("calls", {"when": "9999-12-31T23:00:00+00:00"}, "field 'when'"),
        ("reviews", {"week": "9999-W52"}, "field 'week'"),
        ("goals", {"start": "2026-12-31", "end": "2026-12-31"}, "must end after it starts"),
        ("goals", {"start": "2027-01-01", "end": "2026-12-31"}, "must end after it starts"),
        ("why", {"written_at": "1066-10-14T09:00:00+00:00"}, "field 'written_at'"),
        # values outside their choices, strings that are not strings
        ("touches", {"status": "lost"}, "not one of the known values"),
        ("goals", {"progress": [{"on": "2026-03-01", "amount": "5", "note": 5}]}, "'note'"),
        ("contacts", {"title": ["COO"]}, "'title' should be text"),
        ("settings", {"theme": 7}, "'theme' should be text"),
        # shapes: fields the table does not have, inside records too
        ("accounts", {"research": {"gossip": "x"}}, "no field 'gossip'"),
        ("why", {"answers": {"lottery": "x"}}, "no field 'lottery'"),
        ("calls", {"prep": {"outcome": "x", "secret": "y"}}, "no field 'secret'"),
        ("calls", {"debrief": {"result": "reached", "movement": "advance", "x": 1}}, "'x'"),
        ("days", {"priorities": [{"text": "a", "done": False, "colour": "red"}]}, "'colour'"),
        ("objectives", {"financial_target": {"amount": "5", "currency": "EUR", "fx": 1}}, "fx"),
        ("touches", {"score": 3}, "a touch does not have: 'score'"),
        # ids nothing could find
        ("accounts", {"uid": ""}, "field 'uid'"),
        # text beyond what coach keeps in any field
        ("accounts", {"name": "x" * (STORED_TEXT_MAX + 1)}, "more than coach keeps"),
    ],
    ids=lambda value: str(value)[:30],
)
def test_what_a_form_cannot_produce_is_refused_naming_record_and_field(
    table: str, changes: dict, says: str
) -> None:
    with pytest.raises(UnreadableFile) as caught:
        checked(table, changed(table, **changes))
    assert f"record #1 in '{table}'" in caught.value.reason
    assert says in caught.value.reason


def test_a_contact_in_the_accounts_table_is_not_an_account() -> None:
    with pytest.raises(UnreadableFile) as caught:
        checked("accounts", VALID["contacts"]())
    reason = caught.value.reason
    assert "record #1 in 'accounts' is damaged" in reason
    assert "fields an account does not have: 'account_uid', 'added_on', 'company'" in reason
    assert "it looks like a record of 'contacts' put in the wrong table" in reason


def test_a_table_in_a_file_that_does_not_hold_it_is_refused() -> None:
    """Coach would never read it there: its records would seem lost."""
    raw = {"_meta": {}, "accounts": {}, "contacts": {"1": VALID["contacts"]()}}
    with pytest.raises(UnreadableFile) as caught:
        check_records(raw, FAMILIES["accounts"], Path("accounts.json"))
    assert caught.value.reason == (
        "it holds a table 'contacts' that does not belong in it; coach keeps 'contacts' in "
        "entry.json"
    )


HOSTILE = "Max [/] Typed \x1b]0;T\x07 [@click=app.quit]x[/] \x00 \u202e [link=file:///x]"


@pytest.mark.parametrize("limits", list(Limits))
def test_control_characters_and_markup_are_data_not_damage(limits: Limits) -> None:
    """The screens show them as pictures and literal text (`printable`, `plain`): a file or
    an import holding them is not refused."""
    checked("accounts", changed("accounts", name=HOSTILE), limits)
    checked("touches", changed("touches", idea=HOSTILE, outcome=HOSTILE), limits)
    prep = {"outcome": HOSTILE, "note": HOSTILE, "size": "small"}
    checked("calls", changed("calls", prep=prep), limits)


@pytest.mark.parametrize(
    ("table", "changes", "says"),
    [
        ("accounts", {"name": "N" * 121}, "the account's name is 121 characters; the limit is 120"),
        ("accounts", {"name": "  "}, "field 'name': the account's name is empty"),
        ("touches", {"idea": "i" * 1_001}, "field 'idea'"),
        ("contacts", {"email": "greta at nordvale"}, "field 'email'"),
        ("contacts", {"profile_url": "file:///etc/passwd"}, "field 'profile_url'"),
        ("goals", {"currency": "XYZ"}, "field 'currency'"),
        ("goals", {"end": "2032-12-31"}, "at most five years"),
        ("days", {"priorities": [{"text": str(n), "done": False} for n in range(4)]}, "at most 3"),
        ("reviews", {"focus": ["a", "b", "c", "d"]}, "at most 3 focus items"),
        ("calls", {"prep": {"outcome": "x", "size": "huge"}}, "field 'prep size'"),
        ("touches", {"campaign_uid": "x" * 500}, "field 'campaign_uid'"),
    ],
    ids=lambda value: str(value)[:30],
)
def test_what_only_breaks_a_form_limit_is_kept_in_a_file_but_refused_by_an_import(
    table: str, changes: dict, says: str
) -> None:
    """A hand edit a few characters over a limit harms nothing; refusing the file would
    make the seller restore this morning's backup over the day's work. An import is the
    door to check: it writes nothing when it refuses."""
    record = changed(table, **changes)
    checked(table, record, Limits.FILES)
    with pytest.raises(UnreadableFile) as caught:
        checked(table, record, Limits.FORMS)
    assert says in caught.value.reason


# ---------------------------------------------------------------------------------------
# One set of rules: what a form accepts, the file check accepts


def text_rules() -> list[tuple[str, TextRule]]:
    modules = (account_model, call_model, contact_model, day_model, draft_model, goal_model,
               review_model, settings_model, touch_model, why_model)  # fmt: skip
    return [
        (f"{module.__name__.rsplit('.', 1)[1]}.{name}", value)
        for module in modules
        for name, value in vars(module).items()
        if isinstance(value, TextRule)
    ]


@settings(max_examples=60, deadline=None)
@given(raw=st.text(max_size=300) | st.builds(lambda c, n: c * n, st.text(min_size=1, max_size=3),
                                              st.integers(0, 2_100)))  # fmt: skip
def test_text_a_form_saves_passes_the_file_and_import_checks(raw: str) -> None:
    for name, rule in text_rules():
        try:
            saved = rule.clean(raw)
        except ValidationError:
            continue
        rule.check(saved, name)  # raises if the form and the import check disagreed


@settings(max_examples=200, deadline=None)
@given(typed=st.from_regex(r"[-€$]?\d{0,16}(\.\d{0,3})?([eE][-+]?\d{1,7})?[kKmM]?", fullmatch=True))
def test_an_amount_a_form_saves_passes_the_check_and_one_it_refuses_fails_it(typed: str) -> None:
    try:
        amount = parse_amount(typed, label="The target")
    except ValidationError:
        return
    assert check_amount(amount) == amount
    assert check_amount(parse_money(typed, default_currency="EUR").amount)


def test_a_campaign_planned_from_a_page_long_research_note_fits_the_idea_limit() -> None:
    """The plan quotes the research's first sentence in each touch's idea; an unbroken
    page of research once made an idea longer than a touch may hold, which the next
    import of that seller's export would have refused."""
    people = [Contact("Greta Lind", "a1", uid="c1"), Contact("Ola Berg", "a1", uid="c2")]
    focus = "supply " * 1_000
    touches = plan_touches("a1", "cp1", people, TODAY, client_focus=focus)
    assert touches
    for planned in touches:
        assert len(planned.idea) <= TOUCH_IDEA_MAX
        touch_model.check_touch(planned, Limits.FORMS)


# ---------------------------------------------------------------------------------------
# The scenarios of issue 16: a hand edit, doctor, `coach today`, the app, an import


def hand_edit(data_dir: Path, table: str, records: dict[str, dict]) -> Path:
    """Replace `table` in its family file, as a text editor would."""
    path = family_path(data_dir, TABLE_FAMILY[table])
    raw = orjson.loads(path.read_bytes())
    raw[table] = records
    path.write_bytes(orjson.dumps(raw, option=orjson.OPT_INDENT_2))
    return path


def seeded(data_dir: Path, clock: FakeClock) -> None:
    """A folder with a day's backup, as after a normal session."""
    repo = Repository.open(data_dir, clock=clock)
    repo.accounts.save(Account("Nordvale", created_at=clock()))
    repo.close()


@pytest.mark.parametrize("target", ["1e999999", "1e-999999", "0", "9" * 5_000])
def test_a_hand_edited_target_is_refused_at_open_and_reported_by_doctor(
    data_dir: Path, clock: FakeClock, target: str
) -> None:
    seeded(data_dir, clock)
    path = hand_edit(data_dir, "goals", {"1": changed("goals", target=target)})
    before = path.read_bytes()

    with pytest.raises(UnreadableFile) as caught:
        Repository.open(data_dir, clock=clock)
    said = str(caught.value)
    assert said.startswith(f"coach cannot read {path}: record #1 in 'goals'")
    assert "'target'" in said
    assert str(data_dir / "backups" / TODAY.isoformat() / "plans.json") in said
    assert path.read_bytes() == before  # left exactly as it was

    (report,) = [r for r in diagnose(data_dir) if r.path == path]
    assert report.state is FileState.DAMAGED
    assert "record #1 in 'goals'" in report.detail and "'target'" in report.detail
    assert report.newest_backup == data_dir / "backups" / TODAY.isoformat() / "plans.json"


def test_coach_today_and_the_app_say_what_is_wrong_instead_of_crashing(
    data_dir: Path, clock: FakeClock
) -> None:
    seeded(data_dir, clock)
    hand_edit(data_dir, "goals", {"1": changed("goals", target="1e999999")})
    for args in (["today"], ["today", "--plain"], []):
        result = coach(*args, "--data", str(data_dir))
        assert result.returncode == 1, args
        assert "unexpected error" not in result.stderr
        assert "Traceback" not in result.stderr
        assert "record #1 in 'goals', field 'target'" in result.stderr
        assert "coach doctor --restore" in result.stderr
    doctor = coach("doctor", "--data", str(data_dir))
    assert doctor.returncode == 1
    assert "damaged" in doctor.stdout


def test_doctor_restore_then_brings_back_a_folder_that_opens(
    data_dir: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded(data_dir, clock)
    hand_edit(data_dir, "goals", {"1": changed("goals", target="1e999999")})
    assert main(["doctor", "--restore", "--data", str(data_dir)]) == 0
    assert "Restored plans.json" in capsys.readouterr().out
    Repository.open(data_dir, clock=clock).close()


def test_a_contact_put_among_the_accounts_by_hand_is_refused(
    data_dir: Path, clock: FakeClock
) -> None:
    seeded(data_dir, clock)
    path = hand_edit(data_dir, "accounts", {"1": VALID["contacts"]()})
    with pytest.raises(UnreadableFile, match="looks like a record of 'contacts'"):
        Repository.open(data_dir, clock=clock)
    (report,) = [r for r in diagnose(data_dir) if r.path == path]
    assert report.state is FileState.DAMAGED


def test_text_over_a_form_limit_opens_and_doctor_names_it(data_dir: Path, clock: FakeClock) -> None:
    seeded(data_dir, clock)
    path = hand_edit(data_dir, "accounts", {"1": changed("accounts", name="N" * 130)})
    repo = Repository.open(data_dir, clock=clock)
    try:
        assert [a.name for a in repo.accounts.all()] == ["N" * 130]
    finally:
        repo.close()
    (report,) = [r for r in diagnose(data_dir) if r.path == path]
    assert report.state is FileState.OK
    assert "kept as it is, though a form or `coach import json` would refuse it" in report.detail
    assert "field 'name': the account's name is 130 characters; the limit is 120" in report.detail


@pytest.mark.parametrize(
    ("tables", "says"),
    [
        ({"goals": [changed("goals", target="1e999999")]}, "record 1 in 'goals', field 'target'"),
        ({"goals": [changed("goals", target="0")]}, "record 1 in 'goals', field 'target'"),
        ({"accounts": [VALID["contacts"]()]}, "looks like a record of 'contacts'"),
        ({"accounts": [changed("accounts", name="N" * 130)]}, "field 'name'"),
        ({"touches": [changed("touches", due="9999-12-31")]}, "field 'due'"),
    ],
    ids=["huge target", "zero target", "contact as account", "long name", "far date"],
)
def test_import_json_refuses_what_a_form_would_and_writes_nothing(
    tmp_path: Path,
    clock: FakeClock,
    capsys: pytest.CaptureFixture[str],
    tables: dict,
    says: str,
) -> None:
    good = {"accounts": [VALID["accounts"]()], "touches": [VALID["touches"]()]}
    source = write_export(tmp_path / "x.json", {**good, **tables})
    assert import_json(tmp_path / "data", source, console=quiet(), clock=clock) == 1
    err = capsys.readouterr().err
    assert err.startswith("coach: nothing imported.")
    assert says in err
    assert not (tmp_path / "data").exists() or records_in(tmp_path / "data") == 0


def test_import_json_keeps_markup_as_data_and_cleans_control_codes(
    tmp_path: Path, clock: FakeClock
) -> None:
    """Markup is refused nowhere (it is shown literally); control codes are cleaned out as
    typing cleans them, so no source stores what a form would not."""
    tables = {
        "accounts": [changed("accounts", name=HOSTILE)],
        "campaigns": [changed("campaigns")],
        "touches": [changed("touches", idea=HOSTILE)],
    }
    source = write_export(tmp_path / "x.json", tables)
    assert import_json(tmp_path / "data", source, console=quiet(), clock=clock) == 0
    repo = Repository.open(tmp_path / "data", read_only=True, clock=clock)
    try:
        (name,) = [a.name for a in repo.accounts.all()]
        assert name == clean_characters(HOSTILE)
        assert "[/] Typed" in name and "[@click=app.quit]x[/]" in name
        assert not {"\x1b", "\x07", "\x00", "\u202e"} & set(name)
    finally:
        repo.close()
