"""Render the validated chronology into Markdown pages (Jinja2 templates in ./templates).

Data text never reaches the page as live HTML: plain text goes through `text` (HTML entities
plus Markdown escapes), Markdown fields through `markdown` (HTML and attribute-list braces
neutralised), addresses through `url` (characters that could end a Markdown link encoded).
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from pathlib import Path

import jinja2

from .charts import MARK_LIMIT, lane_of, timeline_svg, vote_bar, votes_trend
from .cite import bibtex, fence, jsonld
from .dates import PartialDate, display_span
from .exports import data_version, export_schema, to_csv, to_json
from .feed import LATEST, to_atom
from .ical import to_ics
from .model import Actor, Event, Vote
from .reference import MODELS, fields
from .validate import Chronology

TEMPLATES = Path(__file__).parent / "templates"
EVENT_TEMPLATE = Path(__file__).parent / "event_template.yaml"
TYPE_NAMES = {
    "resolution": "Resolutions", "report": "Reports", "meeting": "Meetings", "hearing": "Hearings",
    "appointment": "Appointments", "statement": "Statements", "legislation": "Legislation",
    "testimony": "Testimony", "review": "Reviews", "decision": "Decisions", "visit": "Visits",
    "other": "Other events",
}
_MD_ESCAPE = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
_URL_UNSAFE = {c: f"%{ord(c):02X}" for c in "()<>\"' "}


def text(value: object) -> str:
    """Plain text, safe anywhere inline in Markdown."""
    return _MD_ESCAPE.sub(r"\\\1", html.escape(str(value), quote=False))


def markdown(value: str) -> str:
    """Editor-written Markdown with raw HTML and attribute lists made inert."""
    escaped = html.escape(value, quote=False)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


def url(value: str) -> str:
    """An http(s) address safe inside `[text](...)`."""
    return "".join(_URL_UNSAFE.get(c, c) for c in value)


def meta(value: str) -> str:
    """A front-matter value: YAML-quoted, HTML-escaped (themes print it into attributes as is)."""
    return json.dumps(html.escape(value, quote=True))


def vote_text(vote: Vote) -> str:
    """`30 in favour, 6 against, 11 abstentions.` or `Adopted without a vote.`, with its label."""
    if vote.without_vote:
        said = "adopted without a vote"
    else:
        counts = ((vote.yes, "in favour"), (vote.no, "against"), (vote.abstain, "abstentions"))
        said = ", ".join(f"{'not confirmed' if n is None else n} {what}" for n, what in counts)
    said = f"{vote.label}: {said}" if vote.label else said
    return said[0].upper() + said[1:] + "."


def undocs(symbol: str) -> str:
    return "https://undocs.org/" + symbol


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown output: escaping is explicit, through the filters above
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(text=text, markdown=markdown, url=url, undocs=undocs, meta=meta,
                       vote_text=vote_text)
    env.globals.update(type_names=TYPE_NAMES, span=display_span, vote_bar=vote_bar, votes_trend=votes_trend,
                       bibtex=bibtex, fence=fence, jsonld=jsonld)
    return env


class Site:
    """What the templates need: the chronology plus the indexes derived from it."""

    def __init__(self, chronology: Chronology):
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

    def by_year(self, events: list[Event]) -> dict[int, list[Event]]:
        years: dict[int, list[Event]] = defaultdict(list)
        for event in events:
            years[event.date.year].append(event)
        return dict(years)

    def vote_groups(self) -> list[tuple[str, list[tuple[Event, Vote]]]]:
        """Recorded votes (with counts), grouped by the lane of the body that voted."""
        names = {"assembly": "General Assembly and its Third Committee",
                 "council": "Commission on Human Rights, ECOSOC and Human Rights Council",
                 "security-council": "Security Council (procedural votes on the agenda)"}
        groups: dict[str, list] = {lane: [] for lane in names}
        for event in self.events:
            vote = event.vote
            if vote and not vote.without_vote and vote.yes is not None:
                groups.setdefault(lane_of(event, self.actors), []).append((event, vote))
        return [(names.get(lane, lane), rows) for lane, rows in groups.items() if rows]

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
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

    def bodies_in_use(self) -> list[Actor]:
        used = {b for e in self.events for b in e.bodies}
        return [a for a in self.actors_of("body") if a.id in used]

    def actors_of(self, kind: str) -> list[Actor]:
        return sorted((a for a in self.actors.values() if a.kind == kind), key=lambda a: a.name)

    def actor_dir(self, actor: Actor) -> str:
        return "bodies" if actor.kind == "body" else "people"


def url_root(path: str, directory_urls: bool) -> str:
    """From a page's own address back to the site root, for links in raw HTML (SVG)."""
    depth = path.count("/")
    if directory_urls and not path.endswith("index.md"):
        depth += 1
    return "../" * depth


