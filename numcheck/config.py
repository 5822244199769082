"""Configuration: `[tool.numcheck]` in pyproject.toml, or numcheck.toml.

The file closest to a checked draft wins (searched from the draft's folder up
to the filesystem root, as ruff does); `--config PATH` overrides the search;
command-line options override both. Every value remembers where it came from,
so `numcheck config` can say why a setting is in force.

Kept apart from the checks: this module turns files into plain values
(rule codes, severities, paths); `numcheck.api` applies them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence

from numcheck.document import InputError
from numcheck.files import CONFIG_LIMIT, FileRefused, read_regular

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["Config", "ConfigError", "DEFAULT", "KEYS", "find_config", "load_config", "config_for",
           "is_selector"]

CONFIG_NAMES = ("numcheck.toml", ".numcheck.toml", "pyproject.toml")  # per folder, first found wins
SEVERITY_VALUES = ("error", "warning", "info")
FAIL_ON_VALUES = ("error", "warning", "info", "never")
DEFAULT_ORIGIN = "default"
# key -> what is allowed, for the error message of a bad value
KEYS: dict[str, str] = {
    "select": "a list of rule codes, code prefixes (\"NC1\"), rule names, or \"ALL\"",
    "ignore": "a list of rule codes, code prefixes or rule names",
    "severity": "a table of rule code or name = \"error\" | \"warning\" | \"info\"",
    "fail-on": "one of \"error\", \"warning\", \"info\", \"never\"",
    "reference": "a list of paths to reference tables or folders, relative to the config file",
    "hedge-tolerance": "a number from 0 up to (not including) 1, e.g. 0.1",
    "date": "a date, 2015-10-07 (TOML date or \"YYYY-MM-DD\")",
    "exclude": "a list of glob patterns, relative to the config file (\"drafts/old/*\", \"**/CHANGELOG.md\")",
}


class ConfigError(InputError):
    """A config file the user must fix: reported as `file:line: message`, exit status 2."""


@dataclass(frozen=True)
class Config:
    """The settings in force for a draft. `origins` maps each key to where its value came from
    ("default", a file path with its table, or "command line")."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)  # rule code -> severity
    fail_on: str = "error"
    reference: Optional[tuple[str, ...]] = None  # absolute paths; None: reference/ beside the draft
    hedge_tolerance: float = 0.10
    date: Optional[dt.date] = None
    exclude: tuple[str, ...] = ()
    path: Optional[str] = None  # the config file read, if any
    origins: Mapping[str, str] = field(default_factory=dict)

    @property
    def root(self) -> str:
        """The folder `exclude` and `reference` are relative to."""
        return os.path.dirname(self.path) if self.path else os.getcwd()

    def origin(self, key: str) -> str:
        return self.origins.get(key, DEFAULT_ORIGIN)

    def rule_codes(self, known: Sequence[tuple[str, str]]) -> tuple[str, ...]:
        """The codes selected and not ignored, among `known` (code, name) pairs, in code order."""
        chosen = [code for code, name in known if _matches_any(code, name, self.select)]
        return tuple(code for code, name in known if code in chosen and not _matches_any(code, name, self.ignore))

    def no_rules(self, known: Sequence[tuple[str, str]]) -> Optional[str]:
        """Why no rule is in force, when none is (`select = []`, `ignore = ["ALL"]`): a warning to
        give, since every draft then passes unchecked; None when some rule is. As in ruff, this
        is not an error: a config may mean to check nothing below its folder."""
        if self.rule_codes(known):
            return None
        key = "select" if not self.select or not any(
            _matches_any(code, name, self.select) for code, name in known) else "ignore"
        value = "[" + ", ".join(f'"{item}"' for item in getattr(self, key)) + "]"
        origin = self.origin(key)
        where = f"--{key}" if origin == "command line" else f"{key} = {value} in {origin}"
        return f"no rule is selected ({where}), so nothing is checked"

    def excludes(self, path: str) -> bool:
        """Does an `exclude` pattern match `path` (relative to the config's folder)?"""
        if not self.exclude:
            return False
        try:
            rel = Path(os.path.relpath(os.path.abspath(path), self.root)).as_posix()
        except ValueError:  # Windows: another drive
            return False
        parts = rel.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        for pattern in self.exclude:
            # "./archive" and "/archive" (as in .gitignore) name the folder beside the config file only
            anchored = pattern.startswith(("./", "/"))
            pattern = _glob_body(pattern)
            matcher = glob_regex(pattern)
            # "drafts/old" excludes the folder and everything under it
            if any(matcher.fullmatch(p) for p in prefixes):
                return True
            # a pattern without a slash ("*.rst", "drafts") names a file or folder at any depth
            if not anchored and "/" not in pattern and any(matcher.fullmatch(part) for part in parts):
                return True
        return False

    def with_overrides(self, **values: Any) -> "Config":
        """The same config with command-line values (those not None) in force."""
        given = {k: v for k, v in values.items() if v is not None}
        origins = dict(self.origins)
        for key in given:
            origins[key.replace("_", "-")] = "command line"
        return replace(self, **given, origins=origins)


