"""Records of calls (with their prep and debrief) and commitments."""

from __future__ import annotations

from dataclasses import asdict

from coach_tui.model.call import (
    Call,
    CallKind,
    Commitment,
    Debrief,
    Movement,
    Party,
    Prep,
    Result,
)
from coach_tui.store.codec import Reader, Record, day_to_text, moment_to_text, zoned_to_text
from coach_tui.store.errors import DamagedRecord

PREP_FIELDS = tuple(Prep.__dataclass_fields__)
DEBRIEF_FIELDS = frozenset(Debrief.__dataclass_fields__)


def call_to_record(call: Call) -> Record:
    debrief = call.debrief
    return {
        "uid": call.uid,
        "account_uid": call.account_uid,
        "when": zoned_to_text(call.when),
        "kind": call.kind.value,
        "contact_uids": list(call.contact_uids),
        "objective_uid": call.objective_uid,
        "prep": _prep_record(call.prep),
        "debrief": None
        if debrief is None
        else {
            "result": debrief.result.value,
            "movement": debrief.movement.value,
            "next_step": debrief.next_step,
            "notes": debrief.notes,
            "at": moment_to_text(debrief.at),
        },
        "created_at": moment_to_text(call.created_at),
        "updated_at": moment_to_text(call.updated_at),
        "sequence": call.sequence,
    }


def _prep_record(prep: Prep | None) -> Record | None:
    """A prep's fields; `carried_from` only when set, so a prepared call's record keeps the
    shape it always had."""
    if prep is None:
        return None
    record = asdict(prep)
    if not prep.carried_from:
        del record["carried_from"]
    return record


def _prep(read: Reader) -> Prep | None:
    value = read.record.get("prep")
    if value is None:
        return None
    if not isinstance(value, dict) or not all(
        isinstance(value.get(name, ""), str) for name in PREP_FIELDS
    ):
        raise read.fail("'prep' should hold text fields")
    inner = read.nested(value, frozenset(PREP_FIELDS), "'prep'")
    return Prep(**{name: inner.text(name, default="") for name in PREP_FIELDS})


def _debrief(read: Reader) -> Debrief | None:
    value = read.record.get("debrief")
    if value is None:
        return None
    if not isinstance(value, dict):
        raise read.fail("'debrief' should be a record")
    inner = read.nested(value, DEBRIEF_FIELDS, "'debrief'")
    return Debrief(
        result=inner.choice("result", Result),
        movement=inner.choice("movement", Movement),
        next_step=inner.optional_text("next_step"),
        notes=inner.optional_text("notes"),
        at=inner.optional_moment("at"),
    )


def call_from_record(record: Record, doc_id: object = "?") -> Call:
    read = Reader("calls", doc_id, record)
    try:
        return Call(
            account_uid=read.text("account_uid"),
            when=read.moment("when"),
            kind=read.choice("kind", CallKind),
            contact_uids=tuple(read.text_list("contact_uids")),
            objective_uid=read.optional_text("objective_uid"),
            prep=_prep(read),
            debrief=_debrief(read),
            created_at=read.optional_moment("created_at"),
            updated_at=read.optional_moment("updated_at"),
            sequence=read.integer("sequence") if "sequence" in read.record else 0,
            uid=read.text("uid"),
        )
    except TypeError as error:  # a prep with unexpected fields
        raise DamagedRecord("calls", doc_id, str(error)) from None


def commitment_to_record(commitment: Commitment) -> Record:
    return {
        "uid": commitment.uid,
        "account_uid": commitment.account_uid,
        "party": commitment.party.value,
        "what": commitment.what,
        "due": day_to_text(commitment.due),
        "call_uid": commitment.call_uid,
        "done_on": day_to_text(commitment.done_on),
    }


def commitment_from_record(record: Record, doc_id: object = "?") -> Commitment:
    read = Reader("commitments", doc_id, record)
    return Commitment(
        account_uid=read.text("account_uid"),
        party=read.choice("party", Party),
        what=read.text("what"),
        due=read.optional_day("due"),
        call_uid=read.optional_text("call_uid"),
        done_on=read.optional_day("done_on"),
        uid=read.text("uid"),
    )
