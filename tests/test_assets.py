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
        assert (vendor / asset.target).read_bytes() == asset.content(), asset.target
    assert (vendor / "leaflet" / "images" / "marker-icon.png").exists()


def test_the_project_layer_is_one_file_of_its_scripts_in_the_order_they_need_each_other():
    layer = assets.JS_ASSETS["grosprojectlayer"]
    names = [path.name for path in layer.sources]
    assert names == ["kdbush.min.js", "clusters.js", "shapes.js", "projects.js"]
    served = layer.content().decode("utf-8")
    starts = [served.index(path.read_text(encoding="utf-8").strip()[:200])
              for path in layer.sources]
    assert starts == sorted(starts) and starts[0] == 0


def test_a_changed_file_is_served_anew_even_at_the_same_size(tmp_path):
    vendor = assets.install_static(tmp_path)
    served = vendor / assets.JS_ASSETS["grosflat"].target
    wanted = served.read_bytes()
    served.write_bytes(bytes(len(wanted)))  # an older version of the same size
    assets.install_static(tmp_path)
    assert served.read_bytes() == wanted
    assert not list(served.parent.glob(".*"))  # no partial file left behind


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


def test_published_data_is_named_by_its_content_and_written_whole(tmp_path):
    first = assets.publish_data(tmp_path, '{"a": 1}', "projects-en")
    again = assets.publish_data(tmp_path, '{"a": 1}', "projects-en")
    other = assets.publish_data(tmp_path, '{"a": 2}', "projects-en")
    assert first == again != other
    assert first.startswith("data/projects-en-") and first.endswith(".json")
    assert (tmp_path / first).read_text(encoding="utf-8") == '{"a": 1}'
    assert not list((tmp_path / "data").glob(".*"))  # no partial file left behind


def test_only_the_newest_data_files_are_kept(tmp_path):
    import os

    names = []
    for number in range(assets.KEPT_DATA_FILES + 3):
        names.append(assets.publish_data(tmp_path, f'{{"n": {number}}}', "projects-nl"))
        # Older files look older, whatever the file system's clock resolution.
        os.utime(tmp_path / names[-1], (number, number))
    german = assets.publish_data(tmp_path, "{}", "projects-de")
    kept = sorted(path.name for path in (tmp_path / "data").glob("projects-nl-*.json"))
    assert len(kept) == assets.KEPT_DATA_FILES
    assert (tmp_path / names[-1]).exists() and not (tmp_path / names[0]).exists()
    assert (tmp_path / german).exists()  # another stem is not touched
