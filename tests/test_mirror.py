"""The real boundaries (the GISCO mirror in ../shared/gisco) with the curated tables.

Skipped, with the reason, when the mirror is absent; CI always has it.
"""

from __future__ import annotations

import json

import pytest
import shapely

from gros import geometry, gisco, regions
from gros.layers import build_region_layers
from tests.conftest import MIRROR_2021, MIRROR_2024


def test_every_membership_code_exists_in_its_nuts_year(mirror_url):
    collection = json.loads(MIRROR_2024.read_text())
    level3 = {f["properties"]["NUTS_ID"] for f in collection["features"]
              if f["properties"]["LEVL_CODE"] == 3}
    members = regions.read_memberships()
    assert set(members["nuts_year"]) == {2024}
    assert set(members["nuts_id"]) <= level3
    names = {f["properties"]["NUTS_ID"]: f["properties"]["NAME_LATN"]
             for f in collection["features"]}
    for row in members.itertuples():
        assert row.nuts_name == names[row.nuts_id], row.nuts_id


def test_each_euregio_is_a_valid_non_empty_polygon(mirror_layers):
    assert list(mirror_layers.euregios["id"]) == list(regions.EUREGIO_IDS)
    for row in mirror_layers.euregios.itertuples():
        assert row.valid, row.id
        assert row.geometry.geom_type in ("Polygon", "MultiPolygon"), row.id
        assert row.area_km2 > 500, row.id


def test_maas_rijn_spans_three_countries_with_its_stated_size(mirror_layers):
    emr = mirror_layers.euregios.set_index("id").loc["maas-rijn"]
    assert emr.countries == ["BE", "DE", "NL"]
    # The Euregio states about 10,700–11,000 km².
    assert 9_500 <= emr.area_km2 <= 12_500


def _dutch_land_border(mirror_layers) -> shapely.Geometry:
    countries = mirror_layers.countries.set_index("country")
    netherlands = countries.loc["NL", "geometry"]
    neighbours = shapely.union_all([countries.loc["BE", "geometry"],
                                    countries.loc["DE", "geometry"]])
    return shapely.intersection(netherlands.boundary, neighbours.buffer(0.001))


def test_every_euregio_touches_the_dutch_border(mirror_layers):
    border = _dutch_land_border(mirror_layers)
    assert border.length > 3  # degrees: several hundred kilometres of land border
    for row in mirror_layers.euregios.itertuples():
        assert row.geometry.intersects(border), row.id
        assert "NL" in row.countries, row.id


def test_all_border_provinces_are_present_and_on_a_border(mirror_layers):
    provinces = mirror_layers.border_provinces.set_index("nuts_id")
    expected = regions.read_border_provinces()["nuts_id"]
    assert set(provinces.index) == set(expected)
    countries = mirror_layers.countries.set_index("country")["geometry"]
    for nuts_id, row in provinces[provinces["border"]].iterrows():
        others = [code for code in ("NL", "BE", "DE") if code != row.country]
        assert any(row.geometry.buffer(0.01).intersects(countries[code]) for code in others), \
            nuts_id


def test_simplification_leaves_no_gaps_between_neighbours(mirror_layers):
    source, display = mirror_layers.nuts3, mirror_layers.nuts3_display
    for gap_width_m in (0, 500, 2_000):
        # Narrow inlets of the real coast (the Elbe at Hamburg…) count as gaps in
        # the source too: simplification must add none.
        assert geometry.gap_or_overlap_positions(display.geometry, gap_width_m) == \
            geometry.gap_or_overlap_positions(source.geometry, gap_width_m)
    assert geometry.overlap_km2(display.geometry) < 0.01
    deviation = geometry.max_deviation_m(mirror_layers.nuts3.geometry, display.geometry)
    assert deviation <= mirror_layers.tolerance_m + 5  # plus rounding to 5 decimals


