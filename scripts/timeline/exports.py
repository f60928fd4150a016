"""Open-data exports of the chronology: JSON (with its schema), CSV, iCalendar and Atom.

Every export is a pure function of the data (and the site address), so the same data gives
byte-identical files on every build: no clocks are read here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Literal

import pydantic_core
from pydantic import Field

from . import corrections
from .cache import memoized
from .chronology import Chronology, reading_order
from .dates import PartialDate
from .language import current
from .model import Actor, Event, Record, Tag, UNDocument
from .parts import Correction
from .rollcall_rules import spellings
from .rollcalls import RollCall, State

LICENSE = "CC BY 4.0"
SCHEMA_VERSION = "1"


def permalink(base: str, event: Event) -> str:
    """An event's permanent address on the published site."""
    return f"{base}events/{event.id}/"


class ExportedCorrection(Correction):
    """A correction as exported: the data-file fields plus its permanent address."""

    url: str = Field(description="Permanent address of the correction on the event's page (an anchor "
                     "that never changes).")
    edition: str | None = Field(None, description="Only in a translation: the language whose text alone "
                                "was corrected (a mistranslation); absent for a correction of the record.")


class ExportedEvent(Event):
    """An event as exported: the data-file fields plus its permanent address."""

    url: str = Field(description="Permanent address of the event's page.")
    corrections: list[ExportedCorrection] = Field(
        [], description="Statements of this entry that were corrected, oldest first (in a translation, "
        "the record's corrections translated, then those of the translation alone).")
    translation: Literal["current", "out-of-date", "not-translated"] | None = Field(
        None, description="In a translation (language other than 'en'): whether this event's text "
        "is translated and up to date with the English, out of date (translated from an earlier "
        "English text), or not translated yet (the English text is given).")


class ExportFile(Record):
    """The whole dataset in one JSON document (`data/events.json` on the site)."""

    schema_version: str = Field(description="Version of this format.")
    version: str = Field(description="Day of the latest addition or correction (YYYY-MM-DD).")
    license: str = Field(description="Licence of the data.")
    language: str = Field("en", description="Language of the text: 'en', the record itself, or a "
                          "translation such as 'ko' (at ko/data/events.json). Dates, votes, symbols "
                          "and sources are the record's own in every language.")
    events: list[ExportedEvent]
    actors: list[Actor]
    tags: list[Tag]
    documents: list[UNDocument]
    states: list[State] = Field([], description="Every state named in a roll call (in a translation, "
                                "with its name in that language).")
    rollcalls: list[RollCall] = Field([], description="How each state voted in the recorded votes, "
                                      "states named as the record spells them (see `states`).")


def export_schema() -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              **ExportFile.model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _dump(value: object, level: int) -> str:
    # pydantic's own JSON writer: the bytes of json.dumps(value, indent=1, ensure_ascii=False)
    # for values like these (text, whole numbers, lists, mappings), several times sooner.
    return pydantic_core.to_json(value, indent=1).decode("utf-8").replace("\n", "\n" + " " * level)


def correction_url(base: str, listed: corrections.Listed) -> str:
    return f"{permalink(base, listed.event)}#{listed.anchor}"


@memoized
def _json_event(event: Event, base: str, translation: str | None) -> str:
    extra = {"translation": translation} if translation else {}
    record = event.model_dump(mode="json", exclude_none=True)
    if event.corrections:
        record["corrections"] = [
            {**item.correction.model_dump(mode="json", exclude_none=True), "url": correction_url(base, item),
             **({"edition": item.own} if item.own else {})} for item in corrections.of(event)]
    return _dump({**record, "url": permalink(base, event), **extra}, 2)


def to_json(chronology: Chronology, base: str, states: dict[str, str] | None = None) -> str:
    """The export described by `ExportFile`, one space per level of indentation.

    Each event is serialised on its own, then indented to its place: the same bytes as
    dumping the whole document at once.
    """
    head = {"schema_version": SCHEMA_VERSION, "version": chronology.version, "license": LICENSE,
            "language": current().code}
    parts = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in head.items()]
    events = [_json_event(e, base, states.get(e.id) if states else None) for e in chronology.events]
    parts.append(' "events": ' + ("[\n  " + ",\n  ".join(events) + "\n ]" if events else "[]"))
    for key in ("actors", "tags", "documents", "states"):
        records = [r.model_dump(mode="json", exclude_none=True)
                   for r in getattr(chronology, key).values()]
        parts.append(f' "{key}": ' + _dump(records, 1))
    rollcalls = [r.model_dump(mode="json", exclude_none=True) for r in chronology.rollcalls]
    parts.append(' "rollcalls": ' + _dump(rollcalls, 1))
    return "{\n" + ",\n".join(parts) + "\n}\n"


