"""What a draft is checked with, found from where it lives: its config and its reference tables.

A `Context` caches both by file modification times, so a long-lived caller (the
language server) picks up an edited numcheck.toml or reference table on the next
check without re-reading anything that did not change, and the CLI reads each
config and table once however many drafts share it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from numcheck.checks import Rule, Settings
from numcheck import rules as registry
from numcheck.config import Config, config_for, shown_path
from numcheck.document import STDIN_NAME, InputError
from numcheck.tables.load import TableRoot

__all__ = ["Context", "default_references", "known_rules", "reference_roots", "warn_on_stderr"]


def known_rules() -> tuple[tuple[str, str], ...]:
    return tuple((r.code, r.name) for r in registry.RULES)


def default_references(draft_path: str) -> tuple[str, ...]:
    """reference/ beside the draft, and in the working folder, where they exist."""
    return tuple(root.path for root in _default_roots(draft_path))


def _default_roots(draft_path: str) -> tuple[TableRoot, ...]:
    """The default reference/ folders, each bound to the folder that holds it: a `reference`
    that is a symbolic link out of the draft's tree is refused, not followed."""
    folder = os.getcwd() if draft_path in ("", STDIN_NAME) else os.path.dirname(os.path.abspath(draft_path))
    found: list[TableRoot] = []
    for parent in (folder, os.getcwd()):
        candidate = shown_path(os.path.normpath(os.path.join(parent, "reference")))
        if os.path.isdir(candidate) and candidate not in [r.path for r in found]:
            found.append(TableRoot(candidate, bound=parent))
    return tuple(found)


def project_top(folder: str) -> str:
    """The top of the Git work tree holding `folder`, or `folder` itself outside one: how far a
    config's `reference` may reach."""
    here = os.path.abspath(folder)
    for candidate in (here, *_parents(here)):
        if os.path.exists(os.path.join(candidate, ".git")):
            return candidate
    return here


def _parents(path: str) -> list[str]:
    out = []
    while True:
        parent = os.path.dirname(path)
        if parent == path:
            return out
        out.append(parent)
        path = parent


def reference_roots(config: Config, draft_path: str) -> tuple[TableRoot, ...]:
    """Where a draft's reference tables come from, each with how far it may reach: named on the
    command line (trusted as named), in a config (inside the config's project), or the default
    reference/ folders."""
    if config.reference is None:
        return _default_roots(draft_path)
    if config.origin("reference") == "command line" or not config.path:
        return tuple(TableRoot(shown_path(p)) for p in config.reference)
    bound = project_top(os.path.dirname(config.path))
    return tuple(TableRoot(shown_path(p), bound=bound) for p in config.reference)


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


def warn_on_stderr(message: str) -> None:
    """A warning as the command line gives one: a line on standard error, output unchanged."""
    print(f"numcheck: warning: {message}", file=sys.stderr)


@dataclass
class Context:
    """`explicit_config` is --config; `overrides` are command-line values (Config field names);
    `warn` is told, once each, what is worth saying but no error (a config that selects no
    rule)."""

    explicit_config: Optional[str] = None
    overrides: dict[str, Any] = field(default_factory=dict)
    warn: Callable[[str], None] = field(default=warn_on_stderr, repr=False)
    _configs: dict = field(default_factory=dict, repr=False)
    _tables: dict = field(default_factory=dict, repr=False)
    _warned: set = field(default_factory=set, repr=False)

    def config(self, path: str) -> Config:
        """The config in force for the draft at `path`; raises ConfigError for a bad file."""
        base = config_for(path, self.explicit_config, known_rules(), cache=self._configs)
        return base.with_overrides(**self.overrides) if self.overrides else base

    def references(self, config: Config, path: str) -> tuple[object | None, tuple[InputError, ...]]:
        """The reference tables for a draft (None when there are none) and the tables' errors."""
        from numcheck.tables import load_references

        roots = reference_roots(config, path)
        if not roots:
            return None, ()
        stamps = _stamps(tuple(r.path for r in roots))
        hit = self._tables.get(roots)
        if hit is None or hit[0] != stamps:
            # named as the user sees them (relative to the working folder) in messages and errors
            refs, errors = load_references(roots)
            hit = (stamps, refs if refs else None, tuple(errors))
            self._tables[roots] = hit
        return hit[1], hit[2]

    def rules(self, config: Config) -> tuple[Rule, ...]:
        codes = set(config.rule_codes(known_rules()))
        if not codes:
            self._warn_once(config.no_rules(known_rules()))
        return tuple(r for r in registry.RULES if r.code in codes)

    def _warn_once(self, message: Optional[str]) -> None:
        if message and message not in self._warned:
            self._warned.add(message)
            self.warn(message)

    def settings(self, config: Config, references: object | None) -> Settings:
        return Settings(hedge=config.hedge_tolerance, severity=dict(config.severity), references=references)