def test_membership_table_against_2021_boundaries_lists_the_unknown_codes(tmp_path):
    if not MIRROR_2021.exists():
        pytest.skip(f"the 2021 mirror file is not at {MIRROR_2021}")
    source = gisco.NutsSource(MIRROR_2021.parent.parent.parent.as_uri(), 2021, "10M",
                              tmp_path / "cache")
    boundaries = gisco.load(source)
    members = regions.read_memberships()
    level3_2021 = set(boundaries.regions.loc[boundaries.regions["LEVL_CODE"] == 3, "NUTS_ID"])
    missing = sorted(set(members["nuts_id"]) - level3_2021)
    assert missing, "the 2024 table should contain codes that changed since 2021"
    with pytest.raises(regions.UnknownNutsCodes) as raised:
        build_region_layers(boundaries, regions.read_euregios(), members,
                            regions.read_border_provinces(), tolerance_m=150)
    assert raised.value.codes == missing
    for code in missing:
        assert code in str(raised.value)


def test_areas_are_plausible_against_the_stated_ones(mirror_layers):
    """Outlines from their municipalities differ from the stated areas, but not wildly.

    Incomplete member lists make an outline smaller (EDR: 30 of 83 members listed),
    members that joined after the stated figure larger (rhein-maas-nord: Kreis Heinsberg,
    2022, against 3,400 km²); a code in the wrong place would be far off.
    """
    stated = mirror_layers.euregios.dropna(subset=["stated_area_km2"])
    assert len(stated) >= 5
    for row in stated.itertuples():
        ratio = row.area_km2 / row.stated_area_km2
        assert 0.5 <= ratio <= 2.0, (row.id, row.area_km2, row.stated_area_km2)


def test_on_the_mirror_every_euregio_is_drawn_from_its_municipalities(mirror_layers):
    assert mirror_layers.outline == "lau"
    euregios = mirror_layers.euregios.set_index("id")
    assert set(euregios["outline"]) == {"lau"}
    for row in euregios.itertuples():
        # Smaller than the NUTS-3 outline or about as large (whole regions as members).
        assert row.area_km2 <= row.nuts3_area_km2 * 1.02, row.Index
    # Kreis Kleve is no member of rhein-maas-nord: its outline shrank by Kleve's others.
    assert euregios.loc["rhein-maas-nord", "area_km2"] < 0.8 * euregios.loc[
        "rhein-maas-nord", "nuts3_area_km2"]
    kleve, geldern = "DE_05154036", "DE_05154012"
    assert kleve not in euregios.loc["rhein-maas-nord", "municipalities"]
    assert geldern in euregios.loc["rhein-maas-nord", "municipalities"]


def test_municipalities_shared_by_two_euregios_are_in_both(mirror_layers):
    pairs = mirror_layers.municipal.pairs
    shared = pairs.groupby("gisco_id")["euregio_id"].apply(sorted)
    assert shared["DE_05111000"] == ["rhein-maas-nord", "rhein-waal"]  # Düsseldorf
    assert shared["NL_GM0109"] == ["edr", "euregio"]  # Coevorden
    outlines = mirror_layers.euregios.set_index("id").geometry
    assert outlines["rhein-waal"].intersection(outlines["rhein-maas-nord"]).area > 0


def test_the_curated_table_names_only_municipalities_of_lau_2024(mirror_layers, mirror_env):
    """Every municipality row of geodata/euregio_members_municipal.csv has a GISCO_ID of
    LAU 2024 and every district NUTS 2024 codes (else this raises, listing them all)."""
    from gros import lau, memberships
    from gros.settings import load_settings

    municipalities = lau.read_cached(lau.LauSource.from_settings(load_settings(mirror_env)))
    table = regions.read_municipal_memberships()
    members = memberships.member_municipalities(table, municipalities, mirror_layers.nuts3,
                                                mirror_layers.nuts_year)
    drawn = table[table["member_kind"] != "other"]
    assert set(drawn["row"]) <= set(members["row"])  # every drawn member has municipalities
    assert all(table["source_title"]) and all(table["source_date"])
