"""Reading reference tables: the hand-kept CSV format, and published tables through a descriptor.

Hand-kept (a contract): a CSV with a header; required columns `subject`, `measure`,
`value`; optional `unit`, `as_of`, `tolerance`, `source` and `aliases` (more names of the
subject); any other column is kept and shown in messages. `subject`, `aliases` and `measure`
may list alternative names separated by `|`.

Published: a table used as it is (the World Bank's population), through a TOML
descriptor beside it that says which column names the subject, which holds the
time and which the value, what the table measures, and aliases for subjects.

A table with any fault is reported (`file:line: what is wrong`) and not used at all; every
bad row of it is reported in the same run (up to MAX_FAULTS lines, then how many more), and
two rows (of one table or of two) that give one subject, measure and time different values
are a fault of the table read second.
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
OPTIONAL = ("unit", "as_of", "tolerance", "source", "aliases")
MAX_FAULTS = 20  # faults listed per table; the rest are counted
LONG_CELL_LINES = 10  # a quoted cell over more lines than this has likely lost its closing quote
COUNT_UNIT_HINT = "; for a count, leave unit empty (measure says what is counted)"
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
    """Every usable table among `paths` (files or folders), and the errors of the others.

    Each table is read whole and all its faults reported (at most MAX_FAULTS lines, then how many
    more); a table with any fault is not used. Rows that conflict with a table read earlier are
    a fault of the later table, naming both places."""
    refs = References()
    errors: list[TableError] = []
    known = _FactIndex()  # the facts of the tables in use, for conflicts across tables
    for kind, path, folder in _table_files(paths, errors):
        faults: list[TableError] = []
        facts: list[Fact] = []
        try:
            rows = _read_descriptor(path, folder, faults) if kind == "descriptor" else _read_hand_kept(path, faults)
            facts.extend(rows)
        except TableError as exc:  # a fault that stops the reading: the rest of the file cannot be read
            faults.append(exc)
        conflicts, index = _conflicts(facts, known)
        faults.extend(conflicts)
        if faults:
            errors.extend(_capped(faults))
            continue
        for fact in facts:
            refs.add(fact)
        known.merge(index)
        refs.tables.append(path)
    return refs, errors


def _capped(faults: list[TableError]) -> list[TableError]:
    """A table's faults in file order, at most MAX_FAULTS of them and a line counting the rest."""
    faults = sorted(faults, key=lambda e: e.line or 0)  # stable: the file's own order within a line
    if len(faults) <= MAX_FAULTS:
        return faults
    rest = len(faults) - MAX_FAULTS
    return faults[:MAX_FAULTS] + [TableError(faults[MAX_FAULTS].path, f"and {rest} more fault{'s' if rest > 1 else ''} "
                                                                      "in this table, not listed")]


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


class _Lines:
    """The lines of a CSV text, as csv.reader reads them, keeping those of the row being read: a
    quoted cell that spans lines can then be traced to the line where its quote opened."""

    def __init__(self, text: str) -> None:
        self._lines = iter(io.StringIO(text, newline=""))
        self.row: list[str] = []

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.row.append(line)
        return line


def _quoted_cells(lines: list[str]) -> tuple[int | None, tuple[int, int] | None]:
    """Where the quoted cells of one CSV row (its lines) open and close, as csv.reader reads them
    (a quote opens a cell only at its start; "" inside is a quote): the index of the line where
    a quote opens and never closes (None when every one closes), and (first, last) line index of
    the quoted cell spanning the most lines (None when none spans lines)."""
    in_quote, at_start, opened = False, True, 0
    widest: tuple[int, int] | None = None
    for i, line in enumerate(lines):
        j = 0
        while j < len(line):
            ch = line[j]
            if in_quote:
                if ch == '"':
                    if line.startswith('"', j + 1):
                        j += 2
                        continue
                    in_quote = False
                    if i > opened and (widest is None or i - opened > widest[1] - widest[0]):
                        widest = (opened, i)
            elif ch == '"' and at_start:
                in_quote, opened = True, i
            at_start = not in_quote and ch in ",\r\n"
            j += 1
    return (opened if in_quote else None), widest


