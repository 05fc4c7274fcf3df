"""The vocabulary (gros.importers.vocabulary): no word may mean two things."""

from __future__ import annotations

import pytest

from gros import importers
from gros.importers.cells import fold
from tests.importers.inputs import HEADER_EN, csv_bytes, one, read, row_with


def test_alias_tables_never_map_one_header_to_two_fields():
    for table in (importers.ALIASES, importers.KEEP_ALIASES, importers.KEEP_PARTNER_ALIASES):
        seen: dict[str, str] = {}
        for target, names in table.items():
            for name in names:
                key = fold(name)
                assert seen.setdefault(key, target) == target, (name, target, seen[key])


@pytest.mark.parametrize("table", ["COUNTRY_NAMES", "STATUS_WORDS", "PRECISION_WORDS"])
def test_word_tables_never_give_one_word_two_meanings(table):
    seen: dict[str, str] = {}
    for target, names in getattr(importers, table).items():
        for name in names:
            assert seen.setdefault(fold(name), target) == target, (name, target)


def test_month_names_fold_to_one_month_each():
    months: dict[str, int] = {}
    for name, month in importers.MONTHS.items():
        assert months.setdefault(fold(name), month) == month, name
    assert sorted(set(months.values())) == list(range(1, 13))


@pytest.mark.parametrize(("word", "status"), [
    ("gepland", "planned"), ("geplant", "planned"), ("Planned", "planned"),
    ("lopend", "ongoing"), ("actief", "ongoing"), ("laufend", "ongoing"), ("active", "ongoing"),
    ("afgerond", "completed"), ("voltooid", "completed"), ("abgeschlossen", "completed"),
    ("completed", "completed"), ("closed", "completed"),
])
def test_status_words_in_three_languages(word, status):
    assert one(read(csv_bytes([HEADER_EN, row_with(3, word)]))).status == status
