"""What each layer that reaches into MkDocs' or Material's internals buys (mkdocs_hook.LAYERS),
measured at one size: the build (both editions) with every layer, and without each in turn,
median of three runs; serve's edit latency for the layers that only serve uses. And the
second builder, Zensical, beside MkDocs.

    rows = measure_layers(root)      # [(layer, what it is measured on, with, without, spread)]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import measure

# (layer, what it buys, how it is measured)
BUILD_LAYERS = ("raw_html", "search_index", "held_pages")
SERVE_LAYERS = ("theme_files", "watch")
ALL = "raw_html,search_index,held_pages,theme_files,watch"


def _with(layers: str, fn):
    before = measure.ENV.get("TIMELINE_LAYERS")
    measure.ENV["TIMELINE_LAYERS"] = layers
    try:
        return fn()
    finally:
        if before is None:
            measure.ENV.pop("TIMELINE_LAYERS", None)
        else:
            measure.ENV["TIMELINE_LAYERS"] = before


def _without(layer: str) -> str:
    return ",".join(name for name in ALL.split(",") if name != layer) or "none"


def _builds(root: Path, layers: str, runs: int) -> tuple[list[float], list[int]]:
    seconds, peaks = [], []
    for _ in range(runs):
        s, peak = _with(layers, lambda: measure.bilingual_build(root))
        seconds.append(s)
        peaks.append(peak)
    return seconds, peaks


def measure_layers(root: Path, runs: int = 3) -> list[tuple[str, str, str, str, str]]:
    """One row per layer: what is measured, with it, without it, and the spread of the runs
    with every layer (max - min), against which a gain is judged."""
    rows = []
    _builds(root, ALL, 1)  # the pages generated and the site in place: every measured run alike
    full, peaks = _builds(root, ALL, runs)
    spread_s, spread_m = max(full) - min(full), (max(peaks) - min(peaks)) / 1024
    base_s, base_m = statistics.median(full), statistics.median(peaks) / 1024
    for layer in BUILD_LAYERS:
        seconds, peak = _builds(root, _without(layer), runs)
        rows.append((layer, "full build, both editions (s); peak memory (MiB)",
                     f"{base_s:.1f} s; {base_m:.0f} MiB",
                     f"{statistics.median(seconds):.1f} s; {statistics.median(peak) / 1024:.0f} MiB",
                     f"± {spread_s:.1f} s; ± {spread_m:.0f} MiB"))
    edits = [_with(ALL, lambda: measure.serve_edit(root, dirty=True)) for _ in range(runs)]
    spread_e = max(e[1] for e in edits) - min(e[1] for e in edits)
    for layer in SERVE_LAYERS:
        layers = _without(layer)
        without = [_with(layers, lambda: measure.serve_edit(root, dirty=True)) for _ in range(runs)]
        rows.append((layer, "one-event edit under make serve: until served (s); builds it causes",
                     f"{statistics.median(e[1] for e in edits):.2f} s; {_builds_per_edit(edits)}",
                     f"{statistics.median(e[1] for e in without):.2f} s; {_builds_per_edit(without)}",
                     f"± {spread_e:.2f} s"))
    return rows


def _builds_per_edit(runs: list[tuple[int, float, float]]) -> str:
    return f"{statistics.median(r[2] for r in runs):.1f}"


def median_build(root: Path, runs: int = 3) -> float:
    """Both editions with MkDocs (every layer), median seconds: Zensical's yardstick."""
    return statistics.median(_builds(root, ALL, runs)[0])


def zensical_build(root: Path, runs: int = 3) -> float:
    """Both editions with Zensical from the data (scripts/zensical_build.py), median seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "scripts/zensical_build.py", "--site", str(root / "site-zensical")],
                       cwd=root, env=measure.ENV, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)
