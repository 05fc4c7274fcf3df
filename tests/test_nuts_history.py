"""Old NUTS codes resolve to NUTS 2024: rules on a table built here, then the committed table."""

from __future__ import annotations

import json

import pytest

from gros import nuts_correspondence, nuts_history
from gros.nuts_history import NutsHistory, NutsResolution, resolve_nuts, successors
from gros.regions import CuratedDataError
from tests.conftest import MIRROR_2024, REPO

CURRENT = {
    "NL1": "Noord-Nederland", "NL11": "Groningen", "NL114": "Oost-Groningen",
    "NL115": "Overig Groningen", "NL3": "West-Nederland", "NL35": "Utrecht", "NL350": "Utrecht",
    "NL36": "Zuid-Holland", "NL361": "Agglomeratie ’s-Gravenhage",
    "NL364": "Zuidoost-Zuid-Holland", "NL4": "Zuid-Nederland", "NL41": "Noord-Brabant",
    "NL415": "Midden-Noord-Brabant", "NL416": "Noordoost-Noord-Brabant",
    "DEA": "Nordrhein-Westfalen", "DEA3": "Münster", "DEA34": "Borken", "DEA35": "Coesfeld",
    "BE3": "Région wallonne", "BE32": "Prov. Hainaut", "BE328": "Arr. Tournai-Mouscron",
    "BE33": "Prov. Liège", "BE332": "Arr. Liège",
}
# code, NUTS year, name, NUTS 2024 codes, kind
OLD = [
    ("NL332", 2021, "Agglomeratie ’s-Gravenhage", "NL361", "recoded"),
    ("NL412", 2021, "Midden-Noord-Brabant", "NL415", "boundary shift"),
    ("NL413", 2016, "Noordoost-Noord-Brabant", "NL416 NL415", "boundary shift"),
    ("NL413", 2021, "Noordoost-Noord-Brabant", "NL416 NL415", "boundary shift"),
    ("NL33A", 2021, "Zuidoost-Zuid-Holland", "NL364 NL350", "boundary shift"),
    ("DEA30", 2016, "Münsterland", "DEA34 DEA35", "split"),
    ("BE324", 2016, "Arr. Mouscron", "BE328", "merged"),
]


def _row(code: str, year: int, name: str, nuts2024: str, kind: str, **other: str) -> dict:
    row = {"code": code, "nuts_year": str(year), "level": str(len(code) - 2),
           "country": code[:2], "name": name, "nuts2024": nuts2024, "kind": kind,
           "change": "", "explanation": "", "source": "NUTS2021-NUTS2024.xlsx: NUTS2024"}
    return row | other


def _rows() -> list[dict]:
    return ([_row(code, 2024, name, code, "current") for code, name in CURRENT.items()]
            + [_row(*old) for old in OLD])


@pytest.fixture
def history() -> NutsHistory:
    return NutsHistory.from_rows(_rows())


@pytest.mark.parametrize(
    ("code", "label", "expected", "level", "exact", "words"),
    [
        # identical, and written carelessly
        ("DEA34", None, "DEA34", 3, True, None),
        ("dea34 ", None, "DEA34", 3, True, None),
        ("NL4", "anything", "NL4", 1, True, None),
        # recoded: the same area under a new code
        ("NL332", None, "NL361", 3, True, "'NL332' (NUTS 2021) is NL361 in NUTS 2024 (recoded)"),
        # a boundary shift onto one region, with or without a label
        ("NL412", None, "NL415", 3, False, "'NL412' (NUTS 2021) is NL415 in NUTS 2024, with a "
                                           "changed boundary"),
        ("NL412", "Midden-Noord-Brabant", "NL415", 3, False, "changed boundary"),
        # a boundary shift onto two regions: the one the label names, else their parent
        ("NL413", "Noordoost-Noord-Brabant", "NL416", 3, False,
         "'NL413' (NUTS 2016/2021) had a boundary shift: its area lies in NL416, NL415"),
        ("nl413", "NOORDOOST NOORD-BRABANT", "NL416", 3, False, "the name of NL416"),
        ("NL413", None, "NL41", 2, False, "its parent NL41 is used"),
        ("NL413", "Oost-Groningen", "NL41", 2, False, "its parent NL41 is used"),
        ("NL33A", None, "NL3", 1, False, "lies in NL364, NL350 in NUTS 2024; its parent NL3"),
        # split: the label, compared without accents and case, else the parent
        ("DEA30", "coesfeld", "DEA35", 3, False, "'DEA30' (NUTS 2016) was split"),
        ("DEA30", None, "DEA3", 2, False, "was split: its area lies in DEA34, DEA35"),
        # merged into a larger region
        ("BE324", None, "BE328", 3, False, "'BE324' (NUTS 2016) is BE328 in NUTS 2024, merged"),
        # unknown codes: the label, else nothing
        ("NL121", "Oost-Groningen", "NL114", 3, False,
         "unknown NUTS code 'NL121'; its label 'Oost-Groningen' is the name of NL114"),
        ("BE999", "ARR. LIEGE", "BE332", 3, False, "the name of BE332"),
        ("NL3XX", "utrecht", "NL350", 3, False, "the name of NL350"),  # NL35 is level 2
        ("NL121", None, None, None, False, "unknown NUTS code 'NL121'"),
        ("NL121", "  ", None, None, False, "unknown NUTS code 'NL121'"),
        ("NL121", "Atlantis", None, None, False, "no NUTS 2024 region is named 'Atlantis'"),
        ("", None, None, None, False, "unknown NUTS code ''"),
    ],
)
def test_resolve_nuts(history, code, label, expected, level, exact, words):
    resolution = resolve_nuts(code, label, history=history)
    assert (resolution.code, resolution.level, resolution.exact) == (expected, level, exact)
    if words is None:
        assert resolution.note is None
    else:
        assert words in resolution.note
    if not exact:  # never silently: the note shows what came in
        assert repr(code) in resolution.note


