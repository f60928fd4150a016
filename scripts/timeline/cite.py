"""Ways to cite and describe an event: a plain-text citation, BibTeX and schema.org JSON-LD."""

from __future__ import annotations

import json
import re

from .corrections import last_corrected
from .dates import display_span
from .exports import permalink
from .language import N_, _, current
from .model import Event

SITE = N_("North Korea Human Rights Timeline")
_BIBTEX_SPECIAL = re.compile(r"[{}\\%&$#_^~]")
_BIBTEX_WORDS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def _bibtex_escape(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_WORDS.get(m[0], "\\" + m[0]), text)


def bibtex(event: Event, base: str) -> str:
    when = display_span(event.date, event.end_date)
    corrected = last_corrected(event)
    note = (_("Event of %(when)s; last corrected %(corrected)s; accessed on the date given", when=when,
              corrected=corrected.display()) if corrected else
            _("Event of %(when)s; accessed on the date given", when=when))
    fields = [("author", "{" + _bibtex_escape(_(SITE)) + "}"), ("title", _bibtex_escape(event.title)),
              ("year", str(event.date.year)), ("url", permalink(base, event)),
              ("note", _bibtex_escape(note))]
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields)
    return f"@misc{{nkhrt-{event.id},\n{body}\n}}"


def fence(text: str) -> str:
    """A Markdown code fence longer than any run of backticks in `text`."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def jsonld(event: Event, actors: dict, base: str) -> str:
    """schema.org Event with its sources, safe to place inside a <script> element."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": str(event.date),
        "description": event.summary,
        "url": permalink(base, event),
        "inLanguage": current().code,
    }
    if event.end_date:
        data["endDate"] = str(event.end_date)
    if event.location:
        data["location"] = {"@type": "Place", "name": event.location}
    if event.bodies:
        data["organizer"] = [{"@type": "Organization", "name": actors[b].name} for b in event.bodies]
    data["subjectOf"] = [
        {"@type": "CreativeWork", "name": s.title,
         "publisher": {"@type": "Organization", "name": s.publisher},
         **({"url": s.url} if s.url else {}),
         **({"datePublished": str(s.date)} if s.date else {})}
        for s in event.sources
    ]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Inside <script>, "</script>" or "<!--" in the data must not end or bend the element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
