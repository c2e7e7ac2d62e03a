"""The store's side of People: who has history (archived too), and a merge in one write."""

from dataclasses import replace
from datetime import date

from coach_tui.model.contact import Contact
from coach_tui.model.touch import Campaign, CampaignStatus, Channel, Purpose, Touch, TouchStatus
from coach_tui.store.archive import archive_old_history
from tests.unit.test_archive import debriefed

LONG_AGO = date(2025, 3, 3)  # well over a quarter before the tests' today


def test_referenced_finds_people_in_touches_campaigns_and_calls_archived_too(repo, clock) -> None:
    in_old_touch, in_campaign, in_call, nobody = (Contact(n) for n in "ABCD")
    old = Touch("old", "acc", in_old_touch.uid, LONG_AGO, Channel.EMAIL,
                Purpose.SHARE_INSIGHT, status=TouchStatus.DONE, closed_on=LONG_AGO)  # fmt: skip
    stopped = Campaign("acc", "Old", LONG_AGO, (), CampaignStatus.STOPPED, uid="old")
    repo.campaigns.save_plan(stopped, [old])
    repo.campaigns.save(Campaign("acc", "Entry", LONG_AGO, (in_campaign.uid,)))
    repo.calls.save(debriefed(LONG_AGO, contact_uids=(in_call.uid,)))
    archive_old_history(repo.store, clock().date())
    assert repo.touches.get(old.uid) is None  # only in the archive now

    everyone = [c.uid for c in (in_old_touch, in_campaign, in_call, nobody)]
    assert repo.contacts.referenced(everyone) == {in_old_touch.uid, in_campaign.uid, in_call.uid}


def test_merge_saves_one_and_removes_the_other_in_one_write(repo) -> None:
    keep, gone, other = Contact("Ana"), Contact("ana"), Contact("Bo")
    repo.contacts.save_many([keep, gone, other])
    repo.contacts.merge(replace(keep, email="ana@corvid.io"), gone.uid)
    assert {c.uid: c.email for c in repo.contacts.all()} == {
        keep.uid: "ana@corvid.io",
        other.uid: "",
    }
