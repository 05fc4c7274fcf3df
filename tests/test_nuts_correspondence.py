"""Building the NUTS history from Eurostat's workbooks, on small workbooks written here."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from gros import nuts_correspondence as build
from gros.nuts_correspondence import CorrespondenceError, change_kind, territory_flows
from gros.nuts_history import NutsHistory, resolve_nuts
from tests.importers.inputs import xlsx_bytes

HAAREN = ("Former LAU Haaren (0788, ex-NL413) was divided among Oisterwijk (0824, ex-NL412), "
          "Vught (0865, ex-NL412), Boxtel (0757, ex-NL413) and Tilburg (0855, ex-NL412)")
NAMES = ("NUTS level 1 \n(italics: NUTS 2021 else NUTS 2024)", "NUTS level 2 \n(italics)",
         "NUTS level 3 \n(italics)")


@pytest.mark.parametrize(
    ("text", "flows"),
    [
        (HAAREN, [("NL413", "NL412")]),
        ("Former LAUs 0018 Hoogezand-Sappemeer (0018, ex-NL113), Slochteren (0040, ex-NL113) and "
         "Menterwolde (1987, ex-NL111) merged to Midden-Groningen (1952, ex-NL113)",
         [("NL111", "NL113")]),
        ("Former LAU Littenseradiel (0140, ex-NL124) was devided among Leeuwarden (0080, "
         "ex-NL124) and Súdwest-Fryslân (1900, ex-NL125)", [("NL124", "NL125")]),
        ("Eisenach (16056000, ex-DEG0N) merged into ex-DEG0P and LAU Kaltennordheim (16066095) "
         "moved from ex-DEG0P to ex-DEG0B", [("DEG0P", "DEG0B"), ("DEG0N", "DEG0P")]),
        ("Code change due to changes on NUTS-2 level", []),
        ("", []),
    ],
)
def test_territory_flows_read_eurostat_s_sentences(text, flows):
    assert territory_flows(text) == flows


@pytest.mark.parametrize("text", [
    "Former LAUs X (1, ex-NL413) and Y (2, ex-NL412)",
    "Former LAU X (1, ex-NL413) merged to Y (2) and integrated into Z (3, ex-NL412)",
    "Former LAU X (1, ex-NL413) merged to Y (2)",
])
def test_a_sentence_that_does_not_say_which_way_land_moved_stops_the_build(text):
    with pytest.raises(CorrespondenceError) as raised:
        territory_flows(text)
    assert repr(text) in str(raised.value)


@pytest.mark.parametrize(
    ("change", "kind"),
    [("", "unchanged"), ("renamed", "renamed"), ("Name change", "renamed"),
     ("Code change", "recoded"), ("recode", "recoded"), ("Boundary shift", "boundary shift"),
     ("boundary change, recode", "boundary shift"), ("Merged", "merged"),
     ("discontinued; merged with ex-BE327", "merged"), ("discontinued; split into HR02", "split")],
)
def test_change_kind_follows_eurostat_s_words(change, kind):
    assert change_kind(change, "NL412") == kind


def test_an_unknown_kind_of_change_stops_the_build():
    with pytest.raises(CorrespondenceError, match="'reshuffled' for 'NL412'"):
        change_kind("reshuffled", "NL412")


def _save(folder: Path, name: str, sheets: dict[str, list[tuple]]) -> None:
    (folder / name).write_bytes(xlsx_bytes({title: [list(row) for row in rows]
                                            for title, rows in sheets.items()}))


def _site(tmp_path: Path, haaren: str = HAAREN) -> str:
    """A file:// site with both workbooks: Noord-Brabant's 2024 shift, Hainaut's 2021 merge."""
    folder = tmp_path / build.DOCUMENTS
    folder.mkdir(parents=True)
    names = {"NL4": ("Zuid-Nederland", None, None), "NL41": (None, "Noord-Brabant", None),
             "NL412": (None, None, "Midden-Noord-Brabant"), "BE3": ("Région wallonne", None, None),
             "BE32": (None, "Prov. Hainaut", None), "BE328": (None, None, "Arr. Tournai-Mouscron"),
             "NLZZZ": (None, None, "Extra-Regio NUTS 3"), "NL413": (None, None, "Noordoost-NB"),
             "BE324": (None, None, "Arr. Mouscron"), "BE327": (None, None, "Arr. Tournai")}
    _save(folder, build.FILE_2024, {
        build.SHEET_2024: [("Country code", "NUTS Code", "NUTS label", "NUTS level")] + [
            (code[:2], code, name, len(code) - 2) for code, name in (
                ("NL4", "Zuid-Nederland"), ("NL41", "Noord-Brabant"),
                ("NL415", "Midden-Noord-Brabant"), ("NL416", "Noordoost-NB"),
                ("BE3", "Région wallonne"), ("BE32", "Prov. Hainaut"),
                ("BE328", "Arr. Tournai-Mouscron"), ("NLZZZ", "Extra-Regio NUTS 3"))],
        build.SHEET_2021_2024: [("#", "Country Code", "Code 2021", "Code 2024", *NAMES, "Change")]
        + [(1, code[:2], code, code, *names[code], "") for code in ("NL4", "NL41", "BE3", "BE32",
                                                                     "BE328", "NLZZZ")]
        + [(2, "NL", "NL412", None, *names["NL412"], "Boundary shift"),
           (3, "NL", None, "NL415", *names["NL412"], "New region"),
           (4, "NL", "NL413", None, *names["NL413"], "Boundary shift"),
           (5, "NL", None, "NL416", *names["NL413"], "New region")],
        "Changes NUTS-2": [("Country Code", "Code 2021", "Code 2024", "Label", "Change",
                            "Explanation (new = old)")],
        "Changes NUTS-3": [("Country Code", "Code 2021", "Code 2024", "Label", "Change",
                            "Explanation (new = old)"),
                           ("NL", "NL412", None, "Midden-Noord-Brabant", haaren, None)],
    })
    _save(folder, build.FILE_2021, {build.SHEET_2016_2021: [
        ("Code 2016", "Code 2021", "Country", *NAMES, "Change codes*", "Change comments")]
        + [(code, code, None, *names[code], None, None)
           for code in ("NL4", "NL41", "NL412", "NL413", "BE3", "BE32")]
        + [("BE324", None, None, *names["BE324"], 5, "discontinued; merged with ex-BE327"),
           ("BE327", None, None, *names["BE327"], 5, "discontinued; merged with ex-BE324"),
           (None, "BE328", None, *names["BE328"], 6, "new; merge of ex-BE327 and BE324")]})
    return tmp_path.as_uri()


