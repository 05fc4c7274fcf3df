"""PNG pictures drawn with headless Chromium."""

from __future__ import annotations

from datetime import date

import pytest

from gros import map_export, png
from gros.chromium import find_chromium
from gros.view import view_from_query


def test_png_has_the_requested_size_and_is_not_blank(mirror_layers, export_catalogue,
                                                     tmp_path):
    if find_chromium() is None:
        pytest.skip("no Chromium installed (apt-get install chromium); CI installs it")
    from PIL import Image, ImageStat

    view, _ = view_from_query({"theme": "transport", "basemap": "none"})
    page = map_export.standalone_html(mirror_layers, export_catalogue, map_export.MapExport(
        "Rail links", view, date(2026, 11, 22)))
    out = png.render_png(page, tmp_path / "map.png", width=1024, height=640)
    with Image.open(out) as picture:
        assert picture.size == (1024, 640)
        spread = ImageStat.Stat(picture.convert("L")).stddev[0]
    assert spread > 10  # a blank or single-colour picture has none


def test_png_without_chromium_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("GROS_CHROMIUM", str(tmp_path / "no-such-browser"))
    with pytest.raises(png.ChromiumMissing, match="apt-get install chromium"):
        png.render_png("<html></html>", tmp_path / "x.png")
