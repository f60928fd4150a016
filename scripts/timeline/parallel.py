"""Work shared between this machine's cores: forked processes, which start with everything
this process holds (the records, the templates) instead of receiving it; and the cycle
collector kept off the many long-lived records, here too.

Used where a run from scratch has much of one kind of work: parsing the entries of a large
data file, rendering the pages. Under `mkdocs serve` the memo spares that work instead.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator

WORKERS = min(2, os.cpu_count() or 1)

_job: Callable[[int], object] | None = None  # what the forked workers call


def available() -> bool:
    return WORKERS > 1 and "fork" in multiprocessing.get_all_start_methods()


def forked_map(job: Callable[[int], object], indices: list[int], chunksize: int) -> list:
    """`[job(i) for i in indices]`, computed in forked workers; each result travels back
    pickled, so jobs should return little."""
    global _job
    if not available():
        return [job(i) for i in indices]
    _job = job
    # What this process holds, frozen: the workers' cycle collectors leave it be (and so do
    # not copy the memory they share with it).
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(WORKERS) as pool:
            return pool.map(_call, indices, chunksize=chunksize)
    finally:
        _job = None
        gc.unfreeze()


def _call(i: int) -> object:
    return _job(i)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while records and indexes are built: they are many,
    long-lived and free of cycles, and it would walk them again and again (a tenth of the
    generator's time at 10,000 events). It runs again afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
