"""Any keep.eu-like file, workbook or CSV, gives a file-level error or a result whose rows
are all accounted for: accepted + outside the area + rejected == rows, in the JSON too.
"""

from __future__ import annotations

from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gros.importers import ImportFileError, read_projects
from tests.importers.inputs import (
    DE_CODE,
    DE_NL_2014,
    FAR_AWAY,
    NL_CODE,
    REAL_NAMES,
    REAL_PARTNER_HEADER,
    REAL_POINTS,
    REAL_PROJECT_HEADER,
    TODAY,
    VL_NL_2014,
    check,
    csv_bytes,
    real_keep_workbook,
)

PROGRAMMES = st.sampled_from([DE_NL_2014, VL_NL_2014, FAR_AWAY, "", None])
ACRONYMS = st.sampled_from(["TEST-A", "TEST-B", '"Test - część 1"/"Test - Teil 1"', "", None])
# openpyxl cannot store control characters in a cell, so the text here has none.
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20)
CELLS = st.one_of(TEXT, st.none(), st.integers(-5, 50_000), st.floats(allow_nan=True),
                  st.sampled_from([
                      "2,347,070.39", "2.347.070,39", 911338.2, "www.example.org",
                      "example.org/projects", "2016/01/01", datetime(2016, 1, 1), "2014-2020",
                      "Tourism", "Knowledge and technology transfer", "1b", "TO7", "RSO2.4",
                      DE_CODE, NL_CODE, "CZ Czech Republic / ČESKÁ REPUBLIKA", "Belgium",
                      "DEA34  / Borken", "NL111  / Oost-Groningen", "DEG  / THÜRINGEN",
                      "LU000  / Luxembourg", "Yes", "No"]))


def _row(header: list[str], programme, acronym, cells) -> list[object]:
    return [programme, acronym, *cells[: len(header) - 2]]


def project_rows(header: list[str]):
    return st.builds(lambda p, a, c: _row(header, p, a, c), PROGRAMMES, ACRONYMS,
                     st.lists(CELLS, min_size=len(header) - 2, max_size=len(header) - 2))


def attempt(data: bytes, name: str, **kwargs) -> None:
    try:
        result = read_projects(data, name, today=TODAY, nuts3_points=REAL_POINTS,
                               nuts_names=REAL_NAMES, **kwargs)
    except ImportFileError:
        return
    check(result)


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(projects=st.lists(project_rows(REAL_PROJECT_HEADER), min_size=1, max_size=4),
       partners=st.lists(project_rows(REAL_PARTNER_HEADER), max_size=6),
       calls=st.lists(st.lists(CELLS, min_size=5, max_size=5), max_size=2),
       include_outside=st.booleans())
def test_any_keep_export_accounts_for_every_row(projects, partners, calls, include_outside):
    attempt(real_keep_workbook(projects, partners, calls), "keep.xlsx",
            include_outside=include_outside)


@FUZZ
@given(projects=st.lists(project_rows(REAL_PROJECT_HEADER), min_size=1, max_size=4),
       fmt=st.sampled_from([None, "csv", "keep"]))
def test_any_keep_like_csv_accounts_for_every_row(projects, fmt):
    cells = [["" if c is None else c for c in row] for row in projects]
    attempt(csv_bytes([REAL_PROJECT_HEADER, *cells], ";"), "keep.csv", format=fmt)