CSV_COLUMNS = [
    "id", "date", "date_precision", "end_date", "date_label", "title", "type", "summary",
    "bodies", "people", "location", "tags", "documents", "vote_yes", "vote_no",
    "vote_abstain", "vote_without_vote", "vote_label", "source_urls", "source_titles",
    "related", "url", "added", "updated",
]


def cell(value: object) -> str:
    """Lists joined with '; '; a leading = + - @ neutralised so spreadsheets never run it."""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _row(event: Event, base: str) -> list[str]:
    vote = event.vote
    return [cell(v) for v in (
        event.id, event.date, event.date.precision, event.end_date, event.date_label,
        event.title, event.type, event.summary, event.bodies, event.people, event.location,
        event.tags, event.documents, vote and vote.yes, vote and vote.no,
        vote and vote.abstain, vote and ("true" if vote.without_vote else "false"),
        vote and vote.label, [s.url or "" for s in event.sources],
        [s.title for s in event.sources], event.related, permalink(base, event),
        event.added, event.updated,
    )]


def _line(row: list[str]) -> str:
    return _lines([row])


def _lines(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


@memoized
def _csv_event(event: Event, base: str) -> str:
    return _line(_row(event, base))


def to_csv(chronology: Chronology, base: str) -> str:
    """UTF-8 with a byte-order mark, so spreadsheets read Korean and accents correctly."""
    return "\ufeff" + _line(CSV_COLUMNS) + "".join(_csv_event(e, base) for e in chronology.events)


CORRECTION_COLUMNS = ["event_id", "event_title", "date", "edition", "replaced", "change", "url"]


def corrections_csv(chronology: Chronology, base: str) -> str:
    """One row per correction, newest first; `edition` is set only for a correction of a
    translation's text alone. UTF-8 with a byte-order mark, as events.csv."""
    rows = [[cell(v) for v in (item.event.id, item.event.title, item.correction.date, item.own,
                               item.correction.replaced, item.correction.change, correction_url(base, item))]
            for item in corrections.newest_first(chronology.events)]
    return "\ufeff" + _lines([CORRECTION_COLUMNS, *rows])


ROLLCALL_COLUMNS = ["event_id", "stage", "symbol", "body", "date", "state_id", "iso3", "state_name",
                    "recorded_name", "vote", "status", "disputed", "record_url"]


def rollcalls_csv(chronology: Chronology, base: str) -> str:
    """The roll calls in long format: one row per roll call and state, in time order and in
    the record's order. `disputed` names the vote another compilation gives, if any."""
    names = spellings(chronology.states)
    of_state = {s.id: [cell(v) for v in (s.id, s.iso3, s.name)] for s in chronology.states.values()}
    rows = []
    for rollcall in sorted(chronology.rollcalls, key=lambda r: reading_order(chronology.event_ids[r.event])):
        event = chronology.event_ids[rollcall.event]
        disputes = {names[d.state.upper()]: d.other for d in rollcall.disputed}
        symbol = event.documents[0] if event.documents else None
        head = [cell(v) for v in (event.id, rollcall.stage, symbol, event.bodies[0] if event.bodies else None,
                                  event.date)]
        status, record = cell(rollcall.status), cell(rollcall.record)
        for choice, name in rollcall.listed():
            state = names[name.upper()]
            rows.append([*head, *of_state[state], cell(name), cell(choice), status,
                         cell(disputes.get(state)), record])
    return "\ufeff" + _lines([ROLLCALL_COLUMNS, *rows])


def midnight(day: PartialDate) -> dt.datetime:
    return dt.datetime.combine(day.as_date(), dt.time(), dt.UTC)


def record_stamp(event: Event, fallback: str) -> dt.datetime:
    """When this record last changed: midnight UTC of its `updated` or `added` day."""
    return midnight(event.updated or event.added or PartialDate.parse(fallback))
