#!/usr/bin/env python
"""Benchmark numcheck's extractor and checks against quantulum3 and against their own bars.

    python bench/bench_extract.py [--sotu DIR] [--q3-sample-bytes N] [--repeat N] [--json out.json]

One run measures:
  a. numcheck.extract over every file of the State of the Union corpus (per file; bytes/s);
  b. numcheck check (every rule): numcheck.api.check_text, which extracts and then runs
     every rule of numcheck.rules.RULES, over every file of the same corpus (per file;
     bytes/s), with the number of findings by severity;
  c. quantulum3 parser.parse on a fixed, deterministic sample of that corpus (it runs at
     roughly 16 kB/s, so not the whole corpus), its import and first call timed apart;
     numcheck.extract and check_text are timed on the same sample, in the same process;
     the ratios extract / quantulum3 (bar: at least 20x) and check / quantulum3 (bar: at
     least 10x) on that sample, and numcheck corpus vs quantulum3 sample for scale;
  d. peak RSS of extracting the whole corpus with numcheck, in fresh subprocesses,
     against the 300 MB bar;
  e. wall time of `python -m numcheck extract seeds/caspian-strikes-2015.txt`, best of 5,
     against the 0.5 s bar.

quantulum3's output depends on hash order, so the script re-runs itself with
PYTHONHASHSEED=0 unless PYTHONHASHSEED is already set. Units are decimal
(1 kB = 1000 bytes, 1 MB = 10**6 bytes). This is a measuring script: it never fails
on a slow figure, it reports it.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import re
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any, Callable, Optional

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOTU = REPO.parent / "shared" / "data" / "sotu-addresses" / "txt"
DEFAULT_SEED = REPO / "seeds" / "caspian-strikes-2015.txt"

RSS_BAR_BYTES = 300 * 10**6
# numcheck / quantulum3 throughput on the same sample, at least:
EXTRACT_RATIO_BAR = 20.0
CHECK_RATIO_BAR = 10.0
WALL_BAR_SECONDS = 0.5
WALL_RUNS = 5

# quantulum3's sample: whole paragraphs taken in turn from these files, each from its
# start, until the byte budget is reached. Fixed so every run parses the same text;
# spread over two centuries of style (spelled-out numbers, dollars, percentages).
Q3_SAMPLE_FILES = (
    "2013_barack_obama_d.txt",
    "1996_william_j_clinton_d.txt",
    "1985_ronald_reagan_r.txt",
    "1962_john_f_kennedy_d.txt",
    "1934_franklin_d_roosevelt_d.txt",
    "1870_ulysses_s_grant_r.txt",
    "1821_james_monroe_dr.txt",
    "1801_thomas_jefferson_dr.txt",
)
# The SOTU files are one line each, so a "paragraph" is a line, and a line longer
# than this is cut into runs of whole sentences of at most this many characters.
# It matters: quantulum3 slows down on long inputs (about 60 kB/s on 1,000-char
# paragraphs, about 19 kB/s on a 30 kB single string), so it is a flag.
PARAGRAPH_CHARS = 1000
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# First quantulum3 call: it loads its unit tables and, on an ambiguous unit such as
# "pound", the classifier. Timed apart from the throughput.
Q3_WARMUP_TEXT = "The pound fell 2 percent while 26 cruise missiles flew 1,500 km and cost $2.5 billion."

sys.path.insert(0, str(REPO))  # bench this checkout even without an editable install


# --- helpers ---------------------------------------------------------------------------


def _decimal_scaled(value: float, unit: str, below_kilo: str) -> str:
    for prefix, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if value >= scale:
            return f"{value / scale:.3g} {prefix}{unit}"
    return f"{value:{below_kilo}} {unit}"


def human_rate(bytes_per_second: Optional[float]) -> str:
    if not bytes_per_second:
        return "n/a"
    return _decimal_scaled(bytes_per_second, "B/s", ".3g")


def human_bytes(n: Optional[float]) -> str:
    if n is None:
        return "n/a"
    return _decimal_scaled(n, "B", ".0f")


def human_seconds(s: Optional[float]) -> str:
    if s is None:
        return "n/a"
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.1f} ms"
    return f"{s * 1e6:.0f} us"


def git_describe() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO, capture_output=True, text=True, timeout=10,
        ).stdout.strip()
        return f"{head}{'+dirty' if dirty else ''}" if head else "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def corpus_files(sotu: Path) -> list[Path]:
    return sorted(p for p in sotu.iterdir() if p.is_file() and p.suffix == ".txt")


def paragraphs(text: str, limit: int = PARAGRAPH_CHARS) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) <= limit:
            out.append(line)
            continue
        run = ""
        for sentence in _SENTENCE_END.split(line):
            if run and len(run) + 1 + len(sentence) > limit:
                out.append(run)
                run = sentence
            else:
                run = f"{run} {sentence}" if run else sentence
        if run:
            out.append(run)
    return out


def q3_sample(sotu: Path, budget: int, limit: int = PARAGRAPH_CHARS) -> tuple[list[str], list[str], list[str]]:
    """Paragraphs in turn from each sample file until `budget` UTF-8 bytes; deterministic."""
    from numcheck.document import read_text

    used, missing, queues = [], [], []
    for name in Q3_SAMPLE_FILES:
        path = sotu / name
        if path.is_file():
            used.append(name)
            queues.append(paragraphs(read_text(path), limit))
        else:
            missing.append(name)
    chunks: list[str] = []
    total = 0
    depth = 0
    while total < budget and any(depth < len(q) for q in queues):
        for queue in queues:
            if depth < len(queue) and total < budget:
                chunks.append(queue[depth])
                total += len(queue[depth].encode("utf-8"))
        depth += 1
    return chunks, used, missing


# --- a. numcheck over the corpus ----------------------------------------------------


def bench_numcheck(files: list[Path], repeat: int, import_s: float) -> dict[str, Any]:
    import numcheck

    t0 = time.perf_counter()
    numcheck.extract(DEFAULT_SEED.read_text(encoding="utf-8") if DEFAULT_SEED.is_file() else Q3_WARMUP_TEXT)
    first_call_s = time.perf_counter() - t0

    per_file = [_without_result(f, quantities=len(f["result"])) if "result" in f else f
                for f in time_each_file(files, repeat, lambda text, path: numcheck.extract(text))]
    return {"import_s": import_s, "first_call_s": first_call_s, "repeat": repeat,
            **corpus_totals(files, per_file)}


def time_each_file(files: list[Path], repeat: int, run: Callable[[str, Path], Any]) -> list[dict[str, Any]]:
    """`run(text, path)` on each file, best wall time of `repeat`: one record per file with its
    bytes, seconds, rate and the last `result`, or the error (a crash on one file is a finding,
    not the end of the run). Shared by the extract and check benchmarks."""
    from numcheck.document import InputError, read_text

    out: list[dict[str, Any]] = []
    for path in files:
        try:
            text = read_text(path)
        except InputError as exc:
            out.append({"file": path.name, "error": str(exc)})
            continue
        size = len(text.encode("utf-8"))
        best: Optional[float] = None
        try:
            for _ in range(repeat):
                t0 = time.perf_counter()
                result = run(text, path)
                elapsed = time.perf_counter() - t0
                best = elapsed if best is None else min(best, elapsed)
        except Exception as exc:  # noqa: BLE001 - reported per file
            out.append({"file": path.name, "bytes": size, "error": f"{type(exc).__name__}: {exc}"})
            continue
        out.append({"file": path.name, "bytes": size, "seconds": best, "result": result,
                    "bytes_per_s": size / best if best else None})
    return out


def _without_result(record: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {**{k: v for k, v in record.items() if k != "result"}, **fields}


def corpus_totals(files: list[Path], per_file: list[dict[str, Any]]) -> dict[str, Any]:
    """Totals over the files that ran: bytes, seconds, rates, quantities (shared by extract and check)."""
    ok = [f for f in per_file if "error" not in f]
    total_bytes = sum(f["bytes"] for f in ok)
    total_s = sum(f["seconds"] for f in ok)
    rates = [f["bytes_per_s"] for f in ok if f["bytes_per_s"]]
    return {
        "files": len(files),
        "files_failed": len(per_file) - len(ok),
        "bytes": total_bytes,
        "seconds": total_s,
        "bytes_per_s": total_bytes / total_s if total_s else None,
        "median_file_bytes_per_s": statistics.median(rates) if rates else None,
        "slowest_files": sorted(ok, key=lambda f: f["bytes_per_s"] or 0)[:3],
        "quantities": sum(f["quantities"] for f in ok),
        "per_file": per_file,
    }


def time_numcheck_on(chunks: list[str]) -> dict[str, Any]:
    import numcheck

    size = sum(len(c.encode("utf-8")) for c in chunks)
    t0 = time.perf_counter()
    found = sum(len(numcheck.extract(c)) for c in chunks)
    elapsed = time.perf_counter() - t0
    return {"bytes": size, "seconds": elapsed, "bytes_per_s": size / elapsed if elapsed else None, "quantities": found}


# --- b. numcheck check (every rule) over the corpus ---------------------------------


def _severity_counts(findings: Any) -> dict[str, int]:
    from numcheck.checks import SEVERITIES

    counts = {severity: 0 for severity in SEVERITIES}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return counts


def bench_check(files: list[Path], repeat: int, settings: Any = None) -> dict[str, Any]:
    """`check_text` over every file, best of `repeat`; `settings` may carry reference tables."""

    t0 = time.perf_counter()
    from numcheck.api import check_text
    from numcheck.checks import Settings
    from numcheck.rules import RULES

    import_s = time.perf_counter() - t0  # on top of numcheck's own import
    settings = settings or Settings()

    t0 = time.perf_counter()
    if DEFAULT_SEED.is_file():
        check_text(DEFAULT_SEED.read_text(encoding="utf-8"), str(DEFAULT_SEED), settings=settings)
    else:
        check_text(Q3_WARMUP_TEXT, settings=settings)
    first_call_s = time.perf_counter() - t0

    per_file: list[dict[str, Any]] = []
    by_rule: dict[str, int] = {}
    for record in time_each_file(files, repeat, lambda text, path: check_text(text, str(path), settings=settings)):
        if "result" not in record:
            per_file.append(record)
            continue
        checked = record["result"]
        for f in checked.findings:
            key = f"{f.rule} {f.severity}"
            by_rule[key] = by_rule.get(key, 0) + 1
        per_file.append(_without_result(record, quantities=checked.quantities,
                                        findings=_severity_counts(checked.findings)))
    findings = _severity_counts(())
    for f in per_file:
        for severity, n in f.get("findings", {}).items():
            findings[severity] = findings.get(severity, 0) + n
    return {"rules": [rule.code for rule in RULES], "import_s": import_s, "first_call_s": first_call_s,
            "repeat": repeat, **corpus_totals(files, per_file), "findings": findings,
            "findings_by_rule": dict(sorted(by_rule.items()))}


TABLES_BAR = 2.0  # checking with the tables loaded takes at most twice as long as without


def bench_check_tables(files: list[Path], repeat: int) -> dict[str, Any]:
    """The full check with reference/population and reference/gdp loaded, against the same without."""
    from numcheck.checks import Settings
    from numcheck.tables import load_references

    tables = [REPO / "reference" / "population.toml", REPO / "reference" / "gdp.toml"]
    t0 = time.perf_counter()
    refs, errors = load_references(tables)
    load_s = time.perf_counter() - t0
    if errors:
        return {"error": [str(e) for e in errors]}
    run = bench_check(files, repeat, Settings(references=refs))
    run.update({"load_s": load_s, "facts": len(refs.facts), "tables": [str(t) for t in tables]})
    return run


def time_check_on(chunks: list[str]) -> dict[str, Any]:
    from numcheck.api import check_text

    size = sum(len(c.encode("utf-8")) for c in chunks)
    found = []
    t0 = time.perf_counter()
    for chunk in chunks:
        found.extend(check_text(chunk).findings)
    elapsed = time.perf_counter() - t0
    return {"bytes": size, "seconds": elapsed, "bytes_per_s": size / elapsed if elapsed else None,
            "findings": _severity_counts(found)}


# --- c. quantulum3 on the sample ------------------------------------------------------


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def bench_quantulum3(chunks: list[str]) -> dict[str, Any]:
    notes = _Collect()
    logging.getLogger("quantulum3").addHandler(notes)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t0 = time.perf_counter()
        try:
            from quantulum3 import classifier as q3_classifier
            from quantulum3 import parser
        except ImportError as exc:
            return {"available": False, "reason": f"quantulum3 not importable: {exc}"}
        import_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        parser.parse(Q3_WARMUP_TEXT)
        first_call_s = time.perf_counter() - t0

        # Cached after the warm-up if the warm-up needed it; otherwise this loads it,
        # and that load is counted here, not in the throughput.
        t0 = time.perf_counter()
        if q3_classifier.USE_CLF:
            loaded = q3_classifier.classifier("en_US").loaded
            classifier = "loaded" if loaded else "installed, but the model did not load: heuristic fallback"
        else:
            classifier = "missing (pip install 'quantulum3[classifier]'): heuristic fallback, not comparable"
        classifier_load_s = time.perf_counter() - t0

        size = sum(len(c.encode("utf-8")) for c in chunks)
        found = failed = 0
        t0 = time.perf_counter()
        for chunk in chunks:
            try:
                found += len(parser.parse(chunk))
            except Exception:  # quantulum3 raises on some inputs; count, don't stop
                failed += 1
        elapsed = time.perf_counter() - t0
    logging.getLogger("quantulum3").removeHandler(notes)
    messages = sorted({str(w.message) for w in caught} | set(notes.messages))
    try:
        from importlib.metadata import version

        versions = {"quantulum3": version("quantulum3")}
        try:
            versions["scikit-learn"] = version("scikit-learn")
        except Exception:
            versions["scikit-learn"] = None
    except Exception:
        versions = {}
    return {
        "available": True,
        "versions": versions,
        "classifier": classifier,
        "import_s": import_s,
        "first_call_s": first_call_s,
        "classifier_load_after_warmup_s": classifier_load_s,
        "bytes": size,
        "paragraphs": len(chunks),
        "seconds": elapsed,
        "bytes_per_s": size / elapsed if elapsed else None,
        "quantities": found,
        "paragraphs_failed": failed,
        "warnings": messages,
    }


# --- d. peak RSS in a fresh process ---------------------------------------------------

_PEAK_PROBE = r"""
import json, os, sys
def peak_bytes():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KiB elsewhere
"""

_RSS_API = _PEAK_PROBE + r"""
sys.path.insert(0, sys.argv[2])
import numcheck
from numcheck.document import expand_paths, read_text, InputError
baseline = peak_bytes()
kept = []  # all results held, as a caller collecting the corpus would
for path in expand_paths([sys.argv[1]]):
    if isinstance(path, InputError):
        continue
    kept.append(numcheck.extract(read_text(path)))
