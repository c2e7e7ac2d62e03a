"""Account entry on a real data folder: contacts, entry points, campaigns and touches.

Complements `test_entry_store.py` with every field and enum value, damaged records, the
all-or-nothing writes, the campaign plan operations and the cascade across files.
"""

import json
from dataclasses import replace
from datetime import date, timedelta, timezone
from pathlib import Path

import pytest

from coach_tui.model.account import Account
from coach_tui.model.contact import BuyingRole, Contact, EntryPoint, Relationship, RosterEntry
from coach_tui.model.touch import Campaign, CampaignStatus, Channel, Purpose, Touch, TouchStatus
from coach_tui.store import storage
from coach_tui.store.errors import StoreWriteError, UnreadableFile
from coach_tui.store.journal import journal_path
from coach_tui.store.repository import Repository
from coach_tui.store.storage import read_family

TODAY = date(2026, 11, 24)


def contact(name: str, account_uid: str = "acc", **changes) -> Contact:
    return Contact(name, account_uid=account_uid, **changes)


def touch(due: date, campaign_uid: str = "camp", account_uid: str = "acc", **changes) -> Touch:
    fields = {"channel": Channel.EMAIL, "purpose": Purpose.SHARE_INSIGHT}
    return Touch(campaign_uid, account_uid, "person", due, **(fields | changes))


def count_writes(monkeypatch) -> list[str]:
    """The data files replaced from now on, in order, one entry per atomic replacement.

    A save touching one file writes it in one go; a save across files stages them all and
    then publishes them one by one, so both seams are watched.
    """
    writes: list[str] = []
    real_write, real_publish, real_append = (
        storage.write_atomic,
        storage.publish,
        storage.append_line,
    )
    monkeypatch.setattr(
        storage, "write_atomic", lambda p, b: (writes.append(p.name), real_write(p, b))
    )
    monkeypatch.setattr(
        storage, "publish", lambda t, p: (writes.append(p.name), real_publish(t, p))
    )
    monkeypatch.setattr(
        storage, "append_line", lambda p, b: (writes.append(p.name), real_append(p, b))
    )
    return writes


def fail_writes_to(monkeypatch, name: str) -> None:
    """Every write of the family file `name` (or its journal) fails as if the disk were full."""
    real_write, real_stage, real_append = storage.write_atomic, storage.stage, storage.append_line

    def refuse(path: Path) -> None:
        if path.name in (name, journal_path(Path(name)).name):
            raise OSError(28, "No space left on device")

    def append(path: Path, line: bytes) -> None:
        refuse(path)
        real_append(path, line)

    def write(path: Path, payload: bytes) -> None:
        refuse(path)
        real_write(path, payload)

    def stage(path: Path, payload: bytes) -> Path:
        refuse(path)
        return real_stage(path, payload)

    monkeypatch.setattr(storage, "write_atomic", write)
    monkeypatch.setattr(storage, "stage", stage)
    monkeypatch.setattr(storage, "append_line", append)


# Round trips


def test_every_role_and_relationship_survives_reopening(open_repo) -> None:
    people = [
        contact(f"Person {i}", role=role, relationship=relationship)
        for i, (role, relationship) in enumerate(
            (role, relationship) for role in BuyingRole for relationship in Relationship
        )
    ]
    repo = open_repo()
    repo.contacts.save_many(people)
    repo.close()
    assert open_repo().contacts.all() == sorted(people, key=lambda c: c.name)


def test_a_touch_round_trips_every_field_and_value(open_repo) -> None:
    touches = [
        touch(
            TODAY + timedelta(days=index),
            channel=list(Channel)[index % len(Channel)],
            purpose=list(Purpose)[index % len(Purpose)],
            status=status,
            idea="Ask Zoë about the 3 % scrap rate — «Werk Ost»\nsecond line",
            outcome="Replied 👍" if status is not TouchStatus.PLANNED else "",
            got_response=index % 2 == 0,
            got_meeting=status is TouchStatus.DONE,
            closed_on=None if status is TouchStatus.PLANNED else TODAY,
        )
        for index, status in enumerate(list(TouchStatus) * 2)
    ]
    repo = open_repo()
    repo.touches.save_many(touches)
    repo.close()
    assert open_repo().touches.for_campaign("camp") == touches


