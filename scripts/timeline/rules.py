"""Rules across records: what an event names must exist, and its parts must agree.

Each rule reads a few fields of an event and says what is wrong with them. A rule is skipped
for an event whose fields it reads were themselves wrong (already reported), so every rule
runs on every event that it can judge.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .explain import field_name, near
from .load import Document
from .model import Actor, Event
from .problems import Problem, show
from .validate import Checked

Finding = tuple[tuple, str, object]  # (where in the event, rule, bad value)


@dataclass(frozen=True)
class Known:
    """What the other files define: valid actors, and every id written (valid or not)."""

    actors: dict[str, Actor]
    written: dict[str, set[str]]  # "events", "actors", "tags", "documents" -> ids or symbols


def _actors_of(kind: str, group: str) -> Callable[[Event, Known], Iterator[Finding]]:
    def rule(event: Event, known: Known) -> Iterator[Finding]:
        for i, ref in enumerate(getattr(event, group)):
            actor = known.actors.get(ref)
            if actor is None and ref not in known.written["actors"]:
                others = [a for a, v in known.actors.items() if v.kind == kind]
                yield (group, i), f"must be the id of a {kind} in data/actors.yaml" + near(ref, others), ref
            elif actor is not None and actor.kind != kind:
                other = "bodies" if actor.kind == "body" else "people"
                yield ((group, i), f"must be the id of a {kind}; this one is a {actor.kind}, "
                       f"so list it under {other}", ref)
    return rule


def _defined(group: str, file: str, what: str) -> Callable[[Event, Known], Iterator[Finding]]:
    def rule(event: Event, known: Known) -> Iterator[Finding]:
        for i, ref in enumerate(getattr(event, group)):
            if ref not in known.written[file]:
                yield (group, i), f"must be {what}" + near(ref, known.written[file]), ref
    return rule


def _related(event: Event, known: Known) -> Iterator[Finding]:
    for i, ref in enumerate(event.related):
        if ref == event.id:
            yield ("related", i), "must not name the event itself", ref
        elif ref not in known.written["events"]:
            yield ("related", i), "must be the id of another event" + near(ref, known.written["events"]), ref


def _quote_sources(event: Event, known: Known) -> Iterator[Finding]:
    for i, quote in enumerate(event.quotes):
        if quote.source > len(event.sources):
            yield (("quotes", i, "source"),
                   f"must be the number of one of this event's sources (1 to {len(event.sources)})",
                   quote.source)


def _end_after_start(event: Event, known: Known) -> Iterator[Finding]:
    if event.end_date and event.end_date < event.date:
        yield ("end_date",), f"must not be before date {event.date}", str(event.end_date)


def _bounds_within_date(event: Event, known: Known) -> Iterator[Finding]:
    for bound in ("not_before", "not_after"):
        day = getattr(event, bound)
        if day and (event.date.precision == "day" or not event.date.covers(day)):
            yield ((bound,), f"must be a day within date {event.date}, which must be a month or a year",
                   str(day))
    if event.not_before and event.not_after and event.not_after < event.not_before:
        yield ("not_after",), f"must not be before not_before {event.not_before}", str(event.not_after)


def _position_states(event: Event, known: Known) -> Iterator[Finding]:
    for i, position in enumerate(event.positions):
        actor = known.actors.get(position.state)
        if actor is None and position.state not in known.written["actors"]:
            states = [a for a, v in known.actors.items() if v.lane == "governments"]
            yield (("positions", i, "state"), "must be the id of a state in data/actors.yaml"
                   + near(position.state, states), position.state)
        elif actor is not None and actor.kind != "body":
            yield ("positions", i, "state"), "must be a state (a body), not a person", position.state


def _corrections_in_order(event: Event, known: Known) -> Iterator[Finding]:
    """A log read from its first line: oldest first, none before the record was added."""
    for i, correction in enumerate(event.corrections):
        if event.added and correction.date < event.added:
            yield (("corrections", i, "date"), f"must not be before the day the record was added "
                   f"({event.added})", str(correction.date))
        elif i and correction.date < event.corrections[i - 1].date:
            yield (("corrections", i, "date"), "must not be before the correction above it "
                   "(corrections are listed oldest first: add a new one at the end)", str(correction.date))
    last = max((c.date for c in event.corrections), default=None)
    if last and event.updated and event.updated < last:
        yield ("updated",), f"must not be before the last correction ({last})", str(event.updated)


# (fields the rule reads, the rule)
RULES: list[tuple[tuple[str, ...], Callable[[Event, Known], Iterator[Finding]]]] = [
    (("bodies",), _actors_of("body", "bodies")),
    (("people",), _actors_of("person", "people")),
    (("tags",), _defined("tags", "tags", "a tag id from data/tags.yaml")),
    (("documents",), _defined("documents", "documents", "a symbol defined in data/documents.yaml")),
    (("related", "id"), _related),
    (("quotes", "sources"), _quote_sources),
    (("date", "end_date"), _end_after_start),
    (("date", "not_before", "not_after"), _bounds_within_date),
    (("positions",), _position_states),
    (("corrections", "added", "updated"), _corrections_in_order),
]


def check_events(doc: Document, events: list[Checked], known: Known, problems: list[Problem]) -> None:
    for entry in events:
        event = entry.record
        for reads, rule in RULES:
            if entry.wrong.intersection(reads):
                continue
            for loc, what, value in rule(event, known):
                line, col = doc.where((*entry.path, *loc))
                problems.append(Problem(doc.name, line, col,
                                        f"{entry.label}: {field_name(loc)} {what}, got {show(value)}"))
