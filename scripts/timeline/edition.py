"""An edition: the chronology in one language, made from the English and its translations.

    edition = Edition.of(chronology, coverage)      # coverage: translations.check_translations
    edition.chronology.events[0].title              # the Korean title, where translated

Dates, tallies, symbols and sources are the English record's own: only text is replaced. An
event whose translation is out of date keeps the Korean text, shown under a notice; one not
translated yet keeps the English. An event's corrections are the English ones, translated,
followed by those of the translation's own text (parts.OwnCorrection), which only its edition
shows. The English edition is the chronology itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .chronology import Chronology
from .language import territory
from .model import Event
from .translatable import FIELDS, OWN_CORRECTIONS
from .translations import Coverage

CURRENT, STALE, MISSING = "current", "out-of-date", "not-translated"


@dataclass
class Edition:
    lang: str
    chronology: Chronology
    states: dict[str, str] = field(default_factory=dict)  # event id -> CURRENT, STALE, MISSING
    quotes: dict[str, list[str]] = field(default_factory=dict)  # event id -> renderings

    @classmethod
    def english_only(cls, chronology: Chronology) -> Edition:
        return cls("en", chronology)

    @classmethod
    def of(cls, chronology: Chronology, coverage: Coverage) -> Edition:
        stale = coverage.stale_refs.get("events", set())
        entries = coverage.entries
        edition = cls(coverage.lang, chronology)
        events = []
        for event in chronology.events:
            entry = entries.get("events", {}).get(event.id)
            if entry is None:
                edition.states[event.id] = MISSING
                events.append(event)  # the English, and its attributions as the English says them
                continue
            edition.states[event.id] = STALE if event.id in stale else CURRENT
            edition.quotes[event.id] = entry.get("quotes", [])
            events.append(_event(event, entry, coverage.attributions))
        edition.chronology = Chronology(
            events=events,
            **{key: _records(getattr(chronology, key), entries.get(key, {}), FIELDS[key])
               for key in ("actors", "tags", "documents")},
            states=_states(chronology.states, entries.get("states", {}), coverage.lang),
            rollcalls=[_disputes(r, coverage.attributions) for r in chronology.rollcalls],
        )
        return edition

    def state(self, event_id: str) -> str:
        return self.states.get(event_id, CURRENT)

    def variant(self, event_id: str) -> str:
        """What an event page shows beyond its records: its translation's state and the
        renderings of its quotations (all the rest of a translation is in the record)."""
        if self.lang == "en":
            return ""
        return f"{self.state(event_id)}:{json.dumps(self.quotes.get(event_id, []), ensure_ascii=False)}"


def _records(records: dict, entries: dict, names: tuple[str, ...]) -> dict:
    return {ref: r.model_copy(update={n: entries[ref][n] for n in names if entries.get(ref, {}).get(n)})
            if ref in entries else r for ref, r in records.items()}


def _states(states: dict, entries: dict, lang: str) -> dict:
    """State names as this language's institutions write them: the translators' file where it
    gives one (historic names, or where CLDR's name is not the one in use), else CLDR's."""
    named = {}
    for ref, state in states.items():
        name = (entries.get(ref) or {}).get("name") or territory(state.iso3, lang)
        named[ref] = state.model_copy(update={"name": name}) if name else state
    return named


def _disputes(rollcall, attributions: dict[str, str]):
    """A roll call with the other compilations of its disputed votes named in this language."""
    if not any(d.according_to in attributions for d in rollcall.disputed):
        return rollcall
    return rollcall.model_copy(update={"disputed": [_attributed(d, attributions) for d in rollcall.disputed]})


def _attributed(record, attributions: dict[str, str], update: dict | None = None):
    """A vote or position with its `according_to` rendered, where a rendering exists."""
    update = dict(update or {})
    if record.according_to in attributions:
        update["according_to"] = attributions[record.according_to]
    return record.model_copy(update=update) if update else record


def _event(event: Event, entry: dict, attributions: dict[str, str]) -> Event:
    update = {name: entry[name] for name in FIELDS["events"] if entry.get(name)}
    if entry.get("other_dates"):
        update["other_dates"] = [d.model_copy(update={"label": label})
                                 for d, label in zip(event.other_dates, entry["other_dates"], strict=True)]
    for name in ("vote", "committee_vote"):
        vote, text = getattr(event, name), entry.get(name) or {}
        if vote is not None:
            said = {k: v for k, v in text.items() if k in ("label", "note")}
            update[name] = _attributed(vote, attributions, said)
    said = entry.get("corrections") or [{}] * len(event.corrections)
    update["corrections"] = [
        *(c.model_copy(update={k: v for k, v in text.items() if k in ("replaced", "change")})
          for c, text in zip(event.corrections, said, strict=True)),
        *entry.get(OWN_CORRECTIONS, ())]
    update["quotes"] = [q.model_copy(update={"by": attributions[q.by]}) if q.by in attributions else q
                        for q in event.quotes]
    notes = entry.get("positions") or [None] * len(event.positions)
    update["positions"] = [_attributed(p, attributions, {"note": note or None} if note is not None else None)
                           for p, note in zip(event.positions, notes, strict=True)]
    return event.model_copy(update=update)
