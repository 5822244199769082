"""Reading reference tables: the hand-kept CSV format, and published tables through a descriptor.

Hand-kept (a contract): a CSV with a header; required columns `subject`, `measure`,
`value`; optional `unit`, `as_of`, `tolerance`, `source`; any other column is kept and
shown in messages. `subject` and `measure` may list alternative names separated by `|`.

Published: a table used as it is (the World Bank's population), through a TOML
descriptor beside it that says which column names the subject, which holds the
time and which the value, what the table measures, and aliases for subjects.

A table with any fault is reported (`file:line: what is wrong`) and not used at all.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
import re
import sys
from dataclasses import dataclass
from typing import Iterable, Iterator, Union

from numcheck.files import CONFIG_LIMIT, TABLE_LIMIT, FileRefused, inside, printable, read_regular

from numcheck.tables.model import Fact, References, TableError
from numcheck.tables.units import canonical_unit

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

REQUIRED = ("subject", "measure", "value")
OPTIONAL = ("unit", "as_of", "tolerance", "source")
DESCRIPTOR_KEYS = {"table", "subject", "subject_also", "time", "value", "measure", "unit", "scale", "source",
                   "tolerance", "aliases", "aggregates"}


@dataclass(frozen=True)
class TableRoot:
    """A reference table or folder of them, and how far its tables may reach.

    `bound` is a folder the root must lie inside once symbolic links are resolved: the
    project of the config that names it, or the folder that holds a default `reference/`.
    None is a root named on the command line, trusted as named. Whatever the root, its
    tables (and a descriptor's `table`) must resolve inside it: a file of a pull request
    cannot reach past its reference folder."""

    path: str
    bound: str | None = None


Given = Union[str, "os.PathLike[str]", TableRoot]


def _root(given: Given) -> TableRoot:
    return given if isinstance(given, TableRoot) else TableRoot(os.fspath(given))


def load_references(paths: Iterable[Given]) -> tuple[References, list[TableError]]:
    """Every usable table among `paths` (files or folders), and the errors of the others."""
    refs = References()
    errors: list[TableError] = []
    for kind, path, folder in _table_files(paths, errors):
        try:
            facts = list(_read_descriptor(path, folder) if kind == "descriptor" else _read_hand_kept(path))
            _check_duplicates(facts)
        except TableError as exc:
            errors.append(exc)
            continue
        for fact in facts:
            refs.add(fact)
        refs.tables.append(path)
    return refs, errors


def table_paths(paths: Iterable[Given]) -> tuple[list[str], list[str]]:
    """The table files among `paths` (folders searched for *.csv and *.toml, in a stable order),
    and the paths that are neither file nor folder."""
    files: list[str] = []
    missing: list[str] = []
    for given in paths:
        p = _root(given).path
        if os.path.isdir(p):
            files.extend(f for f, _ in _walk(p, []))
        elif os.path.exists(p):
            files.append(p)
        else:
            missing.append(p)
    return files, missing


def _walk(folder: str, errors: list[TableError]) -> list[tuple[str, str]]:
    """(file, folder) for each *.csv and *.toml under `folder`; a folder that cannot be read is an
    error, not a silent gap."""
    def on_error(exc: OSError) -> None:
        errors.append(TableError(exc.filename or folder, f"cannot read folder: {exc.strerror or exc}"))

    out: list[tuple[str, str]] = []
    for root, dirs, names in os.walk(folder, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend((os.path.join(root, n), folder) for n in sorted(names) if n.endswith((".csv", ".toml")))
    return out


def _root_files(given: Given, errors: list[TableError]) -> list[tuple[str, str]]:
    """(file, folder its tables must stay inside) for one root, or an error for a root that
    reaches outside its bound or is neither file nor folder."""
    root = _root(given)
    if root.bound is not None and not inside(root.path, root.bound):
        errors.append(TableError(root.path, f"lies outside {root.bound} once symbolic links are followed; "
                                            "name it with --reference to use it"))
        return []
    if os.path.isdir(root.path):
        found = _walk(root.path, errors)
        outside = [f for f, folder in found if not inside(f, folder)]
        errors.extend(TableError(f, f"is a symbolic link to a file outside {root.path}; numcheck reads only "
                                    "tables inside their reference folder (name that file with --reference)")
                      for f in outside)
        return [(f, folder) for f, folder in found if f not in outside]
    if os.path.lexists(root.path):
        return [(root.path, os.path.dirname(root.path) or ".")]
    errors.append(TableError(root.path, "no such file or folder"))
    return []


def _table_files(paths: Iterable[Given], errors: list[TableError]) -> Iterator[tuple[str, str, str]]:
    """(kind, path, folder) for each table: descriptors first claim their CSV; other CSVs are
    hand-kept."""
    files = [entry for given in paths for entry in _root_files(given, errors)]
    claimed: set[str] = set()
    for f, _ in files:
        if f.endswith(".toml"):
            table = _descriptor_table(f)
            if table:
                claimed.add(os.path.normpath(table))
    for f, folder in files:
        if f.endswith(".toml"):
            yield "descriptor", f, folder
        elif os.path.normpath(f) not in claimed:
            yield "hand-kept", f, folder


def _descriptor_table(path: str) -> str | None:
    """The table a descriptor describes; for one that cannot be read, the CSV of the same name,
    so that its table is not mistaken for a hand-kept one (the descriptor's error is enough)."""
    try:
        data = tomllib.loads(read_regular(path, CONFIG_LIMIT).decode("utf-8-sig"))
    except (FileRefused, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return os.path.splitext(path)[0] + ".csv"
    table = data.get("table")
    return os.path.join(os.path.dirname(path), table) if isinstance(table, str) else None


# --- the hand-kept format ------------------------------------------------------------------

def _read_text(path: str, limit: int = TABLE_LIMIT) -> str:
    try:
        data = read_regular(path, limit)
    except FileRefused as exc:
        raise TableError(path, exc.message) from None
    if b"\x00" in data:
        raise TableError(path, "looks like a binary file (it holds NUL bytes); a table is CSV text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise TableError(path, "is not UTF-8 text", line) from None


def _rows(path: str, text: str) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise TableError(path, "is empty: a header row is needed", 1) from None
    except csv.Error as exc:
        raise TableError(path, f"is not valid CSV: {exc}", 1) from None
    header = [h.strip() for h in header]

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        try:
            for cells in reader:
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) > len(header):
                    raise TableError(path, f"has {len(cells)} cells but the header has {len(header)}",
                                     reader.line_num)
                yield reader.line_num, dict(zip(header, (c.strip() for c in cells)))
        except csv.Error as exc:
            raise TableError(path, f"is not valid CSV: {exc}", reader.line_num) from None

    return header, rows()


def references_from_csv(text: str, path: str = "<reference>") -> References:
    """References from hand-kept CSV text (a rule's documented example carries one)."""
    refs = References()
    facts = list(_hand_kept(path, text))
    _check_duplicates(facts)
    for fact in facts:
        refs.add(fact)
    refs.tables.append(path)
    return refs


def _read_hand_kept(path: str) -> Iterator[Fact]:
    return _hand_kept(path, _read_text(path))


def _hand_kept(path: str, text: str) -> Iterator[Fact]:
    header, rows = _rows(path, text)
    lower = {h.lower(): h for h in header}
    missing = [c for c in REQUIRED if c not in lower]
    if missing:
        raise TableError(path, f"missing required column{'s' if len(missing) > 1 else ''} "
                               f"{', '.join(missing)} (the header is: {_excerpt(header)})", 1)
    extra_columns = [h for h in header if h.lower() not in REQUIRED + OPTIONAL]
    for line, row in rows:
        cell = {k: row.get(lower[k], "") for k in lower}
        subjects = _names(cell["subject"])
        measures = _names(cell["measure"])
        if not subjects or not measures:
            raise TableError(path, "a row needs a subject and a measure", line)
        value, date = _value(path, line, cell["value"])
        yield Fact(
            subjects=subjects, measures=measures, value=value, date=date,
            unit=_unit(path, line, cell.get("unit", "")), as_of=_as_of(path, line, cell.get("as_of", "")),
            tolerance=_tolerance(path, line, cell.get("tolerance", "")), source=cell.get("source", ""),
            path=path, line=line,
            extra=tuple((h, row.get(h, "")) for h in extra_columns if row.get(h, "")),
        )


def _names(cell: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in cell.split("|") if n.strip())


_NUMBER = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?$")


def _number(text: str) -> float | None:
    text = text.strip()
    if not _NUMBER.match(text):
        return None
    value = float(text.replace(",", ""))
    return value if math.isfinite(value) else None


def _value(path: str, line: int, text: str) -> tuple[float | None, dt.date | None]:
    number = _number(text)
    if number is not None:
        return number, None
    try:
        return None, dt.date.fromisoformat(text.strip())
    except ValueError:
        raise TableError(path, f"value {printable(text, 40)!r} is neither a number nor a date (YYYY-MM-DD)", line) from None


def _unit(path: str, line: int, text: str) -> str | None:
    if not text.strip():
        return None
    unit = canonical_unit(text)
    if unit is None:
        raise TableError(path, f"unit {printable(text, 40)!r} is not a unit numcheck knows", line)
    return unit


def _as_of(path: str, line: int, text: str) -> int | dt.date | None:
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise TableError(path, f"as_of {printable(text, 40)!r} is neither a year nor a date (YYYY-MM-DD)", line) from None


def _tolerance(path: str, line: int, text: str) -> float:
    text = text.strip()
    if not text:
        return 0.0
    value = _number(text)
    if value is None or not 0 <= value < 1:
        raise TableError(path, f"tolerance {printable(text, 40)!r} is not a fraction between 0 and 1 (0.02 is 2%)", line)
    return value


def _check_duplicates(facts: list[Fact]) -> None:
    """Two rows giving different values for the same subject, measure and time."""
    seen: dict[tuple, Fact] = {}
    for f in facts:
        key = (f.subjects[0].lower(), f.measures[0].lower(), f.as_of)
        other = seen.get(key)
        if other is not None and (other.value, other.date) != (f.value, f.date):
            raise TableError(f.path, f"gives {f.subjects[0]}, {f.measures[0]}"
                                     f"{'' if f.as_of is None else f' in {f.as_of}'} a second value, "
                                     f"different from line {other.line}", f.line)
        seen.setdefault(key, f)


# --- published tables through a descriptor --------------------------------------------------

def _key_line(text: str, key: str) -> int | None:
    m = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _described_table(path: str, table: str, folder: str, line: int | None) -> str:
    """The descriptor's `table`, which must be a relative path to a file inside `folder` (symbolic
    links followed): a descriptor in a pull request cannot read /proc/self/environ."""
    if os.path.isabs(table) or os.path.splitdrive(table)[0]:
        raise TableError(path, f"table {printable(table)!r} must be a path relative to the descriptor", line)
    joined = os.path.normpath(os.path.join(os.path.dirname(path), table))
    if not inside(joined, folder):
        raise TableError(path, f"table {printable(table)!r} lies outside {folder}; a descriptor reads only "
                               "tables inside its reference folder", line)
    return joined


def _excerpt(header: list[str], columns: int = 12) -> str:
    """A header as an error may show it: a few columns, each short and printable."""
    shown = ", ".join(printable(h, 40) for h in header[:columns])
    return shown + (f", ... ({len(header)} columns)" if len(header) > columns else "")


def _read_descriptor(path: str, folder: str) -> Iterator[Fact]:
    """The facts of the table a descriptor describes; the table must lie inside `folder`."""
    text = _read_text(path, CONFIG_LIMIT)
    try:
        desc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise TableError(path, f"is not valid TOML: {message}", int(where.group(1)) if where else None) from None
    for key in desc:
        if key not in DESCRIPTOR_KEYS:
            raise TableError(path, f"unknown key {printable(key, 40)!r} (known: {', '.join(sorted(DESCRIPTOR_KEYS))})",
                             _key_line(text, key))
    for key in ("table", "subject", "value", "measure"):
        if not isinstance(desc.get(key), str) or not desc[key].strip():
            raise TableError(path, f"needs {key} = \"...\"", _key_line(text, key))
    table = _described_table(path, desc["table"], folder, _key_line(text, "table"))
    header, rows = _rows(table, _read_text(table))
    columns = {"subject": desc["subject"], "value": desc["value"]}
    if desc.get("time"):
        columns["time"] = desc["time"]
    also = desc.get("subject_also", [])
    if not isinstance(also, list) or not all(isinstance(a, str) for a in also):
        raise TableError(path, "subject_also must be a list of column names", _key_line(text, "subject_also"))
    for key, column in [*columns.items(), *(("subject_also", a) for a in also)]:
        if column not in header:
            raise TableError(path, f"{key} names column {printable(column)!r}, which {printable(desc['table'])} "
                                   f"does not have (its columns: {_excerpt(header)})", _key_line(text, key))
    scale = desc.get("scale", 1)
    if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not 0 < scale < float("inf"):
        raise TableError(path, "scale must be a positive number", _key_line(text, "scale"))
    tolerance = desc.get("tolerance", 0.0)
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or not 0 <= tolerance < 1:
        raise TableError(path, "tolerance must be a fraction between 0 and 1", _key_line(text, "tolerance"))
    unit = None
    if desc.get("unit"):
        unit = canonical_unit(str(desc["unit"]))
        if unit is None:
            raise TableError(path, f"unit {printable(str(desc['unit']), 40)!r} is not a unit numcheck knows",
                             _key_line(text, "unit"))
    aliases: dict[str, list[str]] = {}
    table_of_aliases = desc.get("aliases", {})
    if not isinstance(table_of_aliases, dict) or not all(isinstance(v, str) for v in table_of_aliases.values()):
        raise TableError(path, 'aliases must be a table of alias = "name in the table"', _key_line(text, "aliases"))
    for alias, name in table_of_aliases.items():
        aliases.setdefault(str(name).lower(), []).append(str(alias))
    measures = _names(desc["measure"])
    source = str(desc.get("source", ""))
    aggregates = desc.get("aggregates", [])
    if not isinstance(aggregates, list) or not all(isinstance(a, str) for a in aggregates):
        raise TableError(path, "aggregates must be a list of subject names or codes", _key_line(text, "aggregates"))
    aggregate_names = {a.lower() for a in aggregates}
    for line, row in rows:
        raw = row.get(columns["value"], "")
        if not raw:
            continue  # published tables leave gaps
        value = _number(raw)
        if value is None:
            raise TableError(table, f"value {printable(raw, 40)!r} in column {columns['value']!r} is not a number",
                             line)
        as_of = None
        if "time" in columns:
            as_of = _as_of(table, line, row.get(columns["time"], ""))
        name = row.get(columns["subject"], "")
        names = (name, *(row.get(a, "") for a in also), *aliases.get(name.lower(), ()))
        subjects = tuple(n for n in names if n)
        yield Fact(subjects=subjects, measures=measures, value=value * scale, date=None,
                   unit=unit, as_of=as_of, tolerance=float(tolerance), source=source, path=table, line=line,
                   aggregate=any(n.lower() in aggregate_names for n in subjects))
