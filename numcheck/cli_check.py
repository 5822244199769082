"""`numcheck check` and `numcheck config`: arguments in, one config per draft, output and exit status.

Kept apart from `numcheck.cli` so `numcheck extract` and `numcheck rules` start
without loading the checks. The work is `numcheck.api.check_in_context`; this
module only decides which files to read, renders, and sets the exit status.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import replace
from typing import Iterator, Optional, Sequence, Union

from numcheck.api import CheckResult, check_in_context
from numcheck.cli import (EXIT_FINDINGS, EXIT_INPUT_ERROR, EXIT_OK, _error, _write, is_terminal, parse_date,
                          use_colour)
from numcheck.config import Config, KEYS, is_selector, shown_path
from numcheck.context import Context, default_references, known_rules
from numcheck.document import STDIN, STDIN_NAME, InputError, expand_paths, read_stdin, read_text
from numcheck.report import at_or_above

__all__ = ["run_check", "run_config", "targets"]


def _overrides(args: argparse.Namespace) -> dict:
    """Command-line values that beat every config file (Config field names)."""
    values: dict = {
        "fail_on": args.fail_on,
        "hedge_tolerance": args.hedge_tolerance,
        "select": args.select,
        "ignore": args.ignore,
        "reference": tuple(os.path.normpath(p) for p in args.reference) if args.reference is not None else None,
    }
    return {k: v for k, v in values.items() if v is not None}


def targets(paths: Sequence[str], context: Context, force_exclude: bool,
            stdin_name: Optional[str] = None) -> Iterator[Union[str, InputError]]:
    """The files to check, in order: folders expanded, minus what the config excludes.

    A file found in a folder is left out when its config's `exclude` matches it; a file named
    on the command line only with --force-exclude (as ruff does), since the user asked for it.
    Standard input counts as the file `stdin_name` (--stdin-filename) names, so an editor that
    pipes an excluded file gets nothing back, as ruff does."""
    seen: set[str] = set()
    for given in paths:
        named = given == STDIN or not os.path.isdir(given)
        for entry in expand_paths([given]):
            if isinstance(entry, InputError):
                yield entry
                continue
            if entry == STDIN:
                if STDIN not in seen:  # standard input can be read once
                    seen.add(STDIN)
                    if not (force_exclude and stdin_name and context.config(stdin_name).excludes(stdin_name)):
                        yield entry
                continue
            key = os.path.abspath(entry)
            if key in seen:
                continue
            seen.add(key)
            if not named or force_exclude:
                config = context.config(entry)
                if config.excludes(entry):
                    continue
            yield entry


def _progress(items: list, enabled: bool):
    """A progress bar on stderr for many files when stderr is a terminal; findings stay on stdout."""
    if not enabled or len(items) < 2:
        return items
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency
        return items
    return tqdm(items, file=sys.stderr, unit="file", leave=False, dynamic_ncols=True)


def run_check(args: argparse.Namespace) -> int:
    date = None
    if args.date is not None:
        try:
            date = parse_date(args.date)
        except ValueError as exc:
            _error(str(exc))
            return EXIT_INPUT_ERROR
    for option, items in (("--select", args.select), ("--ignore", args.ignore)):
        # a typo must not silently check nothing (and exit 0)
        unknown = [item for item in items or () if not is_selector(item, known_rules())]
        if unknown:
            _error(f"{option}: {unknown[0]!r} is no rule code, prefix or name (see 'numcheck rules')")
            return EXIT_INPUT_ERROR
    context = Context(args.config, _overrides(args))
    stdin_name = args.stdin_filename or STDIN_NAME
    try:
        if args.config is not None:
            context.config(args.config)  # a bad --config stops everything, before any output
        entries = list(targets(args.paths, context, args.force_exclude, args.stdin_filename))
        for entry in entries:  # every draft's config read before any output: a bad one stops all
            if not isinstance(entry, InputError):
                context.config(stdin_name if entry == STDIN else os.fspath(entry))
    except InputError as exc:
        _error(str(exc))
        return EXIT_INPUT_ERROR
    results: list[CheckResult] = []
    errors: list[InputError] = []
    failing = False
    stderr_tty = is_terminal(sys.stderr)
    for entry in _progress(entries, stderr_tty):
        if isinstance(entry, InputError):
            errors.append(entry)
            continue
        try:
            if entry == STDIN:
                path, text = stdin_name, read_stdin()
            else:
                path, text = os.fspath(entry), read_text(entry)
            result = check_in_context(text, path, context, date=date)
            fail_on = "never" if args.exit_zero else context.config(path).fail_on
        except InputError as exc:
            errors.append(exc)
            continue
        for problem in result.problems:
            if str(problem) not in {str(e) for e in errors}:
                errors.append(problem)
        failing = failing or at_or_above(result.findings, fail_on)
        results.append(result)
    for error in errors:
        _error(str(error))
    if args.min_severity != "info":  # what is shown: those at or above --min-severity
        results = [replace(r, findings=tuple(f for f in r.findings if at_or_above([f], args.min_severity)))
                   for r in results]
    output = _render(results, errors, args)
    # json, sarif, github and html are read by programs: always UTF-8, whatever the console's code page.
    _write(output, utf8_bytes=args.format != "text")
    if errors:
        return EXIT_INPUT_ERROR
    return EXIT_FINDINGS if failing else EXIT_OK


def _render(results: list[CheckResult], errors: list[InputError], args: argparse.Namespace) -> str:
    # Built whole before anything is written, so a failure part-way leaves no half output.
    if args.format == "json":
        from numcheck.report.json import render_json

        return render_json(results, args.show_verified, args.show_unmatched)
    if args.format == "sarif":
        from numcheck.report.sarif import render_sarif

        return render_sarif(results, errors=errors)
    if args.format == "github":
        from numcheck.report.github import render_github

        return render_github(results)
    if args.format == "html":
        from numcheck.report.html import render_html

        return render_html(results)
    from numcheck.report.text import render_text

    return render_text(results, colour=use_colour(sys.stdout), show_verified=args.show_verified,
                       show_unmatched=args.show_unmatched)


# --- numcheck config ------------------------------------------------------------------------

def run_config(path: str, explicit: Optional[str]) -> int:
    if path != STDIN and not os.path.lexists(path):  # a typo must not show the working folder's settings
        _error(f"{path}: no such file or folder")
        return EXIT_INPUT_ERROR
    context = Context(explicit)
    try:
        config = context.config(path)
    except InputError as exc:
        _error(str(exc))
        return EXIT_INPUT_ERROR
    notice = config.no_rules(known_rules())
    if notice:
        context.warn(notice)
    _write(render_config(config, path, context), utf8_bytes=False)
    return EXIT_OK


def _toml(value: object) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, dt.date):
        return value.isoformat()  # a TOML local date, as the config file may write it
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }" if value else "{}"
    return str(value)


def render_config(config: Config, path: str, context: Context) -> str:
    """The settings in force for `path`, as TOML one could paste into numcheck.toml, each with its
    origin as a comment."""
    source = shown_path(config.path) if config.path else "none found: the defaults"
    lines = [f"# settings for {path}", f"# config file: {source}", ""]
    values: dict[str, object] = {
        "select": list(config.select),
        "ignore": list(config.ignore),
        "severity": dict(config.severity),
        "fail-on": config.fail_on,
        "reference": list(config.reference) if config.reference is not None else None,
        "hedge-tolerance": config.hedge_tolerance,
        "date": config.date,
        "exclude": list(config.exclude),
    }
    rows: list[tuple[str, str]] = []
    for key in KEYS:
        value = values[key]
        origin = config.origin(key)
        if key == "reference" and value is None:
            found = default_references(path)
            rows.append((f"# reference = {_toml(list(found))}", "default: reference/ beside the draft or "
                                                                   "in the working folder"))
            continue
        if key == "date" and value is None:
            rows.append(("# date = (not set)", "default: front matter date:, else none"))
            continue
        rows.append((f"{key} = {_toml(value)}", origin))
    width = max(len(text) for text, _ in rows)
    lines += [f"{text.ljust(width)}  # {origin}" for text, origin in rows]
    codes = config.rule_codes(known_rules())
    lines += ["", f"# rules in force ({len(codes)}): {', '.join(codes) or 'none, so nothing is checked'}"]
    return "\n".join(lines) + "\n"
