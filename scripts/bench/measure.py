"""Measurements for the benchmark, each taken in this run on this machine."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

SCRIPTS = Path(__file__).resolve().parent.parent
ROOT = SCRIPTS.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": "scripts"}
_SKIP = shutil.ignore_patterns(".venv", "site", "site-zensical", ".git", "__pycache__", ".pytest_cache",
                               "tests", "node_modules", ".bench", ".generated-pages")


def project(folder: Path) -> Path:
    """A copy of the project's sources, without generated pages."""
    shutil.copytree(ROOT, folder, ignore=_SKIP)
    manifest = ROOT / "docs" / ".generated-pages"
    for rel in manifest.read_text().split() if manifest.is_file() else []:
        (folder / "docs" / rel).unlink(missing_ok=True)
    return folder


def compiled(root: Path) -> None:
    """Compile the project's code in `root` as its first run does (Python's modules, the
    templates), so that each measured run is a later one, as nearly every run is; the measured
    runs write no bytecode (PYTHONDONTWRITEBYTECODE), so each would compile it all again."""
    env = {k: v for k, v in ENV.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for code in ("import compileall; compileall.compile_dir('scripts', quiet=1)", CHECK):
        subprocess.run([sys.executable, "-c", code], cwd=root, env=env, check=True, capture_output=True)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def python(code: str, cwd: Path) -> tuple[float, int, str]:
    """Run `code` in a fresh interpreter: (seconds it reports, peak RSS in KiB, output)."""
    # VmHWM is the peak of this process image; ru_maxrss would include the forking parent.
    wrapper = ("import re, sys, time\nstart = time.perf_counter()\n" + code +
               "\npeak = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)"
               "\nprint('@@', time.perf_counter() - start, peak)")
    out = subprocess.run([sys.executable, "-c", wrapper], cwd=cwd, env=ENV, capture_output=True,
                         text=True, check=True).stdout
    seconds, rss = out.rsplit("@@", 1)[1].split()
    return float(seconds), int(rss), out


def parse_floor(data: Path, repeat: int) -> float:
    texts = [p.read_text("utf-8") for p in sorted(data.glob("*.yaml"))]
    return best(lambda: [yaml.load(t, Loader=yaml.CSafeLoader) for t in texts], repeat)


MKDOCS_BUILD = ("import sys\nsys.argv = ['mkdocs', 'build', '--quiet'{extra}]\n"
                "from mkdocs.__main__ import cli\ntry:\n    cli()\nexcept SystemExit as e:\n"
                "    assert not e.code, e.code\n")


def mkdocs_build(root: Path, config: str | None = None) -> tuple[float, int]:
    extra = f", '--config-file', {config!r}" if config else ""
    seconds, rss, _ = python(MKDOCS_BUILD.format(extra=extra), root)
    return seconds, rss


def bilingual_build(root: Path) -> tuple[float, int]:
    """`make build` without the offline copy: the English edition, then the Korean one."""
    first, rss = mkdocs_build(root)
    second, rss_ko = mkdocs_build(root, "ko/mkdocs.yml")
    return first + second, max(rss, rss_ko)


def english_only(root: Path, folder: Path) -> Path:
    """A copy of `root` as the site was before its Korean edition: no translations, and no
    Korean edition in mkdocs.yml's language selector (so the generator renders English only)."""
    shutil.copytree(root, folder, ignore=shutil.ignore_patterns("site", ".generated-pages", "ko"))
    config = folder / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(re.sub(r"\n    - name: 한국어\n(      .*\n)+", "\n", text), "utf-8")
    return folder


GENERATE = "from pathlib import Path\nfrom timeline.generate import generate\ngenerate(Path('.'))"
CHECK = "from pathlib import Path\nfrom timeline.generate import generate\ngenerate(Path('.'), check=True)"


def generator(root: Path, repeat: int = 1) -> float:
    """The generator alone on a fresh copy, the fastest of `repeat` (each on a copy of its
    own, the last in `root`): interpreter start-up aside, imports included.

    The copies are left in place until the benchmark ends: on a file system without a journal
    (this machine's ext4) a new file is slow to create for minutes after many were deleted,
    as the kernel passes over each recently freed inode, so deleting one copy would slow the
    next copy's run by as much as its rendering; nobody deletes thousands of files before
    running the generator."""
    times = []
    for i in range(repeat - 1):
        fresh = root.parent / f"{root.name}-fresh{i}"
        shutil.copytree(root, fresh)
        times.append(python(GENERATE, fresh)[0])
    times.append(python(GENERATE, root)[0])
    return min(times)


EDIT_GENERATOR = """
import re, time
from pathlib import Path
from timeline.cache import Memo
from timeline.generate import generate
memo = Memo()
generate(Path('.'), force=True, memo=memo)
events = Path('data/events.yaml')
text = events.read_text()
title = re.search(r'\\n  title: (.+)', text).group(1)
events.write_text(text.replace('title: ' + title, 'title: Edited for the benchmark', 1))
begin = time.perf_counter()
generate(Path('.'), memo=memo)
print('@edit', time.perf_counter() - begin)
events.write_text(text)
generate(Path('.'), memo=memo)
"""


def generator_edit(root: Path) -> float:
    """The generator after a one-event edit, with the memo `mkdocs serve` keeps between builds."""
    _, _, out = python(EDIT_GENERATOR, root)
    return float(out.split("@edit", 1)[1].split()[0])


def plain_floor(root: Path, floor: Path) -> list[str]:
    """A copy of `root` whose pages are plain Markdown of the same sizes and paths, built
    with the same configurations (less the hook): returns those configurations' file names."""
    shutil.copytree(root, floor, ignore=shutil.ignore_patterns("site", ".generated-pages"))
    filler = "Plain text of a page for the floor measurement. " * 40
    for page in (floor / "docs").rglob("*.md"):
        if "includes" in page.parts:
            continue
        size = page.stat().st_size
        body = "\n\n".join(filler[: 300] for _ in range(max(1, size // 300)))
        page.write_text(f"# {page.stem}\n\n{body[: max(0, size - 20)]}\n", "utf-8")
    config = floor / "mkdocs.floor.yml"
    config.write_text("INHERIT: mkdocs.yml\nhooks: []\n", "utf-8")
    korean = floor / "ko" / "mkdocs.floor.yml"
    korean.write_text("INHERIT: mkdocs.yml\nhooks: []\n", "utf-8")
    return [str(config), str(korean)]


def first_visit(site: Path, page: str) -> int:
    """Gzip bytes a first visit to `page` downloads: the page and what it loads."""
    html = (site / page).read_text("utf-8")
    refs = re.findall(r'<(?:script|img)[^>]+src="([^"]+)"', html)
    refs += re.findall(r'<link[^>]+rel="(?:stylesheet|icon)"[^>]+href="([^"]+)"', html)
    refs += re.findall(r'<link[^>]+href="([^"]+)"[^>]+rel="(?:stylesheet|icon)"', html)
    total = len(gzip.compress(html.encode("utf-8"), 6))
    for ref in set(refs):
        path = (site / page).parent / ref.split("?")[0]
        if path.is_file():
            total += len(gzip.compress(path.read_bytes(), 6))
    if "lazy-search.js" not in html and (site / "search" / "search_index.json").is_file():
        total += len(gzip.compress((site / "search" / "search_index.json").read_bytes(), 6))
    return total


def embed_views(site: Path) -> tuple[tuple[int, int], tuple[int, int]]:
    """The embedded views' first visits, (gzip bytes, entries): the one whose entries are
    nearest 30 (the size the embedding issue set a target for) and the largest. A view is one
    self-contained file (no search, no theme): its first visit is its own bytes."""
    views = []
    for page in site.rglob("embed/**/*.html"):
        data = page.read_bytes()
        entries = data.count(b'<li><span class="d"')
        if entries:  # not the index of years the whole chronology becomes when it is split
            views.append((len(gzip.compress(data, 6)), entries))
    nearest = min(views, key=lambda v: (abs(v[1] - 30), -v[0]))
    return nearest, max(views)


def serve_edit(root: Path, dirty: bool, edits: int = 3, korean: bool = False) -> tuple[int, float, float]:
    """Files rewritten by a one-event edit, the median seconds (of `edits` edits) until
    `mkdocs serve` serves it on the event's page and on the timeline (a listing), so a
    stale listing would not count, and the builds each edit caused (serve's "Detected file
    changes"); `korean`: an edit of its translation, on the Korean pages."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"]
    log = open(root / "serve.log", "w")  # closed in the finally clause
    server = subprocess.Popen(args + (["--dirty"] if dirty else []), cwd=root, env=ENV,
                              stdout=log, stderr=subprocess.STDOUT)
    events = root / "data" / ("ko/events.yaml" if korean else "events.yaml")
    original = events.read_text()
    edition = "ko/" if korean else ""
    try:
        event_id = re.search(r"- id: (\S+)", original).group(1)
        title = re.search(r"\n  title: (.+)", original).group(1)
        url = f"http://127.0.0.1:{port}/{edition}events/{event_id}/"
        timeline = f"http://127.0.0.1:{port}/{edition}timeline/"
        _wait(lambda: _get(url), 600)
        time.sleep(3)  # let any build caused by the first one's writes finish
        builds_before = (root / "serve.log").read_text().count("Detected file changes")
        stamps = {p: p.stat().st_mtime_ns for p in (root / "docs").rglob("*") if p.is_file()}
        seconds, rewritten = [], 0
        for _ in range(edits):
            marker = f"Edited for the benchmark {time.time_ns()}"
            start = time.perf_counter()
            events.write_text(original.replace(f"title: {title}", f"title: {marker}", 1))
            # The small event page first: polling the large timeline all along would slow the
            # build it measures (the server's thread shares the interpreter with the build).
            _wait(lambda m=marker: m in (_get(url) or ""), 600)
            _wait(lambda m=marker: m in (_get(timeline) or ""), 600)
            seconds.append(time.perf_counter() - start)
            time.sleep(2)  # the build caused by the generator's own writes
            if not rewritten:
                rewritten = sum(1 for p, t in stamps.items()
                                if p.exists() and p.stat().st_mtime_ns != t)
        builds = (root / "serve.log").read_text().count("Detected file changes") - builds_before
        return rewritten, sorted(seconds)[len(seconds) // 2], builds / edits
    finally:
        server.terminate()
        server.wait()
        log.close()
        events.write_text(original)


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait(predicate, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise TimeoutError("the server did not answer in time")
