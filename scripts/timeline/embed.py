"""Embeddable views: the chronology, or the events of one theme, body, person or year, as a
small self-contained HTML page (`docs/embed/...`, which any builder copies as it is) that
another site shows in an <iframe>. And the snippet a theme, body, person or year page offers
for it.

    for path, view in views(site): ...            # embed/tags/icc-referral.html, View(...)
    snippet(site, "tags/icc-referral", title)     # the <iframe> and the lines that size it
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from markupsafe import escape

from .dates import PartialDate
from .edition import MISSING, STALE
from .language import _
from .model import Event
from .settings import LOCAL

FOLDER = "embed"
# Above this many events the whole chronology's view lists its years, each a view of its own.
WHOLE_LIMIT = 100
HEIGHT = 600  # of the frame, before the view says how tall it is


@dataclass
class View:
    title: str
    events: list[Event]
    up: str  # from the view back to the edition's root
    version: str
    ext: str
    edition: object = field(repr=False, default=None)
    years: list[int] = field(default_factory=list)  # a list of years instead of events

    @property
    def home(self) -> str:
        return "index.html" if self.ext == ".html" else ""

    def marks(self, event: Event) -> list[str]:
        """The site's marks beside a title: single source, corrected, translation state."""
        marks = []
        if any(v is not None and v.confidence == "likely" for v in (event.vote, event.committee_vote)):
            marks.append(_("single source"))
        if event.corrections:
            marks.append(_("corrected"))
        state = self.edition.state(event.id) if self.edition is not None else None
        if state == STALE:
            marks.append(_("translation out of date"))
        elif state == MISSING:
            marks.append(_("in English"))
        return marks


def views(site) -> Iterator[tuple[str, View]]:
    """(path under the edition's folder, view) of every embeddable view."""
    chronology, ext = site.chronology, site.settings.ext
    version = (PartialDate.parse(chronology.version).display()
               if chronology.version != "unversioned" else chronology.version)

    def view(title: str, events: list[Event], depth: int, **extra) -> View:
        return View(title, events, "../" * depth, version, ext, site.edition, **extra)

    years = site.by_year(site.events)
    whole = _("North Korea Human Rights Timeline")
    if len(site.events) > WHOLE_LIMIT:
        yield f"{FOLDER}/timeline.html", view(whole, [], 1, years=list(years))
    else:
        yield f"{FOLDER}/timeline.html", view(whole, site.events, 1)
    for year, events in years.items():
        yield f"{FOLDER}/years/{year}.html", view(_("Events of %(year)s", year=year), events, 2)
    for tag in site.tags.values():
        yield f"{FOLDER}/tags/{tag.id}.html", view(tag.name, site.by_tag[tag.id], 2)
    for kind, folder in (("body", "bodies"), ("person", "people")):
        for actor in site.actors_of(kind):
            yield f"{FOLDER}/{folder}/{actor.id}.html", view(actor.name, site.by_actor[actor.id], 2)


def snippet(site, path: str, title: str) -> dict:
    """What a page offers to embed its view (`path`: e.g. `tags/icc-referral`): the frame, with
    a plain link inside for hosts that strip frames, and the lines that size it."""
    base = site.settings.base
    src, page = f"{base}{FOLDER}/{path}.html", f"{base}{path}/"
    site_name = _("North Korea Human Rights Timeline")
    name = title if title == site_name else _("%(title)s · North Korea Human Rights Timeline", title=title)
    frame = (f'<iframe src="{escape(src)}" title="{escape(name)}" width="100%" height="{HEIGHT}" '
             f'loading="lazy" referrerpolicy="no-referrer" style="border:0;max-width:100%">'
             f'<a href="{escape(page)}">{escape(name)}</a></iframe>')  # shown as text, copied as HTML
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
    script = ("<script>\n"
              "addEventListener(\"message\", function (event) {\n"
              f"  if (event.origin !== \"{origin}\" || !event.data) return;\n"
              "  var height = event.data.nkhrtEmbedHeight;\n"
              "  if (typeof height !== \"number\") return;\n"
              "  document.querySelectorAll(\"iframe\").forEach(function (frame) {\n"
              "    if (frame.contentWindow === event.source) frame.style.height = height + \"px\";\n"
              "  });\n"
              "});\n"
              "</script>")
    return {"code": f"{frame}\n{script}", "local": base == LOCAL, "src": src}
