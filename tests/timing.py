"""Timing for the linear-time tests: the best of a few runs, which timer noise and a busy machine
disturb least. Tests compare two sizes with it, never one run against a wall-clock bar."""

from __future__ import annotations

import time
from typing import Callable


def best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best
