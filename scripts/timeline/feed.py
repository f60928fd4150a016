"""An Atom feed of new and corrected entries, keyed on when a record was added or updated
(not on the event's own date), so a subscriber hears of every addition and correction."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .chronology import Chronology
from .exports import midnight, permalink, record_stamp
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
    recorded = [e for e in chronology.events if e.added or e.updated]
    # Newest record first; among records of the same day, the most recent event first.
    recorded.sort(key=lambda e: (record_stamp(e, version), e.date, e.id), reverse=True)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", f"{base}feed.xml")
    _sub(feed, "title", _("North Korea Human Rights Timeline: new and corrected entries"))
    _sub(feed, "link", href=f"{base}feed.xml", rel="self")
    _sub(feed, "link", href=base, rel="alternate")
    newest = record_stamp(recorded[0], version) if recorded else None
    _sub(feed, "updated", _when(newest) if newest else f"{version}T00:00:00Z")
    author = _sub(feed, "author")
    _sub(author, "name", _("North Korea Human Rights Timeline"))
    _sub(feed, "rights", _("Text and data: CC BY 4.0"))
    for event in recorded[:LATEST]:
        entry = _sub(feed, "entry")
        _sub(entry, "id", permalink(base, event))
        corrected = event.updated and event.updated != event.added
        _sub(entry, "title", (_("Corrected: ") if corrected else "") + event.title)
        _sub(entry, "link", href=permalink(base, event), rel="alternate")
        _sub(entry, "updated", _when(record_stamp(event, version)))
        if event.added:
            _sub(entry, "published", _when(midnight(event.added)))
        _sub(entry, "summary", f"{event.date.display()}: {event.summary}", type="text")
        for tag in event.tags:
            _sub(entry, "category", term=tag, label=chronology.tags[tag].name)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
