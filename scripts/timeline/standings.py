"""How each state stood, read from the roll calls: the lists of one event's vote, one state's
record across every decision of the bodies that vote on the DPRK, and the years its vote
changed. What the state pages, the states table and the exports show.

    standings = Standings(chronology)
    standings.of_event(event)          # [(stage, roll call, {choice: [Cast]})]
    standings.record("japan")          # [Row], in time order
    standings.changes("japan")         # [Change]

Nothing is inferred: a state absent from a complete roll call of a body was not a member of
it then; absent from an incomplete one, it is "not named in the sources read"; a decision
adopted without a vote records no state's vote, and a European Union sponsorship is not a
sponsorship of its member states.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .chronology import Chronology
from .dates import PartialDate
from .model import Event
from .parts import Position, Record
from .rollcall_rules import spellings
from .rollcalls import LISTS, Dispute, RollCall, State

# The bodies whose decisions on the DPRK make a state's record, in the order pages show them
# (with any other whose vote has a roll call).
SERIES = ("commission-on-human-rights", "human-rights-council", "general-assembly", "security-council")
VOTED = ("in_favour", "against", "abstaining")
# What a row says when the state cast no vote in it.
NOT_MEMBER, NOT_NAMED, WITHOUT_VOTE = "not-member", "not-named", "without-vote"


@dataclass(frozen=True)
class Cast:
    """One state's place in one roll call."""

    state: State
    choice: str  # one of LISTS
    recorded: str  # the name as the record spells it
    disputed: Dispute | None = None
    deduced: bool = False  # in favour, deduced from the body's membership


@dataclass(frozen=True)
class Row:
    """One decision in a state's record: its vote, or why it has none."""

    event: Event
    body: str
    outcome: str  # a choice of LISTS, or NOT_MEMBER, NOT_NAMED, WITHOUT_VOTE
    rollcall: RollCall | None = None
    cast: Cast | None = None

    @property
    def counts(self) -> bool:
        """Whether the row is a vote that a change can be read from."""
        return self.outcome in VOTED and self.cast is not None and self.cast.disputed is None


@dataclass(frozen=True)
class Change:
    """A state's vote moving between two consecutive recorded votes of one body it took part in."""

    body: str
    before: Row
    after: Row
    between: tuple[Row, ...]  # decisions between them: adopted without a vote, or not a member


class Decision(Record):
    """What a state's record shows of a decision: not its title or text, so that editing
    those renders its event's own pages, not every state's (see pages.py: `shows`)."""

    id: str
    date: PartialDate
    end_date: PartialDate | None
    body: str
    symbol: str | None
    without_vote: bool
    positions: tuple[Position, ...]


def body_of(event: Event) -> str:
    """The body that took the decision: the event's first."""
    return event.bodies[0] if event.bodies else ""


