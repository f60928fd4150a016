"""Validate loaded data against the model and across records; report every problem with its place.

    chronology = read_chronology(Path("data"))   # raises DataError listing all problems
"""

from __future__ import annotations

import difflib
import functools
import typing
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from .load import MAX_BYTES, Document, load, load_item, split_items
from .memo import Memo, digest
from .model import Actor, Event, Tag, UNDocument
from .problems import DataError, Problem, show

FILES = (("events", Event), ("actors", Actor), ("tags", Tag), ("documents", UNDocument))


@dataclass
class Chronology:
    """Validated data: events in date order; actors, tags and documents by id or symbol."""

    events: list[Event]
    actors: dict[str, Actor]
    tags: dict[str, Tag]
    documents: dict[str, UNDocument]
    event_ids: dict[str, Event] = field(init=False)

    def __post_init__(self) -> None:
        self.event_ids = {e.id: e for e in self.events}

    @functools.cached_property
    def digests(self) -> dict[str, bytes]:
        """A digest of every event's content, by id: equal digests, equal records."""
        return {e.id: digest(e.model_dump_json()) for e in self.events}


def read_chronology(data_dir: Path, prefix: str = "data", memo: Memo | None = None) -> Chronology:
    """Load and validate events, actors and tags; raise DataError with every problem.

    Entries are first parsed and validated one by one (with a `memo` kept from an earlier
    run, only those whose text changed), which is quicker than tracking the position of
    every value; at the first sign of trouble everything is read afresh with positions, so
    problems are always reported with their line and column.
    """
    if remembered := _read_remembered(data_dir, prefix, memo or Memo()):
        return remembered
    problems: list[Problem] = []
    records: dict[str, list] = {}
    docs: dict[str, Document] = {}
    for key, model in FILES:
        name = f"{prefix}/{key}.yaml"
        try:
            docs[key] = load(data_dir / f"{key}.yaml", name)
        except FileNotFoundError:
            problems.append(Problem(name, 1, 1, "file not found"))
            continue
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(docs[key].problems)
        records[key] = _validate_file(docs[key], key, model, problems)
    if len(records) == len(FILES):
        _check_references(docs, records, problems)
    if problems:
        raise DataError(problems)
    return _chronology(records)


def _chronology(records: dict[str, list]) -> Chronology:
    events = sorted((r for r, _ in records["events"]), key=lambda e: (e.date, e.id))
    return Chronology(
        events,
        {a.id: a for a, _ in records["actors"]},
        {t.id: t for t, _ in records["tags"]},
        {d.symbol: d for d, _ in sorted(records["documents"], key=lambda r: r[0].symbol)},
    )


def _read_remembered(data_dir: Path, prefix: str, memo: Memo) -> Chronology | None:
    """The chronology, parsing and validating only entries not seen before; None at the
    first sign of trouble (the caller then reads everything afresh, with exact positions)."""
    docs: dict[str, Document] = {}
    records: dict[str, list] = {}
    for key, model in FILES:
        path = data_dir / f"{key}.yaml"
        try:
            if path.stat().st_size > MAX_BYTES:
                return None
            pieces = split_items(path.read_bytes().decode("utf-8"), key)
        except (OSError, UnicodeDecodeError):
            return None
        if pieces is None:
            return None
        try:
            entries = [memo.get((key, piece), lambda p=piece, m=model: _entry(p, m))
                       for piece in pieces]
        except (ValueError, yaml.YAMLError, RecursionError):  # ValidationError is a ValueError
            return None
        docs[key] = Document(f"{prefix}/{key}.yaml", {key: [item for item, _ in entries]}, {})
        records[key] = [(record, (key, i)) for i, (_, record) in enumerate(entries)]
    problems: list[Problem] = []
    for key, _ in FILES:
        _check_unique_ids(docs[key], key.removesuffix("s"), records[key], problems)
    _check_references(docs, records, problems)
    return None if problems else _chronology(records)


def _entry(text: str, model: type[BaseModel]) -> tuple[object, BaseModel]:
    item = load_item(text)
    return item, model.model_validate(item)




def _validate_file(doc: Document, key: str, model: type[BaseModel], problems: list[Problem]):
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        line, col = doc.where((key,))
        msg = f"the file must be a mapping whose key '{key}:' holds a list"
        problems.append(Problem(doc.name, line, col, msg))
        return []
    for extra in data.keys() - {key}:
        line, col = doc.where((extra,), key=True)
        problems.append(Problem(doc.name, line, col, f"unknown top-level key {show(extra)}"))
    kind = key.removesuffix("s")
    valid = []
    for i, item in enumerate(data[key]):
        label = _label(kind, item, i, model.KEY)
        try:
            valid.append((model.model_validate(item), (key, i)))
        except ValidationError as exc:
            for err in exc.errors():
                path = (key, i, *err["loc"])
                line, col = doc.where(path, key=err["type"] == "extra_forbidden")
                problems.append(Problem(doc.name, line, col, f"{label}: {_explain(model, err)}"))
    _check_unique_ids(doc, kind, valid, problems)
    return valid


def _label(kind: str, item: object, index: int, key: str = "id") -> str:
    ident = item.get(key) if isinstance(item, dict) else None
    return f"{kind} {ident!r}" if isinstance(ident, str) else f"{kind} #{index + 1}"


def _field(loc: tuple) -> str:
    return ".".join(str(p + 1) if isinstance(p, int) else str(p) for p in loc)


