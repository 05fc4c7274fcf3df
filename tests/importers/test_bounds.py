"""What a file may cost to read (gros.importers.tables, detect): the row limit, the column
limit, declared dimensions, sheets read lazily and text decoded in pieces.

Every file is built here, small: a row limit of a few rows stands for the setting's 50,000.
"""

from __future__ import annotations

import io
import re
import time
import zipfile

import openpyxl
import pytest

from gros.importers import ImportFileError, read_projects
from gros.importers.detect import text_encoding
from gros.importers.notes import Notes
from gros.importers.tables import MAX_COLUMNS, SheetRows, workbook_sheets
from tests.importers.inputs import (
    HEADER_EN,
    KEEP_PARTNERS,
    KEEP_PROJECTS,
    NUTS3_POINTS,
    ROW,
    csv_bytes,
    keep_workbook,
    read,
    row_with,
    xlsx_bytes,
)

ROWS = [row_with(0, f"Project {i}") for i in range(3)]  # three valid rows, distinct ids
SETTING = "GROS_MAX_IMPORT_ROWS"


def rezipped(data: bytes, replace: dict[str, bytes]) -> bytes:
    """The archive ``data`` with the parts in ``replace`` written anew (deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            target.writestr(part.filename, replace.get(part.filename, source.read(part)))
    return out.getvalue()


def sheet_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


# --- rows ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "name"), [
    (csv_bytes([HEADER_EN, *ROWS]), "p.csv"),
    (xlsx_bytes({"Blad1": [HEADER_EN, *ROWS]}), "p.xlsx"),
])
def test_a_file_at_the_row_limit_is_read_as_without_it(data, name):
    limited = read(data, name, max_rows=3)
    unlimited = read(data, name)
    assert limited == unlimited
    assert [p.title for p in limited.accepted] == ["Project 0", "Project 1", "Project 2"]


@pytest.mark.parametrize(("data", "name", "where"), [
    (csv_bytes([HEADER_EN, *ROWS]), "p.csv", ""),
    (b"sep=;\r\n" + csv_bytes([HEADER_EN, *ROWS], ";"), "p.csv", ""),
    (csv_bytes([HEADER_EN, *ROWS], encoding="utf-16"), "p.csv", ""),
    (xlsx_bytes({"Blad1": [HEADER_EN, *ROWS]}), "p.xlsx", " (sheet 'Blad1')"),
])
def test_a_file_over_the_row_limit_is_refused_naming_the_limit_and_the_setting(data, name,
                                                                              where):
    with pytest.raises(ImportFileError) as caught:
        read_projects(data, name, max_rows=2)
    assert str(caught.value) == (
        f"{name!r}{where} has more than 2 data rows, the most one import reads (setting "
        f"{SETTING}); split the file, or raise the limit")


def test_blank_rows_do_not_count_towards_the_limit():
    data = csv_bytes([[], HEADER_EN, [], ROWS[0], ["", ""], ROWS[1], []])
    assert read(data, "p.csv", max_rows=2).rows == 2
    sheet = [[None], HEADER_EN, [None, None], ROWS[0], [], ROWS[1], [" "]]
    assert read(xlsx_bytes({"Blad1": sheet}), "p.xlsx", max_rows=2).rows == 2


def test_each_keep_sheet_is_held_to_the_limit_and_named():
    data = keep_workbook(KEEP_PROJECTS, KEEP_PARTNERS)
    assert read(data, "keep.xlsx", max_rows=len(KEEP_PARTNERS), nuts3_points=NUTS3_POINTS)
    with pytest.raises(ImportFileError, match=r"^'keep.xlsx' \(sheet 'Partners'\) has more "
                                              rf"than 7 data rows.*{SETTING}"):
        read_projects(data, "keep.xlsx", max_rows=len(KEEP_PARTNERS) - 1)


def test_the_limit_is_the_setting_s_default():
    from gros.settings import DEFAULT_MAX_IMPORT_ROWS

    assert DEFAULT_MAX_IMPORT_ROWS == 50_000
    data = csv_bytes([["title"], *([f"P{i}"] for i in range(DEFAULT_MAX_IMPORT_ROWS + 1))])
    with pytest.raises(ImportFileError, match="more than 50,000 data rows"):
        read_projects(data, "long.csv")


# --- columns ------------------------------------------------------------------------------

def test_a_value_beyond_the_column_limit_is_refused_naming_row_and_column():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER_EN)
    sheet.append(ROW)
    sheet.cell(row=3, column=MAX_COLUMNS + 1, value="far away")
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(ImportFileError) as caught:
        read_projects(buffer.getvalue(), "wide.xlsx")
    assert str(caught.value) == ("'wide.xlsx' (sheet 'Sheet') has a value in column 1,001 of "
                                 "row 3; an import reads at most 1,000 columns")


def test_empty_cells_far_right_cost_nothing_and_are_no_values():
    sheet = [HEADER_EN, [*ROW, *[None] * 2 * MAX_COLUMNS]]
    read(csv_bytes([HEADER_EN, [*ROW, *[""] * 2 * MAX_COLUMNS]]), "p.csv")  # a surplus of ""
    assert len(read(xlsx_bytes({"Blad1": sheet}), "p.xlsx").accepted) == 1


# --- declared dimensions ------------------------------------------------------------------

def test_huge_declared_dimensions_are_not_trusted():
    data = xlsx_bytes({"Blad1": [HEADER_EN, *ROWS]})
    xml = sheet_xml(data)
    assert re.search(rb'<dimension ref="A1:O4"\s*/>', xml)
    # Trusted, they would pad each of 20,000 rows to Excel's 16,384 columns.
    forged = rezipped(data, {"xl/worksheets/sheet1.xml": re.sub(
        rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD20000"', xml)})
    start = time.perf_counter()
    result = read(forged, "p.xlsx")
    assert time.perf_counter() - start < 5  # about 0.05 s; trusted, half a minute
    assert result == read(data, "p.xlsx")


# --- sheets read lazily -------------------------------------------------------------------

def test_only_the_sheets_a_reader_asks_for_are_parsed():
    data = xlsx_bytes({"Blad1": [HEADER_EN, ROW], "Blad2": [["x"], ["y"]]})
    # A damaged second sheet does not stop a file whose first sheet is the table.
    xml = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b'<dimension ref="A1:A2"/><sheetData><row r="1"><c r="A1"><v>1</v>')  # cut short
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        second = next(n for n in archive.namelist() if n.endswith("sheet2.xml"))
    damaged = rezipped(data, {second: xml})
    assert len(read(damaged, "p.xlsx").accepted) == 1
    sheets = dict(workbook_sheets(damaged, "p.xlsx"))
    with pytest.raises(ImportFileError, match="not a readable Excel workbook"):
        list(sheets["Blad2"])


def test_sheet_rows_parse_as_far_as_asked_and_keep_what_they_parsed():
    pulled: list[int] = []

    def source():
        for number in range(1, 6):
            pulled.append(number)
            yield number, (f"cell {number}",)

    rows = SheetRows(source())
    assert next(iter(rows)) == (1, ("cell 1",))
    assert pulled == [1]
    assert rows[2] == (3, ("cell 3",))
    assert pulled == [1, 2, 3]
    assert list(rows) == [(n, (f"cell {n}",)) for n in range(1, 6)]
    assert len(rows) == 5 and rows[-1][0] == 5 and rows[1:3][0][0] == 2
    assert pulled == [1, 2, 3, 4, 5]  # parsed once, however often read


def test_sheet_rows_raise_a_parse_error_to_every_later_reader():
    def source():
        yield 1, ("a",)
        raise ImportFileError("'p.xlsx' is damaged")

    rows = SheetRows(source())
    for _ in range(2):
        with pytest.raises(ImportFileError, match="damaged"):
            list(rows)
    assert rows[0] == (1, ("a",))


# --- text decoded in pieces ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "encoding", "expected"), [
    ("a" + "é" * 600_000, "utf-8", "utf-8-sig"),  # a character across two 1 MB pieces
    ("€é" * 600_000, "cp1252", "cp1252"),
    ("\x81" + "é" * 600_000, "latin-1", "latin-1"),  # \x81 is no Windows-1252 letter
    ("Grüße" * 300_000, "utf-16", "utf-16"),
])
def test_the_encoding_of_a_large_text_is_found_piece_by_piece(text, encoding, expected):
    assert text_encoding(text.encode(encoding), "p.csv", Notes()) == expected


def test_a_large_csv_with_accents_reads_as_before():
    rows = [row_with(0, f"Grenzüberschreitend {i} – één") for i in range(5_000)]
    data = csv_bytes([HEADER_EN, *rows], ";", encoding="cp1252")
    assert len(data) > 1024 * 1024
    result = read(data, "p.csv")
    assert [p.title for p in result.accepted[:2]] == ["Grenzüberschreitend 0 – één",
                                                      "Grenzüberschreitend 1 – één"]
    assert "'p.csv' is not UTF-8; read as Windows-1252" in result.warnings

