"""The corrections log: what changed in which entry, when and why, as readers see it.

    for listed in newest_first(events):   # every correction of the edition, newest first
        listed.event, listed.correction, listed.anchor, listed.own

Each correction has an address that never changes, the event page's anchor
`#correction-2026-12-07` (`-2`, `-3` for a second and third the same day; `#correction-ko-…`
for a correction of the Korean text alone): corrections are only ever added at the end of an
event's list, so the numbers of those already published stay as they are. The event page,
the Corrections page, the feed, the exports and the citation all read them from here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .dates import PartialDate
from .model import Event
from .parts import Correction


@dataclass(frozen=True)
class Listed:
    """One correction as it is listed: its event, the correction, its anchor on the event's page."""

    event: Event
    correction: Correction
    anchor: str

    @property
    def own(self) -> str | None:
        """The edition whose text alone this corrects (a mistranslation), or None."""
        return getattr(self.correction, "edition", None)


def of(event: Event) -> list[Listed]:
    """An event's corrections with their anchors, in the order of the data (oldest first)."""
    seen: Counter[str] = Counter()
    listed = []
    for correction in event.corrections:
        edition = getattr(correction, "edition", None)
        stem = f"correction-{edition + '-' if edition else ''}{correction.date}"
        seen[stem] += 1
        listed.append(Listed(event, correction, stem if seen[stem] == 1 else f"{stem}-{seen[stem]}"))
    return listed


def newest_first(events: Iterable[Event]) -> list[Listed]:
    """Every correction of these events, newest first (within a day, in the order of the events)."""
    listed = [item for event in events for item in reversed(of(event))]
    return sorted(listed, key=lambda item: item.correction.date, reverse=True)


def last_corrected(event: Event) -> PartialDate | None:
    return max((c.date for c in event.corrections), default=None)
