"""One documentation page per rule, shipped with the package, for links that must resolve
without a network or a checkout (the language server's diagnostic codes link here).

The pages are `numcheck rule CODE`'s output, written once into `numcheck/docs/rules/`:

    python -m numcheck.rule_pages

and a test fails when one differs from what `numcheck rule` prints now, as ruff's
generated rule docs are kept in step with its code.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

from numcheck import rules as registry
from numcheck.report.text import render_rule

__all__ = ["PAGES", "page_path", "write_pages"]

PAGES = Path(__file__).resolve().parent / "docs" / "rules"


def page_path(code: str) -> Optional[Path]:
    """The page of the rule with this code, when it is there."""
    path = PAGES / f"{code.upper()}.md"
    return path if path.is_file() else None


def write_pages(folder: Path = PAGES) -> list[Path]:
    """(Re)write every rule's page; pages of rules that no longer exist are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for rule in registry.RULES:
        path = folder / f"{rule.code}.md"
        path.write_text(render_rule(rule), encoding="utf-8", newline="\n")
        written.append(path)
    for stale in set(folder.glob("NC*.md")) - set(written):
        stale.unlink()
    return written


if __name__ == "__main__":
    for path in write_pages():
        print(path, file=sys.stderr)
