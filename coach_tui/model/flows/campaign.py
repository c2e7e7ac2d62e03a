"""The entry-campaign flow's answers: who, from when, how long, how many, which channels."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Self

from coach_tui.model.flows.codec import member, split_picks, text_fields
from coach_tui.model.ids import new_uid
from coach_tui.model.touch import Channel


@dataclass(slots=True)
class CampaignAnswers:
    uid: str = field(default_factory=new_uid)  # the campaign's, kept across a resume
    contacts: tuple[str, ...] = ()  # contact uids ticked
    start: str = ""  # a day as typed ("next monday")
    weeks: str = ""  # as typed ("4", "4 weeks")
    count: str = ""  # as typed ("9")
    channels: tuple[Channel, ...] = ()

    @classmethod
    def from_strings(cls, answers: Mapping[str, str]) -> Self:
        picked = (member(Channel, value) for value in split_picks(answers.get("channels", "")))
        return cls(
            **text_fields(cls, answers),
            contacts=split_picks(answers.get("contacts", "")),
            channels=tuple(channel for channel in picked if channel is not None),
        )
