#!/usr/bin/env python3
"""`make audit`: Lighthouse on the home, timeline, an event, the states and a state page of the
built site, in both editions (English and Korean).

Serves site/ on 127.0.0.1, runs the pinned Lighthouse (npm ci) with the system's Chromium,
saves each report under test-results/lighthouse/ and prints the scores and page weights.
An audit to read, not a timed test: performance varies with the machine.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "test-results" / "lighthouse"
PAGES = {"home": "", "timeline": "timeline/", "event": "events/coi-report/", "states": "states/",
         "state": "states/republic-of-korea/", "embed": "embed/tags/icc-referral.html"}
PAGES.update({f"ko-{name}": "ko/" + path for name, path in PAGES.items()})
FLAGS = ("--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
         "--disable-component-update --disable-sync")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> int:
    lighthouse = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists() or not Path("/usr/bin/chromium").exists():
        print("audit needs node_modules (npm ci) and /usr/bin/chromium", file=sys.stderr)
        return 1
    handler = functools.partial(Quiet, directory=str(ROOT / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    OUT.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    print("| Page | Performance | Accessibility | Best practices | SEO | Weight (KiB) |\n"
          "| --- | ---: | ---: | ---: | ---: | ---: |")
    failed = False
    try:
        for name, path in PAGES.items():
            report = OUT / f"{name}.json"
            url = f"http://127.0.0.1:{server.server_address[1]}/{path}"
            subprocess.run([str(lighthouse), url, "--quiet", f"--chrome-flags={FLAGS}",
                            "--output=json", "--output=html", f"--output-path={OUT / name}",
                            "--only-categories=performance,accessibility,best-practices,seo"],
                           env=env, check=True)
            data = json.loads(Path(f"{OUT / name}.report.json").read_text())
            scores = [round(100 * data["categories"][c]["score"]) for c in
                      ("performance", "accessibility", "best-practices", "seo")]
            weight = data["audits"]["total-byte-weight"]["numericValue"] / 1024
            print(f"| {name} | " + " | ".join(map(str, scores)) + f" | {weight:.0f} |")
            failed |= any(s < 100 for s in scores[1:])
            report.unlink(missing_ok=True)
    finally:
        server.shutdown()
        server.server_close()
    print(f"\nReports: {OUT}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
