"""Tables from files: CSV text and the sheets of a workbook, as a header and numbered rows.

Both are read as streams, a row at a time, so that what a file costs is bounded whatever it
holds: a file is refused at its first row beyond the row limit (the setting
``GROS_MAX_IMPORT_ROWS``) or at a value beyond :data:`MAX_COLUMNS`, a workbook before it is
opened when its parts would inflate beyond reason (:func:`detect.check_archive`), and a
sheet is parsed only as far as a reader asks for its rows.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from gros.importers.cells import trimmed
from gros.importers.detect import check_archive, text_encoding
from gros.importers.notes import Notes
from gros.importers.result import ImportFileError
from gros.settings import DEFAULT_MAX_IMPORT_ROWS, MAX_IMPORT_ROWS_ENV

# Tens of columns make a table of projects; Excel's 16,384 would make each row 128 KB.
MAX_COLUMNS = 1_000
# Cells a row may have on average at the row limit: what a file costs grows with its cells
# (a million of them take about 15 s to import on a 2-core server), and keep.eu's 49
# columns fit 20,000 projects.
CELLS_PER_ROW = 20
_HEAD_BYTES = 64 * 1024  # enough of a CSV file for its delimiter and a "sep=" line

# A row: its number in the file (for a sheet, as Excel shows it) and its cell values.
NumberedRow = tuple[int, tuple[Any, ...]]
# A sheet's name and its non-blank rows (a :class:`SheetRows`).
Sheet = tuple[str, Sequence[NumberedRow]]


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


def csv_table(data: bytes, name: str, notes: Notes, *,
              max_rows: int = DEFAULT_MAX_IMPORT_ROWS) -> Table:
    """The table of a CSV file in any of the encodings :func:`text_encoding` reads.

    The text is decoded as the rows are read, never held whole.

    Raises
    ------
    ImportFileError
        When the file is not CSV, or passes a limit of :func:`bounded`.
    """
    encoding = text_encoding(data, name, notes)
    head = codecs.getincrementaldecoder(encoding)().decode(data[:_HEAD_BYTES])
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
    # Excel writes and honours a first line "sep=;"; it is not a row anyone sees.
    separator = re.match(r"^sep=([,;\t|])\r?\n", head)
    if separator:
        stream.read(separator.end())
        chosen = separator.group(1)
    else:
        chosen = delimiter(head)
    reader = csv.reader(stream, delimiter=chosen)
    try:
        return table_of(bounded(enumerate(reader, start=1), name, "", max_rows), name, "",
                        strict=True)
    except csv.Error as exc:
        raise ImportFileError(f"{name!r} is not readable as CSV (line {reader.line_num}): "
                              f"{exc}") from None


def bounded(rows: Iterable[tuple[int, Sequence[Any]]], name: str, where: str,
            max_rows: int) -> Iterator[NumberedRow]:
    """The non-blank rows as they come, without the empty cells a workbook pads them with.

    Raises
    ------
    ImportFileError
        At the first row beyond ``max_rows`` data rows (the header is not one), at a row
        with a value beyond :data:`MAX_COLUMNS`, or once the data rows times the widest
        row's columns exceed :func:`max_cells`, naming the limit.
    """
    count = widest = 0
    for number, cells in rows:
        kept = tuple(cells[:_end(cells, (None,))])  # openpyxl pads with None; CSV never does
        filled = _end(kept, (None, ""))
        if not any(trimmed(c) for c in kept[:filled]):
            continue
        count += 1
        widest = max(widest, filled)
        if count > max_rows + 1:
            raise ImportFileError(
                f"{name!r}{where} has more than {max_rows:,} data row{'s' * (max_rows != 1)}, "
                f"the most one import reads (setting {MAX_IMPORT_ROWS_ENV}); split the file, "
                "or raise the limit")
        if filled > MAX_COLUMNS and _width(kept) > MAX_COLUMNS:
            raise ImportFileError(
                f"{name!r}{where} has a value in column {_width(kept):,} of row {number}; an "
                f"import reads at most {MAX_COLUMNS:,} columns")
        # Every row is kept as wide as the widest (and later as a record of as many values).
        if (count - 1) * widest > max_cells(max_rows):
            raise ImportFileError(
                f"{name!r}{where} has more than {max_cells(max_rows):,} cells by row {number} "
                f"({count - 1:,} data rows of up to {widest:,} columns), the most one import "
                f"reads ({CELLS_PER_ROW} columns a row at the row limit of {max_rows:,}, "
                f"setting {MAX_IMPORT_ROWS_ENV}); split the file, or raise the limit")
        yield number, kept


def max_cells(max_rows: int) -> int:
    """The most cells (data rows times columns) one import reads at a row limit."""
    return max_rows * CELLS_PER_ROW


def _end(cells: Sequence[Any], blanks: tuple[Any, ...]) -> int:
    """How many cells reach the last one that is not one of ``blanks``."""
    end = len(cells)
    while end and cells[end - 1] in blanks:
        end -= 1
    return end


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


def workbook_sheets(data: bytes, name: str, *,
                    max_rows: int = DEFAULT_MAX_IMPORT_ROWS) -> list[Sheet]:
    """Every sheet's name and rows, each sheet parsed as far as its rows are read.

    Raises
    ------
    ImportFileError
        When the file is no workbook, would inflate beyond reason, holds more shared texts
        than two sheets of :func:`max_cells`, has no sheet, or (as its rows are read) a
        sheet is damaged or passes a limit of :func:`bounded`.

    The read-only workbook is not closed here, since its sheets are read later: it holds
    no file (only ``data``) and goes with the sheets.
    """
    import openpyxl  # only Excel imports need it

    try:
        # Before openpyxl reads a byte; a keep.eu workbook's two sheets may each fill the cells.
        check_archive(data, name, max_texts=2 * max_cells(max_rows))
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheets: list[Sheet] = [(sheet.title, SheetRows(_sheet_rows(sheet, name, max_rows)))
                               for sheet in workbook.worksheets]
    except ImportFileError:
        raise
    except zipfile.BadZipFile:
        raise ImportFileError(f"{name!r} is not a readable Excel workbook (.xlsx): it is not a "
                              "zip archive, or it is damaged or cut short") from None
    except Exception as exc:  # openpyxl raises many kinds of error on damaged files
        raise ImportFileError(_unreadable(name, exc)) from None
    if not sheets:
        workbook.close()
        raise ImportFileError(f"{name!r} has no worksheets")
    return sheets


def _sheet_rows(sheet: Any, name: str, max_rows: int) -> Iterator[NumberedRow]:
    """A read-only sheet's non-blank rows, numbered as Excel shows them, parsed as asked."""
    try:
        # Some writers store wrong (or huge) dimensions; read-only mode would trust them and
        # pad every row to the declared width and the sheet to the declared height.
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()
        rows = enumerate(sheet.iter_rows(values_only=True), start=1)
        yield from bounded(rows, name, f" (sheet {sheet.title!r})", max_rows)
    except ImportFileError:
        raise
    except Exception as exc:  # damaged sheet XML surfaces only while reading the rows
        raise ImportFileError(_unreadable(name, exc)) from None


