"""Render the validated chronology into Markdown pages (Jinja2 templates in ./templates).

Data text never reaches the page as live HTML: plain text goes through `text` (HTML entities
plus Markdown escapes), Markdown fields through `markdown` (HTML and attribute-list braces
neutralised), addresses through `url` (characters that could end a Markdown link encoded).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import jinja2

from .charts import MARK_LIMIT, timeline_svg, vote_bar, votes_trend
from .cite import bibtex, fence, jsonld
from .dates import display_span
from .exports import data_version, export_schema, to_csv, to_json
from .feed import LATEST, to_atom
from .ical import to_ics
from .indexes import TYPE_NAMES, Site
from .model import Vote
from .reference import MODELS, fields
from .validate import Chronology

TEMPLATES = Path(__file__).parent / "templates"
EVENT_TEMPLATE = Path(__file__).parent / "event_template.yaml"
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
    env.globals.update(type_names=TYPE_NAMES, span=display_span, vote_bar=vote_bar,
                       votes_trend=votes_trend, bibtex=bibtex, fence=fence, jsonld=jsonld)
    return env


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
        chart = ""
        if template in ("home.md.j2", "timeline.md.j2"):  # drawn only where it is shown
            chart = timeline_svg(site.events, site.actors, url_root(path, directory_urls), ext)
        pages[path] = env.get_template(template).render(
            site=site, root=root, base=base, lanes_svg=chart, list_limit=MARK_LIMIT, **context)

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
    reference = [(title, fields(model)) for title, model in MODELS]
    page("add-an-event.md", "add-an-event.md.j2",
         event_template=EVENT_TEMPLATE.read_text("utf-8").rstrip(), reference=reference)
    page("types/index.md", "types.md.j2")
    for kind, events in site.by_type().items():
        page(f"types/{kind}.md", "facet.md.j2", events=events, title=TYPE_NAMES[kind],
             intro=f"Events of the type “{kind}”.")
    for year, events in site.by_year(site.events).items():
        page(f"years/{year}.md", "facet.md.j2", events=events, title=f"Events of {year}",
             intro=f"The events of {year}, in date order.")
    page("data.md", "data.md.j2", version=version, feed_size=LATEST, reference=reference)
    pages["data/events.json"] = to_json(chronology, base)
    pages["data/events.schema.json"] = export_schema()
    pages["data/events.csv"] = to_csv(chronology, base)
    pages["data/events.ics"] = to_ics(chronology, base)
    pages["feed.xml"] = to_atom(chronology, base)
    for tag in site.tags.values():
        page(f"tags/{tag.id}.md", "tag.md.j2", tag=tag)
    return pages
