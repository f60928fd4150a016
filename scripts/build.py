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
import sys
from pathlib import Path

from timeline.generate import generate
from timeline.problems import DataError

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="validate only; write nothing")
    parser.add_argument("--force", action="store_true", help="render even if nothing changed")
    args = parser.parse_args(argv)
    try:
        print(generate(ROOT, check=args.check, force=args.force))
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        print("Nothing was written: fix the data and run the build again.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
