"""The roll calls in the data are those of the reference folder (no transcription drift: the
same states in each list, by id), each adds up to its event's tally, and the real data's
states register knows every spelling."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from timeline.read import read_chronology
from timeline.rollcall_rules import spellings

REFERENCE = ROOT.parent / "shared" / "reference" / "rollcalls"
# Where each reference file's vote is in the data: (event, stage).
PLACES = {
    "A-RES-60-173": ("ga-res-60-173", "vote"), "A-RES-61-174": ("ga-2006", "vote"),
    "A-RES-62-167": ("ga-2007", "vote"), "A-RES-63-190": ("ga-res-63-190", "vote"),
    "A-RES-64-175": ("ga-res-64-175", "vote"), "A-RES-65-225": ("ga-2010", "vote"),
    "A-RES-66-174": ("ga-res-66-174", "vote"), "A-RES-69-188": ("ga-res-69-188", "vote"),
    "A-RES-70-172": ("ga-2015", "vote"), "E-CN-4-RES-2003-10": ("chr-res-2003-10", "vote"),
    "E-CN-4-RES-2004-13": ("chr-res-2004-13-sr-mandate", "vote"),
    "E-CN-4-RES-2005-11": ("chr-res-2005-11", "vote"), "A-HRC-RES-7-15": ("hrc-res-7-15", "vote"),
    "A-HRC-RES-10-16": ("hrc-res-10-16", "vote"), "A-HRC-RES-13-14": ("hrc-2010", "vote"),
    "A-HRC-RES-16-8": ("hrc-2011", "vote"), "A-HRC-RES-25-25": ("hrc-res-25-25", "vote"),
    "A-HRC-RES-28-22": ("hrc-res-28-22", "vote"), "S-PV-7353": ("unsc-agenda-2014", "vote"),
    "S-PV-7575": ("unsc-2015", "vote"), "S-PV-7830": ("unsc-2016", "vote"),
    "S-PV-8130": ("unsc-2017", "vote"), "S-PV-9653": ("unsc-2024", "vote"),
    # Tallies only (no state named): the data gives the tally where it has a place for it.
    "A-C-3-69-L-28-Rev-1": ("ga-third-committee-2014-icc", "vote"),
    "A-C-3-69-L-65": ("ga-third-committee-2014-icc", None),
}
# The reference folder sits beside the repository, where the project's CI has it; a checkout
# without it (a fork's CI) says so rather than failing on a file it cannot have.
pytestmark = pytest.mark.skipif(not REFERENCE.is_dir(),
                                reason=f"reference roll calls not found at {REFERENCE}")
STATUS = {"VERIFIED": "verified", "ONE SOURCE": "one-source",
          "COMPLETE BY DEDUCTION": "complete-by-deduction"}


@pytest.fixture(scope="module")
def chronology():
    return read_chronology(ROOT / "data")


def _reference() -> list[Path]:
    return sorted(REFERENCE.glob("*.yaml"))


def test_every_reference_file_has_its_place():
    assert {p.stem for p in _reference()} == set(PLACES)


@pytest.mark.parametrize("name", sorted(PLACES))
def test_the_data_holds_each_reference_roll_call_state_by_state(chronology, name: str):
    ref = yaml.safe_load((REFERENCE / f"{name}.yaml").read_text("utf-8"))
    event_id, stage = PLACES[name]
    event = chronology.event_ids[event_id]
    tally = ref["tally_stated"]
    if ref["status"] == "INCOMPLETE":  # a tally only: in the vote, or said in its note
        assert not any(ref[k] for k in ("yes", "no", "abstain"))
        assert not [r for r in chronology.rollcalls if r.event == event_id and r.stage == stage]
        if stage:
            vote = getattr(event, stage)
            assert (vote.yes, vote.no, vote.abstain) == (tally["yes"], tally["no"], tally["abstain"])
        else:
            said = f"{tally['yes']} in favour, {tally['no']} against and {tally['abstain']} abstentions"
            assert said in event.vote.note
        return
    (rollcall,) = [r for r in chronology.rollcalls if r.event == event_id and r.stage == stage]
    ids = spellings(chronology.states)
    by_id = {choice: sorted(ids[n.upper()] for n in getattr(rollcall, choice))
             for choice in ("in_favour", "against", "abstaining", "not_voting")}
    in_favour = ref.get("yes_deduced") or ref["yes"]
    expected = {"in_favour": in_favour, "against": ref["no"], "abstaining": ref["abstain"],
                "not_voting": ref.get("absent") or []}
    assert by_id == {k: sorted(ids[n.upper()] for n in v) for k, v in expected.items()}
    assert rollcall.status == STATUS[ref["status"]]
    vote = getattr(event, stage)
    assert (vote.yes, vote.no, vote.abstain) == (tally["yes"], tally["no"], tally["abstain"])
    assert (rollcall.membership_year is not None) == ("membership" in ref)
    if rollcall.record:  # the official record the file names
        assert rollcall.record in [s["url"] for s in ref["sources"]]


def test_the_disputed_votes_are_marked(chronology):
    disputed = {(r.event, d.state) for r in chronology.rollcalls for d in r.disputed}
    assert disputed == {("ga-2007", "SOUTH AFRICA"), ("ga-res-64-175", "FIJI")}


def test_every_state_has_a_name_and_the_actor_states_keep_their_ids(chronology):
    assert 190 <= len(chronology.states) <= 200
    for ident in ("japan", "china", "russia", "cuba", "republic-of-korea", "dprk", "united-states"):
        assert ident in chronology.states and chronology.actors[ident].lane == "governments"
    assert chronology.states["serbia-and-montenegro"].iso3 is None  # a historic name, no code
    assert chronology.states["eswatini"].recorded == ["SWAZILAND"]
