"""Records of account entry: contacts, entry points, campaigns and touches.

Kept apart from `codec.py` so each file stays about one family of tables; the strict
`Reader` is shared, so a damaged record fails the same way everywhere.
"""

from __future__ import annotations

from coach_tui.model.contact import BuyingRole, Contact, EntryPoint, Relationship
from coach_tui.model.touch import (
    Campaign,
    CampaignStatus,
    Channel,
    Purpose,
    Touch,
    TouchStatus,
)
from coach_tui.store.codec import Reader, Record, day_to_text, moment_to_text


def contact_to_record(contact: Contact) -> Record:
    return {
        "uid": contact.uid,
        "account_uid": contact.account_uid,
        "name": contact.name,
        "title": contact.title,
        "company": contact.company,
        "role": contact.role.value,
        "profile_url": contact.profile_url,
        "email": contact.email,
        "phone": contact.phone,
        "what_matters": contact.what_matters,
        "found_via": contact.found_via,
        "relationship": contact.relationship.value,
        "added_on": day_to_text(contact.added_on),
    }


def contact_from_record(record: Record, doc_id: object = "?") -> Contact:
    read = Reader("contacts", doc_id, record)
    return Contact(
        name=read.text("name"),
        account_uid=read.optional_text("account_uid"),
        title=read.optional_text("title"),
        company=read.optional_text("company"),
        role=read.choice("role", BuyingRole),
        profile_url=read.optional_text("profile_url"),
        email=read.optional_text("email"),
        phone=read.optional_text("phone"),
        what_matters=read.optional_text("what_matters"),
        found_via=read.optional_text("found_via"),
        relationship=read.choice("relationship", Relationship),
        added_on=read.optional_day("added_on"),
        uid=read.text("uid"),
    )


def entry_point_to_record(entry: EntryPoint) -> Record:
    return {
        "uid": entry.uid,
        "account_uid": entry.account_uid,
        "unit": entry.unit,
        "why_there": entry.why_there,
        "owner": entry.owner,
    }


def entry_point_from_record(record: Record, doc_id: object = "?") -> EntryPoint:
    read = Reader("entry_points", doc_id, record)
    return EntryPoint(
        account_uid=read.text("account_uid"),
        unit=read.text("unit"),
        why_there=read.optional_text("why_there"),
        owner=read.optional_text("owner"),
        uid=read.text("uid"),
    )


def campaign_to_record(campaign: Campaign) -> Record:
    return {
        "uid": campaign.uid,
        "account_uid": campaign.account_uid,
        "name": campaign.name,
        "start": campaign.start.isoformat(),
        "contact_uids": list(campaign.contact_uids),
        "status": campaign.status.value,
        "created_at": moment_to_text(campaign.created_at),
        "ended_on": day_to_text(campaign.ended_on),
    }


def campaign_from_record(record: Record, doc_id: object = "?") -> Campaign:
    read = Reader("campaigns", doc_id, record)
    return Campaign(
        account_uid=read.text("account_uid"),
        name=read.text("name"),
        start=read.day("start"),
        contact_uids=tuple(read.text_list("contact_uids")),
        status=read.choice("status", CampaignStatus),
        created_at=read.optional_moment("created_at"),
        ended_on=read.optional_day("ended_on"),
        uid=read.text("uid"),
    )


def touch_to_record(touch: Touch) -> Record:
    return {
        "uid": touch.uid,
        "campaign_uid": touch.campaign_uid,
        "account_uid": touch.account_uid,
        "contact_uid": touch.contact_uid,
        "due": touch.due.isoformat(),
        "channel": touch.channel.value,
        "purpose": touch.purpose.value,
        "idea": touch.idea,
        "status": touch.status.value,
        "outcome": touch.outcome,
        "got_response": touch.got_response,
        "got_meeting": touch.got_meeting,
        "closed_on": day_to_text(touch.closed_on),
    }


def touch_from_record(record: Record, doc_id: object = "?") -> Touch:
    read = Reader("touches", doc_id, record)
    return Touch(
        campaign_uid=read.text("campaign_uid"),
        account_uid=read.text("account_uid"),
        contact_uid=read.text("contact_uid"),
        due=read.day("due"),
        channel=read.choice("channel", Channel),
        purpose=read.choice("purpose", Purpose),
        idea=read.optional_text("idea"),
        status=read.choice("status", TouchStatus),
        outcome=read.optional_text("outcome"),
        got_response=read.flag("got_response"),
        got_meeting=read.flag("got_meeting"),
        closed_on=read.optional_day("closed_on"),
        uid=read.text("uid"),
    )
