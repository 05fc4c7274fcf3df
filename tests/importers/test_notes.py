"""The notes (gros.importers.notes): warnings first, then each tally once with its rows."""

from __future__ import annotations

from datetime import date

import pytest

from gros.importers.notes import (
    COLUMNS,
    COORDINATES,
    FILE,
    KEEP_SOURCES,
    KINDS,
    SCHEMELESS_SOURCES,
    SWAPPED,
    THEMES,
    UNKNOWN_KEEP_THEMES,
    Notes,
    derived_status,
    rows_text,
)


@pytest.mark.parametrize(("numbers", "noun", "expected"), [
    ([2], "row", "row 2"),
    ([7, 2, 3, 2], "row", "rows 2, 3, 7"),  # sorted, each once
    ([4, 4], "feature", "feature 4"),
    (range(1, 11), "row", "rows 1, 2, 3, 4, 5, 6, 7, 8, 9, 10"),
    (range(1, 14), "row", "rows 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 3 more"),
])
def test_rows_text(numbers, noun, expected):
    assert rows_text(numbers, noun) == expected


def test_warnings_come_first_then_tallies_by_rank_whatever_the_order_they_arose():
    notes = Notes()
    notes.tally(SCHEMELESS_SOURCES, 5)
    notes.warn("first warning")
    notes.tally(SWAPPED, 3)
    notes.tally(SCHEMELESS_SOURCES, 2)
    notes.warn("second warning")
    notes.tally(derived_status(date(2024, 6, 1)), 4)
    assert notes.lines("feature") == [
        "first warning",
        "second warning",
        "Latitude and longitude were swapped in feature 3: only the other order lies in the "
        "border region",
        "Status was not given; derived from the start and end dates as of 2024-06-01 for "
        "feature 4",
        "Source addresses without http:// or https:// were read as https:// in features 2, 5",
    ]


def test_a_counting_tally_says_how_many_rows_not_which():
    notes = Notes()
    for number in (2, 3, 3):
        notes.tally(KEEP_SOURCES, number)
    (line,) = notes.lines()
    assert "; 3 project(s) cite https://keep.eu as their source" in line


def test_a_group_lists_each_item_with_its_rows():
    notes = Notes()
    notes.group(UNKNOWN_KEEP_THEMES, "Basket weaving", 2)
    notes.group(UNKNOWN_KEEP_THEMES, "Kite flying", 4)
    notes.group(UNKNOWN_KEEP_THEMES, "Basket weaving", 5)
    assert notes.lines() == ["keep.eu themes that map onto no dashboard theme: "
                             "'Basket weaving' (rows 2, 5); 'Kite flying' (row 4)"]


def test_every_note_has_its_kind_and_rows():
    notes = Notes()
    notes.warn("about the file")
    notes.warn("about the columns", COLUMNS)
    notes.tally(SWAPPED, 4)
    notes.group(UNKNOWN_KEEP_THEMES, "Kite flying", 7)
    notes.group(UNKNOWN_KEEP_THEMES, "Basket weaving", 3)
    assert [(n.kind, n.rows) for n in notes.entries()] == [
        (FILE, ()), (COLUMNS, ()), (COORDINATES, (4,)), (THEMES, (3, 7))]
    assert {n.kind for n in notes.entries()} <= set(KINDS)


def test_nothing_noted_gives_no_lines():
    assert Notes().lines() == []
