#!/usr/bin/env python3
"""Validate data/*.yaml and render the site's Markdown pages into docs/.

    python scripts/build.py           # validate, then write the pages that changed
    python scripts/build.py --check   # validate only: write nothing, exit 1 on any problem

Nothing here depends on MkDocs: after this command any MkDocs-compatible builder gives the site.
On a data problem every mistake is printed as `data/FILE.yaml:LINE:COL: ...`, the exit status
is 1, and the pages already in docs/ are left exactly as they were.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeline.exports import site_url  # noqa: E402
from timeline.memo import Memo  # noqa: E402
from timeline.problems import DataError, Problem  # noqa: E402
from timeline.render import render  # noqa: E402
from timeline.schema import schemas  # noqa: E402
from timeline.validate import read_chronology  # noqa: E402
from timeline.write import MANIFEST, write_if_changed, write_pages  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = Path(__file__).resolve().parent / "timeline"
STAMP = ".generated-stamp"


def fingerprint(root: Path, directory_urls: bool) -> str:
    """A hash of everything the output depends on: data, generator code, templates, settings."""
    digest = hashlib.sha256(f"{site_url()}|{directory_urls}".encode())
    inputs = [*sorted((root / "data").glob("*.yaml")), *sorted(GENERATOR.rglob("*")), Path(__file__)]
    for path in inputs:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.name.encode() + b"\0")
            with path.open("rb") as f:  # in chunks: a large file is never held twice
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    digest.update(chunk)
    return digest.hexdigest()


def _up_to_date(out: Path, stamp: Path, current: str) -> bool:
    if not stamp.is_file() or stamp.read_text() != current:
        return False
    manifest = out / MANIFEST
    return manifest.is_file() and all((out / rel).is_file() for rel in manifest.read_text().split())


def generate(root: Path = ROOT, check: bool = False, out: Path | None = None,
             directory_urls: bool = True, force: bool = False,
             memo: Memo | None = None) -> str:
    """Validate and render; write into `out` (default docs/) unless `check`. Returns a summary.

    `directory_urls=False` renders links for a site whose pages are `x.html` files (the
    offline copy); MkDocs' own default is `x/`. When nothing the output depends on has
    changed since the last successful run, there is nothing to do (so the MkDocs hook costs
    next to nothing after `python scripts/build.py`); `force` redoes it anyway. A `memo`
    kept between runs (as `mkdocs serve` does) spares rendering pages whose records did not
    change.
    """
    out = out or root / "docs"
    stamp = out / STAMP
    current = "" if check else fingerprint(root, directory_urls)
    if not check and not force and _up_to_date(out, stamp, current):
        return "pages are up to date with data/ and the generator"
    memo = memo or Memo()
    memo.start()
    chronology = read_chronology(root / "data", memo=memo)
    pages = render(chronology, site_url(), directory_urls, memo)
    memo.finish()
    schema_dir = root / "data" / "schema"
    if check:
        stale = [name for name, text in schemas().items()
                 if not (schema_dir / name).is_file()
                 or (schema_dir / name).read_text("utf-8") != text]
        if stale:
            raise DataError([Problem(f"data/schema/{name}", 1, 1,
                                     "out of date with the model: run python scripts/build.py")
                             for name in stale])
        return f"ok: {len(chronology.events)} events, {len(pages)} pages would be generated"
    for name, text in schemas().items():
        write_if_changed(schema_dir / name, text.encode())
    written, removed = write_pages(out, pages)
    write_if_changed(stamp, current.encode())
    return (f"{len(chronology.events)} events: {len(pages)} pages, "
            f"{len(written)} written, {len(removed)} removed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="validate only; write nothing")
    parser.add_argument("--force", action="store_true", help="render even if nothing changed")
    args = parser.parse_args(argv)
    try:
        print(generate(check=args.check, force=args.force))
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        print("Nothing was written: fix the data and run the build again.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