def test_the_build_follows_codes_through_both_versions(tmp_path):
    rows = build.build_rows(_site(tmp_path))
    table = {(row["code"], row["nuts_year"]): row for row in rows}
    assert sorted(table) == [
        ("BE3", "2024"), ("BE32", "2024"), ("BE324", "2016"), ("BE327", "2016"), ("BE328", "2024"),
        ("NL4", "2024"), ("NL41", "2024"), ("NL412", "2016"), ("NL412", "2021"), ("NL413", "2016"),
        ("NL413", "2021"), ("NL415", "2024"), ("NL416", "2024")]  # no Extra-Regio, no unchanged
    assert [table["NL412", "2021"][key] for key in ("nuts2024", "kind", "change")] == [
        "NL415", "boundary shift", "2021-2024: Boundary shift"]
    assert table["NL413", "2016"]["nuts2024"] == "NL416 NL415"
    assert table["NL413", "2021"]["explanation"] == HAAREN
    assert table["NL413", "2021"]["source"] == (
        "NUTS2021-NUTS2024.xlsx: NUTS2021- NUTS2024 | NUTS2021-NUTS2024.xlsx: Changes NUTS-3")
    assert [table["BE324", "2016"][key] for key in ("nuts2024", "kind", "explanation")] == [
        "BE328", "merged", "BE328: new; merge of ex-BE327 and BE324"]
    assert table["BE328", "2024"]["kind"] == "current"
    history = NutsHistory.from_rows(rows)
    assert resolve_nuts("NL413", history=history).code == "NL41"
    assert resolve_nuts("BE327", history=history).code == "BE328"


def test_the_build_stops_where_eurostat_s_words_are_not_understood(tmp_path):
    site = _site(tmp_path, haaren="Former LAU Haaren (0788, ex-NL413) went to ex-NL412")
    with pytest.raises(CorrespondenceError, match="went to ex-NL412"):
        build.build_rows(site)


def test_a_missing_file_is_named_with_its_url(tmp_path, capsys):
    assert build.main(["--source", tmp_path.as_uri(), "--out", str(tmp_path / "x.csv")]) == 1
    error = capsys.readouterr().err
    assert f"{tmp_path.as_uri()}/{build.DOCUMENTS}/{build.FILE_2024}" in error
    assert not (tmp_path / "x.csv").exists()


def test_a_missing_sheet_is_named(tmp_path):
    site = _site(tmp_path)
    book = openpyxl.load_workbook(tmp_path / build.DOCUMENTS / build.FILE_2024)
    del book[build.SHEET_2024]
    book.save(tmp_path / build.DOCUMENTS / build.FILE_2024)
    with pytest.raises(CorrespondenceError, match="has no sheet 'NUTS2024'"):
        build.build_rows(site)
