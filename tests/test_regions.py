"""Reading the curated region tables: every problem names file, row and column."""

from pathlib import Path

import pytest

from gros import regions
from tests import synthetic


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_euregios_in_the_canonical_order(tmp_path):
    euregios = regions.read_euregios(_write(tmp_path, "e.csv", synthetic.EUREGIOS_CSV))
    assert [e.id for e in euregios] == ["euregio", "maas-rijn"]
    emr = euregios[1]
    assert emr.founded == 1976
    assert emr.name("de") == "Euregio Maas-Rhein"
    assert emr.name("fr") == "Euregio Maas-Rhein"  # no French name: falls back


def test_memberships_may_overlap(tmp_path):
    members = regions.read_memberships(_write(tmp_path, "m.csv", synthetic.MEMBERS_CSV))
    assert sorted(members.loc[members["nuts_id"] == "DE111", "euregio_id"]) == [
        "euregio", "maas-rijn"]
    assert members.loc[members["nuts_id"] == "NL111", "partial"].item() is True


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("maas-rijn,2024,NL11,X,NL,false,,https://s", "nuts_id", "'NL11'"),
        ("atlantis,2024,NL111,X,NL,false,,https://s", "euregio_id", "'atlantis'"),
        ("maas-rijn,2024,NL111,X,DE,false,,https://s", "country", "'DE'"),
        ("maas-rijn,2024,NL112,X,NL,maybe,,https://s", "partial", "'maybe'"),
        ("maas-rijn,2024,NL112,X,NL,false,,", "source", "required"),
        ("maas-rijn,2024,BE211,X,BE,false,,https://s", "nuts_id", "listed twice"),
    ],
)
def test_a_bad_membership_row_names_file_row_and_column(tmp_path, row, column, words):
    path = _write(tmp_path, "members.csv", synthetic.MEMBERS_CSV + row + "\n")
    with pytest.raises(regions.CuratedDataError) as raised:
        regions.read_memberships(path)
    message = str(raised.value)
    assert "members.csv, row 7" in message
    assert f"column {column!r}" in message
    assert words in message


def test_a_missing_column_is_reported(tmp_path):
    path = _write(tmp_path, "e.csv", "id,name_nl\nedr,Eems Dollard Regio\n")
    with pytest.raises(regions.CuratedDataError, match="missing columns name_de"):
        regions.read_euregios(path)


def test_unknown_codes_are_listed_never_dropped():
    with pytest.raises(regions.UnknownNutsCodes) as raised:
        regions.check_codes(["NL415", "NL423", "NL41C"], 2024, {"NL423"}, 2021)
    assert raised.value.codes == ["NL415", "NL41C"]
    assert "NL415, NL41C" in str(raised.value)
    assert "NUTS 2021" in str(raised.value)


def test_the_committed_tables_read_cleanly():
    euregios = regions.read_euregios()
    assert [e.id for e in euregios] == list(regions.EUREGIO_IDS)
    members = regions.read_memberships()
    assert set(members["euregio_id"]) == set(regions.EUREGIO_IDS)
    assert set(members["nuts_year"]) == {2024}
    assert all(source.startswith("http") for source in members["source"])
    provinces = regions.read_border_provinces()
    assert {"NL11", "NL13", "NL21", "NL22", "NL42", "NL41", "NL34", "BE25", "BE23", "BE21",
            "BE22", "BE33", "DE9", "DEA"} <= set(provinces.loc[provinces["border"], "nuts_id"])
    assert set(provinces.loc[provinces["gros_partner"], "nuts_id"]) == {"BE2", "DE9", "DEA"}