def test_a_campaign_and_an_entry_point_round_trip(open_repo, clock) -> None:
    campaign = Campaign(
        "acc",
        "Entry — Nov 2026 (Zürich)",
        TODAY,
        ("greta", "hiro"),
        status=CampaignStatus.STOPPED,
        created_at=clock().astimezone(timezone(timedelta(hours=-5))),
        ended_on=date(2026, 12, 1),
    )
    entry = EntryPoint("acc", "Werk Ost — Qualität", why_there="Scrap is 3 %", owner="Jürgen")
    repo = open_repo()
    repo.campaigns.save(campaign)
    repo.entry_points.save(entry)
    repo.close()
    repo = open_repo()
    assert repo.campaigns.get(campaign.uid) == campaign
    assert repo.entry_points.for_account("acc") == entry


# Damaged records


@pytest.mark.parametrize(
    ("file", "table", "field", "value", "message"),
    [
        ("entry.json", "contacts", "role", 5, "'role' is not one of the known values"),
        ("entry.json", "contacts", "name", None, "'name' should be text"),
        ("entry.json", "campaigns", "start", None, "'start' should be a date"),
        ("entry.json", "campaigns", "contact_uids", "greta", "'contact_uids' should be a list"),
        ("entry.json", "entry_points", "unit", ["Plants"], "'unit' should be text"),
        ("touches.json", "touches", "got_meeting", "yes", "'got_meeting' should be true or"),
        ("touches.json", "touches", "channel", "pigeon", "'channel' is not one of the known"),
    ],
)
def test_a_damaged_entry_record_stops_the_open_and_names_its_file(
    open_repo, data_dir, file, table, field, value, message
) -> None:
    repo = open_repo()
    repo.contacts.save(contact("Greta"))
    repo.entry_points.save(EntryPoint("acc", "Plants"))
    repo.campaigns.save(Campaign("acc", "Entry", TODAY, ("greta",)))
    repo.touches.save(touch(TODAY))
    repo.close()
    path = data_dir / file
    raw = json.loads(path.read_text())
    (record,) = raw[table].values()
    record[field] = value
    path.write_text(json.dumps(raw))
    with pytest.raises(UnreadableFile, match=file.replace(".", r"\.")) as caught:
        Repository.open(data_dir)
    assert message in str(caught.value)
    assert json.loads(path.read_text()) == raw  # left exactly as it was


def test_a_missing_required_field_is_damage_too(open_repo, data_dir) -> None:
    repo = open_repo()
    repo.touches.save(touch(TODAY))
    repo.close()
    path = data_dir / "touches.json"
    raw = json.loads(path.read_text())
    (record,) = raw["touches"].values()
    del record["contact_uid"]
    path.write_text(json.dumps(raw))
    with pytest.raises(UnreadableFile, match="'contact_uid' should be text"):
        Repository.open(data_dir)


# Contacts


def test_saving_many_contacts_updates_and_adds_in_one_write(repo, monkeypatch) -> None:
    greta = contact("Greta")
    repo.contacts.save(greta)
    writes = count_writes(monkeypatch)
    moved = replace(greta, title="CFO", role=BuyingRole.ECONOMIC_BUYER)
    hiro = contact("Hiro")
    repo.contacts.save_many([moved, hiro, replace(hiro, title="Plant manager")])
    assert writes == ["entry.json"]
    assert repo.contacts.for_account("acc") == [moved, replace(hiro, title="Plant manager")]


def test_the_roster_names_everyone_with_account_and_role(repo) -> None:
    placed = contact("Ana", role=BuyingRole.ECONOMIC_BUYER)
    loose = replace(contact("Ben"), account_uid="")
    repo.contacts.save_many([placed, loose])
    roster = {entry.uid: entry for entry in repo.contacts.roster()}
    assert roster == {
        person.uid: RosterEntry(person.uid, person.name, person.account_uid, person.role)
        for person in repo.contacts.all()
    }
    assert roster[placed.uid].role is BuyingRole.ECONOMIC_BUYER
    assert roster[loose.uid].account_uid == ""


