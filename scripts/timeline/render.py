"""Render one page of the table (see pages.py) into its text: Markdown from a Jinja2 template,
or an export from its function.

Autoescaping is on: any value a template prints is HTML-escaped unless it is marked safe. The
filters below make data text safe for its place and mark the result: `text` (HTML entities
plus Markdown escapes) for plain text, `markdown` (HTML and attribute-list braces made inert)
for Markdown fields, `url` for addresses inside `[text](...)`, `meta` for front matter. The
only markup printed as is comes from functions that build it from escaped parts (the charts,
JSON-LD, BibTeX fences), each returning `Markup`.
"""

from __future__ import annotations

import functools
import html
import json
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import ballots
from .cache import CompiledTemplates, memoized
from .charts import vote_bar, votes_trend
from .cite import bibtex, fence, jsonld
from .dates import display_span
from .indexes import TYPE_NAMES, TYPE_ONE, state_order
from .language import LANGUAGES, N_, _, catalogue, current, template_gettext, template_ngettext
from .model import Vote

TEMPLATES = Path(__file__).parent / "templates"
_MD_ESCAPE = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
_URL_UNSAFE = {c: f"%{ord(c):02X}" for c in "()<>\"' "}


def text(value: object) -> Markup:
    """Plain text, safe anywhere inline in Markdown."""
    return Markup(_MD_ESCAPE.sub(r"\\\1", html.escape(str(value), quote=False)))


