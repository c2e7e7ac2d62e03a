"""A campaign and its touch saved together, version after version: two files that must agree.

`save_plan` writes the campaign (entry.json) and its touch (touches.json) in one
transaction, so a reader that sees the two at different versions caught a save halfway.
Run as a module it is the writer of the two-process snapshot test:

    python -m tests.snapshot_writer DATA_DIR

It prints "ready" once it holds the folder, then saves versions 1, 2, 3 … until killed.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from coach_tui.model.touch import Campaign, Channel, Purpose, Touch
from coach_tui.store.repository import Repository

CAMPAIGN = "snapshot-campaign"
TOUCH = "snapshot-touch"


def save_version(repo: Repository, version: int) -> None:
    """Version `version` of the campaign's name and of its touch's idea, in one save."""
    campaign = Campaign("acc", f"v{version}", date(2026, 11, 2), ("person",), uid=CAMPAIGN)
    touch = Touch(
        CAMPAIGN,
        "acc",
        "person",
        date(2026, 11, 30),
        Channel.EMAIL,
        Purpose.PIQUE_CURIOSITY,
        idea=f"v{version}",
        uid=TOUCH,
    )
    repo.campaigns.save_plan(campaign, [touch])


def versions_seen(repo: Repository) -> tuple[str, str]:
    """(campaign's version, touch's version) as this repository sees them."""
    campaign = repo.campaigns.get(CAMPAIGN)
    touch = repo.touches.get(TOUCH)
    return (campaign.name if campaign else "", touch.idea if touch else "")


def main() -> None:
    repo = Repository.open(Path(sys.argv[1]))
    save_version(repo, 1)
    print("ready", flush=True)
    version = 1
    while True:
        version += 1
        save_version(repo, version)


if __name__ == "__main__":
    main()
