"""What a reader sees, in a real browser (the system's Chromium, driven by Playwright):
search, the visual timeline, the filter, the theme toggle, phones, keyboard, the offline
copy, and axe-core's accessibility rules on every page type. Screenshots are written to
test-results/screenshots/ for review.

Without /usr/bin/chromium (or node_modules/axe-core) these tests are skipped, and pytest
says so in its summary.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import ROOT, build, copy_project, mkdocs, run
from timeline.read import read_chronology

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "test-results" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PAGE_TYPES = {"home": "", "timeline": "timeline/", "event": "events/coi-report/",
              "body": "bodies/security-council/", "person": "people/michael-kirby/",
              "tag": "tags/icc-referral/", "type": "types/resolution/", "year": "years/2014/",
              "documents": "documents/", "data": "data/", "votes": "votes/",
              "states": "states/", "state": "states/republic-of-korea/", "corrections": "corrections/",
              "add an event": "add-an-event/", "sources and method": "sources-and-method/"}
# Every page type in both editions: the Korean one at the same path under ko/.
EDITION_PAGES = {**PAGE_TYPES, **{f"ko {name}": "ko/" + path for name, path in PAGE_TYPES.items()}}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="browser tests skipped: /usr/bin/chromium "
                       "is not installed (apt-get install chromium)"),
]
playwright = pytest.importorskip("playwright.sync_api")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("browser") / "project")
    assert build(project).returncode == 0
    for args in (("build", "--strict"), ("build", "--strict", "-f", "ko/mkdocs.yml")):  # as make build
        result = mkdocs(project, *args)
        assert result.returncode == 0, result.stderr
    handler = functools.partial(QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield project, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    offsite = []
    tab.on("request", lambda r: offsite.append(r.url)
           if not r.url.startswith(("http://127.0.0.1", "file://", "data:", "blob:")) else None)
    yield tab
    context.close()
    assert offsite == [], f"requests to other hosts: {offsite}"


def test_search_finds_an_event_by_a_word_of_its_summary(site, page):
    _, url = site
    page.goto(url)
    page.keyboard.press("/")
    page.keyboard.type("Arria")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=20_000)
    titles = " ".join(results.all_inner_texts())
    assert "Arria-formula meeting" in titles


def test_korean_search_finds_the_commission_of_inquiry_by_its_korean_name(site, page):
    _, url = site
    page.goto(url + "ko/")
    page.keyboard.press("/")
    page.keyboard.type("조사위원회")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=20_000)
    titles = " ".join(results.all_inner_texts())
    assert "유엔 북한인권조사위원회 보고서" in titles
    assert page.locator("html").get_attribute("lang") == "ko"


# Korean words of the site with a particle or an ending, and the bare word (korean-search.js).
WITH_PARTICLES = {"조사위원회는": "조사위원회", "안보리에서": "안보리", "인권이사회의": "인권이사회",
                  "유엔총회는": "유엔총회", "결의를": "결의", "특별보고관이": "특별보고관", "북한에": "북한",
                  "공동제안국으로": "공동제안국", "보고서를": "보고서", "표결에서": "표결",
                  "안전보장이사회의": "안전보장이사회", "컨센서스로": "컨센서스",
                  "반인도범죄가": "반인도범죄", "인권최고대표사무소의": "인권최고대표사무소",
                  "유엔총회에서도": "유엔총회"}
# Names and words that end like a particle: searched as they are, script or none.
WHOLE_WORDS = ["인도", "오만", "파라과이", "통가", "국가", "회의", "전문가"]
# The search box's results, every one: the theme lists ten, then four more each time the end
# of the list comes into view. Returns the address of each result's page, in order.
SEARCH = """async (query) => {
    const input = document.querySelector('[data-md-component=search-query]');
    const meta = document.querySelector('.md-search-result__meta');
    const list = document.querySelector('.md-search-result__list');
    const scroller = document.querySelector('.md-search__scrollwrap');
    const config = JSON.parse(document.getElementById('__config').textContent);
    const placeholder = config.translations['search.result.placeholder'];
    const pause = () => new Promise(go => requestAnimationFrame(() => setTimeout(go, 0)));
    const until = async (done, what) => {
        for (let i = 0; i < 800 && !done(); i++) await new Promise(go => setTimeout(go, 25));
        if (!done()) throw new Error(`${what}: ${meta.textContent}`);
    };
    const ask = value => {
        input.value = value;
        input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
    };
    ask('');
    await until(() => meta.textContent.trim() === placeholder && !list.children.length, 'cleared');
    ask(query);
    await until(() => meta.textContent.trim() !== placeholder, 'no results for ' + query);
    const total = Number(meta.textContent.replace(/[^0-9]/g, ''));
    for (let still = 0; list.children.length < total && still < 100;) {
        const before = list.children.length;
        scroller.scrollTop = 0;
        await pause();
        scroller.scrollTop = scroller.scrollHeight;
        await pause();
        still = list.children.length === before ? still + 1 : 0;
    }
    const found = [...list.querySelectorAll('.md-search-result__item')]  // its first link: the page
        .map(item => new URL(item.querySelector('a').href).pathname);
    if (found.length !== total) throw new Error(`${query}: ${found.length} of ${meta.textContent}`);
    return found;
}"""


def _korean_search(browser, url, script=True):
    """A Korean page with its search open and ready, with korean-search.js or without it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    if not script:
        tab.route("**/korean-search.js", lambda route: route.abort())
    tab.goto(url + "ko/")
    _open_search(tab)
    return context, tab


