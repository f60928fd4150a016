"""Charts drawn at build time as inline SVG: the swim-lane timeline and the vote bars.

Built with ElementTree, so every title and label from the data is escaped as XML text.
Colours come from CSS classes (see docs/assets/stylesheets/extra.css), so the charts follow
the light and dark themes and print in black and white.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .dates import display_span
from .language import N_, _
from .model import LANES, Event, Vote

WIDTH, LABEL_W, TOP, LANE_H, RADIUS = 720, 150, 28, 46, 5
OFFSETS = (0, -10, 10, -20, 20)
# Above this many events the overview draws a bar per lane and year instead of a mark per
# event: at 500 the marks of a year already crowd each other, and bars do not change when
# an event is retitled, so the pages that show them need not be rebuilt then.
MARK_LIMIT = 500


def _svg(width: int, height: int, label: str, **attrs: str) -> ET.Element:
    svg = ET.Element("svg", {"xmlns": "http://www.w3.org/2000/svg",
                             "viewBox": f"0 0 {width} {height}", "aria-label": label, **attrs})
    return svg


def _text(parent: ET.Element, x: float, y: float, text: str, cls: str, **attrs: str) -> None:
    node = ET.SubElement(parent, "text", {"x": f"{x:.1f}", "y": f"{y:.1f}", "class": cls, **attrs})
    node.text = text


def _year_fraction(event: Event) -> float:
    d = event.date
    if d.precision == "year":
        return d.year + 0.5
    if d.precision == "month":
        return d.year + (d.month - 0.5) / 12
    return d.year + (d.month - 1) / 12 + (d.day - 0.5) / 365


def lane_of(event: Event, actors: dict) -> str:
    """An event sits in the lane of its first body."""
    return actors[event.bodies[0]].lane if event.bodies else "governments"


def timeline_svg(events: list[Event], actors: dict, root: str, ext: str) -> str:
    """The swim-lane overview, with one link per event placed by date in its body's lane.

    Above MARK_LIMIT events single marks would crowd each other and weigh down the page, so
    each lane shows a bar per year instead, linking to that year's page.
    """
    first, last = events[0].date.year, events[-1].date.year + 1
    height = TOP + LANE_H * len(LANES) + 8
    scale = (WIDTH - LABEL_W - 16) / (last - first)
    label = _("Events from %(first)s to %(last)s, by body; each mark is a link", first=first, last=last - 1)
    svg = _svg(WIDTH, height, label,
               role="group", **{"class": "tl-lanes"})
    for year in range(first, last + 1):
        x = LABEL_W + (year - first) * scale
        ET.SubElement(svg, "line", {"x1": f"{x:.1f}", "x2": f"{x:.1f}", "y1": str(TOP - 6),
                                    "y2": str(height - 8), "class": "tl-grid"})
        if (year - first) % 2 == 0 and year < last:
            _text(svg, x + 2, TOP - 12, str(year), "tl-year")
    for row, name in enumerate(map(_, LANES.values())):
        y = TOP + row * LANE_H
        ET.SubElement(svg, "rect", {"x": "0", "y": str(y), "width": str(WIDTH),
                                    "height": str(LANE_H), "class": f"tl-lane tl-lane-{row % 2}"})
        _text(svg, 6, y + LANE_H / 2 + 4, name, "tl-lane-name")
    if len(events) > MARK_LIMIT:
        _year_bars(svg, events, actors, first, scale, root, ext)
    else:
        _marks(svg, events, actors, first, scale, root, ext)
    return ET.tostring(svg, encoding="unicode")


def _marks(svg, events, actors, first, scale, root, ext) -> None:
    lanes = list(LANES)
    last_x = {(lane, o): -1e9 for lane in lanes for o in OFFSETS}  # events come in date order
    for event in events:
        lane = lane_of(event, actors)
        row = lanes.index(lane)
        x = LABEL_W + (_year_fraction(event) - first) * scale
        offset = next((o for o in OFFSETS if x - last_x[lane, o] > 2 * RADIUS), 0)
        last_x[lane, offset] = x
        label = f"{display_span(event.date, event.end_date)}: {event.title}"
        link = ET.SubElement(svg, "a", {"href": f"{root}events/{event.id}{ext}", "aria-label": label,
                                        "class": f"tl-mark tl-type-{event.type or 'other'}"})
        ET.SubElement(link, "title").text = label
        y = TOP + row * LANE_H + LANE_H / 2 + offset
        ET.SubElement(link, "circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": str(RADIUS)})


def _year_bars(svg, events, actors, first, scale, root, ext) -> None:
    counts: dict[tuple[str, int], int] = {}
    for event in events:
        key = (lane_of(event, actors), event.date.year)
        counts[key] = counts.get(key, 0) + 1
    peak = max(counts.values())
    lanes = list(LANES)
    for (lane, year), n in sorted(counts.items(), key=lambda kv: (kv[0][1], lanes.index(kv[0][0]))):
        row = lanes.index(lane)
        h = max(3.0, (LANE_H - 8) * n / peak)
        label = _("%(year)s, %(lane)s: %(n)s events", year=year, lane=_(LANES[lane]), n=n)
        link = ET.SubElement(svg, "a", {"href": f"{root}years/{year}{ext}", "aria-label": label,
                                        "class": "tl-mark tl-year-bar"})
        ET.SubElement(link, "title").text = label
        ET.SubElement(link, "rect", {"x": f"{LABEL_W + (year - first) * scale + 2:.1f}",
                                     "y": f"{TOP + row * LANE_H + LANE_H - 4 - h:.1f}",
                                     "width": f"{scale - 4:.1f}", "height": f"{h:.1f}"})


WORDS = {"yes": N_("%(n)s in favour"), "no": N_("%(n)s against"), "abstain": N_("%(n)s abstentions")}


def vote_phrase(vote: Vote) -> str:
    parts = [(vote.yes, "yes"), (vote.no, "no"), (vote.abstain, "abstain")]
    return ", ".join(_(WORDS[kind], n=n) for n, kind in parts if n is not None)


def vote_bar(vote: Vote) -> str:
    """A bar of in favour / against / abstentions, proportional to the counts given."""
    counts = [(vote.yes or 0, "yes"), (vote.no or 0, "no"), (vote.abstain or 0, "abstain")]
    total = sum(n for n, _ in counts) or 1
    svg = _svg(400, 28, _("Vote: %(tally)s", tally=vote_phrase(vote)), role="img", **{"class": "tl-vote"})
    x = 0.0
    for n, kind in counts:
        w = 400 * n / total
        if n:
            ET.SubElement(svg, "rect", {"x": f"{x:.1f}", "y": "0", "width": f"{w:.1f}",
                                        "height": "28", "class": f"tl-{kind}"})
            if w > 24:
                _text(svg, x + 6, 19, str(n), f"tl-count tl-count-{kind}")
        x += w
    return ET.tostring(svg, encoding="unicode")


def votes_trend(rows: list[tuple[Event, Vote]], label: str) -> str:
    """Stacked bars of recorded votes, one per vote in date order, labelled by year."""
    bar, gap, height, base = 26, 10, 190, 160
    width = max(400, 40 + len(rows) * (bar + gap))
    peak = max((v.yes or 0) + (v.no or 0) + (v.abstain or 0) for _, v in rows) or 1
    svg = _svg(width, height, label, role="img", style=f"max-width: {width}px",
               **{"class": "tl-trend"})
    for i, (event, vote) in enumerate(rows):
        x, y = 40 + i * (bar + gap), float(base)
        for n, kind in ((vote.yes, "yes"), (vote.no, "no"), (vote.abstain, "abstain")):
            h = (base - 10) * (n or 0) / peak
            y -= h
            if n:
                rect = ET.SubElement(svg, "rect", {"x": str(x), "y": f"{y:.1f}", "width": str(bar),
                                                   "height": f"{h:.1f}", "class": f"tl-{kind}"})
                ET.SubElement(rect, "title").text = f"{event.date.display()}: {_(WORDS[kind], n=n)}"
        _text(svg, x + bar / 2, base + 16, str(event.date.year), "tl-year", **{"text-anchor": "middle"})
    return ET.tostring(svg, encoding="unicode")
