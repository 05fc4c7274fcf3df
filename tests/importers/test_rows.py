"""Rows into a result (gros.importers.rows): every problem of a row said once, and a bug
costing one row rather than the import.
"""

from __future__ import annotations

import pytest

from gros.importers import read_projects, records, rows
from tests.importers.inputs import HEADER_EN, ROW, TODAY, csv_bytes, read, reasons, row_with


def test_several_problems_in_one_row_are_each_reported_once():
    row = [*ROW]
    row[2], row[4], row[7], row[12] = "sport", "31.02.2016", "veel", ""
    result = read(csv_bytes([HEADER_EN, row]))
    assert result.rejected_rows() == {2}
    assert sorted(c for _, c, _ in reasons(result)) == ["budget", "source", "start", "themes"]


def test_an_unexpected_error_costs_only_its_row(monkeypatch: pytest.MonkeyPatch):
    def build(row: records.Row, *args):
        if row.number == 3:
            raise KeyError("boom")
        return build_record(row, *args)

    build_record = records.build_record
    monkeypatch.setattr(rows, "build_record", build)
    data = csv_bytes([HEADER_EN, ROW, row_with(0, "Other"), row_with(0, "Third")])
    result = read_projects(data, "p.csv", today=TODAY)
    assert [p.title for p in result.accepted] == [ROW[0], "Third"]
    ((row, column, reason),) = reasons(result)
    assert (row, column) == (3, "row")
    assert "internal error while reading this row (KeyError: 'boom')" in reason
