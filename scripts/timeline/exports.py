"""Open-data exports of the chronology: JSON (with its schema), CSV, iCalendar and Atom.

Every export is a pure function of the data (and the site address), so the same data gives
byte-identical files on every build: no clocks are read here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os

from pydantic import Field

from .dates import PartialDate
from .memo import Memo
from .model import Actor, Event, Record, Tag, UNDocument
from .validate import Chronology

LICENSE = "CC BY 4.0"
SCHEMA_VERSION = "1"


def site_url() -> str:
    """The published address (SITE_URL), by default the local `mkdocs serve` one."""
    return os.environ.get("SITE_URL", "http://127.0.0.1:8000/").rstrip("/") + "/"


def permalink(base: str, event: Event) -> str:
    return f"{base}events/{event.id}/"


def data_version(chronology: Chronology) -> str:
    """The day of the latest addition or correction: it changes exactly when the data does."""
    days = [d for e in chronology.events for d in (e.added, e.updated) if d]
    return str(max(days)) if days else "unversioned"


class ExportedEvent(Event):
    """An event as exported: the data-file fields plus its permanent address."""

    url: str = Field(description="Permanent address of the event's page.")


class ExportFile(Record):
    """The whole dataset in one JSON document (`data/events.json` on the site)."""

    schema_version: str = Field(description="Version of this format.")
    version: str = Field(description="Day of the latest addition or correction (YYYY-MM-DD).")
    license: str = Field(description="Licence of the data.")
    events: list[ExportedEvent]
    actors: list[Actor]
    tags: list[Tag]
    documents: list[UNDocument]


def export_schema() -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              **ExportFile.model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def to_json(chronology: Chronology, base: str, memo: Memo | None = None) -> str:
    """The export described by `ExportFile`, one space per level of indentation.

    Each event is serialised on its own (and, with a `memo`, only when it changed), then
    indented to its place: the same bytes as dumping the whole document at once.
    """
    memo = memo or Memo()

    def dump(value: object, level: int) -> str:
        return json.dumps(value, indent=1, ensure_ascii=False).replace("\n", "\n" + " " * level)

    def event(e: Event) -> str:
        record = {**e.model_dump(mode="json", exclude_none=True), "url": permalink(base, e)}
        return dump(record, 2)

    head = {"schema_version": SCHEMA_VERSION, "version": data_version(chronology),
            "license": LICENSE}
    parts = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in head.items()]
    events = [memo.get(("json", chronology.digests[e.id], base), lambda e=e: event(e))
              for e in chronology.events]
    parts.append(' "events": ' + ("[\n  " + ",\n  ".join(events) + "\n ]" if events else "[]"))
    for key in ("actors", "tags", "documents"):
        records = [r.model_dump(mode="json", exclude_none=True)
                   for r in getattr(chronology, key).values()]
        parts.append(f' "{key}": ' + dump(records, 1))
    return "{\n" + ",\n".join(parts) + "\n}\n"


CSV_COLUMNS = [
    "id", "date", "date_precision", "end_date", "date_label", "title", "type", "summary",
    "bodies", "people", "location", "tags", "documents", "vote_yes", "vote_no",
    "vote_abstain", "vote_without_vote", "vote_label", "source_urls", "source_titles",
    "related", "url", "added", "updated",
]


def _cell(value: object) -> str:
    """Lists joined with '; '; a leading = + - @ neutralised so spreadsheets never run it."""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _row(event: Event, base: str) -> list[str]:
    vote = event.vote
    return [_cell(v) for v in (
        event.id, event.date, event.date.precision, event.end_date, event.date_label,
        event.title, event.type, event.summary, event.bodies, event.people, event.location,
        event.tags, event.documents, vote and vote.yes, vote and vote.no,
        vote and vote.abstain, vote and ("true" if vote.without_vote else "false"),
        vote and vote.label, [s.url or "" for s in event.sources],
        [s.title for s in event.sources], event.related, permalink(base, event),
        event.added, event.updated,
    )]


def to_csv(chronology: Chronology, base: str, memo: Memo | None = None) -> str:
    """UTF-8 with a byte-order mark, so spreadsheets read Korean and accents correctly."""
    memo = memo or Memo()

    def line(row: list[str]) -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerow(row)
        return out.getvalue()

    rows = [memo.get(("csv", chronology.digests[e.id], base), lambda e=e: line(_row(e, base)))
            for e in chronology.events]
    return "\ufeff" + line(CSV_COLUMNS) + "".join(rows)


def midnight(day: PartialDate) -> dt.datetime:
    return dt.datetime.combine(day.as_date(), dt.time(), dt.UTC)


def record_stamp(event: Event, fallback: str) -> dt.datetime:
    """When this record last changed: midnight UTC of its `updated` or `added` day."""
    return midnight(event.updated or event.added or PartialDate.parse(fallback))
