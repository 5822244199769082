"""The one Python API for checking drafts: the CLI and the language server are shells over it.

`check_text` checks one text already in memory (an editor buffer); `check_paths`
reads files and folders with `numcheck.document` and checks each. Nothing here
formats output: that is `numcheck.report`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Iterable, Optional, Sequence

from numcheck.checks import Finding, Rule, Settings, run_checks
from numcheck.checks.engine import facts_of
from numcheck import rules as registry  # read at call time, so rules added later are included
from numcheck.claims import Draft
from numcheck.document import FrontMatterError, InputError, PathArg, iter_documents
from numcheck.context import Context
from numcheck.markup.references import fix_in_source
from numcheck.suppress import apply_suppressions

__all__ = ["CheckResult", "check_text", "check_paths", "check_in_context", "Context", "InputError"]


@dataclass(frozen=True)
class CheckResult:
    """One checked text: its findings in text order, and what was done to get them."""

    path: str
    text: str
    draft: Draft
    findings: tuple[Finding, ...]
    quantities: int  # figures read in the text
    checks: int  # rules run over it
    verdicts: tuple = ()  # numcheck.tables.match.Verdict for each figure checked against a table
    problems: tuple[InputError, ...] = ()  # reference tables that could not be used for this text

    def verdict_count(self, status: str) -> int:
        return sum(1 for v in self.verdicts if v.status == status)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def check_text(
    text: str,
    path: str = "<text>",
    date: Optional[dt.date] = None,
    settings: Settings = Settings(),
    *,
    rules: Optional[Sequence[Rule]] = None,
    default_date: Optional[dt.date] = None,
    markup: Optional[str] = None,
) -> CheckResult:
    """Extract the figures of `text` and run the rules over them.

    `date` is the document's date; when None, a Markdown front matter `date:` is
    used, else `default_date` (a config's `date`). `markup` ("markdown", "html",
    "plain") overrides the markup the path's suffix names. A front matter date
    that is not a date raises `InputError` naming `path` and the line: it is the
    user's mistake, reported like any unreadable file.
    `rules` defaults to every registered rule (read at call time, so rules
    registered later are included).
    """
    chosen = tuple(registry.RULES if rules is None else rules)
    try:
        draft = Draft.read(text, path, date, default_date, markup)
    except FrontMatterError as exc:
        raise InputError(path, exc.message, line=exc.line) from None
    facts = facts_of(draft, settings)  # relations and table verdicts, found once for every rule and the report
    found = apply_suppressions(text, path, run_checks(facts, settings, rules=chosen), chosen, places=draft.comments,
                               markup=draft.markup)
    findings = tuple(replace(f, severity=settings.severity.get(f.rule, f.severity),
                             fix=f.fix if f.fix is None else fix_in_source(text[f.start:f.end], f.fix)) for f in found)
    verdicts = facts.verdicts
    return CheckResult(
        path=path,
        text=text,
        draft=draft,
        findings=findings,
        quantities=len(draft.quantities),
        checks=len(chosen),
        verdicts=verdicts,
    )


def check_paths(
    paths: Iterable[PathArg],
    date: Optional[dt.date] = None,
    settings: Settings = Settings(),
    *,
    rules: Optional[Sequence[Rule]] = None,
) -> tuple[list[CheckResult], list[InputError]]:
    """Check every file (folders expanded, "-" is standard input).

    A file that cannot be read or has a bad front matter date becomes an
    InputError and the rest are still checked; both lists keep the given order.
    """
    results: list[CheckResult] = []
    errors: list[InputError] = []
    # one file at a time, so memory holds one draft and its findings
    for item in iter_documents(paths):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        try:
            results.append(check_text(item.text, item.path, date, settings, rules=rules))
        except InputError as exc:
            errors.append(exc)
    return results, errors


_SHARED_CONTEXT: Optional[Context] = None


def check_in_context(text: str, path: str, context: Optional[Context] = None,
                     date: Optional[dt.date] = None, markup: Optional[str] = None) -> CheckResult:
    """Check `text` as the draft at `path` would be checked from the command line: with the config
    closest to it (numcheck.toml or pyproject.toml's [tool.numcheck]), that config's rules,
    severities and date, and its reference tables (or reference/ beside the draft).

    Config files and tables are cached by modification time in `context` (a shared one by
    default), so an edited config or table is used on the next call. A bad config raises
    ConfigError (an InputError); a bad table is left out and named in `CheckResult.problems`.
    """
    global _SHARED_CONTEXT
    if context is None:
        _SHARED_CONTEXT = _SHARED_CONTEXT or Context()
        context = _SHARED_CONTEXT
    config = context.config(path)
    references, problems = context.references(config, path)
    # the draft's own (front matter) date beats the config's default
    result = check_text(text, path, date, context.settings(config, references), rules=context.rules(config),
                        default_date=config.date, markup=markup)
    return replace(result, problems=tuple(problems))
