"""Euregios from their member municipalities: the table, the dissolve, the fallback.

Small synthetic municipalities (``tests.synthetic.lau_collection``: 0.5° squares,
four to each synthetic NUTS-3 region) stand in for GISCO LAU.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from gros import geometry, lau, memberships, regions
from tests import synthetic

HEADER = ",".join(regions.MUNICIPAL_MEMBER_COLUMNS)
SOURCE = "https://example.org/members,Members list,2024"
TABLE = [
    # Maas-Rijn: two Dutch municipalities, two former ones merged into the second since
    # their source was written (one GISCO_ID, three rows), a whole German region, a chamber.
    f"maas-rijn,municipality,Town NL1112,NL,NL_NL1112,,,{SOURCE}",
    f"maas-rijn,municipality,Town NL1114,NL,NL_NL1114,,,{SOURCE}",
    f"maas-rijn,municipality,Old Town,NL,NL_NL1114,,Merged into Town NL1114 in 2022.,{SOURCE}",
    f"maas-rijn,district,Region DE111,DE,,DE111,,{SOURCE}",
    f"maas-rijn,other,Chamber of commerce,DE,,,Listed as a member; not drawn.,{SOURCE}",
    # EUREGIO shares NL_NL1114 and DE_DE1111 with Maas-Rijn.
    f"euregio,municipality,Town NL1121,NL,NL_NL1121,,,{SOURCE}",
    f"euregio,municipality,Town NL1114,NL,NL_NL1114,,,{SOURCE}",
    f"euregio,municipality,Town DE1111,DE,DE_DE1111,,,{SOURCE}",
]


def _table(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "municipal_members.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _members(tmp_path: Path, rows: list[str] = TABLE):
    return regions.read_municipal_memberships(_table(tmp_path, rows))


def _municipalities(collection: dict, tmp_path: Path) -> lau.Municipalities:
    folder = tmp_path / "lau-mirror" / "lau" / "geojson"
    folder.mkdir(parents=True)
    (folder / "LAU_RG_01M_2024_4326.geojson").write_text(json.dumps(collection))
    return lau.load(lau.LauSource((tmp_path / "lau-mirror").as_uri(), 2024,
                                  tmp_path / "lau-cache"))


def _by_id(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return frame.set_index("euregio_id")


def _km2(shape: shapely.Geometry) -> float:
    return float(geometry.area_km2(gpd.GeoDataFrame(geometry=[shape], crs="EPSG:4326"))[0])


def _outlines(tmp_path, layers, municipalities, rows=TABLE):
    return memberships.euregio_outlines(_members(tmp_path, rows), municipalities, layers.nuts3,
                                        layers.nuts_year, layers.tolerance_m)


def test_the_table_reads_with_every_kind_of_member(tmp_path):
    table = _members(tmp_path)
    assert list(table["member_kind"]).count("district") == 1
    assert table.loc[table["member_kind"] == "district", "nuts_ids"].iloc[0] == ("DE111",)
    assert list(table["row"]) == list(range(2, 2 + len(TABLE)))


def test_a_district_may_name_several_nuts3_regions(tmp_path):
    row = f"euregio,district,Province,NL,,NL111; nl112,,{SOURCE}"
    table = _members(tmp_path, [*TABLE, row])
    assert table["nuts_ids"].iloc[-1] == ("NL111", "NL112")


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        (f"maas-rijn,gemeente,T,NL,NL_NL1113,,,{SOURCE}", "member_kind", "'gemeente'"),
        (f"maas-rijn,municipality,T,NL,GM0935,,,{SOURCE}", "gisco_id",
         "expected a GISCO_ID such as 'NL_GM0935'"),
        (f"maas-rijn,district,T,DE,,,,{SOURCE}", "nuts_id", "one or more NUTS-3 codes of DE"),
        (f"maas-rijn,district,T,NL,,DE111,,{SOURCE}", "nuts_id", "got 'DE111'"),
        (f"maas-rijn,municipality,Town NL1112,NL,NL_NL1113,,,{SOURCE}", "member_name",
         "already in row 2"),
        ("maas-rijn,municipality,T,NL,NL_NL1113,,,,,", "source_url", "required"),
        (f"atlantis,municipality,T,NL,NL_NL1113,,,{SOURCE}", "euregio_id", "'atlantis'"),
        (f"maas-rijn,municipality,T,LU,LU_1,,,{SOURCE}", "country", "'LU'"),
    ],
)
def test_a_bad_row_names_file_row_and_column(tmp_path, row, column, words):
    with pytest.raises(regions.CuratedDataError) as raised:
        _members(tmp_path, [*TABLE, row])
    message = str(raised.value)
    assert f"municipal_members.csv, row {len(TABLE) + 2}" in message
    assert f"column {column!r}" in message and words in message


def test_an_outline_is_the_dissolve_of_its_municipalities(tmp_path, synthetic_layers,
                                                          synthetic_lau_source):
    outlines = _outlines(tmp_path, synthetic_layers, lau.load(synthetic_lau_source))
    full = _by_id(outlines.full)
    assert list(outlines.full.columns) == [*memberships.OUTLINE_COLUMNS, "geometry"]
    assert set(full["outline"]) == {"lau"}
    emr = full.loc["maas-rijn"]
    # NL_NL1112 and NL_NL1114 are the eastern half of NL111; DE111 counts whole.
    assert emr["municipalities"] == ["DE_DE1111", "DE_DE1112", "DE_DE1113", "DE_DE1114",
                                     "NL_NL1112", "NL_NL1114"]
    assert emr["member_count"] == 5  # the rows: the chamber counts, the merged ones too
    assert emr["nuts3"] == ["DE111", "NL111"] and emr["partial_nuts3"] == ["NL111"]
    assert emr["countries"] == ["DE", "NL"]
    expected = shapely.union_all([shapely.box(5.5, 51, 6, 52), shapely.box(7, 51, 8, 52)])
    assert emr.geometry.symmetric_difference(expected).area < 1e-9
    assert emr["area_km2"] == round(_km2(expected))
    # Known figures add up; the one missing is counted, not taken as 0.
    assert emr["population"] == 1_112_000 + 1_114_000 + 1_112_000 + 1_113_000 + 1_114_000
    assert emr["population_missing"] == 1


def test_each_member_has_its_figures_and_merged_ones_share_theirs(tmp_path, synthetic_layers,
                                                                 synthetic_lau_source):
    outlines = _outlines(tmp_path, synthetic_layers, lau.load(synthetic_lau_source))
    members = outlines.members[outlines.members["euregio_id"] == "maas-rijn"].set_index(
        "member_name")
    assert list(outlines.members.columns) == list(memberships.MEMBER_COLUMNS)
    assert members.loc["Old Town", "population"] == members.loc["Town NL1114", "population"]
    assert members.loc["Old Town", "gisco_id"] == "NL_NL1114"
    district = members.loc["Region DE111"]
    assert district["municipality_count"] == 4
    assert district["population"] == 1_112_000 + 1_113_000 + 1_114_000
    assert district["population_missing"] == 1
    assert district["area_km2"] == pytest.approx(_km2(shapely.box(7, 51, 8, 52)), rel=1e-3)
    chamber = members.loc["Chamber of commerce"]
    assert chamber["municipality_count"] == 0 and pd.isna(chamber["population"])
    assert chamber["area_km2"] is None or pd.isna(chamber["area_km2"])


def test_a_municipality_may_belong_to_two_euregios(tmp_path, synthetic_layers,
                                                   synthetic_lau_source):
    outlines = _outlines(tmp_path, synthetic_layers, lau.load(synthetic_lau_source))
    full = _by_id(outlines.full)
    shared = full.loc["maas-rijn"].geometry.intersection(full.loc["euregio"].geometry)
    both = shapely.union_all([shapely.box(5.5, 51.5, 6, 52), shapely.box(7, 51, 7.5, 51.5)])
    assert shared.symmetric_difference(both).area < 1e-9
    assert full.loc["euregio", "municipalities"] == ["DE_DE1111", "NL_NL1114", "NL_NL1121"]
    pairs = outlines.pairs
    assert sorted(pairs.loc[pairs["gisco_id"] == "NL_NL1114", "euregio_id"]) == [
        "euregio", "maas-rijn"]
    assert outlines.municipalities["gisco_id"].is_unique


def test_rows_without_or_with_unknown_codes_are_all_listed_in_one_error(
        tmp_path, synthetic_layers, synthetic_lau_source):
    rows = [*TABLE,
            f"euregio,municipality,Old Town,NL,NL_GM9999,,,{SOURCE}",
            f"maas-rijn,municipality,Samtgemeinde X,DE,,,,{SOURCE}",
            f"maas-rijn,district,Stadt Y,DE,DE_05154999,DE111,,{SOURCE}"]
    with pytest.raises(regions.UnknownMunicipalities) as raised:
        _outlines(tmp_path, synthetic_layers, lau.load(synthetic_lau_source), rows)
    assert raised.value.codes == [
        "DE_05154999 Stadt Y (maas-rijn, row 12): unknown",
        "NL_GM9999 Old Town (euregio, row 10): unknown",
        "Samtgemeinde X (maas-rijn, row 11): no gisco_id"]
    message = str(raised.value)
    assert message.startswith("3 municipality row(s)")
    assert "LAU 2024" in message and "No member is dropped" in message


def test_an_unknown_nuts3_code_of_a_district_fails(tmp_path, synthetic_layers,
                                                   synthetic_lau_source):
    rows = [*TABLE, f"euregio,district,Nowhere,NL,,NL999;NL111,,{SOURCE}"]
    with pytest.raises(regions.UnknownNutsCodes, match="NL999"):
        _outlines(tmp_path, synthetic_layers, lau.load(synthetic_lau_source), rows)


def _zigzag(x: float, y0: float, y1: float, steps: int = 40, amplitude: float = 0.002):
    return [(x + (amplitude if i % 2 else -amplitude), y0 + (y1 - y0) * i / steps)
            for i in range(steps + 1)]


def test_neighbours_keep_sharing_their_border_after_simplification(tmp_path, synthetic_layers):
    # NL_NL1111 and NL_NL1112 meet along a zigzag of ±140 m, finer than the 1 km tolerance.
    border = _zigzag(5.5, 51.0, 51.5)
    west = shapely.Polygon([(5.0, 51.0), *border, (5.0, 51.5)])
    east = shapely.Polygon([(6.0, 51.0), (6.0, 51.5), *reversed(border)])
    collection = synthetic.lau_collection()
    for feature in collection["features"]:
        shape = {"NL_NL1111": west, "NL_NL1112": east}.get(feature["properties"]["GISCO_ID"])
        if shape is not None:
            feature["geometry"] = shapely.geometry.mapping(shape)
    rows = [f"maas-rijn,municipality,W,NL,NL_NL1111,,,{SOURCE}",
            f"euregio,municipality,E,NL,NL_NL1112,,,{SOURCE}"]
    outlines = _outlines(tmp_path, synthetic_layers, _municipalities(collection, tmp_path),
                         rows)
    display = outlines.display.geometry.to_numpy()
    assert shapely.get_num_coordinates(display).sum() < shapely.get_num_coordinates(
        outlines.full.geometry.to_numpy()).sum()
    assert geometry.gap_or_overlap_positions(outlines.display.geometry, 10.0) == []
    assert geometry.overlap_km2(outlines.display.geometry) < 0.01


def test_municipalities_that_do_not_fit_along_a_border_still_give_outlines(
        tmp_path, synthetic_layers):
    # As national sources do: NL_NL1112 reaches 70 m into its neighbour NL_NL1121.
    collection = synthetic.lau_collection()
    for feature in collection["features"]:
        if feature["properties"]["GISCO_ID"] == "NL_NL1112":
            feature["geometry"] = shapely.geometry.mapping(shapely.box(5.5, 51.0, 6.001, 51.5))
    outlines = _outlines(tmp_path, synthetic_layers, _municipalities(collection, tmp_path))
    assert outlines.display.geometry.is_valid.all()
    assert geometry.overlap_km2(outlines.display.geometry) > 0  # the shared members only


def test_a_municipality_belongs_to_the_nuts3_region_it_overlaps_most(synthetic_layers):
    straddling = gpd.GeoDataFrame(
        {"country": ["NL", "NL", "DE"]},
        geometry=[shapely.box(5.9, 51.0, 6.3, 51.4), shapely.box(5.2, 51.2, 5.4, 51.4),
                  shapely.box(6.95, 51.1, 7.5, 51.2)], crs="EPSG:4326")
    assigned = memberships.nuts3_of(straddling, synthetic_layers.nuts3)
    assert list(assigned) == ["NL112", "NL111", "DE111"]  # never across the national border


def test_a_population_with_no_known_figure_is_unknown_not_zero():
    assert memberships.known_population(pd.Series([None, None], dtype="Int64")) == (None, 2)
    assert memberships.known_population(pd.Series([5, None, 7], dtype="Int64")) == (12, 1)
