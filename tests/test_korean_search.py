"""The Korean edition's search rule (docs/assets/javascripts/korean-search.js), run under node:
a query's Korean word loses its particle only where what remains is a word of the index, of
two syllables or more, and the whole word takes no particle of its own. (What a reader sees
in the browser is in test_browser.py.)"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess

import pytest

from conftest import ROOT

SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "korean-search.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

# An index that holds the bare words, some with particles, and one-syllable words (국, 회,
# 인, 오, 통) that a name would fall back to if cut.
DOCS = [
    {"location": "events/coi-report/", "title": "유엔 북한인권조사위원회 보고서",
     "text": "<p>조사위원회는 <code>조사위원회</code>의 보고서를 냈다. 안보리, 안보리는. "
             "북한 북한에서, 북한에는.</p>"},
    {"location": "states/", "title": "국가",
     "text": "<p>국가의 표. 인도, 인도의 결의. 오만 통가 파라과이. 국, 회, 인, 오, 통.</p>"},
    {"location": "about/", "title": "회의",
     "text": "<p>회의는 회의에서. 전문 전문가 전문가의. 유엔총회 결의. COI보고서 A/HRC/25/63</p>"
             "<p>인권이사회의 인권이사회에서. 니카라과 니카라과의.</p>"},
]

PARTICLES = [
    ("조사위원회는", "조사위원회"),
    ("안보리에서", "안보리"),
    ("유엔총회에서도", "유엔총회"),  # the longest ending first
    ("결의를", "결의"),
    ("보고서를", "보고서"),  # 보고서 is in a title only
    ("북한에", "북한"),  # 북한에는 is 북한 with 에는, not a word 북한에 with 는
    ("조사위원회는 안보리에서", "조사위원회 안보리"),
    ("+안보리에서 -결의를 조사위원회는*", "+안보리 -결의 조사위원회*"),  # the theme's operators kept
]
WHOLE = [
    "국가", "회의", "인도", "오만", "통가",  # one syllable would remain, though 국, 회 ... are words
    "파라과이",  # 파라과 is no word of the index
    "전문가",  # the index has 전문가의: a word of its own, not 전문 with 가
    "결의", "조사위원회", "책임규명을",  # no ending; no bare word in the index
    # A stem seen only with particles is not taken for a word: 니카라과의 would make 니카라 one.
    "인권이사회는", "니카라과",
    "COI보고서는", "A/HRC/25/63에서", "Kirby's", "",  # joined to Latin letters or digits; not Korean
]


@functools.cache
def _node(program: str) -> object:
    """What `program`, run under node with the script as `ks`, prints (as JSON)."""
    program = f"const ks = require({json.dumps(str(SCRIPT))});" + program
    result = subprocess.run([NODE, "-e", program], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _searched(query: str) -> str:
    """What is searched for `query`: every case is run in one go, the first time."""
    every = [q for q, _ in PARTICLES] + WHOLE
    dump = functools.partial(json.dumps, ensure_ascii=False)
    out = _node(f"const words = ks.learn({dump(DOCS)});"
                f"console.log(JSON.stringify({dump(every)}.map(q => ks.rewrite(q, words))));")
    return dict(zip(every, out, strict=True))[query]


@pytest.mark.parametrize(("query", "searched"), PARTICLES)
def test_a_particle_comes_off_where_the_bare_word_is_in_the_index(query, searched):
    assert _searched(query) == searched


@pytest.mark.parametrize("query", WHOLE)
def test_names_and_words_that_end_like_a_particle_stay_whole(query):
    assert _searched(query) == query


def test_the_endings_are_tried_longest_first_and_include_the_common_particles():
    endings = _node("console.log(JSON.stringify(ks.ENDINGS));")
    assert [len(e) for e in endings] == sorted((len(e) for e in endings), reverse=True)
    assert len(set(endings)) == len(endings)
    common = "은 는 이 가 을 를 의 에 에서 으로 로 와 과 도 만 에게 까지 부터 처럼 보다"
    assert set(common.split()) <= set(endings)
