"""What a translation translates: the fields of each kind of record, a record's English text
and its digest (which a translation records as `translates`), and the shape a translation
must have to fit that text. translations.py checks the files against these.
"""

from __future__ import annotations

import hashlib
import json

# What a translator translates, per file: the English fields (dates, tallies, symbols and
# sources are not translated: they come from the one record).
FIELDS = {
    "events": ("title", "summary", "date_label", "location", "notes"),
    "actors": ("name", "short", "description"),
    "tags": ("name", "description"),
    "documents": ("title", "note"),
    "states": ("name",),
}
REQUIRED = {"events": ("title", "summary"), "actors": ("name",), "tags": ("name",),
            "documents": ("title",), "states": ("name",)}
# In a translation of an event: corrections of the translation's own text (a mistranslation),
# shown only in its edition. They translate nothing, so they are not part of its shape.
OWN_CORRECTIONS = "translation_corrections"


def english_text(record, key: str) -> dict:
    """The English a translation of `record` must say, including labels of votes and dates."""
    text = {name: getattr(record, name) for name in FIELDS[key] if getattr(record, name, None)}
    if key == "events":
        text["other_dates"] = [d.label for d in record.other_dates]
        text["quotes"] = [q.text for q in record.quotes]
        for name in ("vote", "committee_vote"):
            vote = getattr(record, name)
            if vote and (vote.label or vote.note):
                text[name] = {"label": vote.label, "note": vote.note}
        text["positions"] = [p.note or "" for p in record.positions]
        text["corrections"] = [{"replaced": c.replaced, "change": c.change} for c in record.corrections]
    return {k: v for k, v in text.items() if v not in ([], "", None)}


def english_digest(record, key: str) -> str:
    canonical = json.dumps(english_text(record, key), ensure_ascii=False, sort_keys=True)
    return hashlib.blake2b(canonical.encode("utf-8"), digest_size=4).hexdigest()


def shape_problems(item: dict, english: dict) -> list[tuple[tuple, str]]:
    """A translation gives text for what the English has: no unknown field, lists of the same
    length, text where the English has text."""
    problems = []
    for name, value in item.items():
        if name in ("id", "symbol", "translates", OWN_CORRECTIONS):
            continue
        if name not in english:
            problems.append(((name,), f"'{name}' is not in the English record, so it cannot be translated"))
            continue
        want = english[name]
        if isinstance(want, list) and want and isinstance(want[0], dict):
            problems.extend(_mappings_problems(name, value, want))
        elif isinstance(want, list):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems.append(((name,), f"'{name}' must be a list of text, as in the English"))
            elif len(value) != len(want):
                problems.append(((name,), f"'{name}' must have {len(want)} item(s), as the English "
                                 f"has, got {len(value)}"))
        elif isinstance(want, dict):
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                problems.append(((name,), f"'{name}' must map label/note to text"))
            else:
                problems.extend(((name, k), f"'{name}.{k}' is not in the English record")
                                for k in value if not want.get(k))
        elif not isinstance(value, str):
            problems.append(((name,), f"'{name}' must be text"))
    return problems


def _mappings_problems(name: str, value: object, want: list[dict]) -> list[tuple[tuple, str]]:
    """A list of mappings (corrections): as many as the English, each with text for each key."""
    keys = " and ".join(f"'{k}'" for k in want[0])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        return [((name,), f"'{name}' must be a list of mappings with {keys}, as in the English")]
    if len(value) != len(want):
        return [((name,), f"'{name}' must have {len(want)} item(s), as the English has, got {len(value)}")]
    problems = []
    for i, item in enumerate(value):
        for k in item.keys() - want[i].keys():
            problems.append(((name, i, k), f"'{name}.{i + 1}.{k}' is not in the English record"))
        for k in want[i]:
            if not isinstance(item.get(k), str) or not item[k].strip():
                problems.append(((name, i), f"'{name}.{i + 1}' needs '{k}' as text"))
    return problems
