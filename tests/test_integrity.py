"""The built site holds together: every internal link and anchor resolves, every external
link is a well-formed web address, and two builds of the same data are byte-identical."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import build, copy_project, run, snapshot
from htmlpage import parse

pytestmark = pytest.mark.slow
EPOCH = {"SOURCE_DATE_EPOCH": "1764288000"}


def site_build(root: Path, site: str) -> None:
    assert build(root).returncode == 0
    for config, folder in (("mkdocs.yml", site), ("ko/mkdocs.yml", f"{site}/ko")):  # as `make build`
        result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config,
                      "--site-dir", str(root / folder)], cwd=root, env=EPOCH)
        assert result.returncode == 0, result.stderr
    zip_path = root / site / "downloads" / "nk-human-rights-timeline.zip"
    result = run([sys.executable, "scripts/offline.py", "--zip", str(zip_path)], cwd=root, env=EPOCH)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("integrity") / "project")
    site_build(root, "site")
    return root


def ids_of(path: Path, cache: dict) -> set[str]:
    if path not in cache:
        cache[path] = {e.attrs["id"] for e in parse(path).elements if e.attrs.get("id")}
    return cache[path]


def test_every_internal_link_and_anchor_resolves(project):
    site, cache, checked = project / "site", {}, 0
    for html in sorted(site.rglob("*.html")):
        for element in parse(html).elements:
            href = element.attrs.get("href") if element.tag == "a" else None
            if not href or href.startswith(("mailto:",)):
                continue
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                assert parts.scheme in ("http", "https") and parts.netloc and " " not in href, (html, href)
                continue
            base = site if parts.path.startswith("/") else html.parent  # 404.html links from the root
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else html
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{html.relative_to(site)}: {href}"
            if parts.fragment and target.suffix == ".html":
                assert unquote(parts.fragment) in ids_of(target, cache), f"{html.relative_to(site)}: {href}"
            checked += 1
    assert checked > 5000


def test_two_builds_are_byte_identical(project):
    site_build(project, "site-again")
    first, second = snapshot(project / "site"), snapshot(project / "site-again")
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []
