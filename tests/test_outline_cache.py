"""The switch: Euregios drawn from their municipalities when these are cached, from the
NUTS-3 table without them; the outlines built once and kept on disk.

Synthetic boundaries and municipalities (``tests.synthetic``), the synthetic Euregio and
NUTS-3 tables, and a small municipal membership table written here.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import shapely

from gros import gisco, lau, loaders, outline_cache, regions
from gros.layers import build_region_layers
from gros.lookup import lookup
from gros.settings import load_settings
from tests import synthetic
from tests.test_memberships import HEADER, SOURCE, TABLE

# Maas-Rijn's district DE111 holds DE_DE1112; only DE_DE1111 of it is a EUREGIO member
# (as Straelen and Geldern are of Kreis Kleve for rhein-maas-nord).


@pytest.fixture
def env(tmp_path: Path, synthetic_mirror: Path) -> dict[str, str]:
    folder = synthetic_mirror / "lau" / "geojson"
    folder.mkdir(parents=True)
    (folder / "LAU_RG_01M_2024_4326.geojson").write_text(json.dumps(synthetic.lau_collection()))
    table = tmp_path / "members.csv"
    table.write_text("\n".join([HEADER, *TABLE]) + "\n", encoding="utf-8")
    return {"GROS_GISCO_URL": synthetic_mirror.as_uri(), "GROS_NUTS_SCALE": "20M",
            "GROS_CACHE_DIR": str(tmp_path / "cache"), "GROS_DATA_DIR": str(tmp_path / "d"),
            "GROS_MEMBERS_CSV": str(table), "GROS_SIMPLIFY_TOLERANCE_M": "1000"}


@pytest.fixture
def curated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The synthetic Euregio, NUTS-3 and province tables in place of geodata/."""
    for name, text in (("e.csv", synthetic.EUREGIOS_CSV), ("m.csv", synthetic.MEMBERS_CSV),
                       ("p.csv", synthetic.PROVINCES_CSV)):
        (tmp_path / name).write_text(text)
    for reader, name in (("read_euregios", "e.csv"), ("read_memberships", "m.csv"),
                         ("read_border_provinces", "p.csv")):
        original = getattr(regions, reader)
        monkeypatch.setattr(regions, reader,
                            lambda original=original, name=name: original(tmp_path / name))


def _layers(env: dict[str, str], **kwargs):
    return loaders.load_region_layers(load_settings(env), **kwargs)


def test_with_the_municipalities_cached_euregios_are_drawn_from_them(env, curated):
    lau.fetch(lau.LauSource.from_settings(load_settings(env)))
    layers = _layers(env)
    assert layers.outline == "lau" and layers.lau["municipalities"] == 48
    emr = layers.euregios.set_index("id").loc["maas-rijn"]
    assert emr["outline"] == "lau"
    expected = shapely.union_all([shapely.box(5.5, 51, 6, 52), shapely.box(7, 51, 8, 52)])
    assert emr.geometry.symmetric_difference(expected).area < 1e-9
    # The NUTS-3 outline (NL111, BE211, DE111) is kept as a figure for comparison.
    assert emr["nuts3_area_km2"] > emr["area_km2"]
    assert emr["status"] == "active"  # geodata/euregio_status.csv
    assert layers.euregios_display.set_index("id").loc["maas-rijn", "outline"] == "lau"


def test_without_the_municipalities_the_nuts3_outlines_are_drawn(env, curated):
    layers = _layers(env)  # nothing is downloaded by the loader
    assert layers.outline == "nuts3" and layers.municipal is None and layers.lau is None
    emr = layers.euregios.set_index("id").loc["maas-rijn"]
    assert emr["outline"] == "nuts3"
    assert emr["nuts3"] == ["BE211", "DE111", "NL111"]
    assert not (Path(env["GROS_CACHE_DIR"]) / "lau").exists()