def _unreadable(name: str, exc: Exception) -> str:
    return f"{name!r} is not a readable Excel workbook (.xlsx): {type(exc).__name__}: {exc}"


class SheetRows(Sequence[NumberedRow]):
    """A sheet's rows, parsed the first time a reader asks for them, and kept once parsed.

    A reader that stops early (at the header, say) leaves the rest of the sheet unparsed,
    and a sheet no reader asks for is never parsed. An error while parsing is raised again
    to every later reader, so no reader mistakes a damaged sheet for a short one.
    """

    def __init__(self, source: Iterator[NumberedRow]) -> None:
        self._source: Iterator[NumberedRow] | None = source
        self._parsed: list[NumberedRow] = []
        self._error: ImportFileError | None = None

    def _more(self) -> bool:
        """Parse one more row; False at the end of the sheet."""
        if self._error is not None:
            raise self._error
        if self._source is None:
            return False
        try:
            self._parsed.append(next(self._source))
        except StopIteration:
            self._source = None
            return False
        except ImportFileError as exc:
            self._source, self._error = None, exc
            raise
        return True

    def __iter__(self) -> Iterator[NumberedRow]:
        index = 0
        while index < len(self._parsed) or self._more():
            yield self._parsed[index]
            index += 1

    def __len__(self) -> int:
        while self._more():
            pass
        return len(self._parsed)

    @overload
    def __getitem__(self, index: int) -> NumberedRow: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[NumberedRow]: ...

    def __getitem__(self, index: int | slice) -> NumberedRow | Sequence[NumberedRow]:
        if isinstance(index, slice) or index < 0:
            len(self)  # parse it all: the end of the sheet is needed
        else:
            while index >= len(self._parsed) and self._more():
                pass
        return self._parsed[index]