def _open_search(tab):
    """Open the search box and wait until its index is ready (it asks for a query)."""
    tab.keyboard.press("/")
    tab.wait_for_function("""() => document.querySelector('.md-search-result__meta').textContent.trim()
        === JSON.parse(document.getElementById('__config').textContent)
            .translations['search.result.placeholder']""", timeout=20_000)


def test_a_korean_word_with_a_particle_finds_what_the_bare_word_finds(site, browser):
    _, url = site
    context, tab = _korean_search(browser, url)
    found = {query: tab.evaluate(SEARCH, query) for query in [*WITH_PARTICLES, *WITH_PARTICLES.values()]}
    context.close()
    different = {query: (len(found[query]), bare, len(found[bare])) for query, bare in WITH_PARTICLES.items()
                 if found[query] != found[bare]}
    assert different == {}
    assert all(found[bare] for bare in WITH_PARTICLES.values())


def test_names_stay_whole_and_search_works_without_the_korean_script(site, browser):
    _, url = site
    queries = [*WHOLE_WORDS, "조사위원회는", "조사위원회"]
    found = {}
    for script in (True, False):
        context, tab = _korean_search(browser, url, script)
        found[script] = {query: tab.evaluate(SEARCH, query) for query in queries}
        context.close()
    assert {q: found[True][q] for q in WHOLE_WORDS} == {q: found[False][q] for q in WHOLE_WORDS}
    assert all(found[True][q] for q in WHOLE_WORDS)
    # Without the script, search is the theme's: a word with a particle finds only itself.
    assert 0 < len(found[False]["조사위원회는"]) < len(found[False]["조사위원회"])


@pytest.mark.parametrize("narrow", [False, True], ids=["desktop", "phone"])
def test_the_language_switcher_goes_to_the_same_event_in_the_other_language(site, browser, narrow):
    _, url = site
    size = {"width": 360, "height": 740} if narrow else {"width": 1280, "height": 900}
    context = browser.new_context(viewport=size)
    tab = context.new_page()
    tab.goto(url + "events/coi-report/")
    for lang, path, heading in (("ko", "ko/events/coi-report/", "유엔 북한인권조사위원회 보고서"),
                                ("en", "events/coi-report/", "Commission of Inquiry report finds")):
        tab.locator(".md-header .md-select button").click()
        tab.locator(f".md-select__link[hreflang={lang}]").click()
        tab.wait_for_url(url + path)
        assert tab.locator("html").get_attribute("lang") == lang
        assert tab.locator("h1").inner_text().startswith(heading)
    context.close()


def test_the_korean_timeline_filter_counts_in_korean(site, page):
    project, url = site
    total = len(read_chronology(project / "data").events)
    page.goto(url + "ko/timeline/")
    assert page.locator("#tl-count").inner_text() == f"사건 {total}건 중 {total}건 표시"


def test_a_click_on_a_timeline_mark_opens_its_event(site, page):
    _, url = site
    page.goto(url + "timeline/")
    page.locator("a.tl-mark[href$='events/coi-report/']").click()
    page.wait_for_url("**/events/coi-report/")
    assert page.locator("h1").inner_text().startswith("Commission of Inquiry report finds")


