"""Render the validated chronology into Markdown pages (Jinja2 templates in ./templates).

Data text never reaches the page as live HTML: plain text goes through `text` (HTML entities
plus Markdown escapes), Markdown fields through `markdown` (HTML and attribute-list braces
neutralised), addresses through `url` (characters that could end a Markdown link encoded).
"""

from __future__ import annotations

import functools
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
from .memo import Memo, code_digest, digest
from .model import Vote
from .reference import MODELS, fields
from .validate import Chronology

TEMPLATES = Path(__file__).parent / "templates"
CODE = code_digest(Path(__file__).parent)
EVENT_TEMPLATE = Path(__file__).parent / "event_template.yaml"
# Above this many events the timeline links to a page per year instead of listing them all.
LIST_LIMIT = 1500
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


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown output: escaping is explicit, through the filters above
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates are read once per run; serve reloads this module on edits
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
           directory_urls: bool = True, memo: Memo | None = None) -> dict[str, str]:
    """Every generated file, as {path relative to docs/: text}; `base` is the site's address.

    Markdown links are resolved by MkDocs; links inside raw HTML (the charts, and the lists,
    which are HTML because MkDocs converts long Markdown lists slowly) are written here, so
    they need to know whether pages live at `x/` or at `x.html`. With a `memo` kept
    from an earlier run, a page whose records did not change is taken from it, not rendered.
    """
    env, site = environment(), Site(chronology)
    memo = memo or Memo()
    pages: dict[str, str] = {}
    ext = "/" if directory_urls else ".html"
    # What every page may show besides its own events: names of bodies, people, themes and
    # documents, the site's address and URL style, and the generator itself.
    shared = digest(CODE, base, str(directory_urls), *(
        json.dumps([r.model_dump(mode="json") for r in records.values()])
        for records in (chronology.actors, chronology.tags, chronology.documents)))
    ids = chronology.digests

    def page(path: str, template: str, shows: list | None = None, **context) -> None:
        """Render `template` into `path`; `shows` lists every event the page depends on."""
        def make() -> str:
            chart = ""
            if template in ("home.md.j2", "timeline.md.j2"):  # drawn only where it is shown
                chart = timeline_svg(site.events, site.actors, url_root(path, directory_urls), ext)
            return env.get_template(template).render(
                site=site, root="../" * path.count("/"), up=url_root(path, directory_urls),
                ext=ext, base=base, lanes_svg=chart, year_bars=len(site.events) > MARK_LIMIT,
                list_limit=LIST_LIMIT, **context)
        if shows is None:
            pages[path] = make()
        else:
            key = (shared, path, template, *(ids[e.id] if e else b"" for e in shows))
            pages[path] = memo.get(key, make)

    page("index.md", "home.md.j2")
    page("timeline.md", "timeline.md.j2")
    events = site.events
    for i, event in enumerate(events):
        prev = events[i - 1] if i > 0 else None
        nxt = events[i + 1] if i + 1 < len(events) else None
        page(f"events/{event.id}.md", "event.md.j2", [prev, event, nxt, *site.related[event.id]],
             event=event, prev=prev, next=nxt)
    for kind, folder in (("body", "bodies"), ("person", "people")):
        page(f"{folder}/index.md", "actors.md.j2", kind=kind, folder=folder)
        for actor in site.actors_of(kind):
            page(f"{folder}/{actor.id}.md", "actor.md.j2", site.by_actor[actor.id], actor=actor)
    page("documents.md", "documents.md.j2")
    page("tags/index.md", "tags.md.j2")
    version = data_version(chronology)
    page("votes.md", "votes.md.j2", [e for e in site.events if e.vote])
    reference = [(title, fields(model)) for title, model in MODELS]
    page("add-an-event.md", "add-an-event.md.j2",
         event_template=EVENT_TEMPLATE.read_text("utf-8").rstrip(), reference=reference)
    page("types/index.md", "types.md.j2")
    for kind, events in site.by_type().items():
        page(f"types/{kind}.md", "facet.md.j2", events, events=events, title=TYPE_NAMES[kind],
             intro=f"Events of the type “{kind}”.")
    for year, events in site.by_year(site.events).items():
        page(f"years/{year}.md", "facet.md.j2", events, events=events, title=f"Events of {year}",
             intro=f"The events of {year}, in date order.")
    page("data.md", "data.md.j2", version=version, feed_size=LATEST, reference=reference)
    pages["data/events.json"] = to_json(chronology, base, memo)
    pages["data/events.schema.json"] = export_schema()
    pages["data/events.csv"] = to_csv(chronology, base, memo)
    pages["data/events.ics"] = to_ics(chronology, base, memo)
    pages["feed.xml"] = to_atom(chronology, base)
    for tag in site.tags.values():
        page(f"tags/{tag.id}.md", "tag.md.j2", site.by_tag[tag.id], tag=tag)
    return pages
