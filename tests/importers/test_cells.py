"""Cells as text (gros.importers.cells): what a person sees, folding, lists and first values."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from gros.importers.cells import cell_text, first, fold, fold_index, split_items


@pytest.mark.parametrize(("value", "expected"), [
    (None, ""),
    (" as typed ", " as typed "),
    (True, "TRUE"),
    (False, "FALSE"),
    (1500.0, "1500"),
    (0.1, "0.1"),
    (1e16, "1e+16"),
    (float("nan"), ""),
    (float("inf"), "inf"),
    (42, "42"),
    (datetime(2016, 1, 1), "2016-01-01"),
    (datetime(2016, 1, 1, 9, 30), "2016-01-01 09:30:00"),
    (date(2016, 1, 1), "2016-01-01"),
    (time(9, 30), "09:30:00"),
    (["Aachen", "Genk"], '["Aachen", "Genk"]'),
    ({"name": "Liège"}, '{"name": "Liège"}'),
])
def test_cell_text(value, expected):
    assert cell_text(value) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Project Name", "projectname"),
    ("  PROJECT_NAME ", "projectname"),
    ("Länder", "lander"),
    ("Thema's", "themas"),
    ("Budget (EUR)", "budgeteur"),
    ("NUTS-3", "nuts3"),
])
def test_fold(text, expected):
    assert fold(text) == expected


def test_fold_index_keeps_the_first_key_for_an_alias_listed_twice():
    assert fold_index({"title": ("Titel", "Name"), "partner": ("name",)}) == {
        "titel": "title", "name": "title"}


@pytest.mark.parametrize(("value", "separators", "expected"), [
    ("a; b | c\nd", ";|\n", ["a", "b", "c", "d"]),
    ("a, b", ";|\n", ["a", "b"]),  # no other separator: commas split
    ("a, b; c", ";|\n", ["a, b", "c"]),
    ("NL, DE", ";|,\n", ["NL", "DE"]),
    (["a", " ", None, "b"], ";|\n", ["a", "b"]),
    ("", ";|\n", []),
])
def test_split_items(value, separators, expected):
    assert split_items(value, separators) == expected


@pytest.mark.parametrize(("values", "expected"), [
    (None, None),
    ([], None),
    ([None, " ", "b"], "b"),
    (["", []], []),  # a list is a value even when empty
    ([0], 0),
])
def test_first(values, expected):
    assert first(values) == expected
