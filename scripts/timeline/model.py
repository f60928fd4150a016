"""The data contract: one typed model for events, actors, tags and documents (the parts of an
event, its sources, votes and the like, are in parts.py).

This module is the single source of truth. The JSON Schema that editors' tools use
(`data/schema/*.schema.json`) and the field reference in the site are generated from it.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from .dates import PartialDate
from .fields import Day, Markdown, OneLine, PageId, Slug, Symbol, Url, fail
from .language import N_
from .parts import Correction, OtherDate, Position, Quote, Record, Source, Vote

EventType = Literal[
    "resolution", "report", "meeting", "hearing", "appointment", "statement",
    "legislation", "testimony", "review", "decision", "visit", "other",
]


# Rows of the visual timeline; an event sits in the row of its first body.
LANES = {  # lane names, translated where they are shown
    "council": N_("Commission and Council"),
    "assembly": N_("General Assembly"),
    "security-council": N_("Security Council"),
    "mechanisms": N_("OHCHR and mechanisms"),
    "governments": N_("Governments"),
}
Lane = Literal["council", "assembly", "security-council", "mechanisms", "governments"]


class Event(Record):
    """One dated step in the accountability process."""

    id: Slug = Field(description="Stable kebab-case id; the page address is /events/<id>/.")
    date: PartialDate = Field(description="When it happened, as precise as the sources allow.")
    end_date: PartialDate | None = Field(None, description="Last day, for spans such as hearings.")
    date_label: OneLine | None = Field(None, description="What `date` is, e.g. 'public release'.")
    not_before: PartialDate | None = Field(
        None, description="For a month- or year-only date: the earliest day the sources allow."
    )
    not_after: PartialDate | None = Field(
        None, description="For a month- or year-only date: the latest day the sources allow."
    )
    other_dates: list[OtherDate] = Field([], description="Other dates of the same event.")
    title: OneLine = Field(max_length=200, description="One line of plain text.")
    summary: Markdown = Field(description="A short neutral summary in Markdown, in your own words.")
    type: EventType | None = Field(None, description="What kind of event this is.")
    bodies: list[Slug] = Field([], description="Ids of bodies (data/actors.yaml, kind: body).")
    people: list[Slug] = Field([], description="Ids of people (data/actors.yaml, kind: person).")
    location: OneLine | None = Field(None, description="Where it happened.")
    tags: list[Slug] = Field([], description="Ids from data/tags.yaml.")
    documents: list[Symbol] = Field(
        [], description="UN document symbols, e.g. A/HRC/RES/22/13 (defined in data/documents.yaml)."
    )
    vote: Vote | None = Field(None, description="The decision: the plenary vote, if there was one.")
    committee_vote: Vote | None = Field(
        None, description="The committee stage before the plenary (General Assembly Third Committee)."
    )
    positions: list[Position] = Field(
        [], description="States' positions as sources report them (sponsor, vote, consensus)."
    )
    quotes: list[Quote] = Field([], description="Short attributed quotations.")
    notes: list[Markdown] = Field([], description="Caveats: where sources disagree or are unsure.")
    sources: list[Source] = Field(min_length=1, description="At least one source for the facts.")
    related: list[Slug] = Field([], description="Ids of related events (linked both ways).")
    landmark: Annotated[bool, Field(strict=True)] = Field(
        False, description="true for the few events the home page walks a first-time reader through."
    )
    corrections: list[Correction] = Field(
        [], description="Statements of this entry that were corrected, oldest first: each is shown "
        "on the event's page, on the Corrections page and in the feed. Add one whenever a published "
        "statement changes (a date, a figure, a wording that said too much); not for typo fixes.")
    added: Day | None = Field(None, description="Day this record was added (YYYY-MM-DD).")
    updated: Day | None = Field(None, description="Day this record was last changed.")


class Actor(Record):
    """A body (UN organ, office, government) or a person named by events."""

    id: PageId = Field(description="Stable kebab-case id used in events' bodies/people (not 'index').")
    name: OneLine = Field(description="Full name.")
    short: OneLine | None = Field(None, description="Short name or abbreviation, e.g. HRC.")
    kind: Literal["body", "person"] = Field(description="body or person.")
    lane: Lane | None = Field(
        None, description="For bodies: the row of the visual timeline an event led by it sits in."
    )
    description: OneLine = Field(description="One neutral line: who or what this is.")
    url: Url | None = Field(None, description="Official page.")

    @model_validator(mode="after")
    def _lane_for_bodies(self) -> Actor:
        if self.kind == "body" and self.lane is None:
            fail("lane", f"lane is required for a body: one of {', '.join(LANES)}")
        if self.kind == "person" and self.lane is not None:
            fail("lane", "lane is only for bodies; leave it out for a person")
        return self


class Tag(Record):
    """A theme from the controlled vocabulary."""

    id: PageId = Field(description="Stable kebab-case id used in events' tags (not 'index').")
    name: OneLine = Field(description="Name shown to readers.")
    description: OneLine = Field(description="One line on what the tag covers.")


class UNDocument(Record):
    """A UN document cited by events, linked through https://undocs.org/<symbol>."""

    KEY: ClassVar[str] = "symbol"
    symbol: Symbol = Field(description="The document symbol, e.g. A/HRC/RES/22/13.")
    title: OneLine = Field(description="What the document is, e.g. 'Human Rights Council resolution 22/13'.")
    date: PartialDate | None = Field(None, description="Adoption date (resolutions) or document date.")
    note: OneLine | None = Field(None, description="e.g. an earlier symbol, or which date is given.")


class EventsFile(Record):
    """data/events.yaml"""

    events: list[Event]


class ActorsFile(Record):
    """data/actors.yaml"""

    actors: list[Actor]


class TagsFile(Record):
    """data/tags.yaml"""

    tags: list[Tag]


class DocumentsFile(Record):
    """data/documents.yaml"""

    documents: list[UNDocument]