def _row_faults(path: str, lines: list[str], start: int, columns: int) -> tuple[TableError | None, bool]:
    """A row whose quoted cell has likely lost its closing quote: one that runs to the end of the
    file (then True: nothing after it can be read), that runs over more than LONG_CELL_LINES
    lines, or that holds a whole line that reads as a row of its own. Named at the line where
    the quote opened."""
    unclosed, widest = _quoted_cells(lines)
    if unclosed is not None:
        return TableError(path, 'a quoted cell opens on this line and is never closed, so every line after it '
                                'would be read into that one cell (a closing " is missing)', start + unclosed), True
    if widest is None:
        return None, False
    first, last = widest
    inner = lines[first + 1:last]
    looks_like_rows = columns > 2 and any(line.count(",") >= columns - 1 for line in inner)
    if last - first + 1 > LONG_CELL_LINES or looks_like_rows:
        taken = "lines that read as rows" if looks_like_rows else f"{last - first + 1} lines"
        return TableError(path, f"a quoted cell opens on this line and runs to line {start + last}, taking in "
                                f'{taken}; is its closing " missing?', start + first), False
    return None, False


def _rows(path: str, text: str, faults: list[TableError]) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header and the rows of a CSV: (line where the row starts, its cells, stripped). Blank
    rows are skipped; a row with more cells than the header, or a quoted cell that has likely lost
    its closing quote, is a fault (appended to `faults`, the row left out); what stops the reading
    is raised."""
    source = _Lines(text)
    reader = csv.reader(source)
    try:
        header = next(reader)
    except StopIteration:
        raise TableError(path, "is empty: a header row is needed", 1) from None
    except csv.Error as exc:
        raise _csv_error(path, exc, source.row, 1) from None
    header = [h.strip() for h in header]
    fault, _ = _row_faults(path, source.row, 1, len(header)) if len(source.row) > 1 else (None, False)
    if fault is not None:
        raise fault

    def rows() -> Iterator[tuple[int, list[str]]]:
        start = reader.line_num + 1
        source.row = []
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise _csv_error(path, exc, source.row, start) from None
            lines, source.row = source.row, []
            line, start = start, reader.line_num + 1
            if len(lines) > 1 or lines and lines[-1].count('"') % 2:
                fault, to_the_end = _row_faults(path, lines, line, len(header))
                if fault is not None:
                    faults.append(fault)
                    if to_the_end:
                        return  # the rest of the file is inside that cell
                    continue
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                faults.append(TableError(path, f"has {len(cells)} cells but the header has {len(header)}", line))
                continue
            yield line, [c.strip() for c in cells]

    return header, rows()


def _csv_error(path: str, exc: csv.Error, lines: list[str], start: int) -> TableError:
    """csv.reader's error, at the line where an open quote began when one did (a cell longer than
    csv's limit is a quote never closed)."""
    unclosed, _ = _quoted_cells(lines)
    if unclosed is not None:
        return TableError(path, 'a quoted cell opens on this line and runs on past the end of what a cell may hold '
                                '(a closing " is missing)', start + unclosed)
    return TableError(path, f"is not valid CSV: {exc}", start + max(len(lines) - 1, 0))


def references_from_csv(text: str, path: str = "<reference>") -> References:
    """References from hand-kept CSV text (a rule's documented example carries one); raises the
    first fault of a bad one."""
    refs = References()
    faults: list[TableError] = []
    facts = list(_hand_kept(path, text, faults))
    faults.extend(_conflicts(facts, _FactIndex())[0])
    if faults:
        raise _capped(faults)[0]
    for fact in facts:
        refs.add(fact)
    refs.tables.append(path)
    return refs


def _read_hand_kept(path: str, faults: list[TableError]) -> Iterator[Fact]:
    return _hand_kept(path, _read_text(path), faults)