class Standings:
    def __init__(self, chronology: Chronology):
        self.states = chronology.states
        names = spellings(chronology.states)
        self._by_event = {(r.event, r.stage): r for r in chronology.rollcalls}
        self._casts: dict[tuple[str, str], dict[str, Cast]] = {}
        for rollcall in chronology.rollcalls:
            disputes = {names[d.state.upper()]: d for d in rollcall.disputed}
            deduced = rollcall.status == "complete-by-deduction"
            casts = {}
            for choice, name in rollcall.listed():
                ref = names[name.upper()]
                casts[ref] = Cast(self.states[ref], choice, name, disputes.get(ref),
                                  deduced and choice == "in_favour")
            self._casts[(rollcall.event, rollcall.stage)] = casts
        # Every decision of the series bodies with a plenary vote, in reading order.
        self.decisions = [e for e in chronology.events if e.vote is not None and
                          (body_of(e) in SERIES or (e.id, "vote") in self._by_event)]
        self.rollcalls = [(e, self._by_event[(e.id, stage)]) for e in chronology.events
                          for stage in ("committee_vote", "vote") if (e.id, stage) in self._by_event]

    @functools.cached_property
    def shown(self) -> tuple[Decision, ...]:
        """Every decision as the state pages and the states table show it."""
        return tuple(Decision(id=e.id, date=e.date, end_date=e.end_date, body=body_of(e),
                              symbol=e.documents[0] if e.documents else None,
                              without_vote=e.vote.without_vote, positions=tuple(e.positions))
                     for e in self.decisions)

    def rollcall(self, event: Event, stage: str = "vote") -> RollCall | None:
        return self._by_event.get((event.id, stage))

    def of_event(self, event: Event, order) -> list[tuple[str, RollCall, dict[str, list[Cast]]]]:
        """The roll calls of an event's votes, each as its lists of casts sorted by `order`."""
        found = []
        for stage in ("committee_vote", "vote"):
            rollcall = self._by_event.get((event.id, stage))
            if rollcall is not None:
                casts = self._casts[(event.id, stage)].values()
                groups = {c: sorted((x for x in casts if x.choice == c), key=lambda x: order(x.state))
                          for c in LISTS}
                found.append((stage, rollcall, groups))
        return found

    def cast(self, event: Event, stage: str, state: str) -> Cast | None:
        return self._casts.get((event.id, stage), {}).get(state)

    @functools.cache  # noqa: B019 (one Standings per site: kept as long as the site)
    def record(self, state: str) -> tuple[Row, ...]:
        """Every decision of the series bodies in time order, with this state's vote in it, from
        the first roll call it is named in: decisions before that say nothing of it."""
        rows = []
        for event in self.decisions:
            body = body_of(event)
            rollcall = self._by_event.get((event.id, "vote"))
            if rollcall is None:
                outcome = WITHOUT_VOTE if event.vote.without_vote else NOT_NAMED
                rows.append(Row(event, body, outcome))
                continue
            cast = self._casts[(event.id, "vote")].get(state)
            if cast is not None:
                rows.append(Row(event, body, cast.choice, rollcall, cast))
            else:
                gap = NOT_NAMED if rollcall.status == "incomplete" else NOT_MEMBER
                rows.append(Row(event, body, gap, rollcall))
        first = next((i for i, r in enumerate(rows) if r.cast), len(rows))
        return tuple(rows[first:])

    def votes(self, state: str) -> list[Row]:
        return [r for r in self.record(state) if r.cast is not None]

    @functools.cache  # noqa: B019 (one Standings per site: kept as long as the site)
    def changes(self, state: str) -> tuple[Change, ...]:
        """Each move between two consecutive recorded votes of one body that the state took part
        in (voted in favour, against or abstained), with the decisions between them shown. A
        disputed vote is never one end of a change: it stands between the votes either side."""
        found = []
        for body in dict.fromkeys(r.body for r in self.record(state)):
            rows = [r for r in self.record(state) if r.body == body]
            voted = [i for i, r in enumerate(rows) if r.counts]
            for a, b in zip(voted, voted[1:], strict=False):
                before, after = rows[a], rows[b]
                if before.outcome != after.outcome:
                    found.append(Change(body, before, after, tuple(rows[a + 1:b])))
        return tuple(sorted(found, key=lambda c: (c.after.event.date, c.body)))

    def columns(self) -> list[tuple[Event, str]]:
        """Every roll call of the series bodies, as (event, stage), in time order."""
        return [(e, stage) for e in self.decisions for stage in ("vote",) if (e.id, stage) in self._by_event]

    def who_changed(self, states: list[State], year: int | None = None) -> list[tuple[State, tuple]]:
        """Each state whose vote changed (in `year`, by its later vote), with those changes."""
        if year is None:
            return [(state, changes) for state in states if (changes := self.changes(state.id))]
        changed = self._changes_by_year().get(year, {})
        return [(state, changed[state.id]) for state in states if state.id in changed]

    @functools.cache  # noqa: B019 (one Standings per site: kept as long as the site)
    def _changes_by_year(self) -> dict[int, dict[str, tuple[Change, ...]]]:
        """Every state's changes, by the year of the later vote: each year's page asks."""
        years: dict[int, dict[str, list[Change]]] = {}
        for state in self.states:
            for change in self.changes(state):
                years.setdefault(change.after.event.date.year, {}).setdefault(state, []).append(change)
        return {year: {state: tuple(c) for state, c in found.items()} for year, found in years.items()}

    def states_in_use(self) -> list[State]:
        used = {s for casts in self._casts.values() for s in casts}
        return [s for s in self.states.values() if s.id in used]
