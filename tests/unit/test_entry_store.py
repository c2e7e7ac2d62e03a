"""Storing account entry: contacts, entry points, campaigns and touches."""

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from coach_tui.model.account import Account
from coach_tui.model.contact import BuyingRole, Contact, EntryPoint, Relationship
from coach_tui.model.draft import FlowDraft
from coach_tui.model.touch import Campaign, CampaignStatus, Channel, Purpose, Touch, TouchStatus
from coach_tui.services.campaigns import save_campaign_plan
from coach_tui.store import storage
from coach_tui.store.errors import StoreWriteError, UnreadableFile
from coach_tui.store.repository import Repository

TODAY = date(2026, 11, 24)


def contact(name: str, account_uid: str = "acc", **changes) -> Contact:
    return Contact(name, account_uid=account_uid, **changes)


def touch(due: date, campaign_uid: str = "camp", account_uid: str = "acc", **changes) -> Touch:
    fields = {"channel": Channel.EMAIL, "purpose": Purpose.SHARE_INSIGHT}
    return Touch(campaign_uid, account_uid, "person", due, **(fields | changes))


def test_a_contact_round_trips_every_field(open_repo) -> None:
    full = Contact(
        "Zoë Ñúñez-Ōkubo 👩🏽‍💼",
        account_uid="acc",
        title="CFO",
        company="R&D [EMEA]",
        role=BuyingRole.ECONOMIC_BUYER,
        profile_url="https://www.linkedin.com/in/zoe",
        email="zoe@example.com",
        phone="+44 20 7946 0000",
        what_matters="Cash\nnot cost",
        found_via="Referral",
        relationship=Relationship.STRONG,
    )
    repo = open_repo()
    repo.contacts.save(full)
    repo.close()
    assert open_repo().contacts.get(full.uid) == full


def test_contacts_per_account_sorted_by_name_and_names_map(repo) -> None:
    repo.contacts.save_many([contact("hiro"), contact("Greta"), contact("Other", "elsewhere")])
    assert [c.name for c in repo.contacts.for_account("acc")] == ["Greta", "hiro"]
    assert set(repo.contacts.names().values()) == {"hiro", "Greta", "Other"}


def test_save_many_is_one_write_and_all_or_nothing(repo, monkeypatch) -> None:
    repo.contacts.save(contact("Kept"))

    def failing_write(path: Path, payload: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "write_atomic", failing_write)
    with pytest.raises(StoreWriteError):
        repo.contacts.save_many([contact(f"Person {i}") for i in range(50)])
    monkeypatch.undo()
    assert [c.name for c in repo.contacts.all()] == ["Kept"]


def test_profile_links_are_matched_in_their_normal_form(repo) -> None:
    repo.contacts.save(contact("Greta", profile_url="https://www.LinkedIn.com/in/greta/"))
    assert "https://linkedin.com/in/greta" in repo.contacts.by_profile_url()


def test_one_entry_point_per_account(repo) -> None:
    repo.entry_points.save(EntryPoint("acc", "Plants"))
    repo.entry_points.save(EntryPoint("acc", "Finance", why_there="Budget", owner="Hiro"))
    entry = repo.entry_points.for_account("acc")
    assert entry is not None and (entry.unit, entry.owner) == ("Finance", "Hiro")
    assert repo.entry_points.for_account("other") is None


def test_saving_a_plan_writes_campaign_and_touches_and_drops_the_draft(repo, clock) -> None:
    repo.drafts.save(FlowDraft("campaign:acc", 4, {"weeks": "4"}, clock()))
    campaign = Campaign("acc", "Entry Nov 2026", TODAY, ("person",), created_at=clock())
    plan = [touch(date(2026, 11, 24 + i), campaign.uid) for i in range(3)]
    save_campaign_plan(repo, campaign, plan, draft="campaign:acc")
    assert repo.campaigns.active_for("acc") == campaign
    assert repo.touches.for_campaign(campaign.uid) == plan
    assert repo.drafts.get("campaign:acc") is None