def _hand_kept(path: str, text: str, faults: list[TableError]) -> Iterator[Fact]:
    """The facts of a hand-kept table; a bad row is a fault (appended to `faults`) and the rest
    are still read, so every bad row is reported at once."""
    header, rows = _rows(path, text, faults)
    lower = {h.lower(): h for h in header}
    missing = [c for c in REQUIRED if c not in lower]
    if missing:
        raise TableError(path, f"missing required column{'s' if len(missing) > 1 else ''} "
                               f"{', '.join(missing)} (the header is: {_excerpt(header)})", 1)
    extra_columns = [h for h in header if h.lower() not in REQUIRED + OPTIONAL]
    position = {h: i for i, h in enumerate(header)}
    for line, cells in rows:
        row = dict(zip(header, cells))
        short = ""
        if len(cells) < len(header):
            absent = [c for c in REQUIRED if position[lower[c]] >= len(cells)]
            if absent:
                faults.append(TableError(path, f"has {len(cells)} cell{'s' if len(cells) != 1 else ''} but the header "
                                               f"has {len(header)}: no {', '.join(absent)} cell", line))
                continue
            short = f" (the row has {len(cells)} of the header's {len(header)} cells: is one missing?)"
        try:
            yield _hand_kept_fact(path, line, row, lower, extra_columns)
        except TableError as exc:
            faults.append(TableError(exc.path, exc.message + short, exc.line))


def _hand_kept_fact(path: str, line: int, row: dict[str, str], lower: dict[str, str],
                    extra_columns: list[str]) -> Fact:
    cell = {k: row.get(lower[k], "") for k in lower}
    subjects = _unique(_names(cell["subject"]) + _names(cell.get("aliases", "")))
    measures = _names(cell["measure"])
    if not _names(cell["subject"]) or not measures:
        raise TableError(path, "a row needs a subject and a measure", line)
    value, date = _value(path, line, cell["value"])
    return Fact(
        subjects=subjects, measures=measures, value=value, date=date,
        unit=_unit(path, line, cell.get("unit", "")), as_of=_as_of(path, line, cell.get("as_of", "")),
        tolerance=_tolerance(path, line, cell.get("tolerance", "")), source=cell.get("source", ""),
        path=path, line=line,
        extra=tuple((h, row.get(h, "")) for h in extra_columns if row.get(h, "")),
    )


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    """Names in order, each once."""
    return tuple(dict.fromkeys(names))


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
        raise TableError(path, f"unit {printable(text, 40)!r} is not a unit numcheck knows{COUNT_UNIT_HINT}", line)
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


class _FactIndex:
    """Facts by (subject name, time), each with its measure names: finds the rows that give one
    subject, measure and time a value, whichever of their names they share."""

    def __init__(self, measures: dict[tuple[str, ...], frozenset[str]] | None = None) -> None:
        self.by_subject: dict[tuple[str, object], list[Fact]] = {}
        self._measures = {} if measures is None else measures  # shared: a table's rows share their names

    def measures(self, fact: Fact) -> frozenset[str]:
        found = self._measures.get(fact.measures)
        if found is None:
            found = self._measures[fact.measures] = frozenset(m.lower() for m in fact.measures)
        return found

    def add(self, fact: Fact, names: Iterable[str]) -> None:
        for name in names:
            self.by_subject.setdefault((name, fact.as_of), []).append(fact)

    def merge(self, other: "_FactIndex") -> None:
        for key, facts in other.by_subject.items():
            self.by_subject.setdefault(key, []).extend(facts)

    def clash(self, fact: Fact, names: Iterable[str]) -> Fact | None:
        """The first fact (by file and line) that shares one of `names` (the fact's subject names,
        lower case) and a measure name with `fact`, for the same time, and gives another value."""
        found: Fact | None = None
        for name in names:
            for other in self.by_subject.get((name, fact.as_of), ()):
                if ((other.value, other.date, other.unit) != (fact.value, fact.date, fact.unit)
                        and not self.measures(fact).isdisjoint(self.measures(other))):
                    if found is None or (other.path, other.line) < (found.path, found.line):
                        found = other
                    break
        return found


