#!/usr/bin/env python3
"""Build both editions with Zensical, the second builder, into site-zensical/ (Korean in ko/).

    python scripts/zensical_build.py               # writes site-zensical/
    python scripts/zensical_build.py --site PATH

Zensical reads mkdocs.yml and the theme overrides as MkDocs does, with three differences that
matter here:

- it takes the folder of its configuration as the project's root and refuses sources or
  output outside it ("site_dir must be within project root"), so ko/mkdocs.yml, which reads
  ../docs/ko and writes ../site/ko, cannot be given to it as it is;
- it reads a relative link in raw HTML from the page's source file, as it does a Markdown
  link, where MkDocs leaves it as written (from the page's address): the generated pages'
  links must be written for it (`Settings.zensical()`), or every one of them would lead one
  folder too high;
- its search is its own: the override of Material's search box is left out of its build.

So, as scripts/offline.py does for the offline copy, the pages are rendered into a work
folder beside the hand-written ones, each edition is built there from a configuration that
inherits its MkDocs one, English first (its build empties the site folder), and the site is
then moved to site-zensical/. docs/ and site/, MkDocs' own, are left as they are.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timeline.generate import generate
from timeline.problems import DataError
from timeline.settings import Settings
from timeline.write import MANIFEST

ROOT = Path(__file__).resolve().parent.parent

# Each edition: its MkDocs configuration, and what Zensical needs said otherwise.
EDITIONS = {
    "": ("mkdocs.yml", ""),
    # Zensical's search takes no language setting (MkDocs' is `lang: [ko, en]`).
    "ko": ("ko/mkdocs.yml", "plugins:\n  - search\n"),
}


def _copy_sources(docs: Path) -> None:
    """docs/ as written by hand (the generated pages are rendered anew for Zensical)."""
    manifest = ROOT / "docs" / MANIFEST
    generated = set(manifest.read_text("utf-8").split()) if manifest.is_file() else set()
    docs_root = ROOT / "docs"

    def ignore(folder: str, names: list[str]) -> set[str]:
        rel = Path(folder).relative_to(docs_root)
        return {n for n in names if n.startswith(".") or (rel / n).as_posix() in generated}

    shutil.copytree(docs_root, docs, ignore=ignore)


def build_zensical(workdir: Path) -> Path:
    docs, site = workdir / "docs", workdir / "site"
    _copy_sources(docs)
    # Material's search box, overridden to give its dialog an accessible name: Zensical's
    # search is another (a button that opens its own dialog), whose dialog is named already;
    # over it, Material's box would stay at "Initializing search".
    (docs / "overrides" / "partials" / "search.html").unlink()
    generate(ROOT, out=docs, settings=Settings.from_config(ROOT / "mkdocs.yml").zensical())
    for edition, (source, extra) in EDITIONS.items():
        config = workdir / f"zensical{'.' + edition if edition else ''}.yml"
        config.write_text(
            f"INHERIT: {json.dumps(str(ROOT / source))}\n"
            f"docs_dir: {json.dumps((Path('docs') / edition).as_posix())}\n"
            f"site_dir: {json.dumps((Path('site') / edition).as_posix())}\n"
            "hooks: []\n"  # the generator has run; the hook's other work is MkDocs' own
            # Material for MkDocs' look, as MkDocs builds it ("modern" is Zensical's own).
            "theme:\n  variant: classic\n  custom_dir: docs/overrides\n" + extra,
            "utf-8",
        )
        # From the work folder: the glossary's snippets are read from docs/includes there.
        subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config)],
                       cwd=workdir, env=os.environ, check=True)
    return site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site-zensical")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            site = build_zensical(Path(tmp))
        except DataError as exc:
            print(exc.report(), file=sys.stderr)
            return 1
        except subprocess.CalledProcessError:
            return 1
        shutil.rmtree(args.site, ignore_errors=True)
        shutil.move(site, args.site)
    print(f"built with Zensical: {args.site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
