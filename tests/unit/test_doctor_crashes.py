"""`coach doctor` lists crashes and the drafts coach will not open, and says what to do."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from coach_tui.crash_log import write_crash_log
from coach_tui.model.draft import FlowDraft
from tests.helpers import BERLIN, FakeClock, doctor_report
from tests.unit.test_cli import coach


def test_a_healthy_folder_says_nothing_about_crashes(repo, data_dir: Path) -> None:
    code, text = doctor_report(data_dir)
    assert code == 0
    assert "Crashes" not in text and "Drafts" not in text


def test_crashes_drafts_and_set_aside_files_are_listed_with_what_to_do(
    repo, data_dir: Path, clock
) -> None:
    try:
        raise RuntimeError("closing tag '[/x]' does not match any open tag")
    except RuntimeError as error:
        write_crash_log(data_dir, error, flows=["review:2026-W47, step 7 of 9: Key calls"])
    repo.drafts.save(FlowDraft("review:2026-W47", 6, {"went_well": "x"}, clock()))
    repo.drafts.mark_stopped(["review:2026-W47"], clock())
    repo.drafts.save(FlowDraft("why", 1, {"gives": "y"}, clock()))
    repo.drafts.set_aside("why", "coach stopped", clock())
    repo.close()
    core = data_dir / "core.json"
    raw = json.loads(core.read_text())
    raw["drafts"]["5"] = {"flow": "plan-year", "step": "two"}
    core.write_text(json.dumps(raw))

    code, text = doctor_report(data_dir)
    assert code == 0  # nothing here makes a file unusable
    assert f"Crashes in {data_dir / 'crash.log'}: 1 (newest first)" in text
    assert "RuntimeError: closing tag '[/x]' does not match any open tag" in text
    assert "review:2026-W47, step 7 of 9: Key calls" in text
    assert "To report a crash, send crash.log" in text
    assert "Drafts coach will not open as they are: 2" in text
    assert (
        "The weekly review of 2026-W47 (review:2026-W47): its flow was open when coach "
        "stopped (2026-11-24 08:30). Opening the flow asks whether to try again or start "
        "afresh" in text
    )
    assert (
        "Plan the year (plan-year): cannot be read ('step' should be a whole number). "
        "Coach moves it to drafts-set-aside/ the next time it opens" in text
    )
    assert f"Drafts set aside in {data_dir / 'drafts-set-aside'}: 1" in text
    assert "why-20261124-083000.json" in text
    assert "then delete them; coach never does" in text


def test_only_the_newest_crashes_are_shown(repo, data_dir: Path) -> None:
    repo.close()
    for number in range(8):
        try:
            raise ValueError(f"crash {number}")
        except ValueError as error:
            write_crash_log(data_dir, error)
    _code, text = doctor_report(data_dir)
    assert "crash 7" in text and "crash 3" in text and "crash 2" not in text
    assert "… and 3 older ones in the log." in text


def test_doctor_output_from_the_command_is_terminal_safe(repo, data_dir: Path) -> None:
    repo.close()
    try:
        raise RuntimeError("name \x1b]0;pwned\x07 [bold]x[/bold]")
    except RuntimeError as error:
        write_crash_log(data_dir, error, flows=["why\x1b[2J"])
    result = coach("doctor", "--data", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "[bold]x[/bold]" in result.stdout


def test_times_are_shown_on_the_sellers_clock_now_not_where_they_were_logged(
    repo, data_dir: Path, clock
) -> None:
    """A crash in Tokyo, read after the flight home to Berlin: 09:15 there was 01:15 here."""
    repo.drafts.save(FlowDraft("review:2026-W47", 6, {"went_well": "x"}, clock()))
    repo.drafts.mark_stopped(["review:2026-W47"], clock())  # 08:30 in Berlin
    repo.close()
    tokyo = datetime(2026, 11, 24, 9, 15, tzinfo=ZoneInfo("Asia/Tokyo"))
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        write_crash_log(data_dir, error, now=tokyo)
    with (data_dir / "crash.log").open("a", encoding="utf-8") as log:
        log.write("--- 0001-01-01T00:00:00+05:00 coach 0.1.0\nValueError: edited by hand\n")

    _code, text = doctor_report(
        data_dir, clock=FakeClock(datetime(2026, 11, 25, 9, 0, tzinfo=BERLIN))
    )
    assert "2026-11-24 01:15" in text and "09:15" not in text
    assert "0001-01-01T00:00:00+05:00" in text  # out of any zone's range: as written
    _code, text = doctor_report(data_dir, clock=FakeClock(tokyo))
    assert "2026-11-24 09:15" in text
    assert "its flow was open when coach stopped (2026-11-24 16:30)" in text
