"""How pages say a state's vote: its words, the letter the tables and the chart use, and the
one-line chart of a state's record (inline SVG, drawn with ElementTree so every text is
escaped; colours from CSS classes, letters so it reads without colour).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markupsafe import Markup, escape

from .language import N_, _
from .standings import NOT_MEMBER, NOT_NAMED, WITHOUT_VOTE, Row

# A vote, or why there is none, as a list heading, in a sentence, and as one letter.
HEADINGS = {"in_favour": N_("In favour"), "against": N_("Against"), "abstaining": N_("Abstaining"),
            "not_voting": N_("Did not vote")}
WORDS = {"in_favour": N_("voted in favour"), "against": N_("voted against"), "abstaining": N_("abstained"),
         "not_voting": N_("did not vote"), NOT_MEMBER: N_("not a member"),
         NOT_NAMED: N_("not named in the sources read"), WITHOUT_VOTE: N_("adopted without a vote")}
LETTERS = {"in_favour": N_("Y"), "against": N_("N"), "abstaining": N_("A"), "not_voting": N_("NV"),
           NOT_MEMBER: "–", NOT_NAMED: "?"}
CELL, GAP = 22, 2


def letter(outcome: str) -> str:
    return _(LETTERS[outcome]) if outcome in HEADINGS else LETTERS[outcome]


def legend() -> list[tuple[str, str, str]]:
    """(css class, letter, words) of each outcome a table shows."""
    return [(f"tl-v-{o}", letter(o), _(WORDS[o])) for o in LETTERS]


def record_svg(rows: list[Row], label: str) -> Markup:
    """A square per roll call of the record, in time order, with its letter and a tooltip."""
    rows = [r for r in rows if r.outcome != WITHOUT_VOTE]
    width = max(CELL, len(rows) * (CELL + GAP))
    svg = ET.Element("svg", {"xmlns": "http://www.w3.org/2000/svg", "viewBox": f"0 0 {width} {CELL + 14}",
                             "role": "img", "aria-label": label, "class": "tl-record",
                             "style": f"max-width: {width}px"})
    for i, row in enumerate(rows):
        x = i * (CELL + GAP)
        group = ET.SubElement(svg, "g", {"class": f"tl-v-{row.outcome}"})
        ET.SubElement(group, "title").text = f"{row.event.date.display()}: {_(WORDS[row.outcome])}"
        ET.SubElement(group, "rect", {"x": str(x), "y": "0", "width": str(CELL), "height": str(CELL)})
        text = ET.SubElement(group, "text", {"x": str(x + CELL / 2), "y": "15", "text-anchor": "middle"})
        text.text = letter(row.outcome)
        year = ET.SubElement(svg, "text", {"x": str(x + CELL / 2), "y": str(CELL + 12),
                                           "text-anchor": "middle", "class": "tl-year"})
        year.text = f"{row.event.date.year % 100:02d}"
    return Markup(ET.tostring(svg, encoding="unicode"))  # ElementTree escapes every text


def summary(rows: list[Row]) -> str:
    """The chart's text: how many of each outcome, e.g. `12 voted in favour, 3 abstained`."""
    counts: dict[str, int] = {}
    for row in rows:
        if row.outcome != WITHOUT_VOTE:
            counts[row.outcome] = counts.get(row.outcome, 0) + 1
    return ", ".join(_("%(what)s: %(n)s", what=_(WORDS[o]), n=n) for o, n in counts.items())


def between(rows: tuple[Row, ...]) -> str:
    """What came between two votes of a change: `adopted without a vote: 2012, 2013`."""
    years: dict[str, list[str]] = {}
    for row in rows:
        years.setdefault(row.outcome, []).append(str(row.event.date.year))
    return "; ".join(f"{_(WORDS[o])}: {', '.join(y)}" for o, y in years.items())


def cells(standings, state, groups) -> Markup:
    """A state's row of the states table: a cell per roll call, its letter and class."""
    out = []
    for _body, columns in groups:
        for event, stage in columns:
            cast = standings.cast(event, stage, state.id)
            if cast is not None:
                outcome = cast.choice
            else:
                incomplete = standings.rollcall(event, stage).status == "incomplete"
                outcome = NOT_NAMED if incomplete else NOT_MEMBER
            mark = "*" if cast is not None and cast.disputed else ""
            out.append(f'<td class="tl-v-{outcome}">{escape(letter(outcome))}{mark}</td>')
    return Markup("".join(out))


def heading(choice: str) -> str:
    return _(HEADINGS[choice])


def words(outcome: str) -> str:
    return _(WORDS[outcome])


def record_name(url: str) -> str:
    """The official record an address is: `UN Digital Library, record 700650`."""
    number = url.rstrip("/").rsplit("/", 1)[-1]
    if "digitallibrary.un.org" in url:
        return _("UN Digital Library, voting record %(n)s", n=number)
    if "searchlibrary.ohchr.org" in url:
        return _("OHCHR library, voting record %(n)s", n=number)
    return url
