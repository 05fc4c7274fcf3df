"""The row limit of an import (GROS_MAX_IMPORT_ROWS): its default, an override, bad values,
and the command line passing it to the importer."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from gros.settings import DEFAULT_MAX_IMPORT_ROWS, SettingError, load_settings
from tests.conftest import REPO


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


def test_the_command_line_refuses_a_file_over_the_limit(tmp_path):
    source = tmp_path / "p.csv"
    source.write_text("title,source,lat,lon\nA,https://a.example,51,6\nB,https://b.example,51,6\n",
                      encoding="utf-8")
    # No boundaries are needed to refuse a file: a missing mirror only adds a warning.
    env = {**os.environ, "GROS_MAX_IMPORT_ROWS": "1",
           "GROS_GISCO_URL": (tmp_path / "no-mirror").as_uri(),
           "GROS_CACHE_DIR": str(tmp_path / "cache"), "GROS_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-m", "gros", "projects", "import", str(source),
                           "--dry-run", "--json"], cwd=REPO, capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert done.returncode == 1
    assert ("error: 'p.csv' has more than 1 data row, the most one import reads (setting "
            "GROS_MAX_IMPORT_ROWS)") in done.stderr
