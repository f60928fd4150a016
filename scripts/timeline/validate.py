"""Validate one loaded data file against the model: its shape, each record, unique ids.

Each entry becomes a `Checked` record. An entry with a mistake is still checked against the
other records (see rules.py) through the fields that were right, so one event with an
impossible date and an unknown tag gets both problems reported, each at its own line.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ValidationError

from .explain import explain
from .load import Document
from .model import Actor, Event, Tag, UNDocument
from .problems import Problem, show
from .rollcalls import RollCall, State

FILES: dict[str, type[BaseModel]] = {
    "events": Event, "actors": Actor, "tags": Tag, "documents": UNDocument,
    "states": State, "rollcalls": RollCall,
}
# Stand-ins for required fields that were wrong, so the other fields can still be checked.
_STAND_INS = {"id": "x", "symbol": "X/X", "date": "2000", "title": "x", "summary": "x",
              "name": "x", "description": "x", "kind": "body", "lane": "governments",
              "recorded": ["x"], "event": "x", "status": "incomplete", "record": "https://x.org/",
              "sources": [{"title": "x", "publisher": "x"}]}


@dataclass(frozen=True)
class Checked:
    """A record as validated, where it was written, and which of its fields were wrong."""

    record: BaseModel
    path: tuple  # ("events", index) in the document
    label: str  # how problems name it: "event 'coi-report'", or "event #3" without an id
    wrong: frozenset[str] = frozenset()  # top-level fields that failed

    @property
    def valid(self) -> bool:
        return not self.wrong


def validate_file(doc: Document, key: str, problems: list[Problem]) -> list[Checked]:
    """Every entry of `doc` checked against the model; problems appended to `problems`."""
    model = FILES[key]
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        line, col = doc.where((key,))
        problems.append(Problem(doc.name, line, col,
                                f"the file must be a mapping whose key '{key}:' holds a list"))
        return []
    for extra in data.keys() - {key}:
        line, col = doc.where((extra,), key=True)
        problems.append(Problem(doc.name, line, col, f"unknown top-level key {show(extra)}"))
    checked = []
    for i, item in enumerate(data[key]):
        label = _label(key.removesuffix("s"), item, i, model.KEY)
        try:
            checked.append(Checked(model.model_validate(item), (key, i), label))
            continue
        except ValidationError as exc:
            errors = exc.errors()
        for err in errors:
            line, col = doc.where((key, i, *err["loc"]), key=err["type"] == "extra_forbidden")
            problems.append(Problem(doc.name, line, col, f"{label}: {explain(model, err)}"))
        if partial := _partial(model, item, errors):
            checked.append(Checked(partial, (key, i), label, frozenset(_wrong_fields(errors))))
    check_unique(doc, key, checked, problems)
    return checked


def check_unique(doc: Document, key: str, checked: list[Checked], problems: list[Problem]) -> None:
    kind, first = key.removesuffix("s"), {}
    for entry in checked:
        field = entry.record.KEY
        if field in entry.wrong or not entry.record.UNIQUE:
            continue
        ident = getattr(entry.record, field)
        line, col = doc.where((*entry.path, field))
        if ident in first:
            msg = f"{kind} {ident!r}: duplicate {field}, got {ident!r} (also at line {first[ident]})"
            problems.append(Problem(doc.name, line, col, msg))
        else:
            first[ident] = line


def _wrong_fields(errors: list[dict]) -> set[str]:
    return {str(err["loc"][0]) if err["loc"] else "*" for err in errors}


def _partial(model: type[BaseModel], item: object, errors: list[dict]) -> BaseModel | None:
    """The record with its wrong fields left out (or stood in for): None if that fails too."""
    wrong = _wrong_fields(errors)
    if not isinstance(item, dict) or "*" in wrong:
        return None
    kept = {k: v for k, v in item.items() if k not in wrong}
    for name, info in model.model_fields.items():
        if name not in kept and info.is_required():
            kept[name] = _STAND_INS.get(name)
    try:
        return model.model_validate(kept)
    except ValidationError:
        return None


def _label(kind: str, item: object, index: int, key: str = "id") -> str:
    ident = item.get(key) if isinstance(item, dict) else None
    return f"{kind} {ident!r}" if isinstance(ident, str) else f"{kind} #{index + 1}"
