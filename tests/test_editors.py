"""Editors' workflow: the Add-an-event page documents every field, its template is valid data,
the lint and publishing configuration call the project's own commands."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT
from timeline.generate import render_pages
from timeline.pages import EVENT_TEMPLATE
from timeline.read import read_chronology
from timeline.reference import MODELS


@pytest.fixture(scope="module")
def add_page() -> str:
    return render_pages(read_chronology(ROOT / "data"))["add-an-event.md"]


def test_add_an_event_page_documents_every_model_field(add_page):
    for _title, model in MODELS:
        for name in model.model_fields:
            assert f"| `{name}` |" in add_page, f"{model.__name__}.{name} is not documented"


def test_the_copy_paste_template_is_valid_data(tmp_path, add_page):
    template = EVENT_TEMPLATE.read_text("utf-8")
    assert template.rstrip() in add_page
    shutil.copytree(ROOT / "data", tmp_path / "data")
    events = tmp_path / "data" / "events.yaml"
    events.write_text(events.read_text("utf-8").rstrip("\n") + "\n\n" + template, "utf-8")
    assert "example-event-id" in read_chronology(tmp_path / "data").event_ids
    fields = [line for line in template.splitlines() if re.match(r"^\s*(- )?#?\s*[a-z_]+:", line)]
    assert len(fields) > 15 and all("#" in line for line in fields), "every field needs a comment"


def test_code_passes_ruff():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "scripts", "tests"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_yaml_passes_yamllint():
    result = subprocess.run([sys.executable, "-m", "yamllint", "--strict", "data", "mkdocs.yml",
                             ".github", ".pre-commit-config.yaml", "CITATION.cff"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_workflows_run_the_readme_make_targets():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "make serve" in readme and "make test" in readme
    steps = {}
    for name in ("pull-request", "publish"):
        workflow = yaml.safe_load((ROOT / ".github" / "workflows" / f"{name}.yml").read_text())
        steps[name] = [s.get("run") for job in workflow["jobs"].values()
                       for s in job.get("steps", []) if s.get("run")]
    assert steps["pull-request"] == ["make check", "make build", "make test"]
    assert steps["publish"] == ["make test", "make build"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_issue_form_asks_for_sources_and_consent():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "suggest-an-event.yml").read_text())
    required = {b.get("id") for b in form["body"] if b.get("validations", {}).get("required")}
    assert {"date", "title", "summary", "sources"} <= required
    consent = next(b for b in form["body"] if b.get("id") == "licence")
    assert all(o["required"] for o in consent["attributes"]["options"])


def test_licences_citation_and_editor_support_are_present():
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert "CC BY 4.0" in (ROOT / "LICENSE-DATA").read_text()
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation["cff-version"] == "1.2.0" and citation["license"] == "CC-BY-4.0"
    recommended = json.loads((ROOT / ".vscode" / "extensions.json").read_text())["recommendations"]
    assert "redhat.vscode-yaml" in recommended
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    assert {h["id"] for h in hooks} == {"yamllint", "data-check", "ruff"}
