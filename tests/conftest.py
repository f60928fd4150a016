"""Shared helpers: a temporary copy of the project, and running its commands for real."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
_SKIP = shutil.ignore_patterns(".venv", "site", "site-zensical", ".git", "__pycache__", ".pytest_cache",
                               "tests", "node_modules", "test-results")


def copy_project(dest: Path) -> Path:
    """Copy the project's sources (not its environment, output or generated pages) to `dest`."""
    shutil.copytree(ROOT, dest, ignore=_SKIP)
    manifest = dest / "docs" / ".generated-pages"
    if manifest.is_file():
        for rel in manifest.read_text("utf-8").split():
            (dest / "docs" / rel).unlink(missing_ok=True)
        manifest.unlink()
    return dest


def run(args: list[str], cwd: Path, timeout: float = 300,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def build(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`python scripts/build.py ARGS` in the project at `root`."""
    return run([sys.executable, str(root / "scripts" / "build.py"), *args], cwd=root)


def mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "mkdocs", *args], cwd=root)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, to prove nothing changed."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project, with the real data."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def fixture_project(project: Path) -> Path:
    """A fresh copy of the project whose data is the small test fixture set (no translations)."""
    shutil.rmtree(project / "data" / "ko", ignore_errors=True)
    shutil.copytree(FIXTURE_DATA, project / "data", dirs_exist_ok=True)
    return project


@pytest.fixture
def translation_data(tmp_path: Path) -> Path:
    """A copy of the fixture data with an empty data/ko/, for translations to be written in."""
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    (tmp_path / "data" / "ko").mkdir()
    return tmp_path / "data"


def write_korean_events(data: Path, entries: str) -> None:
    """data/ko/events.yaml holding `entries` (YAML list items, indented under `events:`)."""
    (data / "ko" / "events.yaml").write_text("events:\n" + entries, "utf-8")


def current_entry(data: Path, ident: str, text: str) -> str:
    """A translation entry of event `ident`, current with its English, with the fields `text`."""
    return f"  - id: {ident}\n    translates: '{english_digest_of(data, ident)}'\n" + text


def english_digest_of(data: Path, ident: str) -> str:
    """The `translates` value of a current translation of event `ident`."""
    from timeline.read import read_chronology
    from timeline.translations import english_digest

    return english_digest(read_chronology(data).event_ids[ident], "events")
