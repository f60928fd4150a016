"""The roll calls of recorded votes, and the register of the states that cast them: part of the
data contract, like model.py (`data/states.yaml`, `data/rollcalls.yaml`).

A roll call belongs to one recorded vote of an event (its plenary `vote` or its
`committee_vote`) and lists the states as the record spells them; the register maps each
spelling to one state. A state that is also an actor keeps the actor's id, so that its state
page and its actor page are about the same state. rollcall_rules.py checks them against the
events: every name known, no state twice, and the lists adding up to the event's tally.
"""

from __future__ import annotations

import re
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, Field, WithJsonSchema

from .fields import OneLine, PageId, Slug, Url, fail
from .parts import Record, Source

_ISO3 = re.compile(r"[A-Z]{3}")


def _iso3(v: str) -> str:
    if not _ISO3.fullmatch(v):
        fail("iso3", "must be an ISO 3166-1 alpha-3 code: three capital letters, e.g. JPN")
    return v


Iso3 = Annotated[str, Field(strict=True), AfterValidator(_iso3),
                 WithJsonSchema({"type": "string", "pattern": "^[A-Z]{3}$"})]

Status = Literal["verified", "one-source", "complete-by-deduction", "incomplete"]
# The lists of a roll call, in the order the record gives them; each is a vote a state cast.
LISTS = ("in_favour", "against", "abstaining", "not_voting")
Choice = Literal["in_favour", "against", "abstaining", "not_voting"]


class State(Record):
    """A state that appears in a roll call (a UN member, or a historic name such as Serbia and
    Montenegro)."""

    id: PageId = Field(description="Stable id: the actor id where the state is also an actor "
                       "(e.g. japan); its page is /states/<id>/.")
    iso3: Iso3 | None = Field(None, description="ISO 3166-1 alpha-3 code, where one exists.")
    name: OneLine = Field(description="The name shown, e.g. 'Republic of Korea'.")
    recorded: list[OneLine] = Field(min_length=1, description="Every spelling the roll calls use "
                                    "for it, as the records write them (e.g. 'SWAZILAND', 'ESWATINI').")


class Dispute(Record):
    """A state whose vote two compilations give differently."""

    state: OneLine = Field(description="The state, as the roll call spells it.")
    other: Choice = Field(description="The vote the other compilation records.")
    according_to: OneLine = Field(description="The other compilation.")


class RollCall(Record):
    """How each state voted in one recorded vote of an event."""

    KEY: ClassVar[str] = "event"
    UNIQUE: ClassVar[bool] = False  # an event may have two (vote and committee_vote): see rollcall_rules
    event: Slug = Field(description="Id of the event whose vote this is.")
    stage: Literal["vote", "committee_vote"] = Field(
        "vote", description="Which of the event's votes: vote (the plenary, or the decision) or "
        "committee_vote (the General Assembly's Third Committee).")
    status: Status = Field(description="verified (a second independent list agrees), one-source, "
                           "complete-by-deduction (the list in favour deduced from the body's "
                           "membership and a tally in which every member voted) or incomplete.")
    record: Url | None = Field(None, description="The official voting record the list was read from: "
                               "the UN Digital Library's or the OHCHR library's (the Security Council's "
                               "procedural votes have none: the sources name the states).")
    in_favour: list[OneLine] = Field([], description="States voting in favour, as the record spells them.")
    against: list[OneLine] = Field([], description="States voting against.")
    abstaining: list[OneLine] = Field([], description="States abstaining.")
    not_voting: list[OneLine] = Field([], description="Members recorded as present but not voting, "
                                      "or absent from the vote.")
    membership_year: int | None = Field(
        None, ge=1945, le=2100, description="For complete-by-deduction: the year whose membership "
        "of the body the list in favour is deduced from.")
    disputed: list[Dispute] = Field([], description="States whose vote another compilation gives "
                                    "differently: shown beside the state, never counted as a change.")
    sources: list[Source] = Field([], description="Second checks, and for a deduction the sources "
                                  "of the body's membership that year.")

    def listed(self) -> list[tuple[Choice, str]]:
        """Every (vote, name as recorded), list by list."""
        return [(choice, name) for choice in LISTS for name in getattr(self, choice)]


class StatesFile(Record):
    """data/states.yaml"""

    states: list[State]


class RollCallsFile(Record):
    """data/rollcalls.yaml"""

    rollcalls: list[RollCall]


def key(rollcall: RollCall) -> str:
    """How a roll call is named in messages and pages: `ga-2007 vote`."""
    return f"{rollcall.event} {rollcall.stage}"

