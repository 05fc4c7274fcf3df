"""The row limit of an import (GROS_MAX_IMPORT_ROWS): its default, an override, bad values."""

from __future__ import annotations

import pytest

from gros.settings import DEFAULT_MAX_IMPORT_ROWS, SettingError, load_settings


def test_the_default_is_fifty_thousand_rows():
    assert load_settings({}).max_import_rows == DEFAULT_MAX_IMPORT_ROWS == 50_000


def test_the_environment_sets_it():
    assert load_settings({"GROS_MAX_IMPORT_ROWS": "200000"}).max_import_rows == 200_000
    assert load_settings({"GROS_MAX_IMPORT_ROWS": " 1_000 "}).max_import_rows == 1_000


@pytest.mark.parametrize("value", ["0", "-5", "many", "1.5", "1e6"])
def test_a_bad_value_names_the_variable_and_the_value(value):
    with pytest.raises(SettingError) as caught:
        load_settings({"GROS_MAX_IMPORT_ROWS": value})
    assert str(caught.value).startswith("GROS_MAX_IMPORT_ROWS: expected a whole number")
    assert repr(value) in str(caught.value)

