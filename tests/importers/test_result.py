"""The result types (gros.importers.result): the rejected-rows export and the JSON summary."""

from __future__ import annotations

import csv
import io
import json

from gros.importers import ImportResult
from tests.importers.inputs import HEADER_EN, ROW, csv_bytes, read, reasons


def mixed_result() -> ImportResult:
    header = [*HEADER_EN, "reason", "Opmerking"]
    bad = [*ROW]
    bad[0], bad[2], bad[7] = "Ander project", "sport", "veel"
    rows = [[*ROW, "", ""], [*bad, "eigen reden", "Crème; \"quoted\"\nnew line"]]
    return read(csv_bytes([header, *rows], ";"))


def test_rejected_csv_reads_back_row_for_row():
    result = mixed_result()
    data = result.rejected_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    back = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [(int(r["row"]), r["column"], r["reason"]) for r in back] == reasons(result)
    for line, rejection in zip(back, result.rejected, strict=True):
        assert line["title"] == rejection.values["title"]
        assert line["Opmerking"] == "Crème; \"quoted\"\nnew line"
        assert line["reason (original)"] == "eigen reden"
    # The export can be fixed and imported again: same columns, same values.
    assert [h for h in back[0] if h not in ("row", "column", "reason")][:len(HEADER_EN)] == \
        HEADER_EN


def test_rejected_csv_never_carries_a_live_formula():
    header = ["title", "themes", "source"]
    rows = [["=HYPERLINK(\"http://evil\")", "sport", "https://example.org/x"]]
    result = read(csv_bytes([header, *rows]))
    back = list(csv.DictReader(io.StringIO(result.rejected_csv().decode("utf-8-sig"),
                                           newline="")))
    assert back[0]["title"] == "'=HYPERLINK(\"http://evil\")"


def test_to_json_summary():
    result = mixed_result()
    summary = result.to_json()
    first = result.rejected[0]
    assert summary == {
        "rows": 2,
        "accepted": 1,
        # One entry per rejected row, so that the counts add up to the rows.
        "rejected": [{"row": 3, "column": first.column, "reason": first.reason,
                      "problems": [{"column": r.column, "reason": r.reason}
                                   for r in result.rejected]}],
        "outside_area": [],
        "warnings": result.warnings,
    }
    assert {p["column"] for p in summary["rejected"][0]["problems"]} == {"themes", "budget"}
    json.dumps(summary)
