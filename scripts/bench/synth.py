"""Realistic synthetic chronologies of any size, valid against the real model.

Shapes follow the real data: several sources per event, a third with votes, related links,
bodies and people from a few dozen actors, a controlled set of tags and documents; every
tenth event a vote of one of the series bodies with its 190-state roll call; and, as the real
data has, a current Korean translation of every event, actor and tag.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

LANES = ["council", "assembly", "security-council", "mechanisms", "governments"]
TYPES = ["resolution", "report", "meeting", "hearing", "appointment", "statement", "review"]
WORDS = ("commission inquiry council assembly resolution report hearing accountability rights "
         "victims testimony detention camp abduction referral sanctions review mandate expert "
         "office monitoring evidence repository session plenary committee vote consensus").split()


SERIES_BODIES = [("general-assembly", "assembly"), ("human-rights-council", "council"),
                 ("security-council", "security-council")]
STATES = [{"id": f"state-{i:03d}", "iso3": f"Q{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}",
           "name": f"State {i}", "recorded": [f"STATE {i}"]} for i in range(190)]


def _rollcall(rng: random.Random, event: dict) -> dict:
    """A recorded vote of a series body for `event`, and its roll call of every state."""
    event["bodies"] = [rng.choice(SERIES_BODIES)[0]] + event["bodies"][1:]
    names = [s["recorded"][0] for s in STATES]
    rng.shuffle(names)
    yes, no = rng.randint(60, 120), rng.randint(5, 25)
    abstain = rng.randint(10, min(50, len(names) - yes - no))
    event["vote"] = {"yes": yes, "no": no, "abstain": abstain}
    return {"event": event["id"], "status": "verified", "record": f"https://example.org/record/{event['id']}",
            "in_favour": sorted(names[:yes]), "against": sorted(names[yes:yes + no]),
            "abstaining": sorted(names[yes + no:yes + no + abstain]),
            "not_voting": sorted(names[yes + no + abstain:])}


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def synthesize(n: int, folder: Path, seed: int = 2014) -> None:
    """Write events.yaml, actors.yaml, tags.yaml, documents.yaml, states.yaml and rollcalls.yaml
    for `n` events."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(folder / "ko", ignore_errors=True)  # translations of the real data only (see translate)
    bodies = [{"id": f"body-{i}", "name": f"Body {i} {_sentence(rng, 2)[:-1]}", "short": f"B{i}",
               "kind": "body", "lane": LANES[i % len(LANES)], "description": _sentence(rng, 10),
               "url": f"https://example.org/bodies/{i}"} for i in range(24)]
    bodies += [{"id": ident, "name": ident.replace("-", " ").title(), "kind": "body", "lane": lane,
                "description": _sentence(rng, 10)} for ident, lane in SERIES_BODIES]
    people = [{"id": f"person-{i}", "name": f"Person {i}", "kind": "person",
               "description": _sentence(rng, 10)} for i in range(40)]
    tags = [{"id": f"tag-{i}", "name": f"Theme {i}", "description": _sentence(rng, 8)} for i in range(13)]
    documents = [{"symbol": f"A/HRC/RES/{i // 40 + 1}/{i % 40 + 1}", "title": _sentence(rng, 8),
                  "date": f"{2002 + i % 24}-03-{i % 28 + 1:02d}"} for i in range(max(4, n // 2))]
    events, rollcalls = [], []
    for i in range(n):
        year = 2002 + (i * 24) // max(n, 1)
        event = {
            "id": f"event-{i:05d}", "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "title": _sentence(rng, 9)[:-1], "type": rng.choice(TYPES),
            "summary": " ".join(_sentence(rng, 14) for _ in range(3)),
            "bodies": [b["id"] for b in rng.sample(bodies, rng.randint(1, 3))],
            "people": [p["id"] for p in rng.sample(people, rng.randint(0, 3))],
            "location": rng.choice(["Geneva", "New York", "Seoul", "Tokyo"]),
            "tags": [t["id"] for t in rng.sample(tags, rng.randint(1, 3))],
            "documents": [documents[(i + k) % len(documents)]["symbol"] for k in range(rng.randint(0, 2))],
            "sources": [{"title": _sentence(rng, 8)[:-1],
                         "publisher": rng.choice(["UN News", "OHCHR", "Reuters"]),
                         "url": f"https://example.org/source/{i}/{k}", "date": f"{year}"}
                        for k in range(rng.randint(1, 4))],
            "added": "2026-11-28",
        }
        if rng.random() < 0.33:
            event["vote"] = {"yes": rng.randint(20, 130), "no": rng.randint(0, 25),
                             "abstain": rng.randint(0, 60)}
        if i and rng.random() < 0.4:
            event["related"] = [f"event-{rng.randrange(i):05d}"]
        if i % 10 == 0:
            rollcalls.append(_rollcall(rng, event))
        events.append(event)
    used = {d for e in events for d in e["documents"]}
    documents = [d for d in documents if d["symbol"] in used]
    for name, key, items in (("events", "events", events), ("actors", "actors", bodies + people),
                             ("tags", "tags", tags), ("documents", "documents", documents),
                             ("states", "states", STATES), ("rollcalls", "rollcalls", rollcalls)):
        text = yaml.safe_dump({key: items}, sort_keys=False, allow_unicode=True, width=100)
        (folder / f"{name}.yaml").write_text(text, "utf-8")


KO_WORDS = ("조사위원회 인권이사회 유엔총회 결의 보고서 청문회 책임 규명 인권 피해자 증언 구금 "
            "수용소 납치 회부 제재 검토 임무 전문가 사무소 감시 증거 저장소 회기 본회의 위원회 "
            "표결 컨센서스").split()


def _korean(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(KO_WORDS) for _ in range(n)) + "."


def translate(folder: Path, seed: int = 2014) -> None:
    """Write data/ko/: a current Korean entry for every event, actor and tag of `folder`."""
    from timeline.read import read_chronology
    from timeline.translations import english_digest

    rng = random.Random(seed)
    chronology = read_chronology(folder)
    (folder / "ko").mkdir(exist_ok=True)
    files = {
        "events": [{"id": e.id, "translates": english_digest(e, "events"), "title": _korean(rng, 8)[:-1],
                    "summary": " ".join(_korean(rng, 12) for _ in range(3)),
                    **({"location": "제네바"} if e.location else {})} for e in chronology.events],
        "actors": [{"id": a.id, "translates": english_digest(a, "actors"), "name": f"기구 {i}",
                    **({"short": f"기{i}"} if a.short else {}), "description": _korean(rng, 10)}
                   for i, a in enumerate(chronology.actors.values())],
        "tags": [{"id": t.id, "translates": english_digest(t, "tags"), "name": f"주제 {i}",
                  "description": _korean(rng, 8)} for i, t in enumerate(chronology.tags.values())],
    }
    for key, items in files.items():
        text = yaml.safe_dump({key: items}, sort_keys=False, allow_unicode=True, width=100)
        (folder / "ko" / f"{key}.yaml").write_text(text, "utf-8")