def test_the_caller_s_boundaries_count_as_current_and_their_names_are_matched(history):
    known = {"FRE11": "Nord", "FRE12": "Pas-de-Calais", "BE100": "Arr. de Bruxelles-Capitale"}
    assert resolve_nuts(" fre11", known=known, history=history) == NutsResolution(
        "FRE11", 3, True, None)
    assert resolve_nuts("FR301", "pas de calais", known=known, history=history).code == "FRE12"
    assert resolve_nuts("FRE11", history=history).code is None


def test_a_label_naming_several_regions_chooses_none(history):
    known = {"DEA34": "Borken", "DE734": "Borken"}
    resolution = resolve_nuts("XX123", "Borken", known=known, history=history)
    assert resolution.code is None
    assert "'Borken' names several regions (DE734, DEA34)" in resolution.note
    # the code's country settles it
    assert resolve_nuts("DEA3X", "Borken", known=known, history=history).code == "DEA34"


def test_successors(history):
    assert successors("nl413 ", history=history) == ("NL416", "NL415")
    assert successors("NL332", history=history) == ("NL361",)
    assert successors("DEA34", history=history) == ("DEA34",)
    assert successors("NL121", history=history) == ()


@pytest.mark.parametrize(
    ("change", "column", "words"),
    [
        ({"nuts_year": "2013"}, "nuts_year", "'2013'"),
        ({"kind": "moved"}, "kind", "'moved'"),
        ({"level": "2"}, "level", "'2'"),
        ({"country": "DE"}, "country", "'DE'"),
        ({"nuts2024": "NL415 NL41C"}, "nuts2024", "NL41C"),
        ({"kind": "recoded"}, "nuts2024", "one NUTS 2024 code"),
        ({"source": ""}, "source", "required"),
        ({"nuts_year": "2021"}, "code", "listed twice"),
        ({"code": "NL412", "nuts_year": "2016", "nuts2024": "NL416"}, "nuts2024",
         "as a NUTS 2021 code"),
    ],
)
def test_a_bad_row_names_row_and_column(change, column, words):
    bad = _row("NL413", 2021, "Noordoost-Noord-Brabant", "NL416 NL415", "boundary shift") | change
    with pytest.raises(CuratedDataError) as raised:
        NutsHistory.from_rows([*_rows(), bad])
    message = str(raised.value)
    assert f"row {len(_rows()) + 2}" in message
    assert f"column {column!r}" in message
    assert words in message


def test_the_committed_table_names_its_source_on_every_row():
    sheets = {f"{nuts_correspondence.FILE_2021}: {nuts_correspondence.SHEET_2016_2021}",
              f"{nuts_correspondence.FILE_2024}: {nuts_correspondence.SHEET_2021_2024}",
              f"{nuts_correspondence.FILE_2024}: {nuts_correspondence.SHEET_2024}",
              *(f"{nuts_correspondence.FILE_2024}: {sheet}"
                for sheet in nuts_correspondence.NOTE_SHEETS.values())}
    history = nuts_history.read_history()
    for rows in history.changes.values():
        for row in rows:
            assert row.source and set(row.source.split(" | ")) <= sheets, row
            assert row.kind != "current" or row.nuts2024 == (row.code,), row


def test_the_committed_table_resolves_the_known_cases():
    for old, new in (("NL412", "NL415"), ("NL310", "NL350")):  # as ../shared/README.md states
        resolution = resolve_nuts(old)
        assert (resolution.code, resolution.level) == (new, 3), resolution
        assert old in resolution.note and new in resolution.note
    assert resolve_nuts("NL111", "Oost-Groningen").code == "NL114"
    assert resolve_nuts("NL332").exact


def test_every_nuts_2024_code_of_the_table_is_in_the_boundaries(mirror_url):
    features = json.loads(MIRROR_2024.read_text())["features"]
    boundaries = {f["properties"]["NUTS_ID"] for f in features
                  if f["properties"]["CNTR_CODE"] in nuts_history.COUNTRIES
                  and f["properties"]["LEVL_CODE"] > 0}
    history = nuts_history.read_history()
    named = {code for rows in history.changes.values() for row in rows for code in row.nuts2024}
    assert named <= boundaries
    assert set(history.current) == boundaries


def test_rebuilding_from_eurostat_s_files_gives_the_committed_table(eurostat_mirror_url,
                                                                    tmp_path, capsys):
    out = tmp_path / "nuts3_history.csv"
    assert nuts_correspondence.main(["--source", eurostat_mirror_url, "--out", str(out)]) == 0
    assert "rows to" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8") == (
        REPO / "geodata" / "nuts3_history.csv").read_text(encoding="utf-8")
