"""streamlit-folium's component fed directly: a map rendered once, a selection per rerun.

``st_folium`` renders its map on every call, which the live map must not do. The
steps it takes (its own helpers, some of them private) are therefore repeated here,
once per map, and the component is called with the cached result. This is the only
module that uses streamlit-folium's private names; ``requirements.txt`` bounds its
version to the releases these steps were checked against (tests/test_folium_component.py
compares them with what ``st_folium`` sends).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import folium
import streamlit_folium
from folium.elements import JSCSSMixin
from streamlit_folium import (
    _get_header,
    _get_html,
    _get_map_string,
    generate_js_hash,
    get_full_id,
)

from gros import assets
from gros.live_map import base_map_file

# What the component can return, in the order it builds its value (streamlit-folium's
# updateComponentValue).
RETURNABLE = ("last_clicked", "last_object_clicked", "last_object_clicked_count",
              "last_object_clicked_tooltip", "last_object_clicked_popup", "all_drawings",
              "last_active_drawing", "last_geocoder_result", "bounds", "zoom",
              "last_circle_radius", "last_circle_polygon", "center", "selected_layers",
              "selected_tags")


def component_arguments(m: folium.Map) -> dict[str, Any]:
    """What ``st_folium`` hands its component for ``m``, computed once.

    The same steps as ``streamlit_folium.st_folium`` (its own helpers), without the
    component call, so the result can be cached and reused on every rerun.
    """
    m.get_root().render()
    m.render()
    html, header = _get_html(m), _get_header(m)
    script = _get_map_string(m)
    js_links: list[str] = []
    css_links: list[str] = []
    for element in assets.elements(m):
        if isinstance(element, JSCSSMixin):
            js_links += [url for _, url in element.default_js]
            css_links += [url for _, url in element.default_css]
    (lat_min, lon_min), (lat_max, lon_max) = m.get_bounds()
    return {
        "script": script, "html": html, "header": header, "id": get_full_id(m),
        "js_links": list(dict.fromkeys(js_links)), "css_links": list(dict.fromkeys(css_links)),
        "bounds": {"_southWest": {"lat": lat_min, "lng": lon_min},
                   "_northEast": {"lat": lat_max, "lng": lon_max}},
        "zoom": m.options.get("zoom"),
        "hash": generate_js_hash(script, None, False),
    }


def with_script_file(base: dict[str, Any], publish: Callable[[str], str]) -> dict[str, Any]:
    """``base`` with its script moved to a file (:func:`gros.live_map.base_map_file`):
    ``publish(text)`` writes the file and returns its URL, which joins the scripts the
    component loads. The key stays that of the script, so another base map still mounts
    a fresh map."""
    text, loader = base_map_file(base["script"], base["id"])
    return {**base, "script": loader, "js_links": [*base["js_links"], publish(text)]}


def component_call(base: dict[str, Any], selection: str | None, key: str, height: int,
                   returned_objects: Iterable[str]) -> dict[str, Any]:
    """The keyword arguments for streamlit-folium's component, as st_folium makes
    them (with ``use_container_width``), from a cached base map and a selection."""
    returned = list(returned_objects)
    # In the order the component builds its own value: it compares the two as JSON
    # text, and another order would look like a change and rerun the script.
    known = {name: None for name in RETURNABLE} | {"bounds": base["bounds"],
                                                   "zoom": base["zoom"]}
    defaults = {name: value for name, value in known.items() if name in returned}
    # streamlit-folium keys its component by the map's script, so a new base map
    # (another basemap, language or layer set) mounts a fresh map, as st_folium does.
    return {
        "script": base["script"], "header": base["header"], "html": base["html"],
        "id": base["id"], "key": f"{key}-{base['hash']}", "height": height, "width": None,
        "returned_objects": returned, "default": defaults, "zoom": None, "center": None,
        "feature_group": selection, "return_on_hover": False, "layer_control": None,
        "pixelated": False, "css_links": base["css_links"], "js_links": base["js_links"],
        "wrap_longitude": False,
    }


def show(base: dict[str, Any], selection: str | None, key: str, height: int,
         returned_objects: Iterable[str]) -> dict[str, Any] | None:
    """Draw a cached base map with ``selection``; what the user clicked, or None."""
    # Looked up on every call, so that :func:`captured` can stand in for it.
    return streamlit_folium._component_func(
        **component_call(base, selection, key, height, returned_objects))


@contextmanager
def captured() -> Iterator[dict[str, Any]]:
    """Within the block, the component keeps the arguments of its last call (in the
    dict yielded) instead of sending them, and returns their default: what the tests
    and the benchmark compare and measure."""
    sent: dict[str, Any] = {}

    def keep(**kwargs: Any) -> Any:
        sent.clear()
        sent.update(kwargs)
        return kwargs.get("default")

    original = streamlit_folium._component_func
    streamlit_folium._component_func = keep
    try:
        yield sent
    finally:
        streamlit_folium._component_func = original
