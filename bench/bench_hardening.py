#!/usr/bin/env python
"""Issue 10 (hardening), the measured bars of the report and markup side, each as the whole
`numcheck` process a user runs:

    python bench/bench_hardening.py [--skip-memory] [--json OUT]

a. the HTML report of a 512 KB draft on one line (dense with figures: one every 16
   characters) against the JSON report of the same file; bar: HTML at most 3 times JSON;
b. `numcheck check` of 25,000 and 100,000 repetitions of "<a " and of "<!--", as HTML and
   as one Markdown paragraph (inline HTML); bar: 4 times the input takes at most 10 times
   as long (linear work takes about 4; the quadratic readers took 16);
c. the peak memory (`/usr/bin/time -f %M`) of `numcheck extract --format json` on a 20 MB
   plain-text draft as dense with figures (about 1.3 million rows); bar: under 500 MB.
   This takes a few minutes (the extractor reads about 100 kB/s of such text).

The drafts are generated in a temporary folder. A measuring script: it prints its figures
and the bars, it never fails on a slow one.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SENTENCE = "Of the 800 applicants, 120 (12%) were accepted, and 45 km of road cost $3.2 million in 2019. "
TIME = "/usr/bin/time"


def dense(size: int, line_break: bool) -> str:
    sentence = SENTENCE.rstrip() + "\n" if line_break else SENTENCE
    return (sentence * (size // len(sentence) + 1))[:size]


def run(*args: str, memory: bool = False) -> tuple[float, int]:
    """Wall time of `numcheck ARGS` (output discarded), and its peak RSS in KB when asked."""
    command = [sys.executable, "-m", "numcheck", *args]
    if memory:
        command = [TIME, "-f", "%M", *command]
    started = time.perf_counter()
    proc = subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"numcheck {' '.join(args)} failed ({proc.returncode}): {proc.stderr[-500:]}")
    peak = int(proc.stderr.strip().splitlines()[-1]) if memory else 0
    return elapsed, peak


def best(args: list[str], runs: int = 2) -> float:
    return min(run(*args)[0] for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-memory", action="store_true", help="leave out the 20 MB run (c)")
    parser.add_argument("--json", metavar="OUT", help="also write the figures as JSON")
    options = parser.parse_args()
    figures: dict[str, object] = {"python": platform.python_version(), "machine": platform.machine()}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        line = folder / "line512.txt"
        line.write_text(dense(512 * 1024, line_break=False) + "\n", encoding="utf-8")
        as_json = best(["check", str(line), "--format", "json"])
        as_html = best(["check", str(line), "--format", "html"])
        figures["a"] = {"json_s": round(as_json, 2), "html_s": round(as_html, 2),
                        "ratio": round(as_html / as_json, 2), "bar": 3.0}
        print(f"a. 512 KB on one line: json {as_json:.2f} s, html {as_html:.2f} s, "
              f"html/json {as_html / as_json:.2f} (bar: at most 3)")

        figures["b"] = {}
        for piece in ("<a ", "<!--"):
            for suffix in ("html", "md"):
                times = []
                for count in (25_000, 100_000):
                    path = folder / f"run{count}.{suffix}"
                    path.write_text(piece * count if suffix == "html" else "Text " + piece * count, encoding="utf-8")
                    times.append(best(["check", str(path)]))
                ratio = times[1] / times[0]
                figures["b"][f"{piece.strip()} {suffix}"] = {"25000_s": round(times[0], 2),
                                                           "100000_s": round(times[1], 2), "ratio": round(ratio, 2)}
                print(f"b. {piece!r} x 25,000 / x 100,000 as {suffix}: {times[0]:.2f} s / {times[1]:.2f} s, "
                      f"ratio {ratio:.1f} (bar: at most 10; whole process, start-up included)")

        if not options.skip_memory and os.path.exists(TIME):
            big = folder / "dense20.txt"
            big.write_text(dense(20 * 1024 * 1024, line_break=True), encoding="utf-8")
            elapsed, peak = run("extract", str(big), "--format", "json", memory=True)
            figures["c"] = {"seconds": round(elapsed, 1), "peak_mb": round(peak / 1024), "bar_mb": 500}
            print(f"c. extract --format json, 20 MB dense draft: {elapsed:.0f} s, peak RSS {peak / 1024:.0f} MB "
                  f"(bar: under 500 MB)")
    if options.json:
        Path(options.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
