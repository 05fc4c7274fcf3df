"""The map page's cached component arguments match what streamlit-folium itself sends."""

from __future__ import annotations

from typing import Any

import pytest
import streamlit_folium

from gros import maps
from pages._ui import live_map

RETURNED = ["last_object_clicked_tooltip", "last_object_clicked"]


@pytest.fixture
def sent(monkeypatch) -> dict[str, Any]:
    """What st_folium hands its component, kept instead of sent."""
    kept: dict[str, Any] = {}
    monkeypatch.setattr(streamlit_folium, "_component_func",
                        lambda **kwargs: kept.update(kwargs))
    return kept


def test_the_cached_base_map_is_what_st_folium_would_send(synthetic_layers, sent):
    url = "../../app/static/data/projects-nl-0123.json"
    streamlit_folium.st_folium(
        maps.build_region_map(synthetic_layers, basemap="none", projects_url=url),
        height=640, use_container_width=True, returned_objects=RETURNED, key="project_map")
    ours = live_map.component_arguments(
        maps.build_region_map(synthetic_layers, basemap="none", projects_url=url))
    for name in ("script", "header", "html", "id", "js_links", "css_links"):
        assert ours[name] == sent[name], name
    assert url in ours["script"]
    call = live_map.component_call(ours, "GrosProjects.show(map_div, null);", "project_map",
                                    640, RETURNED)
    # The same arguments as st_folium's call (whose on_change callback the page needs not).
    assert set(call) == set(sent) - {"on_change"}
    for name in ("height", "width", "returned_objects", "default", "zoom", "center",
                 "return_on_hover", "layer_control", "pixelated", "wrap_longitude"):
        assert call[name] == sent[name], name
    # The component compares its value with the default as JSON text: same order too.
    assert list(call["default"]) == list(sent["default"])
    assert call["feature_group"] == "GrosProjects.show(map_div, null);"