def test_one_bad_contact_in_a_batch_saves_none(repo) -> None:
    repo.contacts.save(contact("Kept"))
    batch = [contact("New one"), replace(contact("Broken"), role=None)]
    with pytest.raises(AttributeError):
        repo.contacts.save_many(batch)
    assert [c.name for c in repo.contacts.all()] == ["Kept"]


def test_unplaced_people_are_grouped_by_company(repo) -> None:
    repo.contacts.save_many(
        [
            contact("Zed", "", company="NORDVALE FOODS "),
            contact("Anna", "", company="Nordvale Foods"),
            contact("Bo", "", company="Acme"),
            contact("Nobody", ""),
            contact("Placed", "acc", company="Acme"),
        ]
    )
    groups = repo.contacts.unplaced()
    assert list(groups) == ["Acme", "Nordvale Foods", ""]
    assert [c.name for c in groups["Nordvale Foods"]] == ["Anna", "Zed"]
    assert [c.name for c in groups["Acme"]] == ["Bo"]


def test_deleting_a_contact_and_an_entry_point(repo) -> None:
    greta = contact("Greta")
    entry = EntryPoint("acc", "Plants")
    repo.contacts.save_many([greta, contact("Hiro")])
    repo.entry_points.save(entry)
    repo.contacts.delete(greta.uid)
    repo.entry_points.delete(entry.uid)
    assert [c.name for c in repo.contacts.all()] == ["Hiro"]
    assert repo.entry_points.for_account("acc") is None


# Touches


def test_the_queue_is_open_touches_due_by_the_day_oldest_first_across_accounts(repo) -> None:
    overdue_b = touch(date(2026, 11, 2), account_uid="b")
    overdue_a = touch(date(2026, 11, 10), account_uid="a")
    today = touch(TODAY, account_uid="c")
    repo.touches.save_many(
        [
            today,
            touch(TODAY + timedelta(days=1)),
            overdue_a,
            touch(date(2026, 11, 1), status=TouchStatus.DONE, closed_on=TODAY),
            touch(date(2026, 11, 1), status=TouchStatus.SKIPPED, closed_on=TODAY),
            overdue_b,
        ]
    )
    assert repo.touches.open_due_by(TODAY) == [overdue_b, overdue_a, today]
    assert repo.touches.open_due_by(date(2026, 10, 31)) == []


def test_a_failed_touch_write_saves_none_and_later_saves_still_find_their_record(
    repo, monkeypatch
) -> None:
    kept = touch(TODAY)
    repo.touches.save(kept)
    fail_writes_to(monkeypatch, "touches.json")
    with pytest.raises(StoreWriteError):
        repo.touches.save_many([replace(kept, idea="changed"), touch(TODAY)])
    monkeypatch.undo()
    assert repo.touches.for_campaign("camp") == [kept]
    done = replace(kept, status=TouchStatus.DONE)
    repo.touches.save(done)
    assert repo.touches.for_campaign("camp") == [done]


def test_a_reused_document_id_never_updates_the_wrong_touch(repo, monkeypatch) -> None:
    kept, west, east = Account("Kept"), Account("West"), Account("East")
    for account in (kept, west, east):
        repo.accounts.save(account)
    mine = touch(TODAY, account_uid=kept.uid)
    gone = touch(TODAY, account_uid=west.uid)
    back = touch(TODAY, account_uid=east.uid)
    for each in (mine, gone, back):  # stored as #1, #2, #3 and remembered by the index
        repo.touches.save(each)
    # Deleting accounts removes touches behind the index's back.
    repo.accounts.delete(west.uid)
    deleted_east = repo.accounts.delete(east.uid)
    assert deleted_east is not None
    # A failed write reloads the file; TinyDB then hands out #2 again, to another touch.
    fail_writes_to(monkeypatch, "touches.json")
    with pytest.raises(StoreWriteError):
        repo.touches.save(replace(mine, idea="lost"))
    monkeypatch.undo()
    repo.accounts.restore(deleted_east)

    assert repo.touches.get(gone.uid) is None
    repo.touches.save(replace(gone, idea="saved again"))
    assert repo.touches.get(back.uid) == back
    assert repo.touches.get(gone.uid) == replace(gone, idea="saved again")
    assert repo.touches.count() == 3


def test_replacing_a_plan_keeps_history_and_swaps_the_planned_touches(repo, monkeypatch) -> None:
    done = touch(date(2026, 11, 2), status=TouchStatus.DONE, closed_on=date(2026, 11, 2))
    skipped = touch(date(2026, 11, 3), status=TouchStatus.SKIPPED, closed_on=date(2026, 11, 3))
    moved, dropped = touch(TODAY), touch(TODAY + timedelta(days=2))
    other_campaign = touch(TODAY, campaign_uid="other")
    repo.touches.save_many([done, skipped, moved, dropped, other_campaign])
    writes = count_writes(monkeypatch)

    later = replace(moved, due=TODAY + timedelta(days=7))
    added = touch(TODAY + timedelta(days=9))
    repo.touches.replace_plan("camp", [later, added])

    # One appended line: dropped, moved and added touches are all listed record by record.
    assert writes == ["touches.journal"]
    assert repo.touches.for_campaign("camp") == [done, skipped, later, added]
    assert repo.touches.for_campaign("other") == [other_campaign]


def test_replacing_a_plan_refuses_another_campaigns_touch_before_writing(repo) -> None:
    planned = touch(TODAY)
    repo.touches.save(planned)
    with pytest.raises(ValueError, match="do not belong"):
        repo.touches.replace_plan("camp", [touch(TODAY, campaign_uid="other")])
    assert repo.touches.for_campaign("camp") == [planned]


def test_counts_per_status(repo) -> None:
    repo.touches.save_many(
        [
            touch(TODAY),
            touch(TODAY),
            touch(TODAY, status=TouchStatus.DONE),
            touch(TODAY, campaign_uid="other", status=TouchStatus.SKIPPED),
        ]
    )
    assert repo.touches.counts("camp") == {
        TouchStatus.PLANNED: 2,
        TouchStatus.DONE: 1,
        TouchStatus.SKIPPED: 0,
    }
    assert repo.touches.counts()[TouchStatus.SKIPPED] == 1


def test_touches_per_account_come_from_every_campaign(repo) -> None:
    first, second = touch(TODAY, "one"), touch(TODAY - timedelta(days=30), "two")
    repo.touches.save_many([first, second, touch(TODAY, account_uid="other")])
    assert repo.touches.for_account("acc") == [second, first]


# Campaigns


def test_stopping_a_campaign_skips_its_open_touches_touches_file_first(repo, monkeypatch) -> None:
    campaign = Campaign("acc", "Entry", TODAY, ())
    planned = touch(TODAY, campaign.uid)
    repo.campaigns.save_plan(campaign, [planned])
    writes = count_writes(monkeypatch)
    skipped = replace(planned, status=TouchStatus.SKIPPED, closed_on=TODAY)

    stopped = repo.campaigns.set_status(
        campaign.uid, CampaignStatus.STOPPED, ended_on=TODAY, touches=[skipped]
    )

    assert writes == ["touches.json", "entry.json"]
    assert stopped == replace(campaign, status=CampaignStatus.STOPPED, ended_on=TODAY)
    assert repo.campaigns.get(campaign.uid) == stopped
    assert repo.campaigns.active_for("acc") is None
    assert repo.touches.open_due_by(TODAY) == []


def test_setting_the_status_of_an_unknown_campaign_writes_nothing(repo, monkeypatch) -> None:
    writes = count_writes(monkeypatch)
    assert repo.campaigns.set_status("nope", CampaignStatus.SUCCEEDED) is None
    assert writes == []


def test_campaigns_of_an_account_newest_first(repo) -> None:
    old = Campaign("acc", "Entry Jan", date(2026, 1, 5), (), status=CampaignStatus.STOPPED)
    new = Campaign("acc", "Entry Nov", TODAY, ())
    repo.campaigns.save(old)
    repo.campaigns.save(new)
    assert repo.campaigns.for_account("acc") == [new, old]
    assert repo.campaigns.active_for("acc") == new


# Deleting an account


def seed_account(repo: Repository) -> tuple[Account, Campaign, list[Touch]]:
    account = Account("Nordvale Foods")
    repo.accounts.save(account)
    repo.contacts.save_many([contact("Greta", account.uid), contact("Stays", "other")])
    repo.entry_points.save(EntryPoint(account.uid, "Plants"))
    campaign = Campaign(account.uid, "Entry", TODAY, ())
    touches = [touch(TODAY, campaign.uid, account.uid), touch(TODAY, "c2", "other")]
    repo.campaigns.save_plan(campaign, touches[:1])
    repo.touches.save(touches[1])
    return account, campaign, touches


