#!/usr/bin/env python3
"""`make bench`: build synthetic chronologies of 100, 1,000 and 10,000 events and print one
table in which every figure is measured in this run and shown against its floor.

    PYTHONPATH=scripts python -m bench.run            # all sizes; writes docs/performance.md
    PYTHONPATH=scripts python -m bench.run --sizes 100 1000 --no-page

Targets are reported, not asserted: this is a measurement, not a test. Each synthetic
project's code is compiled before it is measured, as after its first run on a checkout.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import platform
import pstats
import sys
import tempfile
from pathlib import Path

from bench import layers, measure
from bench.synth import synthesize, translate
from timeline.read import read_chronology

PAGE = measure.ROOT / "docs" / "performance.md"


def run_size(n: int, work: Path, edit: bool) -> dict:
    root = measure.project(work / f"p{n}")
    synthesize(n, root / "data")
    translate(root / "data")
    measure.compiled(root)  # before any copy is made
    english = measure.english_only(root, work / f"en{n}")
    repeat = 3 if n <= 1000 else 1
    floor_parse = measure.parse_floor(root / "data", repeat)
    validate = measure.best(lambda: read_chronology(root / "data"), repeat)
    gen = measure.generator(root, repeat)
    gen_edit = measure.generator_edit(root)
    # Builds alternate with their floor and the fastest of each counts: this machine's
    # speed drifts by a fifth from one minute to the next.
    floor = work / f"floor{n}"
    configs = measure.plain_floor(root, floor)
    full = plain = full_en = float("inf")
    rss = 0
    for _ in range(repeat):
        seconds, peak = measure.bilingual_build(root)
        full, rss = min(full, seconds), max(rss, peak)
        plain = min(plain, sum(measure.mkdocs_build(floor, config)[0] for config in configs))
        full_en = min(full_en, measure.mkdocs_build(english)[0])
    pages = sum(1 for _ in (root / "site").rglob("*.html"))
    event = next((root / "site" / "events").iterdir()).name
    state = next((root / "site" / "states").glob("state-*")).name
    visit = {name: measure.first_visit(root / "site", page) for name, page in
             (("home", "index.html"), ("timeline", "timeline/index.html"),
              ("event", f"events/{event}/index.html"), ("states", "states/index.html"),
              ("state", f"states/{state}/index.html"))}
    row = {"n": n, "parse": floor_parse, "validate": validate, "generator": gen,
           "generator_edit": gen_edit, "full": full, "full_en": full_en,
           "pages": pages, "plain": plain, "rss": rss, "visit": visit,
           "embed": measure.embed_views(root / "site")}
    if edit:
        row["layers"] = layers.measure_layers(root)
        row["zensical"] = (layers.zensical_build(root), layers.median_build(root))
        row["edit"] = measure.serve_edit(root, dirty=False)
        row["edit_dirty"] = measure.serve_edit(root, dirty=True)
        row["edit_ko"] = measure.serve_edit(root, dirty=True, korean=True)
    return row


def profile(work: Path, n: int) -> list[tuple[str, float]]:
    """Where a full build's time goes, by package (cProfile, own time summed)."""
    root = measure.project(work / f"prof{n}")
    synthesize(n, root / "data")
    sys.argv = ["mkdocs", "build", "--quiet"]
    cwd = os.getcwd()
    os.chdir(root)
    profiler = cProfile.Profile()
    from mkdocs.__main__ import cli
    try:
        profiler.runcall(cli.main, args=["build", "--quiet"], standalone_mode=False)
    finally:
        os.chdir(cwd)
    stats = pstats.Stats(profiler)
    groups: dict[str, float] = {}
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():
        key = next((g for g in ("markdown", "pymdownx", "jinja2", "material", "mkdocs/contrib/search",
                                "mkdocs", "timeline", "yaml", "pydantic", "html", "re", "xml")
                    if f"/{g}/" in filename or filename.endswith(f"/{g}.py")), "other")
        groups[key] = groups.get(key, 0.0) + tottime
    total = sum(groups.values())
    return sorted(((k, v / total) for k, v in groups.items()), key=lambda kv: -kv[1])


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "–"


