"""The parts of an event: its sources, other dates, votes, states' positions, quotes and
corrections.

Part of the data contract (model.py holds the records themselves); like them, each part is
checked by pydantic, and its field descriptions become the JSON Schema and the field reference.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .dates import PartialDate
from .fields import Confidence, Count, OneLine, PastDay, Slug, Url, attributed, fail


class Record(BaseModel):
    """What every record and part shares: unknown fields refused, values fixed once read."""

    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)
    KEY: ClassVar[str] = "id"  # the field that identifies a record of this kind
    UNIQUE: ClassVar[bool] = True  # no two records of the file share it


class Source(Record):
    """Where a fact comes from. Prefer the primary document."""

    title: OneLine = Field(description="Title of the document, page or article.")
    publisher: OneLine = Field(description="Who published it: a UN body, a government, a newspaper.")
    url: Url | None = Field(None, description="Address; leave out only when none exists (print).")
    date: PartialDate | None = Field(None, description="Publication date, if known.")
    note: OneLine | None = Field(None, description="What this source supports, when not obvious.")
    copy_of: OneLine | None = Field(
        None, description="If the address is a copy on another host, what it is a copy of "
        "(e.g. 'UN press release GA/SHC/3840'). Cite a copy only where no original was found."
    )


class OtherDate(Record):
    """A second date for the same event, e.g. a report's document date vs its release."""

    date: PartialDate = Field(description="The other date.")
    label: OneLine = Field(description="What this date is, e.g. 'document date'.")


class Vote(Record):
    """A recorded vote (in favour - against - abstentions) or an adoption without a vote."""

    yes: Count | None = Field(None, description="Votes in favour.")
    no: Count | None = Field(None, description="Votes against.")
    abstain: Count | None = Field(None, description="Abstentions.")
    without_vote: Annotated[bool, Field(strict=True)] = Field(
        False, description="true if adopted without a vote (consensus)."
    )
    label: OneLine | None = Field(None, description="Which vote, e.g. 'procedural vote'.")
    note: OneLine | None = Field(None, description="e.g. who voted against, or what is unconfirmed.")
    confidence: Confidence = Field(
        "verified", description="verified (a primary text or two sources) or likely (one source)."
    )
    according_to: OneLine | None = Field(
        None, description="For confidence: likely, the one source the figures rest on."
    )

    @model_validator(mode="after")
    def _counts_or_consensus(self) -> Vote:
        counted = [n for n in (self.yes, self.no, self.abstain) if n is not None]
        if self.without_vote and counted:
            fail("vote", "give either counts or without_vote: true, not both")
        if not self.without_vote and not counted:
            fail("vote", "give the counts (yes, no, abstain) or without_vote: true")
        attributed(self)
        return self


PositionKind = Literal[
    "main-sponsor", "co-sponsor", "in-favour", "consensus", "abstained", "against",
    "not-voting", "dissociated",
]


class Position(Record):
    """Where one state stood on a resolution, as a source reports it."""

    state: Slug = Field(description="Id of the state in data/actors.yaml (a body in the governments lane).")
    position: PositionKind = Field(
        description="main-sponsor, co-sponsor, in-favour, consensus (joined it without "
        "co-sponsoring), abstained, against, not-voting or dissociated."
    )
    confidence: Confidence = Field(
        "verified", description="verified (a primary text or two sources) or likely (one source)."
    )
    according_to: OneLine | None = Field(
        None, description="For confidence: likely, the one source that gives this position."
    )
    note: OneLine | None = Field(None, description="e.g. which stage, or what the source says exactly.")

    @model_validator(mode="after")
    def _attribution(self) -> Position:
        attributed(self)
        return self


class Quote(Record):
    """A short quotation, attributed to who said it and where it was published."""

    text: OneLine = Field(max_length=400, description="The quoted words, without quote marks.")
    by: OneLine = Field(description="Who said or wrote it.")
    source: Annotated[int, Field(strict=True, ge=1)] = Field(
        description="Number of the event's source (1 = first) the quote is taken from."
    )


class Correction(Record):
    """A statement of the entry that was corrected: when, the words it replaced, and why.

    Not for typo fixes or a new source that changes no statement (see the editors' guide)."""

    date: PastDay = Field(description="The day the entry was corrected (YYYY-MM-DD), not in the future.")
    replaced: OneLine = Field(max_length=1000, description="The exact words replaced, as the entry said "
                              "them (a date, a figure or a sentence).")
    change: OneLine = Field(max_length=1000, description="What was changed and why, in plain words, "
                            "e.g. 'The summary said 46 members voted; 46 were entitled to vote and 44 did.'")


class OwnCorrection(Correction):
    """A correction of one translation's text alone (a mistranslation), kept in
    `data/<lang>/events.yaml` under `translation_corrections` and shown only in that edition."""

    edition: str = Field(description="The edition whose text alone was corrected, e.g. 'ko'.")
