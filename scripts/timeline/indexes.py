"""What the page templates need beyond the records: indexes derived from the chronology
(events by body, tag, document, type and year; related events both ways; vote groups)."""

from __future__ import annotations

import functools
import json
import unicodedata
from collections import defaultdict

from markupsafe import Markup

from . import corrections, embed
from .charts import MARK_LIMIT, lane_of, timeline_svg
from .chronology import Chronology
from .dates import PartialDate
from .edition import Edition
from .language import N_, _
from .model import Actor, Event
from .report import report_url
from .rollcalls import State
from .settings import Settings
from .standings import Standings

# Above this many events the timeline links to a page per year instead of listing them all.
LIST_LIMIT = 1500

TYPE_NAMES = {
    "resolution": N_("Resolutions"), "report": N_("Reports"), "meeting": N_("Meetings"),
    "hearing": N_("Hearings"), "appointment": N_("Appointments"), "statement": N_("Statements"),
    "legislation": N_("Legislation"), "testimony": N_("Testimony"), "review": N_("Reviews"),
    "decision": N_("Decisions"), "visit": N_("Visits"), "other": N_("Other events"),
}


# The type of one event, as its page names it.
TYPE_ONE = {
    "resolution": N_("Resolution"), "report": N_("Report"), "meeting": N_("Meeting"),
    "hearing": N_("Hearing"), "appointment": N_("Appointment"), "statement": N_("Statement"),
    "legislation": N_("Legislation"), "testimony": N_("Testimony"), "review": N_("Review"),
    "decision": N_("Decision"), "visit": N_("Visit"), "other": N_("Other"),
}


def state_order(state: State) -> str:
    """A state's place in a list: by its name without accents (Côte d'Ivoire among the Cs);
    Hangul syllables sort in dictionary order as they are."""
    return _name_order(state.name)


@functools.cache
def _name_order(name: str) -> str:
    letters = unicodedata.normalize("NFKD", name)
    return "".join(c for c in letters if not unicodedata.combining(c)).casefold()


