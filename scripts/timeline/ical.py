"""The chronology as an iCalendar file: one all-day VEVENT per event.

A date known only to the month or the year becomes an all-day event spanning that whole
month or year (and says so in its description), so no calendar shows a made-up day.
"""

from __future__ import annotations

import datetime as dt

from .cache import memoized
from .chronology import Chronology
from .dates import PartialDate
from .exports import permalink, record_stamp
from .language import _

UID_DOMAIN = "nk-human-rights-timeline"


def _after(date: PartialDate) -> dt.date:
    """The first day after everything `date` may mean (iCalendar's exclusive end)."""
    if date.precision == "day":
        return date.as_date() + dt.timedelta(days=1)
    if date.precision == "month":
        return dt.date(date.year + date.month // 12, date.month % 12 + 1, 1)
    return dt.date(date.year + 1, 1, 1)


def to_ics(chronology: Chronology, base: str) -> str:
    """The calendar: a head, one VEVENT per event, the end."""
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:" + _text("-//North Korea Human Rights Timeline//EN"),
        "X-WR-CALNAME:" + _text(_("North Korea Human Rights Timeline")),
    ]
    parts = [b"".join(fold(line) + b"\r\n" for line in head)]
    for event in chronology.events:
        tags = tuple(chronology.tags[t].name for t in event.tags)
        parts.append(_vevent(event, base, record_stamp(event, chronology.version), tags))
    return b"".join([*parts, b"END:VCALENDAR\r\n"]).decode("utf-8")


@memoized
def _vevent(event, base: str, stamp: dt.datetime, tags: tuple[str, ...]) -> bytes:
    """One VEVENT, its lines in the order icalendar writes them (tests/test_exports.py reads
    the file back with icalendar and writes it again: the bytes must not change)."""
    lines = [
        "BEGIN:VEVENT",
        "SUMMARY:" + _text(event.title),
        "DTSTART;VALUE=DATE:" + _date(event.date.as_date()),
        "DTEND;VALUE=DATE:" + _date(_after(event.end_date or event.date)),
        "DTSTAMP:" + _date(stamp) + stamp.strftime("T%H%M%SZ"),
        "UID:" + _text(f"{event.id}@{UID_DOMAIN}"),
    ]
    if tags:
        lines.append("CATEGORIES:" + ",".join(map(_text, tags)))
    lines.append("DESCRIPTION:" + _text(_description(event)))
    if event.location:
        lines.append("LOCATION:" + _text(event.location))
    lines += ["URL:" + permalink(base, event), "END:VEVENT"]
    return b"".join(fold(line) + b"\r\n" for line in lines)


def _date(day: dt.date) -> str:
    """A DATE value (RFC 5545 3.3.4): `20130321`."""
    return f"{day.year:04}{day.month:02}{day.day:02}"


def _text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, each line
    break written as `\\n`."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> bytes:
    """A content line folded as icalendar folds it (at most 74 octets a line, never inside a
    character, never after an escaping backslash or caret), in UTF-8. icalendar measures
    each character on its own, which made this export a fifth of the generator's time."""
    data = line.encode("utf-8")
    folded, start = [], 0
    while len(data) - start > 74:
        end = start + 74
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: not a character's start
            end -= 1
        if end - 1 > start and data[end - 1] in b"\\^":
            end -= 1
        folded.append(data[start:end])
        start = end
    folded.append(data[start:])
    return b"\r\n ".join(folded)


def _description(event) -> str:
    lines = [event.summary, ""]
    if event.date.precision != "day":
        known = _("Date known only to the month: %(date)s.") if event.date.precision == "month" \
            else _("Date known only to the year: %(date)s.")
        lines.append(known % {"date": event.date.display()})
    if event.date_label:
        lines.append(_("Date: %(label)s.", label=event.date_label))
    lines.append(_("Sources:"))
    lines += [f"- {s.publisher}: {s.title}" + (f" <{s.url}>" if s.url else "") for s in event.sources]
    return "\n".join(lines)