def test_queue_query_takes_open_touches_due_by_the_day_only(repo) -> None:
    due = touch(date(2026, 11, 20))
    today = touch(TODAY)
    repo.touches.save_many(
        [
            due,
            today,
            touch(date(2026, 11, 25)),
            touch(date(2026, 11, 1), status=TouchStatus.DONE),
            touch(date(2026, 11, 2), status=TouchStatus.SKIPPED),
        ]
    )
    assert repo.touches.open_due_by(TODAY) == [due, today]


def test_touch_saves_replace_by_uid_even_after_writes_elsewhere(repo) -> None:
    first = touch(TODAY)
    repo.touches.save(first)
    # A plan saved through another repository adds touches the index has not seen.
    campaign = Campaign("acc", "Entry", TODAY, ())
    repo.campaigns.save_plan(campaign, [touch(TODAY, campaign.uid)])
    done = replace(first, status=TouchStatus.DONE, outcome="Sent")
    repo.touches.save(done)
    assert repo.touches.count() == 2
    assert repo.touches.get(first.uid) == done
    repo.touches.delete(first.uid)
    assert repo.touches.get(first.uid) is None
    assert repo.touches.count() == 1


def test_touches_survive_reopening(open_repo) -> None:
    repo = open_repo()
    saved = touch(TODAY, idea="Ask about\nthe audit", got_response=True, closed_on=TODAY)
    repo.touches.save(saved)
    repo.close()
    assert open_repo().touches.get(saved.uid) == saved


def test_deleting_an_account_takes_its_people_and_campaigns_and_undo_restores(repo) -> None:
    account = Account("Nordvale Foods")
    repo.accounts.save(account)
    repo.contacts.save(contact("Greta", account.uid))
    repo.entry_points.save(EntryPoint(account.uid, "Plants"))
    campaign = Campaign(account.uid, "Entry", TODAY, ())
    repo.campaigns.save_plan(campaign, [touch(TODAY, campaign.uid, account.uid)])
    repo.contacts.save(contact("Stays", "other"))

    deleted = repo.accounts.delete(account.uid)
    assert deleted is not None
    assert repo.contacts.for_account(account.uid) == []
    assert repo.entry_points.for_account(account.uid) is None
    assert repo.campaigns.for_account(account.uid) == []
    assert repo.touches.open_due_by(TODAY) == []
    assert [c.name for c in repo.contacts.all()] == ["Stays"]

    repo.accounts.restore(deleted)
    assert [c.name for c in repo.contacts.for_account(account.uid)] == ["Greta"]
    assert repo.entry_points.for_account(account.uid) is not None
    assert repo.campaigns.active_for(account.uid) == campaign
    assert len(repo.touches.open_due_by(TODAY)) == 1


def test_a_hand_broken_touch_stops_the_open_and_names_the_file(open_repo, data_dir) -> None:
    repo = open_repo()
    repo.touches.save(touch(TODAY))
    repo.close()
    path = data_dir / "touches.json"
    raw = json.loads(path.read_text())
    (record,) = raw["touches"].values()
    record["due"] = "next tuesday"
    path.write_text(json.dumps(raw))
    with pytest.raises(UnreadableFile, match=r"touches\.json") as caught:
        Repository.open(data_dir)
    assert "'due' is not a date" in str(caught.value)


def test_a_folder_from_before_account_entry_opens_and_gains_the_new_files(
    open_repo, data_dir
) -> None:
    repo = open_repo()
    repo.accounts.save(Account("Old account"))
    repo.close()
    for name in ("entry.json", "touches.json"):  # as a coach from before then left it
        (data_dir / name).unlink(missing_ok=True)
        for copy in data_dir.glob(f"backups/*/{name}"):
            copy.unlink()
    repo = open_repo()
    assert [a.name for a in repo.accounts.all()] == ["Old account"]
    repo.contacts.save(contact("New person"))
    assert (data_dir / "entry.json").exists()


def test_campaign_status_round_trips(repo) -> None:
    campaign = Campaign("acc", "Entry", TODAY, ("a", "b"), status=CampaignStatus.SUCCEEDED,
                        ended_on=TODAY)  # fmt: skip
    repo.campaigns.save(campaign)
    assert repo.campaigns.get(campaign.uid) == campaign
    assert repo.campaigns.active_for("acc") is None