class Site:
    """What the templates need: the chronology plus the indexes derived from it."""

    def __init__(self, chronology: Chronology, settings: Settings | None = None,
                 edition: Edition | None = None):
        """`edition`: the chronology in another language (its `chronology` is shown instead)."""
        self.edition = edition or Edition.english_only(chronology)
        chronology = self.edition.chronology
        self.chronology = chronology
        self.settings = settings or Settings()
        self.list_limit = LIST_LIMIT
        self.listed: dict[tuple, Markup] = {}  # each event's line in lists (render.listed)
        self.ballot_parts: dict[tuple, str] = {}  # what every state's record repeats (ballots.py)
        self.year_bars = len(chronology.events) > MARK_LIMIT
        self.events = chronology.events
        self.actors = chronology.actors
        self.tags = chronology.tags
        self.documents = sorted(
            chronology.documents.values(),
            key=lambda d: (d.date is None, d.date or PartialDate(1), d.symbol),
        )
        self.document = chronology.documents
        self.by_document: dict[str, list[Event]] = defaultdict(list)
        self.by_actor: dict[str, list[Event]] = defaultdict(list)
        self.by_tag: dict[str, list[Event]] = defaultdict(list)
        self.related: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:
            for ref in (*event.bodies, *event.people):
                self.by_actor[ref].append(event)
            for ref in event.tags:
                self.by_tag[ref].append(event)
            for symbol in event.documents:
                self.by_document[symbol].append(event)
            for ref in event.related:
                other = chronology.event_ids[ref]
                self.related[event.id].append(other)
                self.related[ref].append(event)
        for key, linked in self.related.items():
            unique = {e.id: e for e in linked}.values()
            self.related[key] = sorted(unique, key=lambda e: (e.date, e.id))

    @property
    def years(self) -> str:
        """`2002 to 2025`, or "" while there are no events."""
        if not self.events:
            return ""
        return _("%(first)s to %(last)s", first=self.events[0].date.year, last=self.events[-1].date.year)

    def chart(self, up: str) -> Markup:
        """The overview of every event by body, with links relative to a page at `up`."""
        if not self.events:
            return Markup("")
        return Markup(timeline_svg(self.events, self.actors, up, self.settings.ext))

    def by_year(self, events: list[Event]) -> dict[int, list[Event]]:
        years: dict[int, list[Event]] = defaultdict(list)
        for event in events:
            years[event.date.year].append(event)
        return dict(years)

    def vote_series(self) -> list[tuple[str, str, list[Event]]]:
        """Every decision on a text or an agenda, year by year, by the lane of the body that took
        it: recorded votes and adoptions without a vote alike."""
        names = {"assembly": _("General Assembly (plenary and Third Committee)"),
                 "council": _("Commission on Human Rights and Human Rights Council"),
                 "security-council": _("Security Council (procedural votes on the agenda)")}
        groups: dict[str, list[Event]] = {lane: [] for lane in names}
        for event in self.events:
            if event.vote or event.committee_vote:
                lane = lane_of(event, self.actors)
                if lane in groups:
                    groups[lane].append(event)
        return [(lane, names[lane], rows) for lane, rows in groups.items() if rows]

    def council_years_without_meeting(self) -> list[int]:
        """Years between the Security Council's first and last formal meeting on the DPRK's human
        rights (a meeting record S/PV) in which it held none."""
        years = {e.date.year for e in self.events
                 if "security-council" in e.bodies and any(d.startswith("S/PV.") for d in e.documents)}
        return [y for y in range(min(years), max(years)) if y not in years] if years else []

    def positions_of(self, state: str) -> list[tuple[Event, object]]:
        """A state's reported position on each resolution, in date order."""
        return self._positions.get(state, [])

    def other_positions(self, state: str) -> list[tuple[Event, object]]:
        """A state's reported positions on events its record of votes does not list."""
        listed = {row.event.id for row in self.standings.record(state)}
        return [(e, p) for e, p in self.positions_of(state) if e.id not in listed]

    @functools.cached_property
    def _positions(self) -> dict[str, list[tuple[Event, object]]]:
        found: dict[str, list[tuple[Event, object]]] = defaultdict(list)
        for event in self.events:
            for position in event.positions:
                found[position.state].append((event, position))
        return found

    def corrections(self, events: list[Event] | None = None) -> list[corrections.Listed]:
        """The corrections of these events (all by default), newest first."""
        return corrections.newest_first(self.events if events is None else events)

    @functools.cached_property
    def standings(self) -> Standings:
        """How each state voted: the roll calls, read by event and by state."""
        return Standings(self.chronology)

    def states_sorted(self, states=None) -> list[State]:
        """States in the order of the edition's language (Korean names in Korean order)."""
        return sorted(self.standings.states_in_use() if states is None else states, key=state_order)

    def embed_snippet(self, path: str, title: str) -> dict:
        """The code that shows this page's events in another site (embed.snippet)."""
        return embed.snippet(self, path, title)

    def short_name(self, ref: str) -> str:
        """An actor's short name (or its name), or nothing for no actor."""
        actor = self.actors.get(ref)
        return (actor.short or actor.name) if actor else ""

    def report_url(self, event: Event) -> str | None:
        """The issue form for an error in this event, or None where the project has none."""
        return report_url(self.settings.repo_url, event)

    def landmarks(self) -> list[Event]:
        return [e for e in self.events if e.landmark]

    def by_type(self) -> dict[str, list[Event]]:
        types: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:
            types[event.type or "other"].append(event)
        return dict(sorted(types.items()))

    def facets_json(self) -> str:
        """What the timeline filter needs per event, safe inside a <script> element."""
        facets = {e.id: {"body": e.bodies, "type": [e.type or "other"], "tag": e.tags,
                         "year": [str(e.date.year)]} for e in self.events}
        text = json.dumps(facets, separators=(",", ":"))
        return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))

    def bodies_in_use(self) -> list[Actor]:
        used = {b for e in self.events for b in e.bodies}
        return [a for a in self.actors_of("body") if a.id in used]

    def actors_of(self, kind: str) -> list[Actor]:
        return sorted((a for a in self.actors.values() if a.kind == kind), key=lambda a: a.name)
