"""How pages say a state's vote: its words, the letter the tables and the chart use, and the
one-line chart of a state's record (inline SVG, drawn with ElementTree so every text is
escaped; colours from CSS classes, letters so it reads without colour).
"""

from __future__ import annotations

import functools

from markupsafe import Markup, escape

from .dates import display_span
from .language import N_, _, current
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


# Marks beside a letter or a year, so what rests on less than a recorded, checked list shows.
MARKS = {"*": N_("disputed: another compilation records a different vote"),
         "†": N_("deduced from the body's membership that year"),
         "¹": N_("single source: the list rests on one source")}


def marks() -> list[tuple[str, str]]:
    return [(mark, _(words)) for mark, words in MARKS.items()]


def single_source(row: Row) -> str:
    """`¹` for a vote read from a list that rests on one source."""
    return "¹" if row.rollcall is not None and row.rollcall.status == "one-source" else ""


def record_svg(site, rows: list[Row], label: str) -> Markup:
    """A square per roll call of the record, in time order, with its letter and a tooltip.
    Written as text (every value escaped): a state page has one, and there are hundreds, so
    what every state's chart repeats (a vote's date and words) is escaped once per edition."""
    rows = [r for r in rows if r.outcome != WITHOUT_VOTE]
    width = max(CELL, len(rows) * (CELL + GAP))
    parts = site.ballot_parts
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {CELL + 14}" role="img" '
           f'aria-label="{escape(label)}" class="tl-record" style="max-width: {width}px">']
    for i, row in enumerate(rows):
        x, o = i * (CELL + GAP), row.outcome
        key = ("svg", row.event.id, o)
        square = parts.get(key)
        if square is None:
            title = f'<title>{escape(row.event.date.display())}: {escape(_(WORDS[o]))}</title>'
            square = parts[key] = (title, escape(letter(o)), f"{row.event.date.year % 100:02d}")
        title, mark, year = square
        out.append(f'<g class="tl-v-{o}">{title}<rect x="{x}" y="0" width="{CELL}" height="{CELL}" />'
                   f'<text x="{x + CELL / 2}" y="15" text-anchor="middle">{mark}</text></g>'
                   f'<text x="{x + CELL / 2}" y="{CELL + 12}" text-anchor="middle" '
                   f'class="tl-year">{year}</text>')
    return Markup("".join(out) + "</svg>")


TALLY = {"in_favour": "yes", "against": "no", "abstaining": "abstain"}


def rollcall_items(groups: dict, vote, rollcall, up: str, ext: str) -> Markup:
    """An event's roll call: a list item per vote, its count and its states, each linked."""
    out = []
    for choice in ("in_favour", "against", "abstaining", "not_voting"):
        named = groups[choice]
        stated = getattr(vote, TALLY[choice]) if choice in TALLY else None
        if not named and not stated:
            continue
        if stated is not None:
            count = str(stated)
        else:
            count = str(len(named)) if rollcall.status != "incomplete" else _("%(n)s named", n=len(named))
        states = []
        for cast in named:
            link = f'<a href="{up}states/{cast.state.id}{ext}">{escape(cast.state.name)}</a>'
            if cast.disputed:
                said = _("disputed: %(source)s records that it %(vote)s", source=cast.disputed.according_to,
                         vote=_(WORDS[cast.disputed.other]))
                link += f" ({escape(said)})"
            states.append(link)
        unnamed = ""
        if stated is not None and stated > len(named):
            unnamed = ("; " if named else "") + str(escape(_("%(n)s not named in the sources read",
                                                             n=stated - len(named))))
        out.append(f"<li><strong>{escape(heading(choice))} ({escape(count)})</strong>: "
                   f"{', '.join(states)}{unnamed}</li>")
    return Markup("\n".join(out))


def _change(site, c, after_body: str) -> str:
    """One change of vote as text: `UNGA` + `after_body` + `abstained (2005) → voted in favour
    (2006)`, with what came between them."""
    text = (f"{site.short_name(c.body)}{after_body}{_(WORDS[c.before.outcome])} ({c.before.event.date.year}"
            f"{single_source(c.before)}) → {_(WORDS[c.after.outcome])} ({c.after.event.date.year}"
            f"{single_source(c.after)})")
    if c.between:
        text += f" ({_('between them: %(what)s', what=between(c.between))})"
    return text


def changes_text(site, changes: list) -> Markup:
    """A state's changes of vote in one line: `UNGA abstained (2005) → voted in favour (2006); …`."""
    return Markup("; ".join(str(escape(_change(site, c, " "))) for c in changes))


def record_rows(site, state, rows: list[Row], up: str, ext: str, positions: dict) -> Markup:
    """The rows of a state page's record table, every value escaped. A row's date, body and
    link, and a vote's cell, are the same on every state's page: made once per edition."""
    parts = site.ballot_parts
    deduced = escape(_("deduced from the body's membership that year"))
    one_source = escape(_("single source"))
    out = []
    for r in rows:
        head = parts.get(("row", r.event.id, r.body, up, ext))
        if head is None:
            symbol = escape(r.event.documents[0]) if r.event.documents else escape(_("symbol not confirmed"))
            head = parts[("row", r.event.id, r.body, up, ext)] = (
                f'<tr><td>{escape(display_span(r.event.date, r.event.end_date))}</td>'
                f'<td>{escape(site.short_name(r.body))}</td><td><a href="{up}events/{r.event.id}{ext}">'
                f'{symbol}</a></td>')
        cell = parts.get(("cell", r.outcome))
        if cell is None:
            mark = escape(letter(r.outcome) if r.outcome != WITHOUT_VOTE else "")
            cell = parts[("cell", r.outcome)] = (
                f'<td><span class="tl-cell tl-v-{r.outcome}">{mark}</span> {escape(_(WORDS[r.outcome]))}')
        notes = []
        if r.cast and r.cast.deduced:
            notes.append(f" ({deduced})")
        if r.cast and r.cast.disputed:
            said = _("disputed: %(source)s records that it %(vote)s", source=r.cast.disputed.according_to,
                     vote=_(WORDS[r.cast.disputed.other]))
            notes.append(f" ({escape(said)})")
        if r.cast and r.rollcall.status == "one-source":
            notes.append(f" · <strong>{one_source}</strong>")
        for p in r.event.positions:
            if p.state == state.id:
                notes.append(f"; {escape(positions[p.position])}")
                if p.confidence == "likely":
                    said = _("according to %(source)s; single source", source=p.according_to)
                    notes.append(f" ({escape(said)})")
        out.append(f'{head}{cell}{"".join(notes)}</td></tr>')
    return Markup("\n".join(out))


def change_items(site, changes: list) -> Markup:
    """A state page's changes of vote, a list item each: `UNGA: abstained (2005) → voted in
    favour (2006)`, with what came between them."""
    return Markup("\n".join(f"<li>{escape(_change(site, c, ': '))}</li>" for c in changes))


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
        disputed = row.cast is not None and row.cast.disputed is not None
        years.setdefault(_("a disputed vote") if disputed else _(WORDS[row.outcome]), []).append(
            str(row.event.date.year))
    return "; ".join(f"{what}: {', '.join(y)}" for what, y in years.items())


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
            mark = "" if cast is None else "*" if cast.disputed else "†" if cast.deduced else ""
            out.append(_cell(current().code, outcome, mark))
    return Markup("".join(out))


@functools.cache
def _cell(lang: str, outcome: str, mark: str) -> str:
    """A cell of the states table (the same for every state that voted so): `lang` keys it."""
    return f'<td class="tl-v-{outcome}">{escape(letter(outcome))}{mark}</td>'


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
