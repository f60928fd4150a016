"""An Atom feed of new, updated and corrected entries, keyed on when a record was added or
updated (not on the event's own date), and one entry per correction (its id the correction's
address, which never changes), so a subscriber hears of every addition and correction."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from . import corrections
from .chronology import Chronology
from .exports import correction_url, midnight, permalink, record_stamp
from .language import _

ATOM = "http://www.w3.org/2005/Atom"
LATEST = 50


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = text
    return element


def _when(stamp) -> str:
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


def to_atom(chronology: Chronology, base: str) -> str:
    version = chronology.version
    # Newest first; on the same day a correction before a record, and the most recent event first.
    entries = [((record_stamp(e, version), 0, e.date, e.id, ""), e) for e in chronology.events
               if e.added or e.updated]
    entries += [((midnight(c.correction.date), 1, c.event.date, c.event.id, c.anchor), c)
                for c in corrections.newest_first(chronology.events)]
    entries.sort(key=lambda pair: pair[0], reverse=True)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", f"{base}feed.xml")
    _sub(feed, "title", _("North Korea Human Rights Timeline: new and corrected entries"))
    _sub(feed, "link", href=f"{base}feed.xml", rel="self")
    _sub(feed, "link", href=base, rel="alternate")
    _sub(feed, "updated", _when(entries[0][0][0]) if entries else f"{version}T00:00:00Z")
    author = _sub(feed, "author")
    _sub(author, "name", _("North Korea Human Rights Timeline"))
    _sub(feed, "rights", _("Text and data: CC BY 4.0"))
    for _key, item in entries[:LATEST]:
        entry = _sub(feed, "entry")
        if isinstance(item, corrections.Listed):
            _correction(entry, item, base)
        else:
            _record(entry, item, base, version)
        for tag in (item.event if isinstance(item, corrections.Listed) else item).tags:
            _sub(entry, "category", term=tag, label=chronology.tags[tag].name)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _record(entry: ET.Element, event, base: str, version: str) -> None:
    _sub(entry, "id", permalink(base, event))
    updated = event.updated and event.updated != event.added
    _sub(entry, "title", (_("Updated: ") if updated else "") + event.title)
    _sub(entry, "link", href=permalink(base, event), rel="alternate")
    _sub(entry, "updated", _when(record_stamp(event, version)))
    if event.added:
        _sub(entry, "published", _when(midnight(event.added)))
    _sub(entry, "summary", f"{event.date.display()}: {event.summary}", type="text")


def _correction(entry: ET.Element, item: corrections.Listed, base: str) -> None:
    correction, address = item.correction, correction_url(base, item)
    _sub(entry, "id", address)
    _sub(entry, "title", _("Correction: %(title)s", title=item.event.title))
    _sub(entry, "link", href=address, rel="alternate")
    stamp = _when(midnight(correction.date))
    _sub(entry, "updated", stamp)
    _sub(entry, "published", stamp)
    said = _("It said: “%(replaced)s”", replaced=correction.replaced)
    _sub(entry, "summary", f"{correction.change} {said}", type="text")