def markdown(value: str) -> Markup:
    """Editor-written Markdown with raw HTML and attribute lists made inert."""
    escaped = html.escape(value, quote=False)
    return Markup(escaped.replace("{", "&#123;").replace("}", "&#125;"))


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def plain(value: str, limit: int = 200) -> str:
    """Markdown as one line of plain text, cut at a word within `limit` characters (previews)."""
    text = " ".join(_LINK.sub(r"\1", value).replace("*", "").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def url(value: str) -> Markup:
    """An http(s) address safe inside `[text](...)`."""
    return Markup("".join(_URL_UNSAFE.get(c, c) for c in value))


def meta(value: str) -> Markup:
    """A front-matter value: YAML-quoted, HTML-escaped (themes print it into attributes as is)."""
    plain = value.unescape() if isinstance(value, Markup) else str(value)  # escaped once, here
    return Markup(json.dumps(html.escape(plain, quote=True)))


def vote_text(vote: Vote, labelled: bool = True) -> str:
    """`30 in favour, 6 against, 11 abstentions.` or `Adopted without a vote.`, with its label."""
    if vote.without_vote:
        said = _("adopted without a vote")
    else:
        counts = ((vote.yes, N_("%(n)s in favour")), (vote.no, N_("%(n)s against")),
                  (vote.abstain, N_("%(n)s abstentions")))
        said = ", ".join(_(what, n=_("not confirmed") if n is None else n) for n, what in counts)
    said = f"{vote.label}: {said}" if vote.label and labelled else said
    return said[0].upper() + said[1:] + "."


POSITION_NAMES = {
    "main-sponsor": N_("main sponsor"), "co-sponsor": N_("co-sponsor"),
    "in-favour": N_("voted in favour"), "consensus": N_("joined the consensus (not a co-sponsor)"),
    "abstained": N_("abstained"), "against": N_("voted against"),
    "not-voting": N_("did not take part in the vote"),
    "dissociated": N_("dissociated itself from the consensus"),
}


def bounds(event) -> str:
    """What the sources allow of an imprecise date: `after 17 April 2014`, `by 24 March 2021`."""
    parts = []
    if event.not_before:
        parts.append(_("not before %(date)s", date=event.not_before.display()))
    if event.not_after:
        parts.append(_("not after %(date)s", date=event.not_after.display()))
    return _(" and ").join(parts)


def v_label(event) -> str:
    """The stage of an event's deciding vote: its label, or the body that took it."""
    if event.vote and event.vote.label:
        return event.vote.label
    return _("Plenary") if event.committee_vote else _("Decision")


def when(event) -> str:
    """An event's date or span, as its pages show it: `20–24 August 2013`."""
    return display_span(event.date, event.end_date)


def listed(site, event, up: str, ext: str) -> Markup:
    """An event's line in a list of events, rendered once per site and page depth (an event
    is listed on its year, type, body and theme pages and more), and under serve kept until
    the event or its bodies change."""
    key = (event.id, up, ext)
    if key not in site.listed:
        site.listed[key] = _item(event, tuple(site.actors[ref] for ref in event.bodies), up, ext)
    return site.listed[key]


@memoized
def _item(event, bodies: tuple, up: str, ext: str) -> Markup:
    return environment().globals["m"].event_item(event, bodies, up, ext)


def undocs(symbol: str) -> str:
    return "https://undocs.org/" + symbol


def _safe(fn):
    """A function that builds markup from escaped parts: its result is printed as is."""
    return functools.wraps(fn)(lambda *args, **kwargs: Markup(fn(*args, **kwargs)))


@functools.cache
def environment() -> jinja2.Environment:
    """The templates, compiled once for every language: `_()` in them reads the catalogue of
    the language being rendered (language.py)."""
    env = jinja2.Environment(
        extensions=["jinja2.ext.i18n"],
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates are read once per process; serve imports the code anew
        # Beside Python's compiled modules of scripts/, outside the package `mkdocs serve` watches.
        bytecode_cache=CompiledTemplates(TEMPLATES.parent.parent / "__pycache__" / "templates"),
    )
    env.filters.update(text=text, markdown=markdown, plain=plain, url=url, undocs=undocs, meta=meta,
                       vote_text=vote_text)
    env.newstyle_gettext = True  # `{% trans %}` blocks pass their values to gettext, as `_()` does
    env.globals.update(gettext=template_gettext, _=template_gettext, ngettext=template_ngettext)
    env.globals.update(languages=LANGUAGES, bounds=bounds, v_label=v_label, when=when, listed=listed,
                       vote_bar=_safe(vote_bar), votes_trend=_safe(votes_trend), bibtex=_safe(bibtex),
                       fence=fence, jsonld=_safe(jsonld))
    # _macros.md.j2 is every template's `m`, made once (an `{% import %}` costs every page).
    env.globals["ballots"] = ballots
    env.globals["state_order"] = state_order
    env.globals["m"] = env.get_template("_macros.md.j2").module
    return env


@functools.cache
def _names(code: str) -> dict:
    """What templates print of the language being rendered: itself, and the names of types
    and positions in it."""
    words = catalogue(code)
    return {"lang": LANGUAGES[code], "type_names": {k: words.gettext(v) for k, v in TYPE_NAMES.items()},
            "type_one": {k: words.gettext(v) for k, v in TYPE_ONE.items()},
            "position_names": {k: words.gettext(v) for k, v in POSITION_NAMES.items()}}


def url_root(path: str, directory_urls: bool, from_source: bool = False) -> str:
    """From a page's own address back to the site root, for links in raw HTML.

    With directory URLs `x.md` is published as `x/`, one folder deeper than its source; a
    builder that reads raw HTML's links from the source file (`from_source`, as Zensical does)
    adds that folder itself, one that leaves them as written (MkDocs) needs it here."""
    depth = path.count("/")
    if directory_urls and not from_source and not path.endswith("index.md"):
        depth += 1
    return "../" * depth


def render_template(template: str, path: str, site, **context) -> str:
    """A Markdown page: `site` is the chronology with its indexes (indexes.Site)."""
    settings = site.settings
    up = url_root(path, settings.directory_urls, settings.raw_links_from_source)
    return environment().get_template(template).render(
        site=site, root="../" * path.count("/"), up=up,
        ext=settings.ext, base=settings.base, **_names(current().code), **context)