def table(rows: list[dict]) -> list[str]:
    lines = ["| Measure | " + " | ".join(f"{r['n']:,} events" for r in rows) + " | Target |",
             "| --- | " + " | ".join("---:" for _ in rows) + " | --- |"]

    def add(name, cells, target):
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {target} |")

    add("Load + validate (s) / CSafeLoader parse floor (s) = ratio",
        [f"{r['validate']:.2f} / {r['parse']:.2f} = {ratio(r['validate'], r['parse'])}" for r in rows],
        "≤ 1.5 at 10,000")
    add("Generator from scratch (s) / full build (s) = share",
        [f"{r['generator']:.2f} / {r['full']:.1f} = {r['generator'] / r['full']:.1%}" for r in rows],
        "≤ 10% at 1,000 and 10,000")
    add("Generator after a one-event edit, with the memo serve keeps (s) / full build (s) = share",
        [f"{r['generator_edit']:.2f} / {r['full']:.1f} = {r['generator_edit'] / r['full']:.1%}"
         for r in rows], "≤ 5%")
    add("Both editions (s) / English-only site (s) = ratio (the same events; Korean at /ko/)",
        [f"{r['full']:.1f} / {r['full_en']:.1f} = {ratio(r['full'], r['full_en'])}" for r in rows],
        "≤ 2.2 at 1,000")
    add("Full build per page (ms) / plain-Markdown floor per page (ms) = ratio",
        [f"{1000 * r['full'] / r['pages']:.1f} / {1000 * r['plain'] / r['pages']:.1f} = "
         f"{ratio(r['full'], r['plain'])}" for r in rows], "≤ 1.2 at 1,000 and 10,000")
    pairs = zip(rows, rows[1:], strict=False)
    growth = ["–"] + [f"{(b['full'] / a['full']) / (b['n'] / a['n']):.2f}" for a, b in pairs]
    add("Growth: full build time at 10× events ÷ 10 (1.00 = linear)", growth, "≤ 1.1")
    add("Pages built", [f"{r['pages']:,}" for r in rows], "")
    add("Peak memory of the full build (MiB)", [f"{r['rss'] / 1024:.0f}" for r in rows], "< 300 at 10,000")
    for name in ("home", "timeline", "event"):
        add(f"First visit to {name}: gzip KiB (page + assets; search index on demand)",
            [f"{r['visit'][name] / 1024:.0f}" for r in rows], "≤ 150 at 1,000; ≤ 250 at 10,000")
    for name, what in (("states", "the states index (one roll call in ten events; split by year "
                        "beyond 60 roll calls)"), ("state", "a state page (its whole record)")):
        add(f"First visit to {what}: gzip KiB", [f"{r['visit'][name] / 1024:.0f}" for r in rows],
            "≤ 150")
    add("Embedded views (both editions): the one nearest 30 entries, gzip KiB (entries)",
        [f"{r['embed'][0][0] / 1024:.1f} ({r['embed'][0][1]})" for r in rows], "< 20 for 30 entries")
    add("Embedded views: the largest, gzip KiB (entries)",
        [f"{r['embed'][1][0] / 1024:.1f} ({r['embed'][1][1]})" for r in rows], "")
    for key, label in (("edit_dirty", "make serve (mkdocs serve --dirty)"),
                       ("edit_ko", "of its Korean text, make serve"),
                       ("edit", "plain mkdocs serve (rebuilds every page)")):
        add(f"One-event edit, {label}: files rewritten; median seconds until served",
            [f"{r[key][0]} files; {r[key][1]:.2f} s" if key in r else "–" for r in rows], "≤ 1.5 s at 1,000")
    return lines


def layers_table(rows: list[dict]) -> list[str]:
    """What each internals layer buys, and Zensical beside MkDocs, at the size they were measured."""
    row = next((r for r in rows if "layers" in r), None)
    if row is None:
        return []
    lines = ["", f"Each layer at {row['n']:,} events, median of three runs (the spread is that of the "
             "runs with every layer):", "",
             "| Layer | Measured on | With every layer | Without this one | Spread |",
             "| --- | --- | ---: | ---: | ---: |"]
    lines += [f"| `{name}` | {what} | {with_} | {without} | {spread} |"
              for name, what, with_, without, spread in row["layers"]]
    zensical, mkdocs = row["zensical"]
    lines += ["", f"Zensical beside MkDocs at {row['n']:,} events, both editions from the data, median of "
              f"three runs: {zensical:.1f} s / {mkdocs:.1f} s = {zensical / mkdocs:.2f}."]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--no-page", action="store_true", help="do not rewrite docs/performance.md")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows = []
        for n in args.sizes:
            print(f"measuring {n:,} events ...", file=sys.stderr)
            rows.append(run_size(n, work, edit=n == 1000))
        print("profiling a full build ...", file=sys.stderr)
        shares = profile(work, 1000 if 1000 in args.sizes else args.sizes[0])
    lines = table(rows) + layers_table(rows)
    print("\n".join(lines))
    print("\nWhere a full build's time goes: " + ", ".join(f"{k} {v:.0%}" for k, v in shares[:8]))
    if not args.no_page:
        write_page(lines, shares)
    return 0


def write_page(lines: list[str], shares: list[tuple[str, float]]) -> None:
    text = PAGE.read_text("utf-8")
    start, end = text.index("<!-- bench:start -->"), text.index("<!-- bench:end -->")
    machine = f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}"
    body = [f"Measured on {dt.date.today():%d %B %Y} ({machine}) by `make bench`.", "", *lines, "",
            "Where a full build's time goes (cProfile, own time by package): "
            + ", ".join(f"{k} {v:.0%}" for k, v in shares[:8]) + "."]
    PAGE.write_text(text[: start + len("<!-- bench:start -->")] + "\n" + "\n".join(body) + "\n"
                    + text[end:], "utf-8")


if __name__ == "__main__":
    sys.exit(main())
