"""Read cross-border projects from the files people have: CSV, Excel, GeoJSON and keep.eu exports.

:func:`read_projects` turns the bytes of one uploaded file into an :class:`ImportResult`:
the projects that passed :func:`gros.projects.project_from_record`, and every other row
with the column and the reason it was refused, so nothing disappears unnoticed. A
problem with the file as a whole (unreadable, too large, no title column) raises
:class:`ImportFileError` instead.

Headers may be Dutch, German, French or English (:data:`ALIASES`); amounts, dates and
coordinates may be written in continental or English conventions, and coordinates in
WGS 84, RD New, Lambert 72 or Lambert 2008 (see :mod:`gros.coords`).

Choices worth knowing:

* Ids: an ``id`` column wins. Otherwise a row gets ``slug(title)-hash(title, programme)``
  and a keep.eu project ``keep-slug(acronym)``, so importing the same file twice gives
  the same ids. A later row with an id seen before is rejected, naming the earlier row.
* Sources: a row without a public http(s) URL is rejected. keep.eu projects cite
  ``https://keep.eu/projects/<id>/`` when the export has a keep.eu id column, and
  otherwise ``https://keep.eu`` with one warning that per-project links were missing
  (rejecting every keep.eu row would make the export useless); a project website
  column is cited as well.
* Amounts: with a single ``.`` or ``,`` followed by exactly three digits the mark is a
  thousands separator (``1.500`` and ``1,500`` are 1500); with both marks the last one
  is the decimal mark.
* Dates with day and month are read day first (``20-11-2015``), as in the Netherlands,
  Belgium and Germany; a date that only works month first is refused, not guessed.
* Locations, in order of preference: a GeoJSON feature's geometry, a WKT column, x/y,
  lat/lon, then a NUTS-3 code placed with ``nuts3_points`` (precision ``nuts3``). A
  feature without geometry may still be placed by such properties.
* One coordinate system per file: the one most x/y, WKT and GeoJSON coordinates fit;
  rows that fit another are rejected rather than misplaced (pass ``crs`` to decide).
* A missing status is derived from the dates; countries default to the partners'.
* keep.eu: the projects sheet is the one named like ``Projects (lead partners)`` or
  ``Search results, projects``; partner rows join it on the 2021–2027 project id, else
  on programme and acronym. Columns of both known layouts are in :data:`KEEP_ALIASES`
  and :data:`KEEP_PARTNER_ALIASES`; any other column is named in a warning.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath
from typing import Any

import shapely
import shapely.geometry

from gros import coords, themes
from gros.importers.cells import cell_text, first, fold, fold_index, quoted, split_items, trimmed
from gros.importers.result import ImportFileError, ImportResult, Rejection
from gros.importers.values import (
    derived_id,
    keep_id,
    nuts3_code,
    parse_amount,
    parse_country,
    parse_date,
    status_from_dates,
    theme_ids,
    theme_items,
)
from gros.importers.vocabulary import (
    ALIASES,
    COUNTRY_NAMES,
    KEEP_ALIASES,
    KEEP_PARTNER_ALIASES,
    KEEP_URL,
    MONTHS,
    MULTI_COLUMN_KEYS,
    PRECISION_WORDS,
    STATUS_WORDS,
    TITLE_KEYS,
    TRUE_WORDS,
)
from gros.projects import Problem, Project, ProjectInvalid, project_from_record

__all__ = [
    "ALIASES", "COUNTRY_NAMES", "DEFAULT_MAX_BYTES", "FORMATS", "KEEP_ALIASES",
    "KEEP_PARTNER_ALIASES", "KEEP_URL", "MB", "MONTHS", "MULTI_COLUMN_KEYS", "PRECISION_WORDS",
    "STATUS_WORDS", "TITLE_KEYS", "ImportFileError", "ImportResult", "Rejection", "derived_id",
    "keep_id", "parse_amount", "parse_country", "parse_date", "read_projects",
]

FORMATS = ("csv", "xlsx", "geojson", "keep")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MB = 1024 * 1024

_MAX_LISTED = 10
_LOCATION_KEYS = frozenset({"geometry", "x", "y", "lat", "lon", "wkt", "nuts3"})


def read_projects(data: bytes, filename: str, format: str | None = None, *,
                  max_bytes: int = DEFAULT_MAX_BYTES, crs: str | None = None,
                  nuts3_points: Mapping[str, tuple[float, float]] | None = None,
                  today: date | None = None) -> ImportResult:
    """Projects from the bytes of a CSV, XLSX, GeoJSON or keep.eu file.

    Parameters
    ----------
    data, filename
        The file's content and its name (the extension chooses the format).
    format
        One of :data:`FORMATS`; None detects it from the extension and content (a
        workbook with a sheet like ``Projects (lead partners)`` is a keep.eu export).
    max_bytes
        Larger files are refused.
    crs
        ``EPSG:4326``, ``EPSG:28992``, ``EPSG:31370`` or ``EPSG:3812`` for x/y, WKT and
        GeoJSON coordinates; None recognises the system from the values.
    nuts3_points
        NUTS-3 code → (lon, lat), to place rows without coordinates (keep.eu projects at
        their lead partner's region, or rows with a ``nuts3`` column).
    today
        The date that decides a missing status from the start and end dates.

    Raises
    ------
    ImportFileError
        When the file as a whole cannot be read; every row-level problem is a
        :class:`Rejection` in the result instead.
    """
    name = str(filename or "upload")
    data = bytes(data)
    if len(data) > max_bytes:
        raise ImportFileError(f"{name!r} is {_megabytes(len(data))}, larger than the limit of "
                              f"{_megabytes(max_bytes)}")
    if not data.strip(b" \t\r\n\xef\xbb\xbf\xff\xfe\x00"):
        raise ImportFileError(f"{name!r} is empty")
    chosen_crs = _check_crs(crs, name)
    kind, warnings = _detect_format(data, name, format)
    reader = _Reader(name, chosen_crs, nuts3_points, today or date.today())
    reader.warnings.extend(warnings)
    if kind == "csv":
        table = _csv_table(data, name, reader.warnings)
        return reader.read_table(table, "csv", ALIASES)
    if kind == "geojson":
        return reader.read_geojson(data)
    sheets = _workbook_sheets(data, name)
    if kind == "keep" or (format is None and _looks_like_keep(sheets)):
        return reader.read_keep(sheets)
    first, *others = sheets
    if others:
        reader.warnings.append(f"Only the first sheet {first[0]!r} was read; not read: "
                               f"{quoted(n for n, _ in others)}")
    table = _table(first[1], name, f" (sheet {first[0]!r})", strict=False)
    return reader.read_table(table, "xlsx", ALIASES)


# --- reading files ------------------------------------------------------------------------

def _megabytes(size: int) -> str:
    return f"{size / MB:.1f} MB ({size:,} bytes)"


def _check_crs(crs: str | None, name: str) -> str | None:
    if crs is None:
        return None
    chosen = str(crs).strip().upper()
    if chosen not in coords.SUPPORTED_CRS:
        raise ImportFileError(f"{name!r}: unknown coordinate system {crs!r}; expected one of "
                              f"{', '.join(coords.SUPPORTED_CRS)}")
    return chosen


_EXTENSIONS = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
               ".geojson": "geojson", ".json": "geojson"}


def _detect_format(data: bytes, name: str, format: str | None) -> tuple[str, list[str]]:
    if format is not None:
        if format not in FORMATS:
            raise ImportFileError(f"{name!r}: unknown format {format!r}; expected one of "
                                  f"{', '.join(FORMATS)}")
        return format, []
    extension = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    # The content wins over the extension for binary files: a renamed workbook is common.
    if data.startswith(b"PK\x03\x04"):
        warnings = [] if _EXTENSIONS.get(extension) == "xlsx" else [
            f"{name!r} is an Excel workbook despite its extension {extension!r}; read as .xlsx"]
        return "xlsx", warnings
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(f"{name!r} is an old Excel 97–2003 (.xls) file; save it as .xlsx "
                              "or CSV and import that")
    if extension == ".xls":
        raise ImportFileError(f"{name!r}: .xls files are not supported; save it as .xlsx or CSV")
    if extension not in _EXTENSIONS:
        raise ImportFileError(f"{name!r}: cannot tell the format from the extension "
                              f"{extension or '(none)'!r}; expected .csv, .xlsx, .geojson or "
                              ".json")
    return _EXTENSIONS[extension], []


def _decode(data: bytes, name: str, warnings: list[str]) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFileError(f"{name!r} starts like UTF-16 text but is not") from None
    if b"\x00" in data:
        raise ImportFileError(f"{name!r} is not a text file (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        warnings.append(f"{name!r} is not UTF-8; read as Windows-1252")
        return text
    except UnicodeDecodeError:
        warnings.append(f"{name!r} is neither UTF-8 nor Windows-1252; read as Latin-1, so check "
                        "accented characters")
        return data.decode("latin-1")


def _delimiter(text: str) -> str:
    # Count each candidate outside quotes on the header line; ties go to the comma.
    counts = dict.fromkeys((",", ";", "\t"), 0)
    quoted = False
    for char in text.lstrip("\r\n"):
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda c: (counts[c], c == ","))
    return best if counts[best] else ","


@dataclass
class _Table:
    """A header and data rows (row number, cells aligned with the header)."""

    headers: list[str]
    rows: list[tuple[int, list[Any]]]
    surplus: dict[int, list[tuple[str, Any]]] = field(default_factory=dict)


def _csv_table(data: bytes, name: str, warnings: list[str]) -> _Table:
    text = _decode(data, name, warnings)
    # Excel writes and honours a first line "sep=;"; it is not a row anyone sees.
    separator = re.match(r"^sep=([,;\t|])\r?\n", text)
    if separator:
        text = text[separator.end():]
        delimiter = separator.group(1)
    else:
        delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = list(enumerate(reader, start=1))
    except csv.Error as exc:
        raise ImportFileError(f"{name!r} is not readable as CSV (line {reader.line_num}): "
                              f"{exc}") from None
    return _table(rows, name, "", strict=True)


def _table(rows: Iterable[tuple[int, Sequence[Any]]], name: str, where: str, *,
           strict: bool) -> _Table:
    """The header (first non-blank row) and the non-blank rows below it.

    ``strict`` (CSV): values beyond the header's last column are surplus, a sign of a
    missing quote, and reject their row. Otherwise (Excel) a column without a header is
    named ``(column N)`` and reported as not imported, like any unknown column.
    """
    header: Sequence[Any] | None = None
    data: list[tuple[int, Sequence[Any]]] = []
    for number, cells in rows:
        if not any(trimmed(c) for c in cells):
            continue
        if header is None:
            header = cells
        else:
            data.append((number, cells))
    if header is None:
        raise ImportFileError(f"{name!r}{where} has no header row; it holds no values")

    def last(cells: Sequence[Any]) -> int:
        return max((i + 1 for i, c in enumerate(cells) if trimmed(c)), default=0)

    width = last(header) if strict else max([last(header), *(last(c) for _, c in data)])
    headers: list[str] = []
    for i in range(width):
        title = trimmed(header[i]) if i < len(header) else ""
        title = title or f"(column {i + 1})"
        headers.append(title if title not in headers else f"{title} ({i + 1})")
    table = _Table(headers, [])
    for number, cells in data:
        table.rows.append((number, list(cells[:width]) + [None] * (width - len(cells))))
        extra = [(f"(column {width + i + 1})", c) for i, c in enumerate(cells[width:])
                 if trimmed(c)]
        if extra:
            table.surplus[number] = extra
    return table


def _workbook_sheets(data: bytes, name: str) -> list[tuple[str, list[tuple[int, tuple]]]]:
    """Every sheet's name and rows (Excel row number, cell values)."""
    import openpyxl  # only Excel imports need it

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except zipfile.BadZipFile:
        raise ImportFileError(f"{name!r} is not a readable Excel workbook (.xlsx): it is not a "
                              "zip archive, or it is damaged or cut short") from None
    except Exception as exc:  # openpyxl raises many kinds of error on damaged files
        raise ImportFileError(f"{name!r} is not a readable Excel workbook (.xlsx): "
                              f"{type(exc).__name__}: {exc}") from None
    try:
        sheets = []
        for sheet in workbook.worksheets:
            # Some writers store wrong sheet dimensions; read-only mode would trust them.
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()
            rows = list(enumerate(sheet.iter_rows(values_only=True), start=1))
            sheets.append((sheet.title, rows))
    except Exception as exc:  # damaged sheet XML surfaces only while reading the rows
        raise ImportFileError(f"{name!r} is not a readable Excel workbook (.xlsx): "
                              f"{type(exc).__name__}: {exc}") from None
    finally:
        workbook.close()
    if not sheets:
        raise ImportFileError(f"{name!r} has no worksheets")
    return sheets


def _projects_sheet(names: Iterable[str]) -> str | None:
    for name in names:
        key = fold(name)
        if "project" in key and ("partner" not in key or "leadpartner" in key):
            return name
    return None


def _partners_sheet(names: Iterable[str], projects: str | None) -> str | None:
    return next((n for n in names if n != projects and "partner" in fold(n)), None)


def _looks_like_keep(sheets: list[tuple[str, list]]) -> bool:
    names = [name for name, _ in sheets]
    if any(fold(n).startswith(("projectsleadpartner", "searchresultsproject")) for n in names):
        return True
    projects = _projects_sheet(names)
    if projects is None or _partners_sheet(names, projects) is None:
        return False
    rows = dict(sheets)[projects]
    header = next((cells for _, cells in rows if any(trimmed(c) for c in cells)), ())
    keys = {fold(trimmed(c)) for c in header}
    return bool(keys & {"acronym", "projectacronym"}) and bool(
        keys & {"thematic1", "theme1", "programme"})


# --- columns ------------------------------------------------------------------------------

_WORD_INDEXES: dict[str, dict[str, str]] = {"status": fold_index(STATUS_WORDS),
                                             "precision": fold_index(PRECISION_WORDS)}


@dataclass
class _Columns:
    """Which header feeds which record key, and the headers nothing reads."""

    headers: list[str]
    by_key: dict[str, list[int]]
    ignored: list[str]
    doubles: list[str] = field(default_factory=list)

    def header(self, key: str) -> str:
        indexes = self.by_key.get(key)
        return self.headers[indexes[0]] if indexes else key

    def fields(self, cells: Sequence[Any]) -> dict[str, list[Any]]:
        return {key: [cells[i] for i in indexes] for key, indexes in self.by_key.items()}


def _columns(headers: list[str], aliases: Mapping[str, Iterable[str]]) -> _Columns:
    index = fold_index(aliases)
    by_key: dict[str, list[int]] = {}
    ignored: list[str] = []
    doubles: list[str] = []
    for i, header in enumerate(headers):
        key = index.get(fold(header))
        if key is None:
            ignored.append(header)
        elif key in by_key and key not in MULTI_COLUMN_KEYS:
            doubles.append(f"{header!r} ({key} is read from {headers[by_key[key][0]]!r})")
        else:
            by_key.setdefault(key, []).append(i)
    return _Columns(headers, by_key, ignored, doubles)


# --- values -------------------------------------------------------------------------------

_URL_SPLIT = re.compile(r"[\s;|]+|,(?=\s*(?:https?://|www\.))")


# --- turning rows into projects ------------------------------------------------------------

@dataclass
class _Links:
    """What a keep.eu partners sheet says about one project."""

    lead: dict[str, Any] | None = None
    lead_nuts3: Any = None
    partners: list[dict[str, Any]] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _Row:
    """One data row before it becomes a project."""

    number: int
    fields: dict[str, list[Any]]
    values: dict[str, str]
    geometry: Any = None          # a GeoJSON feature's geometry member, if any
    has_geometry: bool = False
    links: _Links | None = None
    problems: list[Problem] = field(default_factory=list)
    location: tuple[str, Any] | None = None  # (kind, raw shapely geometry) once located
    broken: bool = False  # its cells cannot be trusted: report only row.problems


class _Reader:
    """Turns the rows of one file into an :class:`ImportResult`, noting what it did."""

    def __init__(self, name: str, crs: str | None,
                 nuts3_points: Mapping[str, tuple[float, float]] | None, today: date):
        self.name = name
        self.crs = crs
        self.nuts3_points = nuts3_points
        self.today = today
        self.keep = False
        self.noun = "row"
        self.warnings: list[str] = []
        self.noted: dict[str, list[int]] = {}
        self.unknown_keep_themes: dict[str, list[int]] = {}
        self.seen_ids: dict[str, int] = {}
        self.columns = _Columns([], {}, [])
        self.file_crs: str | None = None

    # -- formats --

    def read_table(self, table: _Table, fmt: str, aliases: Mapping[str, Iterable[str]],
                   links: Callable[[dict[str, list[Any]]], _Links] | None = None) -> ImportResult:
        self.columns = _columns(table.headers, aliases)
        self._require_title(table.headers)
        self._warn_ignored(self.columns, table,
                           "Columns that are not project fields (kept in the rejected-rows "
                           "export)")
        rows = []
        for number, cells in table.rows:
            values = {h: cell_text(c) for h, c in zip(table.headers, cells, strict=True)}
            row = _Row(number, self.columns.fields(cells), values)
            extra = table.surplus.get(number)
            if extra:
                values.update({h: cell_text(c) for h, c in extra})
                row.problems.append(Problem("row", f"has values in {len(extra)} column(s) without "
                                                   f"a header, such as {extra[0][1]!r}; is a "
                                                   "value missing its quotes?"))
                row.broken = True  # the values have shifted: any other reason would mislead
            if links is not None:
                row.links = links(row.fields)
            rows.append(row)
        if not rows:
            self.warnings.append(f"{self.name!r} has a header but no data rows")
        return self._finish(rows, fmt)

    def read_geojson(self, data: bytes) -> ImportResult:
        self.noun = "feature"
        text = _decode(data, self.name, self.warnings)
        try:
            document = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise ImportFileError(f"{self.name!r} is not valid JSON: {exc}") from None
        kind = document.get("type") if isinstance(document, dict) else type(document).__name__
        if kind != "FeatureCollection" or not isinstance(document.get("features"), list):
            raise ImportFileError(f"{self.name!r} is not a GeoJSON FeatureCollection (its type "
                                  f"is {kind!r}); expected {{\"type\": \"FeatureCollection\", "
                                  "\"features\": [...]}}")
        features = document["features"]
        names: list[str] = []
        for feature in features:
            properties = feature.get("properties") if isinstance(feature, dict) else None
            if isinstance(properties, dict):
                names.extend(str(k) for k in properties if str(k) not in names)
        if not features:
            self.warnings.append(f"{self.name!r} contains no features")
            return ImportResult(self.name, "geojson", 0, warnings=self.warnings)
        self.columns = _columns(names, ALIASES)
        self._require_title(names, "properties")
        self._geojson_crs(document.get("crs"))
        self._warn_ignored(self.columns, None,
                           "Properties that are not project fields (kept in the rejected-rows "
                           "export)")
        return self._finish([self._feature_row(i, f) for i, f in enumerate(features, 1)],
                            "geojson")

    def read_keep(self, sheets: list[tuple[str, list]]) -> ImportResult:
        self.keep = True
        names = [name for name, _ in sheets]
        projects = _projects_sheet(names)
        if projects is None:
            raise ImportFileError(f"{self.name!r} has no keep.eu projects sheet (such as "
                                  f"'Projects (lead partners)'); sheets: {quoted(names)}")
        partners = _partners_sheet(names, projects)
        by_name = dict(sheets)
        table = _table(by_name[projects], self.name, f" (sheet {projects!r})", strict=False)
        index = None
        if partners is not None and any(trimmed(c) for _, cells in by_name[partners]
                                        for c in cells):
            partner_table = _table(by_name[partners], self.name, f" (sheet {partners!r})",
                                   strict=False)
            index = _PartnerIndex(partner_table, partners, self)
        else:
            self.warnings.append("The keep.eu export has no partners sheet, or it is empty; "
                                 "partners and the lead partner's NUTS-3 region come from the "
                                 "projects sheet only")
        skipped = [n for n in names if n not in (projects, partners)]
        if skipped:
            self.warnings.append(f"Sheets not read: {quoted(skipped)}")
        result = self.read_table(table, "keep", KEEP_ALIASES,
                                 links=index.links if index else None)
        if index is not None:
            result.warnings.extend(index.unused_warnings())
        return result

    # -- shared steps --

    def _require_title(self, headers: list[str], what: str = "columns") -> None:
        keys = (*TITLE_KEYS, "acronym") if self.keep else TITLE_KEYS
        if not any(k in self.columns.by_key for k in keys):
            found = quoted(headers[:40]) or "(none)"
            raise ImportFileError(f"{self.name!r} has no recognisable title column (such as "
                                  f"'title', 'titel', 'naam', 'Projektname' or 'Project Name'); "
                                  f"{what} found: {found}")

    def _warn_ignored(self, columns: _Columns, table: _Table | None, what: str) -> None:
        ignored = columns.ignored
        # A header-less column with nothing in it is layout, not data.
        if table is not None:
            filled = {h for _, cells in table.rows
                      for h, c in zip(table.headers, cells, strict=True) if trimmed(c)}
            ignored = [h for h in ignored if not h.startswith("(column ") or h in filled]
        if ignored:
            self.warnings.append(f"{what} not imported: {quoted(ignored)}")
        if columns.doubles:
            self.warnings.append(f"{what} not imported because another column already gives "
                                 f"the same field: {', '.join(columns.doubles)}")

    def _geojson_crs(self, member: Any) -> None:
        """Follow the (pre-RFC 7946) ``crs`` member unless the caller chose a system."""
        if not isinstance(member, dict) or self.crs is not None:
            return
        properties = member.get("properties")
        named = coords.crs_from_name(properties.get("name")) \
            if isinstance(properties, dict) else None
        if named is None:
            self.warnings.append(f"The file's 'crs' member {member!r} names no supported "
                                 "coordinate system; recognising it from the coordinates")
        elif named != coords.WGS84:
            self.crs = named
            self.warnings.append(f"Coordinates read as {coords.CRS_LABELS[named]} ({named}), as "
                                 "the file's 'crs' member says")

    def _feature_row(self, number: int, feature: Any) -> _Row:
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            text = json.dumps(feature, ensure_ascii=False, default=str)
            row = _Row(number, {}, {"feature": text}, broken=True)
            row.problems.append(Problem("row", f"expected a GeoJSON Feature, got {text[:80]!r}"))
            return row
        properties = feature.get("properties")
        if properties is None:
            properties = {}
        if not isinstance(properties, dict):
            row = _Row(number, {}, {"properties": cell_text(properties)}, broken=True)
            row.problems.append(Problem("row", f"expected an object of properties, got "
                                               f"{properties!r:.80}"))
            return row
        cells = [properties.get(h) for h in self.columns.headers]
        values = {str(k): cell_text(v) for k, v in properties.items()}
        fields = self.columns.fields(cells)
        if "id" not in fields and isinstance(feature.get("id"), (str, int)):
            fields["id"] = [feature["id"]]
        geometry = feature.get("geometry")
        if geometry is not None:
            values["geometry"] = json.dumps(geometry, ensure_ascii=False, default=str)
        return _Row(number, fields, values, geometry=geometry, has_geometry=geometry is not None)

    def _finish(self, rows: list[_Row], fmt: str) -> ImportResult:
        result = ImportResult(self.name, fmt, len(rows), warnings=self.warnings)
        for row in (r for r in rows if not r.broken):
            try:
                row.location = self._raw_location(row)
            except Exception as exc:  # a bug must cost one row, not the whole import
                row.problems.append(self._internal_error(exc))
        self._choose_crs(rows)
        for row in rows:
            try:
                project, problems = self._project(row)
            except Exception as exc:  # a bug must cost one row, not the whole import
                project, problems = None, [*row.problems, self._internal_error(exc)]
            if project is not None:
                result.accepted.append(project)
            for problem in problems:
                result.rejected.append(Rejection(row.number, self._column(problem.column),
                                                 problem.reason, row.values))
        result.warnings.extend(self._notes())
        return result

    def _internal_error(self, exc: Exception) -> Problem:
        return Problem("row", f"internal error while reading this {self.noun} "
                              f"({type(exc).__name__}: {exc}); please report it")

    def _column(self, key: str) -> str:
        return key if key in ("row", "geometry") else self.columns.header(key)

    # -- locations --

    def _raw_location(self, row: _Row) -> tuple[str, Any] | None:
        """The row's location as given (before any reprojection), or None.

        Records a problem on the row when a location is given but unreadable.
        """
        f = row.fields
        try:
            if row.has_geometry:
                return "geometry", _geojson_geometry(row.geometry)
            if (wkt := first(f.get("wkt"))) is not None:
                return "wkt", _wkt_geometry(trimmed(wkt))
            x, y = first(f.get("x")), first(f.get("y"))
            if x is not None or y is not None:
                return "xy", shapely.Point(self._coordinate(x, "x"), self._coordinate(y, "y"))
            lat, lon = first(f.get("lat")), first(f.get("lon"))
            if lat is not None or lon is not None:
                return "latlon", shapely.Point(self._coordinate(lon, "lon"),
                                               self._coordinate(lat, "lat"))
        except _RowProblem as problem:
            row.problems.append(Problem(problem.column, problem.reason))
        return None

    def _coordinate(self, value: Any, key: str) -> float:
        if value is None:
            other = {"x": "y", "y": "x", "lat": "longitude", "lon": "latitude"}[key]
            raise _RowProblem(key, f"a {other} is given but the {self.columns.header(key)!r} "
                                   "value is empty")
        try:
            return coords.parse_coordinate(value)
        except coords.CoordinateError as exc:
            raise _RowProblem(key, str(exc)) from None

    def _choose_crs(self, rows: list[_Row]) -> None:
        projected = [r for r in rows if r.location and r.location[0] != "latlon"]
        if self.crs is not None or not projected:
            self.file_crs = self.crs
            return
        points = [p for r in projected if (p := coords.first_coordinate(r.location[1]))]
        self.file_crs = coords.detect_crs(points)
        has_xy = any(r.location[0] == "xy" for r in projected)
        if self.file_crs is not None and (has_xy or self.file_crs != coords.WGS84):
            self.warnings.append(f"Coordinates read as {coords.CRS_LABELS[self.file_crs]} "
                                 f"({self.file_crs}), recognised from their values; pass crs "
                                 "to choose another")

    def _geometry(self, row: _Row) -> tuple[Any, str | None]:
        """The row's geometry in WGS 84 and the precision it implies (None: as given).

        Raises
        ------
        _RowProblem
            When the row has no usable location.
        """
        if row.location is None:
            return self._nuts3_location(row), "nuts3"
        kind, geometry = row.location
        if kind != "latlon":
            geometry = coords.to_wgs84(geometry, self._crs_of(kind, geometry))
        if not coords.is_finite(geometry):
            raise _RowProblem("x" if kind == "xy" else "geometry",
                              "the coordinates do not convert to longitude/latitude")
        geometry, swapped = coords.fix_axis_order(geometry)
        if swapped:
            self.noted.setdefault("swapped", []).append(row.number)
        return geometry, None

    def _crs_of(self, kind: str, geometry: Any) -> str:
        """The coordinate system of a row's x/y, WKT or GeoJSON geometry."""
        column = "x" if kind == "xy" else kind
        point = coords.first_coordinate(geometry)
        where = f"x/y {point}" if kind == "xy" else f"coordinates {point}"
        if self.file_crs is None:
            raise _RowProblem(column, f"cannot tell the coordinate system of {where}: the "
                                      f"file's values fit none, or several equally, of "
                                      f"{coords.describe_ranges()}; pass crs")
        if self.crs is None and (point is None or coords.classify(*point) != self.file_crs):
            raise _RowProblem(column, f"{where} do not fit {coords.CRS_LABELS[self.file_crs]} "
                                      f"({self.file_crs}), the system recognised for this file "
                                      "from most rows; pass crs to choose one")
        return self.file_crs

    def _nuts3_location(self, row: _Row) -> Any:
        value = first(row.fields.get("nuts3"))
        column = "nuts3"
        if value is None and row.links is not None:
            value, column = row.links.lead_nuts3, "lead_partner"
        if value is None:
            if self.keep:
                raise _RowProblem("geometry", "has no coordinates and no NUTS-3 region for its "
                                              "lead partner, so it cannot be placed on the map")
            raise _RowProblem("geometry", "a location is required: give lat/lon, x/y, WKT or a "
                                          "NUTS-3 code")
        try:
            code = nuts3_code(value)
        except ValueError as exc:
            raise _RowProblem(column, str(exc)) from None
        if self.nuts3_points is None:
            raise _RowProblem(column, f"has no coordinates, and its NUTS-3 region {code!r} cannot "
                                      "be placed because no NUTS-3 points were provided")
        point = self.nuts3_points.get(code)
        if point is None:
            raise _RowProblem(column, f"has no coordinates, and there is no point for NUTS-3 "
                                      f"code {code!r} (from {value!r})")
        try:
            return shapely.Point(float(point[0]), float(point[1]))
        except (TypeError, ValueError, IndexError):
            raise _RowProblem(column, f"the point given for NUTS-3 code {code!r} is not "
                                      f"(lon, lat): {point!r}") from None

    # -- one project --

    def _project(self, row: _Row) -> tuple[Project | None, list[Problem]]:
        problems = list(row.problems)
        if row.broken:
            return None, problems
        record = self._record(row, problems)
        geometry = None
        located = not any(p.column in _LOCATION_KEYS for p in problems)
        if located:
            try:
                geometry, precision = self._geometry(row)
                if precision:
                    record["precision"] = precision
            except _RowProblem as exc:
                problems.append(Problem(exc.column, exc.reason))
                located = False
        # The model would repeat what was already said in its own words.
        reported = {p.column for p in problems}
        if not located:
            reported.add("geometry")
        if not record["id"]:
            reported.add("id")  # no title to derive it from, and that is reported
        try:
            project = project_from_record(record, geometry)
        except ProjectInvalid as exc:
            problems.extend(p for p in exc.problems if p.column not in reported)
            project = None
        if problems:
            return None, problems
        return project, []

    def _record(self, row: _Row, problems: list[Problem]) -> dict[str, Any]:
        f = row.fields
        record: dict[str, Any] = {}
        for key in ("title", "title_nl", "title_de", "title_fr", "title_en", "description",
                    "programme", "stations"):
            value = first(f.get(key))
            record[key] = value if key == "stations" and isinstance(value, list) else trimmed(value)
        acronym = trimmed(first(f.get("acronym")))
        if not record["title"]:
            record["title"] = next((record[k] for k in TITLE_KEYS if record[k]), "") or (
                acronym if self.keep else "")
        record["themes"] = self._themes(row, problems)
        for key in ("start", "end", "last_verified"):
            record[key] = self._parsed(f, key, parse_date, problems)
        for key in ("budget_eur", "eu_contribution_eur"):
            record[key] = self._parsed(f, key, parse_amount, problems)
        record["status"] = self._status(row, record, problems)
        record["precision"] = self._word_value(f, "precision", problems)
        self._partners(row, record, problems)
        record["sources"] = self._sources(row, problems)
        record["id"] = self._id(row, record, acronym, problems)
        return record

    def _parsed(self, f: dict[str, list[Any]], key: str, parse: Callable[[Any], Any],
                problems: list[Problem]) -> Any:
        value = first(f.get(key))
        if value is None:
            return None
        try:
            return parse(value)
        except ValueError as exc:
            problems.append(Problem(key, str(exc)))
            return None

    def _word_value(self, f: dict[str, list[Any]], key: str, problems: list[Problem]) -> str | None:
        value = first(f.get(key))
        if value is None:
            return None
        word = _WORD_INDEXES[key].get(fold(trimmed(value)))
        if word is None:
            examples = ", ".join(dict.fromkeys(_WORD_INDEXES[key].values()))
            problems.append(Problem(key, f"expected one of {examples} (or the same in Dutch, "
                                         f"German or French), got {value!r}"))
        return word

    def _status(self, row: _Row, record: dict[str, Any], problems: list[Problem]) -> str | None:
        if first(row.fields.get("status")) is not None:
            return self._word_value(row.fields, "status", problems)
        status = status_from_dates(record["start"], record["end"], self.today)
        if status is not None:
            self.noted.setdefault("status", []).append(row.number)
        return status

    def _themes(self, row: _Row, problems: list[Problem]) -> list[str]:
        ids: list[str] = []
        unknown: list[str] = []
        for value in row.fields.get("themes", []):
            for item in theme_items(value):
                found = theme_ids(item)
                ids.extend(i for i in found if i not in ids)
                if not found:
                    unknown.append(item)
        if self.keep:
            for item in unknown:
                self.unknown_keep_themes.setdefault(item, []).append(row.number)
            if not ids:
                reason = (f"none of its keep.eu themes ({quoted(unknown)}) maps onto a "
                          "dashboard theme" if unknown else "has no keep.eu theme")
                problems.append(Problem("themes", reason))
        elif unknown:
            problems.extend(Problem("themes", f"unknown theme {item!r}; expected one of "
                                              f"{', '.join(themes.THEME_IDS)} or their names")
                            for item in unknown)
        elif not ids:
            problems.append(Problem("themes", "at least one theme is required"))
        return ids

    def _partners(self, row: _Row, record: dict[str, Any], problems: list[Problem]) -> None:
        f = row.fields
        lead = None
        name = first(f.get("lead_partner"))
        country = first(f.get("lead_partner_country"))
        if isinstance(name, dict):
            lead = self._partner(name, "lead_partner", problems)
        elif name is not None:
            lead = self._partner(trimmed(name), "lead_partner", problems)
            if lead is not None and country is not None:
                try:
                    lead["country"] = parse_country(country)
                except ValueError as exc:
                    problems.append(Problem("lead_partner_country", str(exc)))
        partners = [p for v in _split_partners(first(f.get("partners")))
                    if (p := self._partner(v, "partners", problems)) is not None]
        countries = []
        for value in split_items(first(f.get("countries")), ";|,\n"):
            try:
                countries.append(parse_country(value))
            except ValueError as exc:
                problems.append(Problem("countries", str(exc)))
        links = row.links
        if links is not None:
            problems.extend(links.problems)
            lead = links.lead or lead
            partners = partners + [p for p in links.partners if p not in partners]
            countries = countries + links.countries
        if self.keep or (links is not None) or not countries:
            # A project's countries are at least those of its partners.
            for partner in ([lead] if lead else []) + partners:
                countries.append(partner.get("country") or "")
        record["lead_partner"] = lead
        record["partners"] = partners
        record["countries"] = list(dict.fromkeys(c for c in countries if c))

    def _partner(self, value: Any, key: str, problems: list[Problem]) -> dict[str, Any] | None:
        if isinstance(value, dict):
            name, country = trimmed(value.get("name")), value.get("country")
        else:
            text = trimmed(value)
            match = re.match(r"^(.*?)\s*\(([^()]+)\)$", text)
            name, country = (match.group(1), match.group(2)) if match else (text, None)
            if match:
                try:
                    parse_country(country)
                except ValueError:  # "(oud)" or "(ZLTO)" is part of the name
                    name, country = text, None
        if not name:
            return None
        partner: dict[str, Any] = {"name": name, "country": None}
        if trimmed(country):
            try:
                partner["country"] = parse_country(country)
            except ValueError as exc:
                problems.append(Problem(key, f"partner {name!r}: {exc}"))
        return partner

    def _sources(self, row: _Row, problems: list[Problem]) -> list[str]:
        sources: list[str] = []
        for value in row.fields.get("sources", []):
            text = trimmed(value)
            if isinstance(value, list):
                items = value
            elif "://" in text or "www." in text.lower():
                items = _URL_SPLIT.split(text)
            else:
                items = [text]  # "Provinciale Staten" is one wrong source, not two
            for item in (trimmed(i) for i in items):
                if item.lower().startswith("www."):
                    self.noted.setdefault("www", []).append(row.number)
                    item = f"https://{item}"
                if item and item not in sources:
                    sources.append(item)
        if self.keep:
            page = trimmed(first(row.fields.get("keep_page_id")))
            if re.fullmatch(r"\d+", page):
                sources.insert(0, f"{KEEP_URL}/projects/{page}/")
            else:
                sources.insert(0, KEEP_URL)
                self.noted.setdefault("keep_source", []).append(row.number)
        elif not sources:
            column = self.columns.header("sources")
            where = f"column {column!r} is empty" if "sources" in self.columns.by_key else (
                "the file has no source column such as 'bron', 'Quelle' or 'url'")
            problems.append(Problem("sources", f"a public source URL is required; {where}"))
        return sources

    def _id(self, row: _Row, record: dict[str, Any], acronym: str,
            problems: list[Problem]) -> str:
        given = trimmed(first(row.fields.get("id")))
        if given:
            project_id = given.lower()
        elif self.keep:
            project_id = keep_id(acronym or record["title"])
        elif record["title"]:
            project_id = derived_id(record["title"], record["programme"])
        else:
            return ""
        earlier = self.seen_ids.setdefault(project_id, row.number)
        if earlier != row.number:
            problems.append(Problem("id", f"duplicate id {project_id!r}: {self.noun} {earlier} "
                                          "has the same id"))
        return project_id

    # -- warnings --

    def _notes(self) -> list[str]:
        notes = []
        rows = self.noted
        if "swapped" in rows:
            notes.append(f"Latitude and longitude were swapped in {self._rows(rows['swapped'])}: "
                         "only the other order lies in the border region")
        if "status" in rows:
            notes.append(f"Status was not given; derived from the start and end dates as of "
                         f"{self.today.isoformat()} for {self._rows(rows['status'])}")
        if "www" in rows:
            notes.append(f"Source addresses starting with 'www.' were read as https:// in "
                         f"{self._rows(rows['www'])}")
        if "keep_source" in rows:
            notes.append(f"The keep.eu export has no per-project keep.eu links (no keep.eu id "
                         f"column); {len(rows['keep_source'])} project(s) cite {KEEP_URL} as "
                         "their source")
        if self.unknown_keep_themes:
            listed = "; ".join(f"{k!r} ({self._rows(v)})"
                               for k, v in self.unknown_keep_themes.items())
            notes.append(f"keep.eu themes that map onto no dashboard theme: {listed}")
        return notes

    def _rows(self, numbers: list[int]) -> str:
        return _rows_text(numbers, self.noun)


def _rows_text(numbers: Iterable[int], noun: str) -> str:
    """``rows 2, 3 and 7`` style text, listing at most ten numbers."""
    unique = sorted(set(numbers))
    shown = ", ".join(map(str, unique[:_MAX_LISTED]))
    more = f" and {len(unique) - _MAX_LISTED} more" if len(unique) > _MAX_LISTED else ""
    return f"{noun}{'s' if len(unique) > 1 else ''} {shown}{more}"


class _RowProblem(Exception):
    def __init__(self, column: str, reason: str):
        super().__init__(reason)
        self.column = column
        self.reason = reason


def _geojson_geometry(member: Any) -> Any:
    try:
        geometry = shapely.geometry.shape(member)
    except Exception:  # shape() raises KeyError, TypeError, GeometryTypeError… on bad input
        text = json.dumps(member, ensure_ascii=False, default=str)
        raise _RowProblem("geometry", f"not a valid GeoJSON geometry: {text[:80]!r}") from None
    if geometry.is_empty:
        raise _RowProblem("geometry", "the feature's geometry is empty")
    return geometry


def _wkt_geometry(text: str) -> Any:
    try:
        geometry = shapely.from_wkt(text)
    except (shapely.errors.ShapelyError, ValueError, TypeError):
        raise _RowProblem("wkt", f"not valid WKT: {text[:80]!r}") from None
    if geometry is None or geometry.is_empty:
        raise _RowProblem("wkt", f"the WKT geometry is empty: {text[:80]!r}")
    return geometry


def _split_partners(value: Any) -> list[Any]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict) or trimmed(v)]
    return split_items(value) if value is not None else []