DEFAULT = Config()


def _glob_body(pattern: str) -> str:
    """An exclude pattern without the "./" or "/" that anchors it and the "/" that ends it."""
    return re.sub(r"^(?:\./|/)+", "", pattern).rstrip("/")


@lru_cache(maxsize=256)  # `excludes` asks once per pattern for every file found
def glob_regex(pattern: str) -> "re.Pattern[str]":
    """A glob as .gitignore and ruff read it: `*` and `?` stay within one path segment, `**` as a
    whole segment crosses segments (`**/x.md` is x.md at any depth, `drafts/**` everything under
    drafts), `[...]` is a class that never matches `/`, a backslash makes the next character
    literal. Raises ValueError for a pattern no glob reads (`[z-a]`), for the config to name."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        segment_start = i == 0 or pattern[i - 1] == "/"
        if pattern.startswith("**", i) and segment_start and pattern[i + 2:i + 3] in ("/", ""):
            out.append("(?:.*/)?" if pattern[i + 2:i + 3] == "/" else ".*")
            i += 3
        elif pattern[i] == "*":
            out.append("[^/]*")
            while pattern[i:i + 1] == "*":  # "a**b" is "a*b": `**` crosses only as a whole segment
                i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
        elif pattern[i] == "[" and (found := _glob_class(pattern, i)) is not None:
            out.append(found[0])
            i = found[1]
        else:  # a "[" never closed is itself, as fnmatch reads it
            out.append(re.escape(pattern[i]))
            i += 1
    try:
        return re.compile("".join(out))
    except re.error as exc:
        raise ValueError(f"{pattern!r} is not a glob ({exc.msg})") from None


def _glob_class(pattern: str, i: int) -> Optional[tuple[str, int]]:
    """The class opening at pattern[i] ("[a-z]", "[!0-9]", "[]x]": a `]` first is literal) as a
    regex, and the index after it; None when it is never closed."""
    j = i + 1
    negate = pattern[j:j + 1] in ("!", "^")
    j += negate
    first = j
    body: list[str] = []
    while j < len(pattern):
        ch = pattern[j]
        if ch == "]" and j > first:
            return "(?!/)[" + "^" * negate + "".join(body) + "]", j + 1
        if ch == "\\" and j + 1 < len(pattern):
            j += 1
            body.append(re.escape(pattern[j]))
        else:  # escaped, so "[", "&&" or "^" in a class is only itself
            body.append("-" if ch == "-" and body and body[-1] != "-" else re.escape(ch))
        j += 1
    return None


def is_selector(item: str, known: Sequence[tuple[str, str]]) -> bool:
    """Does `item` (of select or ignore) pick at least one of the `known` (code, name) rules? An
    empty string picks none: it is a prefix of every code, but no one means every rule by it."""
    if not item.strip():
        return False
    return item == "ALL" or any(code.startswith(item) or name == item for code, name in known)


def _matches_any(code: str, name: str, patterns: Sequence[str]) -> bool:
    return any(p == "ALL" or code.startswith(p) or p == name for p in patterns)


def shown_path(path: str) -> str:
    """A path as the user should see it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # Windows: another drive
        return path
    return path if rel == ".." or rel.startswith(".." + os.sep) else rel


def find_config(start: str) -> Optional[str]:
    """The config file closest to `start` (a file or folder): numcheck.toml, .numcheck.toml, or a
    pyproject.toml that has a [tool.numcheck] table."""
    folder = Path(os.path.abspath(start))
    if not _is_dir(folder):
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if not _is_config_candidate(path):
                continue
            if name != "pyproject.toml" or _has_tool_table(path):
                return shown_path(str(path))
    return None


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):  # a folder that cannot be traversed is no folder to search
        return False