def _conflicts(facts: list[Fact], known: _FactIndex) -> tuple[list[TableError], _FactIndex]:
    """Rows of one table that give a subject, measure and time a second, different value: against
    each other, or against `known` (the tables read before); and the table's own index. Rows are
    the same subject when they share any of its names, the same measure when they share any of
    its names."""
    faults: list[TableError] = []
    here = _FactIndex(known._measures)
    for f in facts:
        names = {n.lower() for n in f.subjects}
        other = here.clash(f, names) or known.clash(f, names)
        if other is not None:
            theirs = {n.lower() for n in other.subjects}
            subject = next((n for n in f.subjects if n.lower() in theirs), f.subjects[0])
            measure = next((n for n in f.measures if n.lower() in known.measures(other)), f.measures[0])
            where = f"line {other.line}" if other.path == f.path else f"{other.path}:{other.line}"
            when = "" if f.as_of is None else f" in {f.as_of}"
            faults.append(TableError(f.path, f"gives {printable(subject)}, {printable(measure)}{when} a second value: "
                                             f"{f.shown_value} here, {other.shown_value} at {where}", f.line))
        here.add(f, names)
    return faults, here


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


def _read_descriptor(path: str, folder: str, faults: list[TableError]) -> Iterator[Fact]:
    """The facts of the table a descriptor describes; the table must lie inside `folder`. A fault
    of the descriptor stops the reading (raised); a bad row of the table is appended to `faults`
    and the rest are still read."""
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
    if "time" in desc and not isinstance(desc["time"], str):
        raise TableError(path, 'time must be a column name: time = "..."', _key_line(text, "time"))
    measures = _names(desc["measure"])
    if not measures:
        raise TableError(path, f"measure {printable(desc['measure'], 40)!r} names no measure; give one or more names "
                               'separated by "|": measure = "population|people"', _key_line(text, "measure"))
    table = _described_table(path, desc["table"], folder, _key_line(text, "table"))
    header, rows = _rows(table, _read_text(table), faults)
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
            raise TableError(path, f"unit {printable(str(desc['unit']), 40)!r} is not a unit numcheck knows"
                                   f"{COUNT_UNIT_HINT}", _key_line(text, "unit"))
    aliases: dict[str, list[str]] = {}
    table_of_aliases = desc.get("aliases", {})
    if not isinstance(table_of_aliases, dict) or not all(isinstance(v, str) for v in table_of_aliases.values()):
        raise TableError(path, 'aliases must be a table of alias = "name in the table"', _key_line(text, "aliases"))
    for alias, name in table_of_aliases.items():
        if alias.strip():
            aliases.setdefault(str(name).strip().lower(), []).append(alias.strip())
    source = str(desc.get("source", ""))
    aggregates = desc.get("aggregates", [])
    if not isinstance(aggregates, list) or not all(isinstance(a, str) for a in aggregates):
        raise TableError(path, "aggregates must be a list of subject names or codes", _key_line(text, "aggregates"))
    aggregate_names = {a.lower() for a in aggregates}
    # the columns a row must reach: a row may stop short of columns the descriptor does not use
    position = {h: i for i, h in enumerate(header)}
    used = sorted({position[c] for c in (*columns.values(), *also)})
    for line, cells in rows:
        row = dict(zip(header, cells))
        name = row.get(columns["subject"], "")
        if not name:
            continue  # a blank or note row of a published table: no subject, nothing to check
        if len(cells) <= used[-1]:
            absent = [repr(printable(header[i], 40)) for i in used if i >= len(cells)]
            faults.append(TableError(table, f"has {len(cells)} cell{'s' if len(cells) != 1 else ''} but the header has "
                                            f"{len(header)}: no cell for {'column' if len(absent) == 1 else 'columns'} "
                                            f"{', '.join(absent)}, which {printable(os.path.basename(path))} reads", line))
            continue
        raw = row.get(columns["value"], "")
        if not raw:
            continue  # published tables leave gaps
        value = _number(raw)
        if value is None:
            faults.append(TableError(table, f"value {printable(raw, 40)!r} in column {printable(columns['value'], 40)!r} "
                                            "is not a number", line))
            continue
        as_of = None
        if "time" in columns:
            try:
                as_of = _as_of(table, line, row.get(columns["time"], ""))
            except TableError as exc:
                faults.append(exc)
                continue
        names = (name, *(row.get(a, "") for a in also), *aliases.get(name.lower(), ()))
        subjects = _unique(n for n in names if n)
        yield Fact(subjects=subjects, measures=measures, value=value * scale, date=None,
                   unit=unit, as_of=as_of, tolerance=float(tolerance), source=source, path=table, line=line,
                   aggregate=any(n.lower() in aggregate_names for n in subjects))
