"""The map's Euregio status, its legend and the member municipalities layer."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from gros import lau, maps, memberships, regions
from gros.layers import build_region_layers, with_municipal_outlines
from tests import synthetic
from tests.conftest import XSS
from tests.test_memberships import HEADER, TABLE

STATUS_CSV = """euregio_id,status,since,successor,note,source_url
maas-rijn,merged,2007,Grensregio <b>X</b>,,https://example.org/s
euregio,active,1958,,,https://example.org/s
"""


def _layers(synthetic_source, synthetic_lau_source, tmp_path, names=TABLE):
    from gros import gisco

    (tmp_path / "e.csv").write_text(synthetic.EUREGIOS_CSV)
    (tmp_path / "m.csv").write_text(synthetic.MEMBERS_CSV)
    (tmp_path / "p.csv").write_text(synthetic.PROVINCES_CSV)
    (tmp_path / "s.csv").write_text(STATUS_CSV)
    (tmp_path / "t.csv").write_text("\n".join([HEADER, *names]) + "\n", encoding="utf-8")
    layers = build_region_layers(gisco.load(synthetic_source),
                                 regions.read_euregios(tmp_path / "e.csv"),
                                 regions.read_memberships(tmp_path / "m.csv"),
                                 regions.read_border_provinces(tmp_path / "p.csv"), 1000,
                                 status=regions.read_euregio_status(tmp_path / "s.csv"))
    outlines = memberships.euregio_outlines(
        regions.read_municipal_memberships(tmp_path / "t.csv"), lau.load(synthetic_lau_source),
        layers.nuts3, layers.nuts_year, 1000)
    return with_municipal_outlines(layers, outlines)


def test_a_merged_body_is_drawn_grey_and_dashed_with_its_status(synthetic_source,
                                                                synthetic_lau_source, tmp_path):
    layers = _layers(synthetic_source, synthetic_lau_source, tmp_path)
    html = maps.build_region_map(layers, basemap="none", language="en").get_root().render()
    assert "gros-euregio-maas-rijn gros-euregio-not-current" in html
    assert "gros-euregio-euregio gros-euregio-not-current" not in html
    # In the tooltip's GeoJSON and the Euregio legend, escaped.
    assert "merged (2007) \\u2192 Grensregio \\u0026lt;b\\u0026gt;X" in html
    assert "Euregio Maas-Rhein: merged (2007)</div>" in html  # the successor: in the tooltip
    assert "<b>X</b>" not in html


def test_the_municipalities_layer_is_off_unless_asked_for(synthetic_source, synthetic_lau_source,
                                                          tmp_path):
    collection = synthetic.lau_collection()
    for feature in collection["features"]:
        if feature["properties"]["GISCO_ID"] == "DE_DE1111":
            feature["properties"]["LAU_NAME"] = XSS
    mirror_file = Path(urlparse(synthetic_lau_source.url).path)
    mirror_file.write_text(json.dumps(collection))
    layers = _layers(synthetic_source, synthetic_lau_source, tmp_path)
    plain = maps.build_region_map(layers, basemap="none").get_root().render()
    assert "gros-municipality" not in plain and "gros-municipal-label" not in plain
    shown = maps.build_region_map(layers, basemap="none",
                                  visible=(*maps.LAYERS, "municipalities"))
    html = shown.get_root().render()
    # One label per member municipality, besides the two CSS rules.
    assert html.count("gros-municipal-label") == len(layers.municipal.municipalities) + 2
    assert "Town NL1112" in html and "Town DE1114" in html
    assert "map.getZoom() < 9" in html  # names only from zoom 9 on
    # Escaped in the tooltip and the label (folium writes "&" as \u0026 in its JSON).
    assert XSS not in html
    assert html.count("\\u0026lt;img src=x onerror=alert(1)\\u0026gt;") == 2


def test_without_municipalities_the_layer_draws_nothing(synthetic_layers):
    html = maps.build_region_map(synthetic_layers, basemap="none",
                                 visible=("euregios", "municipalities")).get_root().render()
    assert "gros-municipality" not in html
    assert isinstance(synthetic_layers.euregios["status"], pd.Series)
