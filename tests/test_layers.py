"""The layers that reach into MkDocs' and Material's internals (mkdocs_hook.LAYERS) change
how soon and how lean a build is, never what it publishes: the site built with none of them
(TIMELINE_LAYERS=none) is the same, page by page, as with all of them, in both editions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import build, copy_project, run

pytestmark = pytest.mark.slow


def _site(tmp: Path, layers: str) -> Path:
    project = copy_project(tmp / layers / "project")
    assert build(project).returncode == 0
    for config in ("mkdocs.yml", "ko/mkdocs.yml"):
        result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config],
                     cwd=project, env={"TIMELINE_LAYERS": layers})
        assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_site_is_the_same_with_and_without_the_layers(tmp_path: Path):
    with_layers, without = _site(tmp_path, "all"), _site(tmp_path, "none")
    files = sorted(p.relative_to(with_layers) for p in with_layers.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(without) for p in without.rglob("*") if p.is_file())
    different = []
    for rel in files:
        a, b = (with_layers / rel).read_bytes(), (without / rel).read_bytes()
        if rel.name == "search_index.json":  # the same index; with the layer, written in UTF-8
            assert json.loads(a) == json.loads(b), rel
            assert len(a) <= len(b)
        elif rel.suffix != ".gz" and a != b:  # the sitemap's archive carries a timestamp
            different.append(str(rel))
    assert different == []
    assert len(files) > 1000