def test_delete_and_undo_of_an_account_persist_across_reopening(open_repo) -> None:
    repo = open_repo()
    account, campaign, touches = seed_account(repo)
    deleted = repo.accounts.delete(account.uid)
    repo.close()

    repo = open_repo()
    assert repo.contacts.for_account(account.uid) == []
    assert repo.touches.for_account(account.uid) == []
    assert repo.touches.open_due_by(TODAY) == touches[1:]
    assert deleted is not None
    repo.accounts.restore(deleted)
    repo.accounts.restore(deleted)  # a second undo adds nothing twice
    repo.close()

    repo = open_repo()
    assert [c.name for c in repo.contacts.for_account(account.uid)] == ["Greta"]
    assert repo.entry_points.for_account(account.uid) is not None
    assert repo.campaigns.for_account(account.uid) == [campaign]
    assert repo.touches.for_account(account.uid) == touches[:1]
    assert repo.touches.count() == 2
    assert len(repo.contacts.all()) == 2


def test_a_delete_that_fails_at_a_later_file_changes_nothing(open_repo, monkeypatch) -> None:
    repo = open_repo()
    account, _, touches = seed_account(repo)
    fail_writes_to(monkeypatch, "entry.json")
    with pytest.raises(StoreWriteError):
        repo.accounts.delete(account.uid)
    monkeypatch.undo()
    assert repo.accounts.get(account.uid) == account  # memory agrees with the disk
    repo.close()
    # Every file was staged before any was replaced: the full disk stopped it all.
    repo = open_repo()
    assert repo.accounts.get(account.uid) == account
    assert [c.name for c in repo.contacts.for_account(account.uid)] == ["Greta"]
    assert repo.touches.for_account(account.uid) == touches[:1]


def test_an_undo_that_fails_midway_can_be_run_again(repo, monkeypatch) -> None:
    account, _, touches = seed_account(repo)
    deleted = repo.accounts.delete(account.uid)
    assert deleted is not None
    fail_writes_to(monkeypatch, "accounts.json")
    with pytest.raises(StoreWriteError):
        repo.accounts.restore(deleted)
    monkeypatch.undo()
    assert repo.accounts.get(account.uid) is None  # nothing came back
    assert repo.touches.for_account(account.uid) == []
    repo.accounts.restore(deleted)
    assert repo.accounts.get(account.uid) == account
    assert repo.touches.for_account(account.uid) == touches[:1]
    assert len(repo.contacts.for_account(account.uid)) == 1


# Older folders


def test_a_folder_without_the_entry_files_opens_read_only_without_writing(
    open_repo, data_dir
) -> None:
    repo = open_repo()
    repo.accounts.save(Account("Old account"))
    repo.close()
    for name in ("entry.json", "touches.json"):  # as a coach from before then left it
        (data_dir / name).unlink()
        for copy in data_dir.glob(f"backups/*/{name}"):
            copy.unlink()
    reader = Repository.open(data_dir, read_only=True)
    try:
        assert reader.contacts.all() == []
        assert reader.touches.open_due_by(TODAY) == []
        assert reader.campaigns.for_account("acc") == []
        assert reader.touches.count() == 0
    finally:
        reader.close()
    assert not (data_dir / "entry.json").exists()
    assert not (data_dir / "touches.json").exists()


def test_a_changed_touch_replaces_its_record_on_disk(open_repo, data_dir) -> None:
    repo = open_repo()
    first = touch(TODAY)
    repo.touches.save(first)
    repo.touches.save(replace(first, status=TouchStatus.DONE, closed_on=TODAY))
    on_disk, journal_found = read_family(data_dir / "touches.json", journaled=True)
    assert journal_found  # the change went to the journal, not a rewrite
    assert on_disk is not None
    assert [(r["uid"], r["status"], r["closed_on"]) for r in on_disk["touches"].values()] == [
        (first.uid, "done", TODAY.isoformat())
    ]
