"""Map builders, tested by rendering HTML and checking its pieces."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gros import gisco, maps, regions
from gros.layers import build_region_layers
from tests import synthetic

XSS = "<img src=x onerror=alert(1)>"


def test_region_map_draws_every_layer_without_a_cdn(synthetic_layers):
    html = maps.build_region_map(synthetic_layers, basemap="none").get_root().render()
    assert "cdn." not in html and "unpkg" not in html and "code.jquery" not in html
    assert "tile.openstreetmap.org" not in html and "cartocdn" not in html
    assert "gros-euregio-maas-rijn" in html
    assert "gros-country" in html and "gros-province" in html
    assert json.dumps(gisco.ATTRIBUTION) in html


def test_tiles_only_when_the_basemap_has_them(synthetic_layers):
    light = maps.build_region_map(synthetic_layers, basemap="light").get_root().render()
    osm = maps.build_region_map(synthetic_layers, basemap="osm").get_root().render()
    assert "cartocdn" in light and "tile.openstreetmap.org" in osm
    with pytest.raises(ValueError, match="'satellite'"):
        maps.build_region_map(synthetic_layers, basemap="satellite")


def test_hidden_layers_are_not_drawn(synthetic_layers):
    html = maps.build_region_map(synthetic_layers, basemap="none",
                                 visible=("countries",)).get_root().render()
    assert "gros-euregio" not in html and "gros-province" not in html


def test_names_from_data_are_escaped(synthetic_source, tmp_path: Path):
    (tmp_path / "e.csv").write_text(synthetic.EUREGIOS_CSV.replace("Euregio Maas-Rijn", XSS))
    (tmp_path / "m.csv").write_text(synthetic.MEMBERS_CSV)
    (tmp_path / "p.csv").write_text(synthetic.PROVINCES_CSV.replace("South NL", XSS))
    layers = build_region_layers(
        gisco.load(synthetic_source), regions.read_euregios(tmp_path / "e.csv"),
        regions.read_memberships(tmp_path / "m.csv"),
        regions.read_border_provinces(tmp_path / "p.csv"), tolerance_m=1000)
    html = maps.build_region_map(layers, basemap="none", language="nl").get_root().render()
    assert XSS not in html
    # folium writes "&" as \u0026 inside its JSON: the text arrives HTML-escaped.
    escaped = "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;"
    assert html.count(escaped) >= 3  # the Euregio tooltip, the province and its label


def test_euregio_labels_follow_the_language(synthetic_layers):
    german = maps.build_region_map(synthetic_layers, basemap="none", language="de")
    html = german.get_root().render()
    assert "Euregio Maas-Rhein" in html
