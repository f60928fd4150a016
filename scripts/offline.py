#!/usr/bin/env python3
"""Build the copy of the site that works from disk (file://), search included, as one zip.

    python scripts/offline.py                 # writes site/downloads/nk-human-rights-timeline.zip
    python scripts/offline.py --zip PATH

Pages are rendered with `x.html` links into a temporary folder and built with Material's
offline plugin; its one remote script (the iframe-worker shim) is served from the copy
itself, so the offline site makes no request to any other host either.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from timeline.generate import generate
from timeline.problems import DataError
from timeline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
NAME = "nk-human-rights-timeline"
SHIM = Path(__file__).resolve().parent / "offline_assets" / "iframe-worker-shim.js"


def build_offline(workdir: Path) -> Path:
    docs, site = workdir / "docs", workdir / "site"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns(".*"))
    generate(ROOT, out=docs, settings=Settings.from_config(ROOT / "mkdocs.yml").offline())
    shutil.copy(SHIM, docs / "assets" / "javascripts" / "iframe-worker-shim.js")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # English first: its build empties the site folder; then each edition into its folder.
    for edition, up, search in (("", "", "search"), ("ko", "../", "search:\n      lang: [ko, en]")):
        config = workdir / f"mkdocs.offline{'.' + edition if edition else ''}.yml"
        source = ROOT / edition / "mkdocs.yml"
        config.write_text(
            f"INHERIT: {json.dumps(str(source))}\n"
            f"docs_dir: {json.dumps(str(docs / edition))}\nsite_dir: {json.dumps(str(site / edition))}\n"
            f"theme:\n  custom_dir: {json.dumps(str(docs / 'overrides'))}\n"
            "use_directory_urls: false\nhooks: []\n"
            f"plugins:\n  - {search}\n  - offline\n"
            # Offline, the index is a script of the copy itself; no need to defer it.
            f"extra:\n  polyfills:\n    - {up}assets/javascripts/iframe-worker-shim.js\n"
            f"    - {up}assets/javascripts/editions.js\n"
            # After the shim: the Korean search hooks into the worker the shim stands in for.
            + (f"    - {up}assets/javascripts/korean-search.js\n" if edition == "ko" else ""),
            "utf-8",
        )
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                        "--config-file", str(config)], cwd=ROOT, env=env, check=True)
    return site


def write_zip(site: Path, target: Path) -> None:
    """A zip whose bytes depend only on the files (sorted names, fixed timestamps)."""
    stamp = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01, zip's epoch
    date_time = time.gmtime(max(stamp, 315532800))[:6]
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{NAME}/{path.relative_to(site).as_posix()}", date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    os.replace(tmp, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", type=Path, default=ROOT / "site" / "downloads" / f"{NAME}.zip")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            site = build_offline(Path(tmp))
        except DataError as exc:
            print(exc.report(), file=sys.stderr)
            return 1
        except subprocess.CalledProcessError:
            return 1
        write_zip(site, args.zip)
    print(f"offline copy: {args.zip}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
