"""The validated chronology: every record of the data files, events in reading order (and the
states register and roll calls, which only some data sets have)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .model import Actor, Event, Tag, UNDocument
from .rollcalls import RollCall, State


def reading_order(event: Event) -> tuple:
    """Where an event stands in every list, feed and export: by date, then id.

    A date known only to the month or the year sorts after the days it covers (it may be
    any of them), unless the sources bound it (`not_after`): then it sorts at that bound.
    """
    return (event.not_after or event.date, event.id)


@dataclass
class Chronology:
    """Validated data: events in reading order; actors, tags and documents by id or symbol."""

    events: list[Event]
    actors: dict[str, Actor]
    tags: dict[str, Tag]
    documents: dict[str, UNDocument]
    states: dict[str, State] = field(default_factory=dict)
    rollcalls: list[RollCall] = field(default_factory=list)
    event_ids: dict[str, Event] = field(init=False)

    def __post_init__(self) -> None:
        self.events = sorted(self.events, key=reading_order)
        self.event_ids = {e.id: e for e in self.events}
        self.documents = dict(sorted(self.documents.items()))

    @functools.cached_property
    def version(self) -> str:
        """The day of the latest addition or correction: it changes exactly when the data does."""
        days = [d for e in self.events for d in (e.added, e.updated, *(c.date for c in e.corrections)) if d]
        return str(max(days)) if days else "unversioned"