def render(chronology: Chronology, base: str = "http://127.0.0.1:8000/",
           directory_urls: bool = True) -> dict[str, str]:
    """Every generated file, as {path relative to docs/: text}; `base` is the site's address.

    Markdown links are resolved by MkDocs; links inside raw HTML (the charts) are written
    here, so they need to know whether pages live at `x/` or at `x.html`.
    """
    env, site = environment(), Site(chronology)
    pages: dict[str, str] = {}
    ext = "/" if directory_urls else ".html"

    def page(path: str, template: str, **context) -> None:
        root = "../" * path.count("/")
        html_root = url_root(path, directory_urls)
        chart = ""
        if template in ("home.md.j2", "timeline.md.j2"):  # drawn only where it is shown
            chart = timeline_svg(site.events, site.actors, html_root, ext)
        pages[path] = env.get_template(template).render(
            site=site, root=root, html_root=html_root, ext=ext, base=base, lanes_svg=chart,
            list_limit=MARK_LIMIT,
            **context)

    page("index.md", "home.md.j2")
    page("timeline.md", "timeline.md.j2")
    events = site.events
    for i, event in enumerate(events):
        prev = events[i - 1] if i > 0 else None
        nxt = events[i + 1] if i + 1 < len(events) else None
        page(f"events/{event.id}.md", "event.md.j2", event=event, prev=prev, next=nxt)
    for kind, folder in (("body", "bodies"), ("person", "people")):
        page(f"{folder}/index.md", "actors.md.j2", kind=kind, folder=folder)
        for actor in site.actors_of(kind):
            page(f"{folder}/{actor.id}.md", "actor.md.j2", actor=actor)
    page("documents.md", "documents.md.j2")
    page("tags/index.md", "tags.md.j2")
    version = data_version(chronology)
    page("votes.md", "votes.md.j2")
    page("add-an-event.md", "add-an-event.md.j2", event_template=EVENT_TEMPLATE.read_text("utf-8").rstrip(),
         reference=[(title, fields(model)) for title, model in MODELS])
    page("types/index.md", "types.md.j2")
    for kind, events in site.by_type().items():
        page(f"types/{kind}.md", "facet.md.j2", events=events, title=TYPE_NAMES[kind],
             intro=f"Events of the type “{kind}”.")
    for year, events in site.by_year(site.events).items():
        page(f"years/{year}.md", "facet.md.j2", events=events, title=f"Events of {year}",
             intro=f"The events of {year}, in date order.")
    page("data.md", "data.md.j2", version=version, feed_size=LATEST,
         reference=[(title, fields(model)) for title, model in MODELS])
    pages["data/events.json"] = to_json(chronology, base)
    pages["data/events.schema.json"] = export_schema()
    pages["data/events.csv"] = to_csv(chronology, base)
    pages["data/events.ics"] = to_ics(chronology, base)
    pages["feed.xml"] = to_atom(chronology, base)
    for tag in site.tags.values():
        page(f"tags/{tag.id}.md", "tag.md.j2", tag=tag)
    return pages