print(json.dumps({"peak": peak_bytes(), "baseline": baseline, "quantities": sum(map(len, kept))}))
"""

_RSS_CLI = _PEAK_PROBE + r"""
sys.path.insert(0, sys.argv[2])
from numcheck.cli import main
baseline = peak_bytes()
real = sys.stdout
with open(os.devnull, "w", encoding="utf-8") as sink:
    sys.stdout = sink
    status = main(["extract", sys.argv[1], "--format", "json"])
    sys.stdout = real
print(json.dumps({"peak": peak_bytes(), "baseline": baseline, "status": status}))
"""


def peak_rss(code: str, sotu: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-c", code, str(sotu), str(REPO)], capture_output=True, text=True, cwd=REPO
    )
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1:] or [f"exit {proc.returncode}"]}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["ok"] = result["peak"] <= RSS_BAR_BYTES
    return result


# --- e. whole-process wall time -------------------------------------------------------


def wall_times(cmd: list[str], runs: int) -> dict[str, Any]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            return {"error": proc.stderr.decode(errors="replace").strip()[-500:], "times": times}
    return {"best": min(times), "median": statistics.median(times), "times": times}


# --- report -------------------------------------------------------------------------


def _counts(counts: dict[str, int]) -> str:
    return " / ".join(f"{n:,} {severity}" for severity, n in counts.items())


def _ratio_row(label: str, ratio: Optional[float], bar: Optional[float]) -> tuple[str, str, str, str]:
    value = f"{ratio:,.1f}x" if ratio else "n/a"
    if bar is None:
        return (label, value, "", "")
    return (label, value, f">= {bar:g}x", "" if not ratio else "ok" if ratio >= bar else "UNDER")


def summary(r: dict[str, Any]) -> str:
    rows: list[tuple[str, str, str, str]] = []
    nc, q3, same = r["numcheck"], r.get("quantulum3") or {}, r.get("numcheck_on_q3_sample")
    ck, ck_same = r["check"], r.get("check_on_q3_sample")
    rows.append((f"numcheck.extract, whole corpus ({human_bytes(nc['bytes'])}, best of {nc['repeat']})",
                 human_rate(nc["bytes_per_s"]), "", ""))
    rows.append(("  median file / slowest file", f"{human_rate(nc['median_file_bytes_per_s'])} / "
                 + (human_rate(nc["slowest_files"][0]["bytes_per_s"]) if nc["slowest_files"] else "n/a"), "", ""))
    rows.append(("  import / first call (warm-up)", f"{human_seconds(nc['import_s'])} / {human_seconds(nc['first_call_s'])}", "", ""))
    rows.append(("  quantities found", f"{nc['quantities']:,}", "", ""))
    rows.append((f"numcheck check (every rule: {len(ck['rules'])}), whole corpus "
                 f"({human_bytes(ck['bytes'])}, best of {ck['repeat']})", human_rate(ck["bytes_per_s"]), "", ""))
    rows.append(("  median file / slowest file", f"{human_rate(ck['median_file_bytes_per_s'])} / "
                 + (human_rate(ck["slowest_files"][0]["bytes_per_s"]) if ck["slowest_files"] else "n/a"), "", ""))
    rows.append(("  import of numcheck.api / first call (warm-up)",
                 f"{human_seconds(ck['import_s'])} / {human_seconds(ck['first_call_s'])}", "", ""))
    rows.append(("  findings", _counts(ck["findings"]), "", ""))
    ct = r.get("check_tables") or {}
    if "error" in ct:
        rows.append(("numcheck check with reference tables", "failed", "", " ".join(ct["error"])))
    elif ct:
        rows.append((f"numcheck check with population and GDP tables ({ct['facts']:,} facts, loaded in "
                     f"{human_seconds(ct['load_s'])})", human_rate(ct["bytes_per_s"]), "", ""))
        rows.append(("  findings", _counts(ct["findings"]), "", ""))
        slower = ct["seconds"] / ck["seconds"] if ck["seconds"] else None
        rows.append(("  time with tables / time without", f"{slower:.2f}x" if slower else "n/a",
                     f"<= {TABLES_BAR:g}x", "" if slower is None else "ok" if slower <= TABLES_BAR else "OVER"))
    if q3.get("available"):
        rows.append((f"quantulum3 parser.parse, sample ({human_bytes(q3['bytes'])})", human_rate(q3["bytes_per_s"]), "", ""))
        rows.append(("  import / first call (warm-up)", f"{human_seconds(q3['import_s'])} / {human_seconds(q3['first_call_s'])}", "", ""))
        rows.append(("  quantities found", f"{q3['quantities']:,}", "", ""))
        rows.append(("numcheck.extract, same sample", human_rate(same["bytes_per_s"]), "", ""))
        rows.append(("numcheck check, same sample", human_rate(ck_same["bytes_per_s"]), "", ""))
        rows.append(("  findings (paragraph by paragraph)", _counts(ck_same["findings"]), "", ""))
        rows.append(_ratio_row("ratio numcheck extract / quantulum3, same sample", r.get("ratio_same_sample"),
                               EXTRACT_RATIO_BAR))
        rows.append(_ratio_row("ratio numcheck check / quantulum3, same sample", r.get("ratio_check_same_sample"),
                               CHECK_RATIO_BAR))
        rows.append(_ratio_row("ratio numcheck corpus / quantulum3 sample", r.get("ratio_corpus_vs_sample"), None))
    else:
        rows.append(("quantulum3", "skipped", "", q3.get("reason", "")))
    for key, label in (("rss_api", "peak RSS, extract() over corpus, results kept"),
                       ("rss_cli", "peak RSS, `numcheck extract DIR --format json`")):
        m = r[key]
        if "error" in m:
            rows.append((label, "failed", human_bytes(RSS_BAR_BYTES), " ".join(m["error"])))
        else:
            rows.append((label, f"{human_bytes(m['peak'])} (import {human_bytes(m['baseline'])})",
                         human_bytes(RSS_BAR_BYTES), "ok" if m["ok"] else "OVER"))
    w = r["wall"]
    label = f"wall, `python -m numcheck extract {r['seed_name']}` best of {WALL_RUNS}"
    if "error" in w:
        rows.append((label, "failed", f"{WALL_BAR_SECONDS} s", w["error"].splitlines()[-1] if w["error"] else ""))
    else:
        rows.append((label, f"{human_seconds(w['best'])} (median {human_seconds(w['median'])})",
                     f"{WALL_BAR_SECONDS} s", "ok" if w["best"] <= WALL_BAR_SECONDS else "OVER"))
    rows.append(("  for scale: `python -c pass` best of 5", human_seconds(r["python_floor"].get("best")), "", ""))

    header = ("measure", "value", "bar", "verdict")
    widths = [max(len(row[i]) for row in rows + [header]) for i in range(4)]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(header)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sotu", type=Path, default=DEFAULT_SOTU, help=f"corpus folder (default: {DEFAULT_SOTU})")
    ap.add_argument("--q3-sample-bytes", type=int, default=200_000, metavar="N",
                    help="bytes of the corpus given to quantulum3 (default 200000; 0 skips it)")
    ap.add_argument("--q3-paragraph-chars", type=int, default=PARAGRAPH_CHARS, metavar="N",
                    help=f"longest paragraph given to one parse call, in characters (default {PARAGRAPH_CHARS})")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="time numcheck on each corpus file N times and keep the best (default 1)")
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="small file for the wall-time check")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also write every figure to this JSON file")
    args = ap.parse_args(argv)

    if "PYTHONHASHSEED" not in os.environ:
        # quantulum3's results (and so its timing) depend on set order: pin it by
        # running this same script again with a fixed seed.
        env = dict(os.environ, PYTHONHASHSEED="0")
        return subprocess.call([sys.executable, str(Path(__file__).resolve()), *(argv if argv is not None else sys.argv[1:])], env=env)

    sotu = args.sotu.resolve()
    if not sotu.is_dir():
        print(f"bench: error: {sotu}: corpus folder not found (use --sotu DIR)", file=sys.stderr)
        return 2
    files = corpus_files(sotu)
    if not files:
        print(f"bench: error: {sotu}: no .txt files", file=sys.stderr)
        return 2
    seed = args.seed.resolve()

    t0 = time.perf_counter()
    import numcheck  # first import in this process: timed as numcheck's import cost

    import_s = time.perf_counter() - t0
    result: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "environment": {
            "numcheck_version": numcheck.__version__,
            "git": git_describe(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED"),
        },
        "corpus": str(sotu),
        "seed_name": os.path.relpath(seed, REPO) if seed.is_relative_to(REPO) else str(seed),
    }
    print(f"numcheck {numcheck.__version__} @ {result['environment']['git']}, Python {platform.python_version()}, "
          f"PYTHONHASHSEED={os.environ['PYTHONHASHSEED']}")
    print(f"corpus: {len(files)} files in {sotu}")

    print("a. numcheck.extract over the corpus ...", flush=True)
    result["numcheck"] = nc = bench_numcheck(files, max(1, args.repeat), import_s)
    for f in nc["per_file"]:
        if "error" in f:
            print(f"   failed: {f['file']}: {f['error']}")
    print("   slowest files: " + ", ".join(
        f"{f['file']} ({human_bytes(f['bytes'])}, {human_rate(f['bytes_per_s'])})" for f in nc["slowest_files"]))

    print("b. numcheck check (every rule) over the corpus ...", flush=True)
    result["check"] = ck = bench_check(files, max(1, args.repeat))
    for f in ck["per_file"]:
        if "error" in f:
            print(f"   failed: {f['file']}: {f['error']}")
    print("   slowest files: " + ", ".join(
        f"{f['file']} ({human_bytes(f['bytes'])}, {human_rate(f['bytes_per_s'])})" for f in ck["slowest_files"]))
    print("   findings by rule: " + (", ".join(f"{k} {n}" for k, n in ck["findings_by_rule"].items()) or "none"))

    print("b2. numcheck check with the World Bank population and GDP tables loaded ...", flush=True)
    result["check_tables"] = bench_check_tables(files, max(1, args.repeat))

    if args.q3_sample_bytes > 0:
        chunks, used, missing = q3_sample(sotu, args.q3_sample_bytes, args.q3_paragraph_chars)
        result["q3_sample"] = {"files": used, "missing": missing, "paragraph_chars": args.q3_paragraph_chars,
                               "budget_bytes": args.q3_sample_bytes}
        print(f"c. quantulum3 on a {human_bytes(args.q3_sample_bytes)} sample: paragraphs (whole sentences, "
              f"<= {args.q3_paragraph_chars} chars) taken in turn from the start of {', '.join(used)}" + (f" (missing: {', '.join(missing)})" if missing else ""), flush=True)
        if chunks:
            result["quantulum3"] = q3 = bench_quantulum3(chunks)
            result["numcheck_on_q3_sample"] = same = time_numcheck_on(chunks)
            result["check_on_q3_sample"] = ck_same = time_check_on(chunks)
            if q3.get("available"):
                print(f"   classifier: {q3['classifier']}")
                for message in q3["warnings"]:
                    print(f"   quantulum3 says: {message}")
                if q3["paragraphs_failed"]:
                    print(f"   quantulum3 raised on {q3['paragraphs_failed']} of {q3['paragraphs']} paragraphs")
                if q3["bytes_per_s"] and same["bytes_per_s"]:
                    result["ratio_same_sample"] = same["bytes_per_s"] / q3["bytes_per_s"]
                if q3["bytes_per_s"] and ck_same["bytes_per_s"]:
                    result["ratio_check_same_sample"] = ck_same["bytes_per_s"] / q3["bytes_per_s"]
                result["ratio_bars"] = {"ratio_same_sample": EXTRACT_RATIO_BAR,
                                        "ratio_check_same_sample": CHECK_RATIO_BAR}
                result["ratio_ok"] = {key: result.get(key) is not None and result[key] >= bar
                                      for key, bar in result["ratio_bars"].items()}
                if q3["bytes_per_s"] and nc["bytes_per_s"]:
                    result["ratio_corpus_vs_sample"] = nc["bytes_per_s"] / q3["bytes_per_s"]
            else:
                print(f"   skipped: {q3['reason']}")
        else:
            result["quantulum3"] = {"available": False, "reason": "none of the sample files are in the corpus"}
    else:
        result["quantulum3"] = {"available": False, "reason": "--q3-sample-bytes 0"}

    print("d. peak RSS over the whole corpus, in fresh processes ...", flush=True)
    result["rss_api"] = peak_rss(_RSS_API, sotu)
    result["rss_cli"] = peak_rss(_RSS_CLI, sotu)

    print(f"e. wall time of the CLI on {result['seed_name']}, best of {WALL_RUNS} ...", flush=True)
    result["wall"] = wall_times([sys.executable, "-m", "numcheck", "extract", str(seed)], WALL_RUNS)
    result["wall"]["bar_s"] = WALL_BAR_SECONDS
    result["python_floor"] = wall_times([sys.executable, "-c", "pass"], WALL_RUNS)

    print()
    print(summary(result))
    print("(1 kB = 1000 bytes, 1 MB = 10**6 bytes)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