def test_projects_belong_to_the_euregios_of_the_municipality_they_lie_in(env, curated):
    lau.fetch(lau.LauSource.from_settings(load_settings(env)))
    layers = _layers(env)
    points = {"west NL111, no member": (5.25, 51.25), "NL_NL1112": (5.75, 51.25),
              "NL_NL1114, in both": (5.75, 51.75), "DE_DE1112": (7.75, 51.25)}
    shapes = gpd_points(points)
    touched = loaders.with_regions(shapes, layers)["euregios"].tolist()
    assert touched == [[], ["maas-rijn"], ["euregio", "maas-rijn"], ["maas-rijn"]]
    municipalities = lau.read_cached(lau.LauSource.from_settings(load_settings(env)))
    # The lookup answers by membership: DE_DE1112 lies in DE111, whose district
    # membership is Maas-Rijn's; EUREGIO has only DE_DE1111 of that region.
    assert lookup(layers, municipalities, 7.75, 51.25)["euregios"] == ["maas-rijn"]
    assert lookup(layers, municipalities, 7.25, 51.25)["euregios"] == ["euregio", "maas-rijn"]
    assert lookup(layers, municipalities, 5.25, 51.25)["euregios"] == []


def gpd_points(points: dict[str, tuple[float, float]]):
    import geopandas as gpd

    return gpd.GeoDataFrame({"id": list(points)},
                            geometry=[shapely.Point(*xy) for xy in points.values()],
                            crs="EPSG:4326")


def test_the_outlines_are_built_once_and_rebuilt_when_the_table_changes(env, curated,
                                                                       monkeypatch):
    settings = load_settings(env)
    lau.fetch(lau.LauSource.from_settings(settings))
    _layers(env)
    kept = list((Path(env["GROS_CACHE_DIR"]) / "lau").glob("euregio-outlines-*.pickle"))
    assert len(kept) == 1
    builds = []
    original = outline_cache._build
    monkeypatch.setattr(outline_cache, "_build", lambda *a: builds.append(1) or original(*a))
    again = _layers(env)
    assert builds == [] and again.outline == "lau"  # read from disk, no parse of the cut
    table = Path(env["GROS_MEMBERS_CSV"])
    table.write_text(table.read_text() + f"euregio,municipality,Town NL1113,NL,NL_NL1113,,,"
                                         f"{SOURCE}\n", encoding="utf-8")
    changed = _layers(env)
    assert builds == [1]
    assert "NL_NL1113" in changed.euregios.set_index("id").loc["euregio", "municipalities"]
    assert len(list(kept[0].parent.glob("euregio-outlines-*.pickle"))) == 1  # the old one gone


def test_an_unresolved_table_fails_loudly_or_falls_back_saying_why(env, curated, monkeypatch):
    lau.fetch(lau.LauSource.from_settings(load_settings(env)))
    table = Path(env["GROS_MEMBERS_CSV"])
    table.write_text(table.read_text() + f"euregio,municipality,Samtgemeinde X,DE,,,,"
                                         f"{SOURCE}\n", encoding="utf-8")
    with pytest.raises(outline_cache.MembersUnresolved, match=r"Samtgemeinde X \(euregio, "
                                                               r"row 10\): no gisco_id"):
        _layers(env)
    builds = []
    monkeypatch.setattr(outline_cache, "_build", lambda *a: builds.append(1))
    fallback = _layers(env, strict=False)
    assert builds == []  # the error is remembered too: no parse on the next start
    assert fallback.outline == "nuts3" and "Samtgemeinde X" in fallback.outline_problem


def test_a_euregio_missing_from_the_municipal_table_keeps_its_nuts3_outline(
        synthetic_source: gisco.NutsSource, synthetic_lau_source, tmp_path):
    from gros import memberships
    from gros.layers import with_municipal_outlines

    (tmp_path / "e.csv").write_text(synthetic.EUREGIOS_CSV)
    (tmp_path / "m.csv").write_text(synthetic.MEMBERS_CSV)
    (tmp_path / "p.csv").write_text(synthetic.PROVINCES_CSV)
    (tmp_path / "t.csv").write_text("\n".join([HEADER, *TABLE[:5]]) + "\n")
    layers = build_region_layers(gisco.load(synthetic_source),
                                 regions.read_euregios(tmp_path / "e.csv"),
                                 regions.read_memberships(tmp_path / "m.csv"),
                                 regions.read_border_provinces(tmp_path / "p.csv"), 1000)
    outlines = memberships.euregio_outlines(
        regions.read_municipal_memberships(tmp_path / "t.csv"), lau.load(synthetic_lau_source),
        layers.nuts3, layers.nuts_year, 1000)
    drawn = with_municipal_outlines(layers, outlines).euregios.set_index("id")
    assert drawn.loc["maas-rijn", "outline"] == "lau"
    assert drawn.loc["euregio", "outline"] == "nuts3"
    assert drawn.loc["euregio", "area_km2"] == drawn.loc["euregio", "nuts3_area_km2"]
    assert replace(layers).outline == "nuts3"
