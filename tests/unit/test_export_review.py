"""`coach export review`: a week's review and figures as Markdown, from the shell."""

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from markdown_it import MarkdownIt

from coach_tui.cli import main
from coach_tui.commands.export_review import export_review
from coach_tui.interop.review_markdown import escape
from coach_tui.model import clock as clock_module
from coach_tui.model.account import Account
from coach_tui.model.call import Call, Debrief, Movement, Prep, Result
from coach_tui.model.review import SkillReflection, WeekReview
from coach_tui.model.week import IsoWeek
from coach_tui.store.repository import Repository
from tests.coach_at import stopped_at
from tests.helpers import BERLIN, quiet

W47 = IsoWeek(2026, 47)


def seed(data_dir: Path, clock, *, cleared: int = 2) -> None:
    repo = Repository.open(data_dir, clock=clock)
    account = Account("Nordvale Foods")
    repo.accounts.save(account)
    upcoming = Call(account.uid, datetime(2026, 11, 26, 10, 0, tzinfo=BERLIN))
    repo.calls.save(upcoming)
    repo.calls.save(
        Call(
            account.uid,
            datetime(2026, 11, 18, 10, 0, tzinfo=BERLIN),
            prep=Prep("Greta introduces the CFO"),
            debrief=Debrief(Result.REACHED, Movement.ADVANCE),
        )
    )
    repo.reviews.save(
        WeekReview(
            W47,
            went_well="# Not a heading | not a cell",
            learned="Budget is set in March.\nProcurement wants three quotes.",
            skills=(SkillReflection("s", "Ask a second question", True, "With Greta", 4),),
            focus=("Book the CFO meeting", "Prep every call"),
            key_call_uids=(upcoming.uid,),
            cleared=cleared,
        )
    )
    repo.close()


def test_a_reviewed_week_exports_everything_in_markdown(data_dir, clock, tmp_path) -> None:
    seed(data_dir, clock)
    target = tmp_path / "review.md"
    assert export_review(data_dir, target, week_text="2026-W47", console=quiet(), clock=clock) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Weekly review · 2026-W47 · 16–22 Nov\n")
    assert "| Calls held | 1 | 0 | 0.0 | ▲ |" in text
    assert "| Advances (of debriefs) | 1 of 1 (100%) |" in text
    assert "\\# Not a heading \\| not a cell" in text  # typed text cannot reshape the page
    assert "Budget is set in March.  \nProcurement wants three quotes." in text
    assert "- **Ask a second question**: practised — rated 4/5" in text
    assert "1. Book the CFO meeting\n2. Prep every call" in text
    assert "- Thu 26 Nov 10:00 · Nordvale Foods" in text
    assert "Settled 2 open touches and promises" in text


def test_one_settled_item_is_said_in_the_singular(data_dir, clock, tmp_path) -> None:
    seed(data_dir, clock, cleared=1)
    target = tmp_path / "review.md"
    assert export_review(data_dir, target, week_text="2026-W47", console=quiet(), clock=clock) == 0
    assert "Settled 1 open touch or promise in the clear-up." in target.read_text("utf-8")


def test_without_a_week_it_is_the_one_the_coach_offers_and_works_beside_the_app(
    data_dir, clock, capsys
) -> None:
    seed(data_dir, clock)
    app = Repository.open(data_dir, clock=clock)  # the app is open, holding the lock
    try:
        assert export_review(data_dir, None, console=quiet(), clock=clock) == 0
    finally:
        app.close()
    # Tuesday: last week has a review, so the coach offers this week, not reviewed yet.
    out = capsys.readouterr().out
    assert out.startswith("# Weekly review · 2026-W48 · 23–29 Nov")
    assert "_No review was written for this week._" in out


def test_a_bad_week_is_refused_with_a_sentence(data_dir, clock, capsys) -> None:
    seed(data_dir, clock)
    console = quiet()
    assert export_review(data_dir, None, week_text="2027-W53", console=console, clock=clock) == 2
    assert "2027 has no week 53." in console.file.getvalue()
    assert capsys.readouterr().out == ""


def test_the_cli_routes_review_and_keeps_week_for_reviews_only(data_dir, clock, capsys) -> None:
    seed(data_dir, clock)
    assert main(["export", "review", "--week", "2026-W47", "--data", str(data_dir)]) == 0
    assert "Weekly review · 2026-W47" in capsys.readouterr().out
    assert main(["export", "ics", "--week", "2026-W47", "--data", str(data_dir)]) == 2
    assert "--week goes with 'coach export review' only." in capsys.readouterr().err


def test_escape_backslashes_structure_characters() -> None:
    assert escape("a*b_c [x](y) <b> `z`") == "a\\*b\\_c \\[x\\](y) \\<b\\> \\`z\\`"
    assert escape("plain words, 20% off") == "plain words, 20% off"


def test_a_line_break_in_a_one_line_field_cannot_start_a_heading_or_a_rule(
    data_dir, clock, tmp_path
) -> None:
    seed(data_dir, clock)
    repo = Repository.open(data_dir, clock=clock)
    review = repo.reviews.get(W47)
    assert review is not None
    skills = (SkillReflection("s", "Listen\n===", True, "x\n---"),)
    repo.reviews.save(
        replace(review, focus=("Book it\n---\nor not", "Two\n\n# Owned"), skills=skills)
    )
    repo.close()
    target = tmp_path / "review.md"
    assert export_review(data_dir, target, week_text="2026-W47", console=quiet(), clock=clock) == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert "1. Book it --- or not" in lines and "2. Two \\# Owned" in lines
    assert "- **Listen ===**: practised" in lines and "  - Example: x ---" in lines
    assert not [line for line in lines if line.strip() in ("---", "===", "# Owned")]


