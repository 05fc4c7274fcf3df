"""The import report (gros.import_report): the summary in each language, notes grouped by
kind with counts and example rows, then the lists."""

from __future__ import annotations

import shapely

from gros.import_report import group_heading, note_groups, report_lines, summary
from gros.importers import ImportResult, OutsideArea, Rejection
from gros.importers.notes import COLUMNS, PARTNERS, REGIONS, Note
from gros.projects import Project


def large_result() -> ImportResult:
    """1,891 rows as the issue's real file had them: 51 accepted, 1,820 outside, 20 rejected."""
    project = Project(id="test", title="Test", geometry=shapely.Point(6, 51),
                      themes=("culture",), sources=("https://example.org",))
    outside = [OutsideArea(n, f"Test {n}", "Test programme", ("PL",)) for n in range(2, 1822)]
    rejected = [Rejection(n, "Thematic1", "has no keep.eu theme") for n in range(1822, 1842)]
    rejected.append(Rejection(1841, "geometry", "cannot be placed"))  # a second reason
    notes = [Note(COLUMNS, "Columns not imported: 'Strategy'"),
             Note(PARTNERS, "Partner countries that could not be read: 'x' (rows 5, 9)", (5, 9)),
             Note(PARTNERS, "Partner NUTS regions that could not be read: 'y' (row 4)", (4,)),
             Note(REGIONS, "NUTS codes that are not NUTS 2024, resolved: …",
                  tuple(range(10, 22)))]
    return ImportResult("keep.xlsx", "keep", 1891, [project] * 51, rejected, notes, outside)


def test_the_summary_in_every_language_with_its_numbers():
    result = large_result()
    assert summary(result, "en") == "1,891 rows: 51 accepted, 1,820 outside the area, 20 rejected"
    assert summary(result, "nl") == ("1.891 rijen: 51 geaccepteerd, 1.820 buiten het gebied, "
                                     "20 afgewezen")
    assert summary(result, "de").startswith("1.891 Zeilen: 51 angenommen, 1.820 außerhalb")
    assert summary(result, "fr").startswith("1\u202f891 lignes : 51 acceptées")


def test_notes_are_grouped_by_kind_with_counts_and_example_rows():
    groups = note_groups(large_result())
    assert [g.kind for g in groups] == ["partners", "regions", "columns"]  # columns last
    partners, regions, columns = groups
    assert partners.rows == (4, 5, 9) and len(partners.lines) == 2
    assert group_heading(partners, "en") == "Partners: 3 row(s), e.g. 4, 5, 9"
    assert group_heading(regions, "de") == ("NUTS-Regionen: 12 Zeile(n), z. B. 10, 11, 12, 13, "
                                            "14 … und 7 weitere")
    assert group_heading(columns, "nl") == "Kolommen"  # about the file: no rows


def test_report_lines_put_the_summary_first_and_cut_the_lists_short():
    lines = report_lines(large_result(), "en")
    assert lines[0] == ("keep.xlsx: 1,891 rows: 51 accepted, 1,820 outside the area, "
                        "20 rejected")
    assert lines[1] == "  Partners: 3 row(s), e.g. 4, 5, 9"
    assert "Rejected rows (20)" in lines
    assert "  Row 1822, 'Thematic1': has no keep.eu theme" in lines
    assert "Outside the area (1,820)" in lines
    assert "  Row 2: Test 2 — Test programme (PL)" in lines
    assert lines[-1] == "  … and 1,770 more"
    assert len(lines) < 140
