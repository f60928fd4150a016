"""Translations of the data, kept in step with the English: `data/<lang>/<file>.yaml`.

Each entry names the English record it translates (`id`, or `symbol` for documents) and
`translates`, a short digest of the English text it was made from. When the English changes,
the digest no longer matches and the translation is reported out of date (file and line),
as gettext marks an entry fuzzy. Mistakes (an unknown id, a duplicate, a missing title) are
data errors like any other.

    report = check_translations(Path("data"), chronology)   # raises DataError on mistakes
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from . import language
from .chronology import Chronology
from .explain import explain
from .load import MAX_BYTES, Document
from .parts import Correction, OwnCorrection
from .problems import DataError, Problem, show
from .translatable import FIELDS, OWN_CORRECTIONS, REQUIRED, english_digest, english_text, shape_problems
from .translation_files import Entries, NeedPositions, read_document, read_entries

LANGUAGES = tuple(code for code in language.LANGUAGES if code != language.DEFAULT)  # translations
@dataclass
class Coverage:
    """What one language covers: translated records, and those out of date (with places)."""

    lang: str
    total: dict[str, int] = field(default_factory=dict)
    translated: dict[str, set[str]] = field(default_factory=dict)
    stale: list[Problem] = field(default_factory=list)
    entries: dict[str, dict[str, dict]] = field(default_factory=dict)  # file -> ref -> entry
    stale_refs: dict[str, set[str]] = field(default_factory=dict)  # file -> refs out of date
    attributions: dict[str, str] = field(default_factory=dict)  # `according_to`, `by`: English -> this

    def summary(self) -> str:
        events = self.translated.get("events", set())
        return (f"{self.lang}: {len(events)}/{self.total.get('events', 0)} events translated, "
                f"{sum(p.file.endswith('/events.yaml') for p in self.stale)} out of date")


def check_translations(data_dir: Path, chronology: Chronology, prefix: str = "data") -> list[Coverage]:
    problems: list[Problem] = []
    reports = []
    for lang in LANGUAGES:
        coverage = Coverage(lang)
        for key in FIELDS:
            english = _records(chronology, key)
            coverage.total[key] = len(english)
            coverage.translated[key] = set()
            coverage.entries[key] = {}
            path = data_dir / lang / f"{key}.yaml"
            if path.is_file():
                _check_file(path, f"{prefix}/{lang}/{key}.yaml", key, english, coverage, problems)
        path = data_dir / lang / f"{ATTRIBUTIONS}.yaml"
        if path.is_file():
            _check_attributions(path, f"{prefix}/{lang}/{ATTRIBUTIONS}.yaml", chronology, coverage, problems)
        reports.append(coverage)
    if problems:
        raise DataError(problems)
    return reports


# Who a single-source figure or position rests on (`according_to`, also of a disputed vote in a
# roll call) and who said a quotation (`by`): rendered by the English text itself, as a
# gettext catalogue is, so that a changed English text is shown in English until its
# rendering is added, never with the rendering of what it used to say.
ATTRIBUTIONS = "attributions"


def _check_attributions(path: Path, name: str, chronology: Chronology, coverage: Coverage,
                        problems: list[Problem]) -> None:
    used = {x.according_to for e in chronology.events for x in (e.vote, e.committee_vote, *e.positions)
            if x is not None and x.according_to} | {q.by for e in chronology.events for q in e.quotes} | {
        d.according_to for r in chronology.rollcalls for d in r.disputed}
    doc = _read(path, name, problems)
    if doc is None:
        return
    items = doc.data.get(ATTRIBUTIONS) if isinstance(doc.data, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else [None]):
        line, col = doc.where((ATTRIBUTIONS, i) if isinstance(items, list) else ())
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("en", "ko")):
            problems.append(Problem(name, line, col, "each entry needs `en` (an English `according_to` "
                                    "or quotation `by`) and `ko` (its rendering)"))
        elif item["en"] not in used:  # the English changed: out of date, like a translation
            coverage.stale.append(Problem(name, line, col, f"no event says {show(item['en'])} any more: "
                                          "render its new text (or remove this entry)"))
        elif item["en"] in coverage.attributions:
            problems.append(Problem(name, line, col, f"duplicate entry for {show(item['en'])}"))
        else:
            coverage.attributions[item["en"]] = item["ko"]


def _records(chronology: Chronology, key: str) -> dict:
    if key == "events":
        return chronology.event_ids
    return {"actors": chronology.actors, "tags": chronology.tags, "documents": chronology.documents,
            "states": chronology.states}[key]


def _check_file(path: Path, name: str, key: str, english: dict, coverage: Coverage,
                problems: list[Problem]) -> None:
    """Check one translation file. Each entry is parsed on its own first (and remembered under
    serve, so an edit re-parses one entry); at the first problem the file is read again with
    the position of every value, so that every problem says where it is."""
    if path.stat().st_size <= MAX_BYTES and _checked_quickly(path.read_bytes(), name, key, english, coverage):
        return
    doc = _read(path, name, problems)
    if doc is not None:
        _check_items(doc, name, key, english, coverage, problems)


def _checked_quickly(raw: bytes, name: str, key: str, english: dict, coverage: Coverage) -> bool:
    """True if the file, read entry by entry, has no problem: its entries are then in `coverage`."""
    entries = read_entries(raw, key)
    if entries is None:
        return False
    kept = Coverage(coverage.lang, translated={key: set()}, entries={key: {}})
    found: list[Problem] = []
    try:
        _check_items(entries, name, key, english, kept, found)
    except NeedPositions:
        return False
    if found:
        return False
    coverage.translated[key], coverage.entries[key] = kept.translated[key], kept.entries[key]
    coverage.stale += kept.stale
    coverage.stale_refs.update(kept.stale_refs)
    return True


def _read(path: Path, name: str, problems: list[Problem]) -> Document | None:
    """A translation file with every position; None (its problems added) if it cannot be read."""
    try:
        doc = read_document(path, name)
    except DataError as exc:
        problems.extend(exc.problems)
        return None
    problems.extend(doc.problems)
    return doc


def _check_items(doc: Document | Entries, name: str, key: str, english: dict, coverage: Coverage,
                 problems: list[Problem]) -> None:
    items = doc.data.get(key) if isinstance(doc.data, dict) else None
    if not isinstance(items, list):
        line, col = doc.where((key,))
        msg = f"the file must be a mapping whose key '{key}:' holds a list"
        problems.append(Problem(name, line, col, msg))
        return
    ident = "symbol" if key == "documents" else "id"
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get(ident), str):
            msg = f"each entry needs the {ident} of the English record"
            problems.append(Problem(name, *doc.where((key, i)), msg))
            continue
        ref = item[ident]
        line, col = doc.where((key, i, ident))
        if ref in seen:
            msg = f"duplicate {ident}, got {ref!r} (also at line {seen[ref]})"
            problems.append(Problem(name, line, col, msg))
            continue
        seen[ref] = line
        if ref not in english:
            problems.append(Problem(name, line, col, f"{ident} must name a record of data/{key}.yaml, "
                                    f"got {show(ref)}"))
            continue
        if OWN_CORRECTIONS in item:
            added = getattr(english[ref], "added", None)
            own = _own_corrections(doc, name, key, (key, i), item, coverage.lang, added, problems)
            item = {**item, OWN_CORRECTIONS: own}
        for required in REQUIRED[key]:
            if not isinstance(item.get(required), str) or not item[required].strip():
                problems.append(Problem(name, line, col, f"{ref!r}: missing required field '{required}'"))
        current = english_digest(english[ref], key)
        wrong = shape_problems(item, english_text(english[ref], key))
        if item.get("translates") == current:
            for path, message in wrong:  # a current translation must fit the English exactly
                problems.append(Problem(name, *doc.where((key, i, *path), key=True), f"{ref!r}: {message}"))
            if wrong:
                continue
        else:  # out of date: what no longer fits the English is left out until it is updated
            item = {k: v for k, v in item.items() if k not in {path[0] for path, _ in wrong}}
            line, col = doc.where((key, i, "translates"))
            coverage.stale.append(Problem(name, line, col, f"{ref!r}: the English has changed since this "
                                          f"was translated (translates: {current} is current)"))
            coverage.stale_refs.setdefault(key, set()).add(ref)
        coverage.translated[key].add(ref)
        coverage.entries[key][ref] = item


def _own_corrections(doc: Document | Entries, name: str, key: str, path: tuple, item: dict, lang: str,
                     added, problems: list[Problem]) -> list[OwnCorrection]:
    """Corrections of the translation's own text, checked as the English ones are: each a
    Correction, listed oldest first, none before the record was added."""
    ref, value = item.get("id"), item[OWN_CORRECTIONS]
    where = (*path, OWN_CORRECTIONS)
    if key != "events":
        problems.append(Problem(name, *doc.where(where, key=True),
                                f"{ref!r}: '{OWN_CORRECTIONS}' is only for events"))
        return []
    if not isinstance(value, list):
        problems.append(Problem(name, *doc.where(where), f"{ref!r}: '{OWN_CORRECTIONS}' must be a list"))
        return []
    found: list[OwnCorrection] = []
    for j, entry in enumerate(value):
        try:
            correction = Correction.model_validate(entry)
        except ValidationError as exc:
            for err in exc.errors():
                at = doc.where((*where, j, *err["loc"]), key=err["type"] == "extra_forbidden")
                problems.append(Problem(name, *at, f"{ref!r}: {OWN_CORRECTIONS}.{j + 1}: "
                                        f"{explain(Correction, err)}"))
            continue
        if added and correction.date < added:
            problems.append(Problem(name, *doc.where((*where, j, "date")),
                                    f"{ref!r}: {OWN_CORRECTIONS}.{j + 1}.date must not be before the day the "
                                    f"record was added ({added}), got {show(str(correction.date))}"))
        elif found and correction.date < found[-1].date:
            problems.append(Problem(name, *doc.where((*where, j, "date")), f"{ref!r}: {OWN_CORRECTIONS}."
                                    f"{j + 1}.date must not be before the correction above it (oldest "
                                    f"first: add a new one at the end), got {show(str(correction.date))}"))
        found.append(OwnCorrection(**correction.model_dump(), edition=lang))
    return found