# --- read back by a real Markdown reader ------------------------------------------------

# Text a seller may well type, each line of which would reshape a Markdown document.
TYPED = (
    "- not a list",
    "+ nor this",
    "1. nor a numbered list",
    "2) nor this",
    "---",
    "===",
    "&copy; 2026 and &amp; stay as typed",
    "> not a quote",
    "~~~",
    "    not code",
    "* not emphasis *",
)


def reading(markdown: str) -> tuple[list[str], str]:
    """The block tokens markdown-it-py sees, and the text a reader is shown (each inline
    run's text, line breaks as new lines)."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    blocks = [token.type for token in tokens if token.type.endswith("_open") or token.type == "hr"]
    shown: list[str] = []
    for token in tokens:
        for child in token.children or []:
            if child.type == "text":
                shown.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                shown.append("\n")
        if token.type == "inline":
            shown.append("\n")
    return blocks, "".join(shown)


def export_with(data_dir, clock, tmp_path, **typed) -> str:
    seed(data_dir, clock)
    repo = Repository.open(data_dir, clock=clock)
    review = repo.reviews.get(W47)
    assert review is not None
    repo.reviews.save(replace(review, **typed))
    repo.close()
    target = tmp_path / "review.md"
    assert export_review(data_dir, target, week_text="2026-W47", console=quiet(), clock=clock) == 0
    return target.read_text(encoding="utf-8")


def test_typed_text_stays_text_for_a_markdown_reader(data_dir, clock, tmp_path) -> None:
    text = export_with(
        data_dir,
        clock,
        tmp_path,
        went_well="\n".join(TYPED),
        learned="Budget is set in March.\n\n    indented after a blank line",
        focus=("- a dash first", "1. a number first", "&copy; first"),
        skills=(SkillReflection("s", "+ plus first", True, "2) numbered example", 4),),
    )
    blocks, shown = reading(text)
    lines = shown.splitlines()
    for typed in TYPED:
        assert typed.strip() in lines  # each line shown as typed, on a line of its own
    assert "indented after a blank line" in lines
    for item in ("- a dash first", "1. a number first", "&copy; first", "2) numbered example"):
        assert any(line.endswith(item) for line in lines), item
    assert "+ plus first: practised — rated 4/5" in lines
    # The structure is coach's own: no rule, quote, code or list a note opened.
    assert "hr" not in blocks and "blockquote_open" not in blocks
    assert not [b for b in blocks if b.startswith(("code", "fence"))]
    assert blocks.count("heading_open") == 9  # the title and the review's eight sections
    assert blocks.count("ordered_list_open") == 1  # next week's focus
    # the week's reading, skills, the skill's example, key calls
    assert blocks.count("bullet_list_open") == 4


def test_key_calls_list_each_calls_outcome(data_dir, clock, tmp_path) -> None:
    seed(data_dir, clock)
    repo = Repository.open(data_dir, clock=clock)
    review = repo.reviews.get(W47)
    assert review is not None
    account = repo.accounts.all()[0]
    prepared = Call(account.uid, datetime(2026, 11, 27, 9, 0, tzinfo=BERLIN),
                    prep=Prep("- Greta books the CFO"))  # fmt: skip
    repo.calls.save(prepared)
    repo.reviews.save(replace(review, key_call_uids=(*review.key_call_uids, prepared.uid)))
    repo.close()
    target = tmp_path / "review.md"
    assert export_review(data_dir, target, week_text="2026-W47", console=quiet(), clock=clock) == 0
    _blocks, shown = reading(target.read_text(encoding="utf-8"))
    assert "Thu 26 Nov 10:00 · Nordvale Foods — no outcome yet" in shown.splitlines()
    assert "Fri 27 Nov 09:00 · Nordvale Foods — outcome: - Greta books the CFO" in shown


def test_cli_export_review_reads_back_as_typed(data_dir, clock, tmp_path, monkeypatch) -> None:
    seed(data_dir, clock)
    repo = Repository.open(data_dir, clock=clock)
    review = repo.reviews.get(W47)
    assert review is not None
    repo.reviews.save(replace(review, went_badly="- the CFO cancelled\n---\n1. twice"))
    repo.close()
    monkeypatch.setattr(clock_module, "datetime", stopped_at(clock()))
    target = tmp_path / "review.md"
    assert (
        main(["export", "review", "--week", "2026-W47", str(target), "--data", str(data_dir)]) == 0
    )
    blocks, shown = reading(target.read_text(encoding="utf-8"))
    assert "- the CFO cancelled\n---\n1. twice" in shown
    assert "hr" not in blocks
    assert "— no outcome yet" in shown


def test_the_export_carries_the_weeks_reading_with_names_as_text(data_dir, clock, tmp_path) -> None:
    seed(data_dir, clock)
    repo = Repository.open(data_dir, clock=clock)
    odd = Account("*Bold* [Foods](x)")
    repo.accounts.save(odd)
    repo.calls.save(
        Call(
            odd.uid,
            datetime(2026, 11, 19, 10, 0, tzinfo=BERLIN),
            prep=Prep("Jens books the demo"),
            debrief=Debrief(Result.PARTLY, Movement.ADVANCE),
        )
    )
    repo.close()
    target = tmp_path / "review.md"
    assert export_review(data_dir, target, week_text="2026-W47", console=quiet(), clock=clock) == 0
    text = target.read_text(encoding="utf-8")
    assert "- Outcomes: best 1/2, minimum 1/2.\n" in text
    assert "- Moved: \\*Bold\\* \\[Foods\\](x), Nordvale Foods.\n" in text