def test_the_timeline_filter_narrows_the_list_and_its_count(site, page):
    project, url = site
    events = read_chronology(project / "data").events
    expected = [e for e in events if "security-council" in e.bodies]
    page.goto(url + "timeline/")
    count = page.locator("#tl-count")
    assert count.inner_text() == f"Showing {len(events)} of {len(events)} events"
    page.select_option("select[name=body]", "security-council")
    assert count.inner_text() == f"Showing {len(expected)} of {len(events)} events"
    visible = page.locator(".md-content li:visible a[href*='events/']")
    assert visible.count() == len(expected)
    page.select_option("select[name=year]", "2014")
    in_2014 = [e for e in expected if e.date.year == 2014]
    assert count.inner_text() == f"Showing {len(in_2014)} of {len(events)} events"
    page.click("#tl-filter button[type=reset]")
    page.wait_for_function("document.getElementById('tl-count').textContent.startsWith('Showing "
                           f"{len(events)} ')")


def test_the_dark_light_toggle_switches_the_scheme(site, page):
    _, url = site
    page.emulate_media(color_scheme="light")
    page.goto(url)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    seen = [page.evaluate(scheme)]
    for _ in range(3):  # automatic -> light -> dark -> automatic
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_timeout(100)
        seen.append(page.evaluate(scheme))
    assert seen[0] == "default" and "slate" in seen
    page.reload()
    assert page.evaluate(scheme) == seen[-1]  # the choice is remembered


@pytest.mark.parametrize("name", sorted(EDITION_PAGES))
def test_no_page_scrolls_sideways_at_360_pixels(site, browser, name):
    _, url = site
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    tab = context.new_page()
    tab.goto(url + EDITION_PAGES[name])
    width = tab.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert width[0] <= width[1], f"{name}: {width[0]}px of content in a {width[1]}px window"


def test_keyboard_alone_reaches_every_timeline_link_with_a_visible_focus(site, page):
    project, url = site
    events = {e.id for e in read_chronology(project / "data").events}
    page.goto(url + "timeline/")
    reached_marks, reached_links = set(), set()
    for _ in range(1200):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => {
            const el = document.activeElement;
            const href = el.getAttribute('href') || '';
            const mark = el.classList.contains('tl-mark');
            const target = mark ? el.querySelector('circle') : el;
            const style = getComputedStyle(target);
            const visible = mark ? style.strokeWidth === '3px'
                                 : style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
            return {href, mark, visible};
        }""")
        found = info["href"].split("events/")[-1].strip("/") if "events/" in info["href"] else None
        if found in events:
            assert info["visible"], f"no visible focus on {info['href']}"
            (reached_marks if info["mark"] else reached_links).add(found)
        if reached_links == events and reached_marks == events:
            break
    assert reached_marks == events and reached_links == events


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed: run npm ci")
@pytest.mark.parametrize("name", sorted(EDITION_PAGES))
def test_axe_finds_no_wcag_violations(site, page, name):
    _, url = site
    page.goto(url + EDITION_PAGES[name])
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async () => {
        const result = await axe.run(document, {runOnly: {type: 'tag', values:
            ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']}});
        return result.violations.map(v => v.id + ': ' +
            v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '));
    }""")
    assert violations == [], name
    description = page.locator("meta[name=description]").get_attribute("content")
    # Hangul says in a syllable what English says in two or three letters.
    assert description and len(description) > (15 if name.startswith("ko ") else 30)


@pytest.mark.parametrize("name", ["home", "timeline", "event", "ko home", "ko timeline", "ko event"])
@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_for_review(site, browser, name, width, scheme):
    _, url = site
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(url + EDITION_PAGES[name])
    SHOTS.mkdir(parents=True, exist_ok=True)
    target = SHOTS / f"{name.replace(' ', '-')}-{width}px-{scheme}.png"
    tab.screenshot(path=str(target), full_page=True)
    context.close()
    assert target.stat().st_size > 10_000


