"""The package (gros.importers): every public name importable from it, as its module has it."""

from __future__ import annotations

import importlib

import pytest

import gros.importers as importers

# Where each name of __all__ lives; the CLI, the data page and the tests use them.
HOMES = {
    "read_projects": "read", "ImportResult": "result", "ImportFileError": "result",
    "Rejection": "result", "OutsideArea": "result", "FORMATS": "detect",
    "DEFAULT_MAX_BYTES": "detect", "MB": "detect",
    "parse_amount": "values", "parse_date": "values", "parse_country": "values",
    "derived_id": "values", "keep_id": "values", "ALIASES": "vocabulary",
    "KEEP_ALIASES": "vocabulary", "KEEP_PARTNER_ALIASES": "vocabulary",
    "COUNTRY_NAMES": "vocabulary", "STATUS_WORDS": "vocabulary",
    "PRECISION_WORDS": "vocabulary", "MONTHS": "vocabulary", "KEEP_URL": "vocabulary",
    "MULTI_COLUMN_KEYS": "vocabulary", "TITLE_KEYS": "vocabulary",
}


def test_all_lists_exactly_the_public_names():
    assert sorted(importers.__all__) == sorted(HOMES)


@pytest.mark.parametrize("name", sorted(HOMES))
def test_public_name_is_the_one_of_its_module(name):
    module = importlib.import_module(f"gros.importers.{HOMES[name]}")
    assert getattr(importers, name) is getattr(module, name)


def test_formats_are_the_ones_the_data_page_offers():
    assert importers.FORMATS == ("csv", "xlsx", "geojson", "keep")
