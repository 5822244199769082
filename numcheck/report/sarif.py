"""The sarif format: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).

One run. `tool.driver` carries every rule in the registry (id = code, name =
slug, the docs as descriptions and help) so a viewer can explain a result
without numcheck installed. Each finding is a result with its rule's id and
index, a level from the finding's own severity (error, warning, info→note),
its primary region, its related figures as relatedLocations, a fix when
numcheck is sure of the replacement, and a partial fingerprint that survives
lines moving.

Positions are the ones every format shares (`numcheck.report`): 1-based lines
and columns counted in code points, ends exclusive. SARIF's endColumn is also
exclusive ("the character following the end of the region"); its default
column unit is UTF-16 code units, so the run says `columnKind:
unicodeCodePoints`.

Paths are written relative to the working folder with `uriBaseId: SRCROOT`,
and `originalUriBaseIds.SRCROOT` is that folder as a file:// URI, so code
scanning resolves them against the checkout. A file outside the working folder
gets an absolute file:// URI; standard input keeps its name `<stdin>`
(percent-encoded) with no base, since it is no file.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Optional, Sequence
from urllib.parse import quote

from numcheck import rules as registry
from numcheck.document import STDIN_NAME
from numcheck.names import encodable_json
from numcheck.report import Located, Span, locate, ordered

if TYPE_CHECKING:
    from numcheck.api import CheckResult
    from numcheck.checks import Rule

__all__ = ["SCHEMA", "SRCROOT", "FINGERPRINT", "LEVELS", "working_path", "fingerprint", "sarif_dict",
           "render_sarif"]

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "SRCROOT"
FINGERPRINT = "numcheck/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def working_path(path: str, root: Optional[str] = None) -> Optional[str]:
    """`path` relative to `root` (the working folder), with / separators; None when it is
    outside `root` (or on another drive) or is standard input."""
    if path == STDIN_NAME:
        return None
    root = os.path.abspath(root if root is not None else os.getcwd())
    try:
        rel = os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # Windows: another drive
        return None
    posix = PurePosixPath(*Path(rel).parts).as_posix()
    if posix == ".." or posix.startswith("../"):
        return None
    return posix


def _artifact(path: str, root: str) -> dict[str, Any]:
    rel = working_path(path, root)
    if rel is not None:
        # quote: a ':' in the first segment would read as a URI scheme, spaces and '#' break it; the
        # name's own bytes are quoted, so a name that is not UTF-8 ("caf\xff.md") is "caf%FF.md"
        return {"uri": quote(os.fsencode(rel), safe="/"), "uriBaseId": SRCROOT}
    if path == STDIN_NAME:
        return {"uri": quote(path, safe="")}
    return {"uri": Path(os.path.abspath(path)).as_uri()}


def _root_uri(root: str) -> str:
    uri = Path(os.path.abspath(root)).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _region(span: Span, snippet: Optional[str] = None) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,  # exclusive, as in SARIF
    }
    if snippet is not None:
        region["snippet"] = {"text": snippet}
    return region


def _context(item: Located) -> str:
    """The sentence holding the finding, whitespace collapsed (so no line breaks or numbers)."""
    draft = item.result.draft
    return " ".join(draft.sentence_text(draft.sentence_of(item.finding.start)).split())


def fingerprint(item: Located, uri: str, occurrence: int = 0) -> str:
    """partialFingerprints["numcheck/v1"] of a finding.

    sha256 over the rule code, the file's uri, the finding's surface text, the
    sentence it is in with whitespace collapsed, and which occurrence of that
    same key in the file this is (0 for the first). No line or column goes in,
    so blank lines or paragraphs added above a finding leave it the same alert;
    editing the sentence itself makes a new one, which is what a reviewer
    expects. The message is left out on purpose: it carries computed values
    (and reference-table provenance) that can change while the mistake is the
    same. The occurrence number keeps two identical findings in repeated
    identical sentences apart.
    """
    f = item.finding
    surface = item.result.text[f.start:f.end]
    key = "\x1f".join((f.rule, uri, surface, _context(item), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _rule(rule: "Rule") -> dict[str, Any]:
    docs = rule.docs
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": docs.what},
        "help": {
            "text": docs.fix,
            "markdown": f"## Why is this bad?\n\n{docs.why}\n\n## How to fix\n\n{docs.fix}",
        },
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
    }


def _result(item: Located, rule_index: dict[str, int], root: str, seen: dict[tuple, int]) -> dict[str, Any]:
    f, result = item.finding, item.result
    artifact = _artifact(result.path, root)
    key = (f.rule, artifact["uri"], result.text[f.start:f.end], _context(item))
    occurrence = seen.get(key, 0)
    seen[key] = occurrence + 1
    out: dict[str, Any] = {"ruleId": f.rule}
    if f.rule in rule_index:
        out["ruleIndex"] = rule_index[f.rule]
    out["level"] = LEVELS.get(f.severity, "warning")
    out["message"] = {"text": f.message}
    out["locations"] = [{"physicalLocation": {
        "artifactLocation": artifact,
        "region": _region(item.span, result.text[f.start:f.end]),
    }}]
    if f.related:
        out["relatedLocations"] = [
            {"id": i,
             "physicalLocation": {"artifactLocation": artifact,
                                  "region": _region(locate(item.index, r.start, r.end), result.text[r.start:r.end])},
             "message": {"text": r.message}}
            for i, r in enumerate(f.related, start=1)
        ]
    if f.fix is not None:
        out["fixes"] = [{
            "description": {"text": f'Replace with "{f.fix}"'},
            "artifactChanges": [{
                "artifactLocation": artifact,
                "replacements": [{"deletedRegion": _region(item.span), "insertedContent": {"text": f.fix}}],
            }],
        }]
    out["partialFingerprints"] = {FINGERPRINT: fingerprint(item, artifact["uri"], occurrence)}
    return out


def sarif_dict(results: Sequence["CheckResult"], root: Optional[str] = None,
               errors: Sequence[Exception] = ()) -> dict[str, Any]:
    """The SARIF log of `results`; `root` is the folder paths are relative to (default: the
    working folder); `errors` (inputs or tables that could not be used) become notifications."""
    from numcheck import __version__

    root = os.path.abspath(root if root is not None else os.getcwd())
    rules = registry.RULES  # read at call time, like check_text
    rule_index = {r.code: i for i, r in enumerate(rules)}
    seen: dict[tuple, int] = {}
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": str(e)}} for e in errors
        ]
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "numcheck",
            "version": __version__,
            "rules": [_rule(r) for r in rules],
        }},
        "invocations": [invocation],
        "originalUriBaseIds": {SRCROOT: {"uri": _root_uri(root)}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(item, rule_index, root, seen) for item in ordered(results)],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(results: Sequence["CheckResult"], root: Optional[str] = None,
                 errors: Sequence[Exception] = ()) -> str:
    return encodable_json(json.dumps(sarif_dict(results, root, errors), ensure_ascii=False, indent=2)) + "\n"
