"""What a file may cost to read (gros.importers.tables, detect): the row limit, the column
limit, a workbook's inflated size and ratio, declared dimensions, and sheets read lazily.

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
from gros.importers.detect import check_archive, text_encoding
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
    """The archive ``data`` with the parts in ``replace`` written anew or added (deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            target.writestr(part.filename, replace.get(part.filename, source.read(part)))
        for name in replace.keys() - set(source.namelist()):
            target.writestr(name, replace[name])
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


# --- cells -------------------------------------------------------------------------------

def test_rows_as_wide_as_the_widest_are_held_to_the_cell_limit():
    # 20 cells a row at a limit of 3 rows: 60, and the widest row makes each 40 wide.
    sheet = [HEADER_EN, ROWS[0], [*ROWS[1], *[None] * 24, "far"], ROWS[2]]
    with pytest.raises(ImportFileError) as caught:
        read_projects(xlsx_bytes({"Blad1": sheet}), "wide.xlsx", max_rows=3)
    assert str(caught.value) == (
        "'wide.xlsx' (sheet 'Blad1') has more than 60 cells by row 3 (2 data rows of up to 40 "
        "columns), the most one import reads (20 columns a row at the row limit of 3, setting "
        f"{SETTING}); split the file, or raise the limit")
    assert read(xlsx_bytes({"Blad1": sheet}), "wide.xlsx", max_rows=6).rows == 3  # 120 cells


def test_empty_fields_at_the_end_of_csv_rows_are_not_cells_that_count():
    rows = [[*r, *[""] * 100] for r in ROWS]  # as Excel pads a CSV to its widest row
    assert len(read(csv_bytes([HEADER_EN, *rows], ";"), "p.csv", max_rows=3).accepted) == 3


def with_shared_texts(data: bytes, texts: list[str]) -> bytes:
    """The workbook ``data`` with a shared-strings part of ``texts``, as Excel writes one.

    openpyxl writes its text inline; Excel keeps each distinct text once, in this part.
    """
    items = "".join(f"<si><t>{t}</t></si>" for t in texts)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    relation = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    return rezipped(data, {
        "[Content_Types].xml": types.replace(b"</Types>", f'<Override PartName="/xl/shared'
                                             f'Strings.xml" ContentType="{kind}"/></Types>'
                                             .encode()),
        "xl/_rels/workbook.xml.rels": rels.replace(b"</Relationships>", (
            f'<Relationship Id="rIdTexts" Type="{relation}" Target="sharedStrings.xml"/>'
            "</Relationships>").encode()),
        "xl/sharedStrings.xml": (
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"{items}</sst>").encode()})


def test_a_workbook_with_more_texts_than_the_cells_it_may_read_is_refused_first():
    data = xlsx_bytes({"Blad1": [["title", "source", "lat", "lon"],
                                 ["A", "https://a.example", 51, 6]]})
    data = with_shared_texts(data, [f"note {i}" for i in range(50)])
    assert read(data, "p.xlsx", max_rows=2).rows == 1  # at most 80 texts
    with pytest.raises(ImportFileError) as caught:
        read_projects(data, "p.xlsx", max_rows=1)
    assert str(caught.value) == (
        "'p.xlsx' is not read: it holds more than 40 texts, more than two sheets at the cell "
        f"limit of one import (setting {SETTING})")


@pytest.mark.parametrize(("items", "counted"), [
    (b"<si><t>a</t></si>" * 30, 30),
    (b'<si xml:space="preserve"/>' * 30, 30),
    (b"<x:si><x:t>a</x:t></x:si>" * 15, 30),  # a prefix counts twice: generous, never blind
])
def test_shared_texts_are_counted_in_any_part_and_spelling(items, counted):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/renamed.bin", b"<sst>" + items + b"</sst>")
    check_archive(buffer.getvalue(), "x.xlsx", max_texts=counted)
    with pytest.raises(ImportFileError, match="more than 29 texts"):
        check_archive(buffer.getvalue(), "x.xlsx", max_texts=counted - 1)


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


# --- inflated size and ratio --------------------------------------------------------------

BOMB_ROW = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'


def bomb(inflated: int, filler: bytes = BOMB_ROW) -> bytes:
    """A valid workbook of a header and a row, and ``inflated`` bytes of ``filler`` after."""
    data = xlsx_bytes({"Blad1": [HEADER_EN, ROW]})
    xml = sheet_xml(data)
    at = xml.index(b"</sheetData>")
    return rezipped(data, {"xl/worksheets/sheet1.xml":
                           xml[:at] + filler * (inflated // len(filler)) + xml[at:]})


def test_a_zip_bomb_is_refused_before_it_is_parsed_naming_the_part_and_sizes():
    data = bomb(11 * 1024 * 1024)  # just over the 10 MB a part may inflate at any ratio
    assert len(data) < 100_000
    with pytest.raises(ImportFileError) as caught:
        read_projects(data, "bomb.xlsx")
    message = str(caught.value)
    assert message.startswith("'bomb.xlsx' is not read: its part 'xl/worksheets/sheet1.xml' "
                              "would inflate from ")
    assert re.search(r"to 11\.0 MB \(11,53\d,\d{3} bytes\), [\d,]+ times; more than 100 "
                     r"times is the mark of a zip bomb", message)


def test_a_small_part_may_deflate_well():
    # 2 MB at about a thousand to one, cheap to read anyway (spaces, so that it is quick).
    data = bomb(2 * 1024 * 1024, b" ")
    assert len(data) < 20_000
    assert len(read(data, "p.xlsx").accepted) == 1


def declaring(data: bytes, part: str, size: int) -> bytes:
    """The archive ``data`` with ``part``'s inflated size declared as ``size`` (a lie)."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        local = archive.getinfo(part).header_offset
    out[local + 22:local + 26] = size.to_bytes(4, "little")  # the local header's
    central = data.index(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(part)] != part.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    out[central + 24:central + 28] = size.to_bytes(4, "little")  # the central directory's
    return bytes(out)


def test_an_archive_that_lies_about_its_sizes_is_read_no_further_than_it_says():
    data = declaring(bomb(11 * 1024 * 1024), "xl/worksheets/sheet1.xml", 1024 * 1024)
    with pytest.raises(ImportFileError, match="not a readable Excel workbook"):
        read_projects(data, "liar.xlsx")


@pytest.mark.parametrize(("limits", "fragment"), [
    ({"max_inflated": 10_000}, "its parts inflate to 0.1 MB (100,"),
    ({"max_ratio": 2, "grace": 0}, "its part 'big.xml' would inflate from"),
    ({"max_ratio": 2, "grace": 60_000}, "all its parts would inflate from"),
])
def test_check_archive_limits_total_size_part_ratio_and_total_ratio(limits, fragment):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.xml", b"a" * 50_000)
        archive.writestr("other.xml", b"b" * 50_000)
    with pytest.raises(ImportFileError) as caught:
        check_archive(buffer.getvalue(), "x.xlsx", **limits)
    assert fragment in str(caught.value)
    check_archive(buffer.getvalue(), "x.xlsx")  # within the default limits


def test_not_a_zip_archive_is_left_to_the_workbook_reader():
    with pytest.raises(zipfile.BadZipFile):
        check_archive(b"PK\x03\x04 not really", "x.xlsx")


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
    rows = [row_with(0, f"Grenzüberschreitend {i} – één") for i in range(300)]
    for row in rows:
        row[1] = "Überall – één Straße. " * 200  # a long description: few rows, much text
    data = csv_bytes([HEADER_EN, *rows], ";", encoding="cp1252")
    assert len(data) > 1024 * 1024
    result = read(data, "p.csv")
    assert [p.title for p in result.accepted[:2]] == ["Grenzüberschreitend 0 – één",
                                                      "Grenzüberschreitend 1 – één"]
    assert "'p.csv' is not UTF-8; read as Windows-1252" in result.warnings

