"""Reading tables (gros.importers.tables): CSV delimiters and quirks, workbook sheets."""

from __future__ import annotations

import io
from datetime import datetime

import pandas as pd
import pytest

from gros.importers import ImportFileError, read_projects
from gros.importers.tables import delimiter
from tests.importers.inputs import HEADER_EN, ROW, csv_bytes, one, read, reasons, xlsx_bytes


@pytest.mark.parametrize(("text", "expected"), [
    ("a,b,c\n1,2,3", ","),
    ("a;b;c\n1;2;3", ";"),
    ("a\tb\tc", "\t"),
    ("a;b,c", ","),  # a tie goes to the comma
    ('"a;b;c",d\n', ","),  # only marks outside quotes count
    ("title\nA;B;C\n", ","),  # only the header line counts; one column, so a comma
    ("\r\n\r\na;b\n", ";"),  # blank lines before the header are skipped
])
def test_delimiter(text, expected):
    assert delimiter(text) == expected


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiter_is_detected(delimiter):
    project = one(read(csv_bytes([HEADER_EN, ROW], delimiter)))
    assert project.title == ROW[0]
    assert project.themes == ("transport",)
    assert project.status == "ongoing"
    assert (project.start, project.end) == ("2016-01-01", "2026-12-31")
    assert (project.budget_eur, project.eu_contribution_eur) == (1_500_000, 750_000)
    assert project.lead_partner.name == "Gemeente Venlo"
    assert project.lead_partner.country == "NL"
    assert [p.label() for p in project.partners] == ["Stadt Nettetal (DE)", "Kreis Viersen (DE)"]
    assert project.countries == ("NL", "DE")
    assert project.sources == ("https://example.org/bus",)
    assert (project.geometry.x, project.geometry.y) == (6.17, 51.37)
    assert project.precision == "exact"


def test_excel_sep_line_sets_the_delimiter():
    data = b"sep=;\r\n" + csv_bytes([HEADER_EN, ROW], ";")
    result = read(data)
    one(result)
    assert result.rows == 1


def test_values_beyond_the_header_reject_the_row():
    data = csv_bytes([["title", "themes", "source", "lat", "lon"],
                      ["A, with comma", "transport", "https://a.example", "51", "6"]])
    data += b"B, unquoted,transport,https://b.example,51,6\r\n"
    result = read(data)
    assert [p.title for p in result.accepted] == ["A, with comma"]
    ((row, column, reason),) = reasons(result)
    assert (row, column) == (3, "row")
    assert "'6'" in reason
    assert result.rejected[0].values["(column 6)"] == "6"


def test_blank_rows_are_skipped_and_row_numbers_match_the_file():
    data = csv_bytes([HEADER_EN, ROW, [], ["", "", ""], ["Other", *ROW[1:12], "", *ROW[13:]]])
    result = read(data)
    assert result.rows == 2
    ((row, column, reason),) = reasons(result)
    assert (row, column) == (5, "source")
    assert "a public source URL is required" in reason


def test_header_only_file_gives_no_rows_and_says_so():
    result = read(csv_bytes([HEADER_EN]))
    assert result.rows == 0
    assert any("no data rows" in w for w in result.warnings)


def test_xlsx_first_sheet_with_real_dates_and_numbers():
    sheet = [HEADER_EN, [*ROW[:4], datetime(2016, 1, 1), datetime(2026, 12, 31), ROW[6],
                         1_500_000, 750_000.5, *ROW[9:13], 51.37, 6.17]]
    data = xlsx_bytes({"Projecten": sheet, "Toelichting": [["uitleg"]]})
    result = read(data, "projecten.xlsx")
    project = one(result)
    assert result.format == "xlsx"
    assert (project.start, project.end) == ("2016-01-01", "2026-12-31")
    assert project.eu_contribution_eur == 750_000.5
    assert any("'Toelichting'" in w for w in result.warnings)


def test_xlsx_written_by_pandas_and_row_numbers_as_excel_shows_them():
    frame = pd.DataFrame([dict(zip(HEADER_EN, ROW, strict=True)),
                          {**dict(zip(HEADER_EN, ROW, strict=True)), "source": ""}])
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False, sheet_name="Blad1")
    result = read(buffer.getvalue(), "export.xlsx")
    assert result.rows == 2
    assert reasons(result)[0][:2] == (3, "source")


def test_xlsx_column_without_header_is_reported_not_rejected():
    sheet = [HEADER_EN, [*ROW, None, "notitie"]]
    result = read(xlsx_bytes({"Blad1": sheet}), "p.xlsx")
    one(result)
    assert any("'(column 17)'" in w for w in result.warnings)
    assert not any("'(column 16)'" in w for w in result.warnings)  # empty: layout, not data


def test_truncated_workbook_is_a_file_error():
    data = xlsx_bytes({"Blad1": [HEADER_EN, ROW]})
    with pytest.raises(ImportFileError, match="not a readable Excel workbook"):
        read_projects(data[: len(data) // 2], "p.xlsx")