def test_the_offline_copy_works_from_disk(site, browser, tmp_path):
    project, _ = site
    target = tmp_path / "offline.zip"
    result = run([sys.executable, str(project / "scripts" / "offline.py"), "--zip", str(target)], cwd=project)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(target) as archive:
        archive.extractall(tmp_path)
    index = tmp_path / "nk-human-rights-timeline" / "index.html"
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(index.as_uri())
    assert tab.locator("h1").inner_text().replace("¶", "").strip() == "North Korea Human Rights Timeline"
    tab.keyboard.press("/")
    tab.keyboard.type("Kirby")
    results = tab.locator(".md-search-result__item")
    results.first.wait_for(timeout=20_000)
    assert results.count() > 0
    tab.goto((index.parent / "ko" / "index.html").as_uri())  # the Korean search, from disk too
    _open_search(tab)
    assert tab.evaluate(SEARCH, "조사위원회는") == tab.evaluate(SEARCH, "조사위원회")
    context.close()
    shutil.rmtree(tmp_path / "nk-human-rights-timeline")


def test_the_state_column_stays_in_view_while_the_states_table_scrolls(site, browser):
    _, url = site
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    tab.goto(url + "states/")
    wrap = tab.locator(".tl-table-wrap").first
    state = tab.locator(".tl-states tbody th").first
    cell = tab.locator(".tl-states tbody td").first
    before = (state.bounding_box()["x"], cell.bounding_box()["x"])
    wrap.evaluate("el => { el.scrollLeft = 400; }")
    after = (state.bounding_box()["x"], cell.bounding_box()["x"])
    context.close()
    assert after[1] < before[1] - 100  # the votes moved ...
    assert abs(after[0] - before[0]) < 1  # ... the state's name did not


@pytest.fixture
def host(site, tmp_path):
    """A page of another site (another port) that embeds a theme's view with the code the
    theme page offers, made for this test's address of the timeline."""
    from timeline.embed import snippet
    from timeline.settings import Settings

    _, url = site
    timeline = type("Site", (), {"settings": Settings(url)})()
    code = snippet(timeline, "tags/icc-referral", "ICC referral")["code"]
    (tmp_path / "index.html").write_text(f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
                                         f"<title>A host</title></head><body><h1>An article</h1>{code}"
                                         f"</body></html>", "utf-8")
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("scripts", [True, False])
def test_a_page_of_another_site_embeds_a_theme(site, host, browser, scripts):
    project, url = site
    context = browser.new_context(viewport={"width": 1000, "height": 900}, java_script_enabled=scripts)
    tab = context.new_page()
    requests = []
    tab.on("request", lambda r: requests.append(r.url))
    tab.goto(host)
    frame_element = tab.locator("iframe")
    frame = frame_element.content_frame
    expected = [e.title for e in read_chronology(project / "data").events if "icc-referral" in e.tags]
    titles = frame.locator("li a").all_inner_texts()
    assert titles == expected and len(titles) > 5
    assert frame.locator("h1").count() == 1 and frame.locator("ol > li").count() == len(expected)
    first = frame.locator("li a").first
    assert first.get_attribute("target") == "_blank" and first.get_attribute("rel") == "noopener"
    full = urljoin(url + "embed/tags/icc-referral.html", first.get_attribute("href"))
    assert full.startswith(url + "events/")
    if scripts and AXE.exists():  # no violation in the host page with the frame, nor inside it
        for target in (tab, frame_element.element_handle().content_frame()):
            target.add_script_tag(path=str(AXE))
            found = target.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']}}))
                .violations.map(v => v.id)""")
            assert found == []
    if scripts:  # the view says its height, and the host's lines size the frame to it
        tab.wait_for_function("document.querySelector('iframe').style.height !== ''", timeout=10_000)
        height = frame_element.evaluate("f => parseInt(f.style.height)")
        inside = frame_element.element_handle().content_frame().evaluate(
            "document.documentElement.scrollHeight")
        assert height > 600 and abs(height - inside) < 5
        with context.expect_page() as opened:
            first.click()
        opened.value.wait_for_load_state()
        assert opened.value.url == full
    context.close()
    assert requests and all(r.startswith((url, host)) for r in requests), requests


def test_an_embedded_view_has_no_accessibility_violations_and_fits_300_pixels(site, browser):
    _, url = site
    if not AXE.exists():
        pytest.skip("axe-core not installed: run npm ci")
    context = browser.new_context(viewport={"width": 300, "height": 600})
    tab = context.new_page()
    for path in ("embed/tags/icc-referral.html", "ko/embed/years/2014.html", "embed/timeline.html"):
        tab.goto(url + path)
        width = tab.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], path
        tab.add_script_tag(path=str(AXE))
        violations = tab.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']}}))
            .violations.map(v => v.id)""")
        assert violations == [], path
    context.close()
