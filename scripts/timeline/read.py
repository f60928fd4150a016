"""Read the data files into a validated `Chronology`, or raise DataError with every problem.

    chronology = read_chronology(Path("data"))

Each entry of a file is first parsed and validated on its own (quicker than tracking the
position of every value, and remembered between runs under `mkdocs serve`); at the first sign
of trouble the files are read afresh keeping positions, so every problem has its line and
column.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .cache import active, memoized
from .chronology import Chronology
from .entries import load_item, load_items, split_items
from .load import MAX_BYTES, Document, load
from .problems import DataError, Problem
from .rollcall_rules import check_rollcalls, check_states
from .rules import Known, check_events
from .validate import FILES, Checked, check_unique, validate_file

OPTIONAL = {"states", "rollcalls"}  # a chronology without roll calls needs neither file


def read_chronology(data_dir: Path, prefix: str = "data") -> Chronology:
    return read_quickly(data_dir, prefix) or read_with_positions(data_dir, prefix)


def read_with_positions(data_dir: Path, prefix: str) -> Chronology:
    problems: list[Problem] = []
    docs: dict[str, Document] = {}
    checked: dict[str, list[Checked]] = {}
    for key in FILES:
        name = f"{prefix}/{key}.yaml"
        try:
            docs[key] = load(data_dir / f"{key}.yaml", name)
        except FileNotFoundError:
            if key in OPTIONAL:
                docs[key], checked[key] = Document(name, {key: []}, {}), []
                continue
            problems.append(Problem(name, 1, 1, "file not found"))
            continue
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(docs[key].problems)
        checked[key] = validate_file(docs[key], key, problems)
    if len(checked) == len(FILES):
        known = _known(docs, checked)
        check_events(docs["events"], checked["events"], known, problems)
        _check_votes(docs, checked, known, problems)
    if problems:
        raise DataError(problems)
    return _chronology(checked)


def read_quickly(data_dir: Path, prefix: str) -> Chronology | None:
    """The chronology from entries parsed one by one; None at the first sign of trouble.
    Positions are not kept here: any problem is reported by `read_with_positions`."""
    docs: dict[str, Document] = {}
    checked: dict[str, list[Checked]] = {}
    for key in FILES:
        path = data_dir / f"{key}.yaml"
        if key in OPTIONAL and not path.is_file():
            docs[key], checked[key] = Document(f"{prefix}/{key}.yaml", None, {}), []
            continue
        try:
            if path.stat().st_size > MAX_BYTES:
                return None
            pieces = split_items(path.read_bytes().decode("utf-8"), key)
            if pieces is None:
                return None
            records = _records(pieces, key)
        except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError, RecursionError):
            return None  # a pydantic ValidationError is a ValueError
        docs[key] = Document(f"{prefix}/{key}.yaml", None, {})
        checked[key] = [Checked(record, (key, i), "") for i, record in enumerate(records)]
    problems: list[Problem] = []
    for key in FILES:
        check_unique(docs[key], key, checked[key], problems)
    written = {key: {getattr(c.record, model.KEY) for c in checked[key]} for key, model in FILES.items()}
    known = Known(_actors(checked), written)
    check_events(docs["events"], checked["events"], known, problems)
    _check_votes(docs, checked, known, problems)
    return None if problems else _chronology(checked)


def _check_votes(docs: dict[str, Document], checked: dict[str, list[Checked]], known: Known,
                 problems: list[Problem]) -> None:
    """The states register and the roll calls, against the actors and the events."""
    check_states(docs["states"], checked["states"], known.actors, problems)
    states = {c.record.id: c.record for c in checked["states"] if not c.wrong & {"id", "recorded"}}
    events = {c.record.id: c.record for c in checked["events"] if c.valid}
    check_rollcalls(docs["rollcalls"], checked["rollcalls"], states, events, known.written["events"],
                    problems)


def _records(pieces: list[str], key: str) -> list:
    """Each entry parsed and validated: from scratch, a large file's entries are parsed and
    validated in two processes; under serve each is remembered while its text is the same."""
    if active() is None:
        return load_items(pieces, FILES[key])
    return [_record(piece, key) for piece in pieces]


@memoized
def _record(text: str, key: str) -> object:
    return FILES[key].model_validate(load_item(text))


def _actors(checked: dict[str, list[Checked]]) -> dict:
    return {c.record.id: c.record for c in checked["actors"] if c.valid}


def _known(docs: dict[str, Document], checked: dict[str, list[Checked]]) -> Known:
    return Known(_actors(checked), {key: _written(docs[key], key, model.KEY) for key, model in FILES.items()})


def _written(doc: Document, key: str, field: str) -> set[str]:
    """Ids written in a file, valid records or not (so one bad record hides no other)."""
    items = doc.data.get(key) if isinstance(doc.data, dict) else None
    return {i[field] for i in items or () if isinstance(i, dict) and isinstance(i.get(field), str)}


def _chronology(checked: dict[str, list[Checked]]) -> Chronology:
    return Chronology(
        [c.record for c in checked["events"]],
        {c.record.id: c.record for c in checked["actors"]},
        {c.record.id: c.record for c in checked["tags"]},
        {c.record.symbol: c.record for c in checked["documents"]},
        {c.record.id: c.record for c in checked["states"]},
        [c.record for c in checked["rollcalls"]],
    )
