"""The table of every file the generator makes: its path, how it is made, what it shows.

`shows` names the records a page depends on beyond what every page shows (names of actors,
tags and documents, the settings, the code: see cache.shared_digest). Under `mkdocs serve` a
page is rendered again only when one of those records changed; `shows=None` means the page
depends on every event (home, timeline, the exports), so any change to one renders it again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from .embed import views as embed_views
from .exports import corrections_csv, export_schema, rollcalls_csv, to_csv, to_json
from .feed import LATEST, to_atom
from .ical import to_ics
from .indexes import TYPE_NAMES, TYPE_ONE, Site
from .language import _, current
from .reference import MODELS, fields
from .standings import SERIES, body_of

EVENT_TEMPLATE = Path(__file__).parent / "event_template.yaml"


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/
    template: str | None = None  # a Markdown page from this template ...
    export: Callable | None = None  # ... or a data file from this function of (chronology, base)
    shows: tuple | None = None  # the events it shows (None: all of them)
    variant: str = ""  # anything else it shows that its records do not say (a translation's state)
    context: dict = field(default_factory=dict, compare=False)


# Above this many roll calls the states table is split into a page per year.
TABLE_LIMIT = 60


def _states(site: Site, events: list) -> Iterator[Page]:
    """The states index (the table of states by roll call, and who changed), the table by year
    when it grows too wide, and a page per state."""
    states = site.states_sorted()
    if not states:
        return
    columns = [(event, stage) for event, stage in site.standings.columns()]
    decided = site.standings.shown  # not the events: a retitled event renders no state page
    decisions = {d.id for d in decided}
    split = len(columns) > TABLE_LIMIT
    years = sorted({e.date.year for e, _ in columns})
    yield Page("states/index.md", "states.md.j2", shows=decided, context={
        "states": states, "columns": columns, "groups": _grouped(columns), "table": not split,
        "table_years": years})
    for year in years if split else ():
        cols = [c for c in columns if c[0].date.year == year]
        yield Page(f"states/table-{year}.md", "states-table.md.j2",
                   shows=tuple(d for d in decided if d.date.year == year),
                   context={"states": states, "groups": _grouped(cols), "year": year})
    for state in states:
        others = tuple(e for e, _ in site.positions_of(state.id) if e.id not in decisions)  # by title
        # One tuple for every state without other positions: its digest is computed once (cache.py).
        yield Page(f"states/{state.id}.md", "state.md.j2", shows=decided + others if others else decided,
                   context={"state": state})


def _grouped(columns: list) -> list[tuple[str, list]]:
    groups: dict[str, list] = {}
    for event, stage in columns:
        groups.setdefault(body_of(event), []).append((event, stage))
    order = [*SERIES, *(b for b in groups if b not in SERIES)]
    return [(body, groups[body]) for body in order if body in groups]


def table(site: Site) -> Iterator[Page]:
    yield Page("index.md", "home.md.j2")
    yield Page("timeline.md", "timeline.md.j2")
    events = site.events
    for i, event in enumerate(events):
        prev = events[i - 1] if i > 0 else None
        nxt = events[i + 1] if i + 1 < len(events) else None
        yield Page(f"events/{event.id}.md", "event.md.j2",
                   shows=(prev, event, nxt, *site.related[event.id]), variant=site.edition.variant(event.id),
                   context={"event": event, "prev": prev, "next": nxt})
    for kind, folder in (("body", "bodies"), ("person", "people")):
        yield Page(f"{folder}/index.md", "actors.md.j2", context={"kind": kind, "folder": folder})
        for actor in site.actors_of(kind):
            yield Page(f"{folder}/{actor.id}.md", "actor.md.j2", shows=tuple(site.by_actor[actor.id]),
                       context={"actor": actor})
    yield Page("tags/index.md", "tags.md.j2")
    for tag in site.tags.values():
        yield Page(f"tags/{tag.id}.md", "tag.md.j2", shows=tuple(site.by_tag[tag.id]),
                   context={"tag": tag})
    yield Page("types/index.md", "types.md.j2")
    for kind, listed in site.by_type().items():
        yield Page(f"types/{kind}.md", "facet.md.j2", shows=tuple(listed), context={
            "events": listed, "title": _(TYPE_NAMES[kind]), "embed": None,
            "intro": _("Events of the type “%(kind)s”.", kind=_(TYPE_ONE[kind]))})
    for year, listed in site.by_year(events).items():
        yield Page(f"years/{year}.md", "facet.md.j2", shows=tuple(listed), context={
            "events": listed, "title": _("Events of %(year)s", year=year), "embed": f"years/{year}",
            "intro": _("The events of %(year)s, in date order.", year=year)})
    yield from _states(site, events)
    for path, view in embed_views(site):
        yield Page(path, "embed.html.j2", shows=tuple(view.events), variant=repr(view.years),
                   context={"view": view})
    yield Page("votes.md", "votes.md.j2", shows=tuple(e for e in events if e.vote or e.committee_vote))
    yield Page("documents.md", "documents.md.j2")
    yield Page("corrections.md", "corrections.md.j2", shows=tuple(e for e in events if e.corrections))
    reference = [(_(title), fields(model)) for title, model in MODELS]
    if current().code == "en":
        yield Page("add-an-event.md", "add-an-event.md.j2", shows=(), context={
            "event_template": Markup(EVENT_TEMPLATE.read_text("utf-8").rstrip()),  # our own file
            "reference": reference})
    else:  # a contributor page: in English only, and the other edition says so
        yield Page("add-an-event.md", "english-only.md.j2", shows=(), context={
            "title": _("Add an event"), "english": "add-an-event" + site.settings.ext})
    yield Page("data.md", "data.md.j2", context={
        "version": site.chronology.version, "feed_size": LATEST, "reference": reference})
    states = site.edition.states or None  # a translation's events say how current they are
    yield Page("data/events.json", export=lambda chronology, base: to_json(chronology, base, states),
               variant=repr(sorted(states.items())) if states else "")
    yield Page("data/events.schema.json", export=lambda chronology, base: export_schema(), shows=())
    yield Page("data/events.csv", export=to_csv)
    yield Page("data/events.ics", export=to_ics)
    corrected = tuple(e for e in events if e.corrections)
    yield Page("data/corrections.csv", export=corrections_csv, shows=corrected)
    if site.chronology.rollcalls:
        yield Page("data/rollcalls.csv", export=rollcalls_csv, shows=())
    yield Page("feed.xml", export=to_atom)