def _explain(model: type[BaseModel], err: dict) -> str:
    """Turn one pydantic error into '<field> <rule>, got <value>'."""
    loc, kind, ctx = err["loc"], err["type"], err.get("ctx", {})
    name = _field(loc)
    if kind == "missing":
        return f"missing required field '{name}'"
    if kind == "extra_forbidden":
        known = _model_at(model, loc[:-1]).model_fields
        near = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f" (did you mean '{near[0]}'?)" if near else ""
        return f"unknown field '{name}'{hint}"
    rule = _RULES.get(kind, err["msg"]).format(**ctx)
    if kind == "too_short" and ctx.get("min_length") == 1:
        rule = "must list at least one entry"
    if kind == "literal_error":
        rule = "must be one of: " + ctx["expected"].replace("'", "")
    if kind == "string_type" and isinstance(err.get("input"), bool):
        rule += " (put it in quotes: YAML reads yes/no/on/off as true/false)"
    if not name:
        text = rule
    elif rule.startswith(("must", "is ")):
        text = f"{name} {rule}"
    else:
        text = f"{name}: {rule}"
    value = ctx.get("got", err.get("input"))
    if kind.endswith("_type") or not isinstance(value, (dict, list)):
        text += f", got {show(value)}"
    return text


_RULES = {
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list",
    "model_type": "must be a mapping of fields",
    "dict_type": "must be a mapping of fields",
    "model_attributes_type": "must be a mapping of fields",
    "too_short": "must list at least {min_length}",
    "string_too_long": "must be at most {max_length} characters",
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
}


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel]:
    """The model class that holds the field at `loc` (for typo suggestions)."""
    for step in loc:
        if isinstance(step, int) or step not in model.model_fields:
            continue
        inner = [model.model_fields[step].annotation]
        while inner:
            hint = inner.pop()
            if isinstance(hint, type) and issubclass(hint, BaseModel):
                model = hint
                break
            inner.extend(typing.get_args(hint))
    return model


def _check_unique_ids(doc: Document, kind: str, valid: list, problems: list[Problem]) -> None:
    first: dict[str, int] = {}
    for record, path in valid:
        key = record.KEY
        ident = getattr(record, key)
        line, col = doc.where((*path, key))
        if ident in first:
            msg = f"{kind} {ident!r}: duplicate {key}, got {ident!r} (also at line {first[ident]})"
            problems.append(Problem(doc.name, line, col, msg))
        else:
            first[ident] = line


def _raw_ids(doc: Document, key: str, field: str) -> set[str]:
    """Ids written in a file, valid records or not (so one bad record hides no other)."""
    items = doc.data.get(key) if isinstance(doc.data, dict) else None
    return {i[field] for i in items or () if isinstance(i, dict) and isinstance(i.get(field), str)}


def _check_references(docs: dict[str, Document], records: dict[str, list], problems: list[Problem]):
    doc = docs["events"]
    actors = {a.id: a for a, _ in records["actors"]}
    written = {key: _raw_ids(docs[key], key, model.KEY) for key, model in FILES}
    for event, path in records["events"]:
        report = _reporter(doc, event.id, path, problems)

        for group, kind in (("bodies", "body"), ("people", "person")):
            for i, ref in enumerate(getattr(event, group)):
                actor = actors.get(ref)
                if actor is None and ref in written["actors"]:
                    continue  # defined, but invalid: reported in actors.yaml
                if actor is None:
                    known = [a for a in actors if actors[a].kind == kind]
                    report((group, i), f"must be the id of a {kind} in data/actors.yaml"
                           + _near(ref, known), ref)
                elif actor.kind != kind:
                    other = "bodies" if actor.kind == "body" else "people"
                    report((group, i), f"must be the id of a {kind}; this one is a "
                           f"{actor.kind}, so list it under {other}", ref)
        for i, ref in enumerate(event.tags):
            if ref not in written["tags"]:
                report(("tags", i), "must be a tag id from data/tags.yaml"
                       + _near(ref, written["tags"]), ref)
        for i, ref in enumerate(event.related):
            if ref == event.id:
                report(("related", i), "must not name the event itself", ref)
            elif ref not in written["events"]:
                report(("related", i), "must be the id of another event"
                       + _near(ref, written["events"]), ref)
        for i, symbol in enumerate(event.documents):
            if symbol not in written["documents"]:
                report(("documents", i), "must be a symbol defined in data/documents.yaml"
                       + _near(symbol, written["documents"]), symbol)
        for i, quote in enumerate(event.quotes):
            if quote.source > len(event.sources):
                report(("quotes", i, "source"),
                       f"must be the number of one of this event's sources (1 to {len(event.sources)})",
                       quote.source)
        if event.end_date and event.end_date < event.date:
            report(("end_date",), f"must not be before date {event.date}", str(event.end_date))
        for i, position in enumerate(event.positions):
            actor = actors.get(position.state)
            if actor is None and position.state not in written["actors"]:
                report(("positions", i, "state"), "must be the id of a state in data/actors.yaml"
                       + _near(position.state, [a for a in actors if actors[a].kind == "body"]),
                       position.state)
            elif actor is not None and actor.kind != "body":
                report(("positions", i, "state"), "must be a state (a body), not a person",
                       position.state)
        for bound in ("not_before", "not_after"):
            day = getattr(event, bound)
            if day and (event.date.precision == "day" or not event.date.covers(day)):
                report((bound,), f"must be a day within date {event.date}, which must be "
                       "a month or a year", str(day))


def _reporter(doc: Document, ident: str, path: tuple, problems: list[Problem]):
    """A function that records a problem at a field of one event."""
    def report(loc: tuple, rule: str, value: object) -> None:
        line, col = doc.where((*path, *loc))
        msg = f"event {ident!r}: {_field(loc)} {rule}, got {show(value)}"
        problems.append(Problem(doc.name, line, col, msg))
    return report


def _near(value: str, known) -> str:
    near = difflib.get_close_matches(value, list(known), n=1)
    return f" (did you mean '{near[0]}'?)" if near else ""