class _PartnerIndex:
    """The rows of a keep.eu partners sheet, by the project they belong to."""

    def __init__(self, table: _Table, sheet: str, reader: _Reader):
        self.sheet = sheet
        self.columns = _columns(table.headers, KEEP_PARTNER_ALIASES)
        self.by_id: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        self.by_acronym: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = {}
        self.used: set[int] = set()
        self.rows = [n for n, _ in table.rows]
        self.unnamed: list[int] = []
        if "name" not in self.columns.by_key or not (
                {"acronym", "keep_project_id"} & self.columns.by_key.keys()):
            reader.warnings.append(f"The partners sheet {sheet!r} has no partner name or project "
                                   f"column; it was not read (columns: "
                                   f"{quoted(table.headers)})")
            self.rows = []
            return
        reader._warn_ignored(self.columns, table, f"Partners sheet {sheet!r} columns")
        for number, cells in table.rows:
            f = {k: first(v) for k, v in self.columns.fields(cells).items()}
            pid, acronym = fold(trimmed(f.get("keep_project_id"))), fold(trimmed(f.get("acronym")))
            if pid:
                self.by_id.setdefault(pid, []).append((number, f))
            if acronym:
                self.by_acronym.setdefault((fold(trimmed(f.get("programme"))), acronym),
                                           []).append((number, f))
                self.by_acronym.setdefault(("", acronym), []).append((number, f))

    def links(self, fields: dict[str, list[Any]]) -> _Links:
        pid = fold(trimmed(first(fields.get("keep_project_id"))))
        acronym = fold(trimmed(first(fields.get("acronym"))))
        programme = fold(trimmed(first(fields.get("programme"))))
        rows = self.by_id.get(pid, []) if pid else []
        if not rows and acronym:
            has_programme = "programme" in self.columns.by_key
            rows = self.by_acronym.get((programme if has_programme else "", acronym), [])
        links = _Links()
        lead_name = fold(trimmed(first(fields.get("lead_partner"))))
        leads = [r for r in rows if trimmed(r[1].get("lead")).casefold() in TRUE_WORDS]
        if not leads and lead_name:
            leads = [r for r in rows if fold(trimmed(r[1].get("name"))) == lead_name]
        lead_row = leads[0][0] if leads else None
        for number, f in rows:
            self.used.add(number)
            name = trimmed(f.get("name"))
            if not name:
                self.unnamed.append(number)
                continue
            partner: dict[str, Any] = {"name": name, "country": None}
            country = f.get("country_code") if trimmed(f.get("country_code")) else f.get("country")
            if trimmed(country):
                try:
                    partner["country"] = parse_country(country)
                    links.countries.append(partner["country"])
                except ValueError as exc:
                    links.problems.append(Problem(
                        "partners", f"partner {name!r} ({self.sheet!r} row {number}): {exc}"))
            if number == lead_row:
                links.lead = partner
                links.lead_nuts3 = f.get("nuts3") if trimmed(f.get("nuts3")) else None
            elif partner not in links.partners:
                links.partners.append(partner)
        return links

    def unused_warnings(self) -> list[str]:
        warnings = []
        unused = [n for n in self.rows if n not in self.used]
        if unused:
            warnings.append(f"Partner rows that name no project in the projects sheet were not "
                            f"imported: sheet {self.sheet!r} {_rows_text(unused, 'row')}")
        if self.unnamed:
            warnings.append(f"Partner rows without a partner name were not imported: sheet "
                            f"{self.sheet!r} {_rows_text(self.unnamed, 'row')}")
        return warnings
