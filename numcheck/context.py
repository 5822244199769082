"""What a draft is checked with, found from where it lives: its config and its reference tables.

A `Context` caches both by file modification times, so a long-lived caller (the
language server) picks up an edited numcheck.toml or reference table on the next
check without re-reading anything that did not change, and the CLI reads each
config and table once however many drafts share it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Optional

from numcheck.checks import Rule, Settings
from numcheck import rules as registry
from numcheck.config import Config, config_for, shown_path
from numcheck.document import STDIN_NAME, InputError

__all__ = ["Context", "default_references", "known_rules"]


def known_rules() -> tuple[tuple[str, str], ...]:
    return tuple((r.code, r.name) for r in registry.RULES)


def default_references(draft_path: str) -> tuple[str, ...]:
    """reference/ beside the draft, and in the working folder, where they exist."""
    folder = os.getcwd() if draft_path in ("", STDIN_NAME) else os.path.dirname(os.path.abspath(draft_path))
    found: list[str] = []
    for candidate in (os.path.join(folder, "reference"), os.path.join(os.getcwd(), "reference")):
        candidate = shown_path(os.path.normpath(candidate))
        if os.path.isdir(candidate) and candidate not in found:
            found.append(candidate)
    return tuple(found)


def _stamps(paths: tuple[str, ...]) -> tuple:
    """Modification times of every table file under `paths`: what a cached load depends on."""
    from numcheck.tables.load import table_paths

    files, missing = table_paths(paths)
    out: list[tuple[str, int]] = [(p, -1) for p in missing]
    for full in files:
        try:
            out.append((full, os.stat(full).st_mtime_ns))
        except OSError:
            out.append((full, -1))
    return tuple(out)


@dataclass
class Context:
    """`explicit_config` is --config; `overrides` are command-line values (Config field names)."""

    explicit_config: Optional[str] = None
    overrides: dict[str, Any] = field(default_factory=dict)
    _configs: dict = field(default_factory=dict, repr=False)
    _tables: dict = field(default_factory=dict, repr=False)

    def config(self, path: str) -> Config:
        """The config in force for the draft at `path`; raises ConfigError for a bad file."""
        base = config_for(path, self.explicit_config, known_rules(), cache=self._configs)
        return base.with_overrides(**self.overrides) if self.overrides else base

    def references(self, config: Config, path: str) -> tuple[object | None, tuple[InputError, ...]]:
        """The reference tables for a draft (None when there are none) and the tables' errors."""
        from numcheck.tables import load_references

        paths = config.reference if config.reference is not None else default_references(path)
        if not paths:
            return None, ()
        stamps = _stamps(paths)
        hit = self._tables.get(paths)
        if hit is None or hit[0] != stamps:
            # named as the user sees them (relative to the working folder) in messages and errors
            refs, errors = load_references([shown_path(p) for p in paths])
            hit = (stamps, refs if refs else None, tuple(errors))
            self._tables[paths] = hit
        return hit[1], hit[2]

    def rules(self, config: Config) -> tuple[Rule, ...]:
        codes = set(config.rule_codes(known_rules()))
        return tuple(r for r in registry.RULES if r.code in codes)

    def settings(self, config: Config, references: object | None) -> Settings:
        return Settings(hedge=config.hedge_tolerance, severity=dict(config.severity), references=references)


