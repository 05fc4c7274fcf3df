"""One uploaded file to an :class:`ImportResult`: the arguments checked, the format found and
the file handed to its reader (CSV and Excel tables, GeoJSON, keep.eu workbooks).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from gros.importers.cells import quoted
from gros.importers.detect import DEFAULT_MAX_BYTES, check_size, detect_format
from gros.importers.geojson import read_geojson
from gros.importers.keep import looks_like_keep, read_keep
from gros.importers.location import check_crs
from gros.importers.notes import Notes
from gros.importers.records import Reading
from gros.importers.result import ImportResult
from gros.importers.rows import read_table
from gros.importers.tables import csv_table, table_of, workbook_sheets
from gros.importers.vocabulary import ALIASES
from gros.settings import DEFAULT_MAX_IMPORT_ROWS


def read_projects(data: bytes, filename: str, format: str | None = None, *,
                  max_bytes: int = DEFAULT_MAX_BYTES, crs: str | None = None,
                  nuts3_points: Mapping[str, tuple[float, float]] | None = None,
                  nuts_names: Mapping[str, str] | None = None, include_outside: bool = False,
                  today: date | None = None,
                  max_rows: int = DEFAULT_MAX_IMPORT_ROWS,
                  progress: Callable[[int, int], None] | None = None) -> ImportResult:
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
        a partner's region, or rows with a ``nuts3`` column).
    nuts_names
        NUTS 2024 code → name, to find the region of a keep.eu partner's older NUTS code
        by the name after it.
    include_outside
        Import keep.eu projects outside the area (no partner in the Netherlands, Belgium
        or Germany) too, where they can be placed; by default they are only listed.
    today
        The date that decides a missing status from the start and end dates.
    max_rows
        A CSV file or a sheet read with more data rows, or more cells than 20 a row at
        this limit, is refused (the setting ``GROS_MAX_IMPORT_ROWS``); so is a workbook
        whose parts would inflate beyond reason or hold more texts than that.
    progress
        Told ``(rows done, rows in all)`` every few hundred rows as they are read.

    Raises
    ------
    ImportFileError
        When the file as a whole cannot be read; every row-level problem is a
        :class:`Rejection` in the result instead.
    """
    name = str(filename or "upload")
    data = bytes(data)
    check_size(data, name, max_bytes)
    reading = Reading(name, today or date.today(), check_crs(crs, name), nuts3_points,
                      nuts_names, include_outside=include_outside, progress=progress)
    notes = Notes()
    kind = detect_format(data, name, format, notes)
    if kind == "csv":
        return read_table(csv_table(data, name, notes, max_rows=max_rows), "csv", ALIASES,
                          reading, notes)
    if kind == "geojson":
        return read_geojson(data, reading, notes)
    sheets = workbook_sheets(data, name, max_rows=max_rows)
    if kind == "keep" or (format is None and looks_like_keep(sheets)):
        return read_keep(sheets, reading, notes)
    (sheet, rows), *others = sheets
    if others:
        notes.warn(f"Only the first sheet {sheet!r} was read; not read: "
                   f"{quoted(n for n, _ in others)}")
    table = table_of(rows, name, f" (sheet {sheet!r})", strict=False)
    return read_table(table, "xlsx", ALIASES, reading, notes)
