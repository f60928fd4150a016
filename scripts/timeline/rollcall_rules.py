"""Rules across the roll calls, the states register and the events: every name a roll call
gives is a state of the register, no state is listed twice, a roll call belongs to one
recorded vote of an event, and a complete roll call adds up to that vote's tally (an
incomplete one does not exceed it). Every problem is reported with its place, with the
problems of the other files.
"""

from __future__ import annotations

from collections.abc import Iterator

from .explain import near
from .load import Document
from .model import Actor, Event
from .problems import Problem, show
from .rollcalls import LISTS, RollCall, State
from .validate import Checked

Finding = tuple[tuple, str]  # (where in the roll call, what is wrong)
TALLY = {"in_favour": "yes", "against": "no", "abstaining": "abstain"}  # list -> the vote's count
WORDS = {"in_favour": "in favour", "against": "against", "abstaining": "abstentions"}


def spellings(states: dict[str, State]) -> dict[str, str]:
    """Each spelling a record uses (in capitals) -> the id of its state (the first that has it)."""
    found: dict[str, str] = {}
    for state in states.values():
        for name in state.recorded:
            found.setdefault(name.upper(), state.id)
    return found


def check_states(doc: Document, checked: list[Checked], actors: dict[str, Actor],
                 problems: list[Problem]) -> None:
    seen: dict[str, str] = {}
    for entry in checked:
        state = entry.record
        actor = actors.get(state.id)
        if "id" not in entry.wrong and actor is not None and actor.lane != "governments":
            problems.append(Problem(doc.name, *doc.where((*entry.path, "id")), f"{entry.label}: id names an "
                                    f"actor that is not a government ({actor.kind}), got {show(state.id)}"))
        for j, name in enumerate(state.recorded if "recorded" not in entry.wrong else ()):
            other = seen.setdefault(name.upper(), state.id)
            if other != state.id:
                problems.append(Problem(doc.name, *doc.where((*entry.path, "recorded", j)),
                                        f"{entry.label}: recorded.{j + 1} is already a spelling of state "
                                        f"{other!r}, got {show(name)}"))


def check_rollcalls(doc: Document, checked: list[Checked], states: dict[str, State],
                    events: dict[str, Event], written_events: set[str], problems: list[Problem]) -> None:
    known = spellings(states)
    first: dict[tuple[str, str], int] = {}
    for entry in checked:
        rollcall = entry.record
        line, _ = doc.where((*entry.path, "event"))
        if not entry.wrong & {"event", "stage"}:
            ref = (rollcall.event, rollcall.stage)
            if ref in first:
                problems.append(Problem(doc.name, *doc.where((*entry.path, "stage")), f"{entry.label}: a "
                                        f"second roll call of its {rollcall.stage} (the first is at line "
                                        f"{first[ref]}), got {show(rollcall.stage)}"))
            first.setdefault(ref, line)
        for loc, what in _findings(rollcall, entry.wrong, known, events, written_events):
            problems.append(Problem(doc.name, *doc.where((*entry.path, *loc)), f"{entry.label}: {what}"))


def _findings(rollcall: RollCall, wrong: frozenset[str], known: dict[str, str], events: dict[str, Event],
              written: set[str]) -> Iterator[Finding]:
    if "event" not in wrong and rollcall.event not in written:
        yield ("event",), f"event must be the id of an event{near(rollcall.event, written)}, " \
            f"got {show(rollcall.event)}"
    listed: dict[str, str] = {}  # state id -> its list
    for choice in LISTS:
        for j, name in enumerate(getattr(rollcall, choice) if choice not in wrong else ()):
            state = known.get(name.upper())
            if state is None:
                yield ((choice, j), f"{choice}.{j + 1} must be a state's name as data/states.yaml records "
                       f"it{near(name.upper(), known)}, got {show(name)}")
            elif state in listed:
                yield (choice, j), f"{choice}.{j + 1} lists state {state!r} a second time, got {show(name)}"
            else:
                listed[state] = choice
    disputed: set[str] = set()
    for j, dispute in enumerate(rollcall.disputed if "disputed" not in wrong else ()):
        state = known.get(dispute.state.upper())
        if state in disputed:
            yield ("disputed", j, "state"), f"disputed.{j + 1}.state is disputed above already, " \
                f"got {show(dispute.state)}"
            continue
        disputed.add(state)
        if state not in listed:
            yield ("disputed", j, "state"), f"disputed.{j + 1}.state must be a state the roll call lists, " \
                f"got {show(dispute.state)}"
        elif listed[state] == dispute.other:
            yield ("disputed", j, "other"), f"disputed.{j + 1}.other must differ from the vote listed " \
                f"({listed[state]}), got {show(dispute.other)}"
    deduced = rollcall.status == "complete-by-deduction"
    if not wrong & {"status", "membership_year"} and deduced != (rollcall.membership_year is not None):
        yield (("membership_year",), "membership_year is required for complete-by-deduction (the year "
               "whose membership the list in favour is deduced from), and only for it")
    event = events.get(rollcall.event)
    if event is None or wrong & {"stage", "status", *TALLY}:
        return
    yield from _adds_up(rollcall, event)


def _adds_up(rollcall: RollCall, event: Event) -> Iterator[Finding]:
    vote = getattr(event, rollcall.stage)
    if vote is None or vote.without_vote:
        had = "was adopted without a vote" if vote else "has no such vote"
        yield ("stage",), (f"stage must be a recorded vote of event {event.id!r}, whose {rollcall.stage} "
                           f"{had}, got {show(rollcall.stage)}")
        return
    complete = rollcall.status != "incomplete"
    if complete and vote.confidence == "likely":
        yield (("status",), f"status says the list is complete, which confirms the tally that event "
               f"{event.id!r} marks likely (single source): make its {rollcall.stage} verified")
    for choice, count in TALLY.items():
        stated, names = getattr(vote, count), len(getattr(rollcall, choice))
        if stated is None and complete:
            yield ((choice,), f"{choice} cannot be checked: the event's {rollcall.stage} does not give "
                   f"the number {WORDS[choice]} (a roll call that is not incomplete must add up to it)")
        elif stated is not None and (names > stated or complete and names != stated):
            rule = "must add up to" if complete else "must not exceed"
            yield ((choice,), f"{choice} {rule} the {stated} {WORDS[choice]} in the {rollcall.stage} of "
                   f"event {event.id!r}, got {names} state{'s' if names != 1 else ''}")
