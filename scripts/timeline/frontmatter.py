"""The front matter of the pages written by hand (docs/about.md and the like) must parse.

A builder that cannot read a page's front matter drops it without a word (MkDocs then gives
the page the site's description); here it is an error, like any mistake in the data, so it
holds whichever builder publishes the pages:

    problems = check_front_matter(Path("docs"), generated)   # [] when every page parses
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from .problems import Problem

# As MkDocs reads it: a first line of three dashes, the YAML, a line of three dashes or dots.
FRONT = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
SKIPPED = {"overrides", "assets"}  # templates and files, not pages


def hand_written(docs: Path, generated: set[str]) -> list[Path]:
    """Every Markdown page under `docs` that the generator does not write."""
    pages = []
    for folder, names, files in os.walk(docs):
        names[:] = sorted(n for n in names if n not in SKIPPED)
        here = Path(folder).relative_to(docs).as_posix()
        prefix = "" if here == "." else here + "/"
        pages += [Path(folder, f) for f in sorted(files) if f.endswith(".md") and prefix + f not in generated]
    return pages


def check_front_matter(docs: Path, generated: set[str], prefix: str = "docs") -> list[Problem]:
    problems = []
    for page in hand_written(docs, generated):
        name = f"{prefix}/{page.relative_to(docs).as_posix()}"
        found = FRONT.match(page.read_text("utf-8-sig"))
        if not found:
            continue
        try:
            meta = yaml.safe_load(found.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line, col = (mark.line + 2, mark.column + 1) if mark else (2, 1)  # below the first ---
            what = getattr(exc, "problem", None) or str(exc)
            problems.append(Problem(name, line, col, f"the front matter is not valid YAML ({what}): "
                                    "put a value that holds ': ' or starts with a quote in quotes"))
            continue
        if meta is not None and not isinstance(meta, dict):
            problems.append(Problem(name, 2, 1, "the front matter must be `key: value` lines"))
    return problems
