"""The codec: what coach has always written reads back and writes the same bytes, and a
record that does not fit is refused naming the field and where it sits."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from coach_tui.model.draft import FlowDraft
from coach_tui.store.codec import MODELS, decode, encode
from coach_tui.store.errors import DamagedRecord

# One file of records as the hand-written codec of coach before issue 18 wrote them: every
# table, a prep carried over and one not, a call in a zone this machine lacks, a time at
# the repeated hour of an autumn night, microseconds and a half-hour offset.
WRITTEN = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "codec" / "records.json").read_text()
)


def stored(table: str, key: str = "1") -> dict[str, Any]:
    return copy.deepcopy(WRITTEN[table][key])


def test_the_fixture_holds_every_kind_of_record() -> None:
    assert {MODELS[table] for table in WRITTEN} == set(MODELS.values())


@pytest.mark.parametrize(
    ("table", "key"), [(t, k) for t, records in WRITTEN.items() for k in records]
)
def test_what_coach_wrote_reads_back_and_is_written_byte_for_byte(table: str, key: str) -> None:
    """Same keys, same order, same text: backups, the journal and exports compare bytes."""
    record = stored(table, key)
    assert orjson.dumps(encode(decode(table, record, key))) == orjson.dumps(WRITTEN[table][key])


def test_a_decoded_record_shares_nothing_with_the_stored_one() -> None:
    """TinyDB caches the records: an object the UI holds must not alias them."""
    record = stored("drafts")
    draft: FlowDraft = decode("drafts", record)
    draft.answers["statement"] = "changed"
    assert record["answers"] == {"statement": "x"}


def test_nulls_older_versions_wrote_in_text_fields_read_as_empty() -> None:
    contact = decode("contacts", {**stored("contacts"), "title": None, "phone": None})
    assert (contact.title, contact.phone) == ("", "")


Change = Callable[[dict[str, Any]], object]


def _nested(depth: int) -> dict:
    """Answers nested `depth` maps deep: no flow nests its answers like that."""
    answers: dict = {"a": "x"}
    for _ in range(depth):
        answers = {"a": answers}
    return answers


@pytest.mark.parametrize(
    ("table", "change", "says"),
    [
        ("calls", lambda r: r["prep"].update(outcome=7), "'outcome' should be text (in prep)"),
        (
            "reviews",
            lambda r: r["skills"][0].update(rating=9),
            "'rating' should be 1 to 5, not 9 (in skills 1)",
        ),
        (
            "goals",
            lambda r: r["progress"].append({"on": "2026-03-02", "amount": "x"}),
            "'amount' is not a number: 'x' (in progress 2)",
        ),
        (
            "calls",
            lambda r: r["debrief"].update(result="won"),
            "'result' is not one of the known values: 'won' (in debrief)",
        ),
        (
            "days",
            lambda r: r.update(priorities=[{"done": False}]),
            "'text' should be text; the record has none (in priorities 1)",
        ),
        (
            "touches",
            lambda r: r.pop("status"),
            "'status' should be one of the known values; the record has none",
        ),
        ("why", lambda r: r["answers"].update(gives=5), "'gives' should be text (in answers)"),
        (
            "objectives",
            lambda r: r["financial_target"].update(amount=5),
            "'amount' should be text (in financial_target)",
        ),
        ("touches", lambda r: r.update(score=3), "the record has no field 'score'"),
        ("drafts", lambda r: r.update(answers=["x"]), "'answers' should map names to answers"),
        ("drafts", lambda r: r.update(answers=_nested(10)), "'answers' nest more than 8 deep"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_a_record_that_does_not_fit_is_refused_naming_the_field_and_where(
    table: str, change: Change, says: str
) -> None:
    record = stored(table)
    change(record)
    with pytest.raises(DamagedRecord) as caught:
        decode(table, record, 7)
    assert caught.value.reason == says
    assert (caught.value.table, caught.value.doc_id) == (table, 7)


def test_an_object_missing_a_choice_fails_before_anything_is_written() -> None:
    touch = decode("touches", stored("touches"))
    broken = copy.copy(touch)
    object.__setattr__(broken, "status", None)
    with pytest.raises(AttributeError):
        encode(broken)


def test_a_referral_touch_is_stored_by_its_name_and_reads_back() -> None:
    """Issue 19 added the channel last: touches written before it keep their bytes (above)."""
    record = {**stored("touches"), "channel": "referral"}
    touch = decode("touches", record)
    assert touch.channel.name == "REFERRAL"
    assert orjson.dumps(encode(touch)) == orjson.dumps(record)
