"""The timing loop the per-text benchmarks share: each step timed on each text, several rounds.

    from timing import per_text, spread
    ms = per_text({"tag": tagger.tag}, texts, rounds=3)
    spread(ms["tag"])  # {"mean": ..., "median": ..., "p95": ..., "max": ...} in milliseconds

A bench script runs with bench/ first on sys.path, so `import timing` finds this file.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any


def per_text(
    steps: Mapping[str, Callable[[str], Any]],
    texts: Iterable[str],
    *,
    rounds: int = 3,
    clock: Callable[[], float] = time.process_time,
) -> dict[str, list[float]]:
    """Milliseconds each step took on each text, over ``rounds`` passes, steps in order.

    The clock is this process's CPU time unless told otherwise: the machine is shared, so
    wall time would measure the neighbours as much as the code."""
    texts = list(texts)
    timings: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(rounds):
        for text in texts:
            for name, step in steps.items():
                begin = clock()
                step(text)
                timings[name].append((clock() - begin) * 1000)
    return timings


def spread(ms: list[float], digits: int = 3) -> dict[str, float]:
    """Mean, median, 95th percentile (nearest rank) and maximum of some timings."""
    ordered = sorted(ms)
    return {
        "mean": round(statistics.mean(ordered), digits),
        "median": round(statistics.median(ordered), digits),
        "p95": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], digits),
        "max": round(ordered[-1], digits),
    }
