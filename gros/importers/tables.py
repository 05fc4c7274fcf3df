"""Tables from files: CSV text and the sheets of a workbook, as a header and numbered rows."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gros.importers.cells import trimmed
from gros.importers.detect import decode
from gros.importers.notes import Notes
from gros.importers.result import ImportFileError

# A sheet's name and its rows: (Excel row number, cell values).
Sheet = tuple[str, list[tuple[int, tuple[Any, ...]]]]


@dataclass(frozen=True)
class Table:
    """A header and data rows (row number, cells aligned with the header).

    ``surplus`` holds, by row number, the values of a CSV row beyond the header's last
    column, named ``(column N)``.
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]
    surplus: Mapping[int, tuple[tuple[str, Any], ...]] = field(default_factory=dict)


def delimiter(text: str) -> str:
    """The delimiter of CSV text: the one of ``,``, ``;`` and tab its header line has most."""
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


def csv_table(data: bytes, name: str, notes: Notes) -> Table:
    """The table of a CSV file in any of the encodings :func:`decode` reads."""
    text = decode(data, name, notes)
    # Excel writes and honours a first line "sep=;"; it is not a row anyone sees.
    separator = re.match(r"^sep=([,;\t|])\r?\n", text)
    if separator:
        text = text[separator.end():]
        chosen = separator.group(1)
    else:
        chosen = delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=chosen)
    try:
        rows = list(enumerate(reader, start=1))
    except csv.Error as exc:
        raise ImportFileError(f"{name!r} is not readable as CSV (line {reader.line_num}): "
                              f"{exc}") from None
    return table_of(rows, name, "", strict=True)


def table_of(rows: Iterable[tuple[int, Sequence[Any]]], name: str, where: str, *,
             strict: bool) -> Table:
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
    width = _width(header) if strict else max([_width(header), *(_width(c) for _, c in data)])
    headers: list[str] = []
    for i in range(width):
        title = trimmed(header[i]) if i < len(header) else ""
        title = title or f"(column {i + 1})"
        headers.append(title if title not in headers else f"{title} ({i + 1})")
    surplus = {}
    for number, cells in data:
        extra = tuple((f"(column {width + i + 1})", c) for i, c in enumerate(cells[width:])
                      if trimmed(c))
        if extra:
            surplus[number] = extra
    return Table(tuple(headers),
                 tuple((n, (*cells[:width], *[None] * (width - len(cells)))) for n, cells in data),
                 surplus)


def _width(cells: Sequence[Any]) -> int:
    """How many columns reach the last non-blank cell."""
    return max((i + 1 for i, c in enumerate(cells) if trimmed(c)), default=0)


def workbook_sheets(data: bytes, name: str) -> list[Sheet]:
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