def _is_config_candidate(path: Path) -> bool:
    """A file of a config's name that is not a folder: a FIFO or a device is a candidate too, so
    load_config refuses it by name instead of the search passing it by."""
    try:
        return not stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _has_tool_table(path: Path) -> bool:
    try:
        data = read_regular(path, CONFIG_LIMIT)
    except FileRefused as exc:
        return not exc.missing  # unreadable: load_config says why, rather than silently using defaults
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return b"numcheck" in data  # ours if it names us: load_config reports the bad byte
    if "numcheck" not in text:
        return False  # the cheap test: most pyproject.toml files never name numcheck
    if _OUR_HEADER.search(text):
        return True
    # "[tool]" with dotted "numcheck.select = ..." keys, or "tool.numcheck.select" at the top;
    # a "numcheck.data = ..." under [tool.setuptools.package-data] is not ours: TOML decides
    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError:
        # broken: ours if it writes numcheck's keys where numcheck reads them, so load_config names
        # the fault; a file that only names numcheck as a dependency is not ours
        return _our_start(text) is not None
    return isinstance(tool, dict) and "numcheck" in tool


# Where numcheck's settings start in a pyproject.toml: "[tool.numcheck]" (or a subtable), or a
# dotted key "numcheck.select" under "[tool]", or "tool.numcheck.select" at the top.
_OUR_HEADER = re.compile(r"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*numcheck[ \t]*[\].]", re.M)
_TOOL_HEADER = re.compile(r"^[ \t]*\[[ \t]*tool[ \t]*\][ \t]*(?:#.*)?$", re.M)
_TOP_DOTTED = re.compile(r"^[ \t]*tool[ \t]*\.[ \t]*numcheck[ \t]*[.=]", re.M)
_DOTTED = re.compile(r"^[ \t]*numcheck[ \t]*[.=]", re.M)
_ANY_HEADER = re.compile(r"^[ \t]*\[", re.M)


def _our_start(text: str) -> Optional[int]:
    """The offset where numcheck's settings start in a pyproject.toml (None when not found), so an
    error names the line of our `select`, not ruff's."""
    found = [m.start() for m in (_OUR_HEADER.search(text), _TOP_DOTTED.search(text)) if m]
    for tool in _TOOL_HEADER.finditer(text):  # "[tool]" then "numcheck.select = ..." before the next header
        following = _ANY_HEADER.search(text, tool.end())
        dotted = _DOTTED.search(text, tool.end(), following.start() if following else len(text))
        if dotted:
            found.append(dotted.start())
    return min(found, default=None)


def load_config(path: str, known: Sequence[tuple[str, str]] = ()) -> Config:
    """Read one config file. `known` is the (code, name) of every rule, to check rule names.

    Raises ConfigError naming the file, the line and what is allowed."""
    try:
        raw_bytes = read_regular(path, CONFIG_LIMIT)
    except FileRefused as exc:
        raise ConfigError(path, "no such config file" if exc.missing else exc.message) from None
    try:
        text = raw_bytes.decode("utf-8-sig")  # a BOM (Windows editors add one) is not TOML's business
    except UnicodeDecodeError as exc:
        line = raw_bytes.count(b"\n", 0, exc.start) + 1
        raise ConfigError(path, f"is not valid UTF-8 (byte 0x{raw_bytes[exc.start]:02X}); TOML files are UTF-8",
                          line=line) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(path, f"not valid TOML: {message}", line=int(where.group(1)) if where else None) from None
    is_pyproject = os.path.basename(path) == "pyproject.toml"
    table_name = "[tool.numcheck]" if is_pyproject else ""
    if is_pyproject:
        tool = data.get("tool", {})
        table = tool.get("numcheck", {}) if isinstance(tool, dict) else None
    else:
        table = data
    if not isinstance(table, dict):
        where = re.search(r"^[ \t]*(?:tool|(?:tool[ \t]*\.[ \t]*)?numcheck)[ \t]*=", text, re.M)
        raise ConfigError(path, "[tool.numcheck] must be a table",
                          line=text.count("\n", 0, where.start()) + 1 if where else None)
    # In pyproject.toml other tools' keys (ruff's `select`) come first: look for ours in our table.
    after = (_our_start(text) or 0) if is_pyproject else 0
    origin = f"{shown_path(path)} {table_name}".strip()
    values: dict[str, Any] = {}
    for key, raw in table.items():
        if key not in KEYS:
            allowed = ", ".join(sorted(KEYS))
            hint = "; numcheck.toml has them at the top level, not in [tool.numcheck]" if key == "tool" else ""
            raise ConfigError(path, f"unknown key {key!r} (allowed: {allowed}){hint}",
                              line=_line_of(text, key, after))
        try:
            values[key] = _parse_value(key, raw, os.path.dirname(os.path.abspath(path)), known)
        except ValueError as exc:
            line = _line_of(text, key, after)
            entry = getattr(exc, "entry", None)  # a bad entry of a table: its own line, when it has one
            if entry is not None and line is not None:
                line = _line_of(text, entry, _offset_of_line(text, line)) or line
            raise ConfigError(path, f"{key}: {exc}; expected {KEYS[key]}", line=line) from None
    fields = {key.replace("-", "_"): value for key, value in values.items()}
    return replace(DEFAULT, **fields, path=os.path.abspath(path), origins={k: origin for k in values})


def _parse_value(key: str, raw: Any, folder: str, known: Sequence[tuple[str, str]]) -> Any:
    if key in ("select", "ignore"):
        items = _string_list(raw)
        for item in items:
            if not item.strip():
                raise ValueError(f"{item!r} is empty, and an empty selector names no rule")
            if known and not is_selector(item, known):
                raise ValueError(f"{item!r} is no rule code, prefix or name")
        return tuple(items)
    if key == "exclude":
        items = _string_list(raw)
        for item in items:
            glob_regex(_glob_body(item))  # a pattern no glob reads is named now, not met mid-walk
        return tuple(items)
    if key == "reference":
        return tuple(os.path.normpath(os.path.join(folder, p)) for p in _string_list(raw))
    if key == "severity":
        if not isinstance(raw, dict):
            raise ValueError(f"{raw!r} is not a table")
        out: dict[str, str] = {}
        for rule, level in raw.items():
            code = next((c for c, n in known if rule.upper() == c or rule == n), None) if known else rule.upper()
            if code is None:
                raise _EntryError(rule, f"{rule!r} is no rule code or name")
            if level not in SEVERITY_VALUES:
                raise _EntryError(rule, f"{rule} = {level!r} is not a severity")
            out[code] = level
        return out
    if key == "fail-on":
        if raw not in FAIL_ON_VALUES:
            raise ValueError(f"{raw!r} is not allowed")
        return raw
    if key == "hedge-tolerance":
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not 0 <= raw < 1:
            raise ValueError(f"{raw!r} is not allowed")
        return float(raw)
    if key == "date":
        if isinstance(raw, dt.datetime):
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        if isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            try:
                return dt.date.fromisoformat(raw)
            except ValueError:
                pass
        raise ValueError(f"{raw!r} is not a date")
    raise AssertionError(key)  # KEYS and this function list the same keys


def _string_list(raw: Any) -> list[str]:
    if isinstance(raw, str):
        return [raw]
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise ValueError(f"{raw!r} is not a list of strings")
    return list(raw)


class _EntryError(ValueError):
    """A bad entry of a table value (`severity`), so the error can name the entry's line."""

    def __init__(self, entry: str, message: str) -> None:
        super().__init__(message)
        self.entry = entry


def _line_of(text: str, key: str, after: int = 0) -> Optional[int]:
    """The line a key is set on (tomllib keeps no positions): the first `key =` or `[...key]` at or
    after offset `after`. Blanks are matched within a line only, so blank lines above do not count."""
    pattern = re.compile(rf"^[ \t]*(?:\[[ \t]*(?:tool[ \t]*\.[ \t]*numcheck[ \t]*\.[ \t]*)?"
                         rf"|(?:tool[ \t]*\.[ \t]*)?numcheck[ \t]*\.[ \t]*)?[\"']?{re.escape(key)}"
                         rf"[\"']?[ \t]*(=|\]|\.)", re.M)  # `key =`, `[key]`, `[key.sub]`, `key.sub =`, `numcheck.key =`
    m = pattern.search(text, after)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _offset_of_line(text: str, line: int) -> int:
    """The offset where 1-based `line` starts."""
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset


def config_for(path: str, explicit: Optional[str] = None, known: Sequence[tuple[str, str]] = (),
               cache: Optional[dict] = None) -> Config:
    """The config in force for a draft at `path`: `explicit` (--config) or the closest file, or the
    defaults. `cache` (a dict the caller keeps) saves re-reading a file whose mtime is unchanged."""
    found = explicit if explicit is not None else find_config(path if path and path != "<stdin>" else os.getcwd())
    if found is None:
        return DEFAULT
    if cache is None:
        return load_config(found, known)
    try:
        stamp = os.stat(found).st_mtime_ns
    except OSError:
        stamp = None
    key = os.path.abspath(found)
    hit = cache.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    config = load_config(found, known)
    cache[key] = (stamp, config)
    return config
