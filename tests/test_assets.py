"""Leaflet served by the app: no map needs a CDN."""

import re

import folium
import folium.plugins
import pytest

from gros import assets

CDN = re.compile(r"cdn\.jsdelivr|cdnjs\.cloudflare|code\.jquery|unpkg\.com|bootstrapcdn")


def test_install_static_copies_every_served_file(tmp_path):
    vendor = assets.install_static(tmp_path)
    for asset in (*assets.JS_ASSETS.values(), *assets.CSS_ASSETS.values()):
        source = assets.Path(asset.package_dir) / asset.filename
        assert (vendor / asset.target).read_bytes() == source.read_bytes(), asset.target
    assert (vendor / "leaflet" / "images" / "marker-icon.png").exists()


def test_local_assets_replace_every_cdn_link():
    m = folium.Map(tiles=None)
    folium.plugins.MarkerCluster().add_to(m)
    html = assets.use_local_assets(m, "/static/vendor").get_root().render()
    assert not CDN.search(html)
    assert re.search(r'<script src="/static/vendor/leaflet/leaflet\.js\?v=\w+"></script>', html)
    assert "/static/vendor/markercluster/leaflet.markercluster.js" in html


def test_a_plugin_without_a_local_copy_is_refused():
    m = folium.Map(tiles=None)
    folium.plugins.Fullscreen().add_to(m)
    with pytest.raises(assets.MissingAsset, match="Fullscreen"):
        assets.use_local_assets(m)


def test_inlined_html_links_to_nothing():
    m = assets.use_local_assets(folium.Map(tiles=None), "/static/vendor")
    html = assets.inline_assets(m.get_root().render(), "/static/vendor")
    assert "<script src=" not in html
    assert '<link rel="stylesheet"' not in html
    assert "L.Map" in html or "Leaflet" in html
    assert "data:image/png;base64," in html
