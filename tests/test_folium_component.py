"""The map page's cached component arguments match what streamlit-folium itself sends,
and only pages/_ui/folium_component.py uses streamlit-folium's private names."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import streamlit_folium

from gros import maps
from pages._ui import folium_component
from tests.conftest import REPO

RETURNED = ["last_object_clicked_tooltip", "last_object_clicked"]
# What streamlit-folium exports for apps; anything else of it is its own business.
PUBLIC = {"st_folium", "folium_static"}
OWNER = REPO / "pages" / "_ui" / "folium_component.py"


@pytest.fixture
def sent() -> Iterator[dict[str, Any]]:
    """What st_folium hands its component, kept instead of sent."""
    with folium_component.captured() as kept:
        yield kept


def test_the_cached_base_map_is_what_st_folium_would_send(synthetic_layers, sent):
    url = "../../app/static/data/projects-nl-0123.json"
    streamlit_folium.st_folium(
        maps.build_region_map(synthetic_layers, basemap="none", projects_url=url),
        height=640, use_container_width=True, returned_objects=RETURNED, key="project_map")
    ours = folium_component.component_arguments(
        maps.build_region_map(synthetic_layers, basemap="none", projects_url=url))
    for name in ("script", "header", "html", "id", "js_links", "css_links"):
        assert ours[name] == sent[name], name
    assert url in ours["script"]
    call = folium_component.component_call(ours, "GrosProjects.show(map_div, null);",
                                            "project_map", 640, RETURNED)
    # The same arguments as st_folium's call (whose on_change callback the page needs not).
    assert set(call) == set(sent) - {"on_change"}
    for name in ("height", "width", "returned_objects", "default", "zoom", "center",
                 "return_on_hover", "layer_control", "pixelated", "wrap_longitude"):
        assert call[name] == sent[name], name
    # The component compares its value with the default as JSON text: same order too.
    assert list(call["default"]) == list(sent["default"])
    assert call["feature_group"] == "GrosProjects.show(map_div, null);"


def test_show_calls_the_component_with_those_arguments(synthetic_layers, sent):
    base = folium_component.component_arguments(
        maps.build_region_map(synthetic_layers, basemap="none"))
    returned = folium_component.show(base, None, "project_map", 640, RETURNED)
    assert sent == folium_component.component_call(base, None, "project_map", 640, RETURNED)
    assert returned == sent["default"]


def _private_uses(tree: ast.AST) -> list[str]:
    """What a module takes of streamlit-folium besides its public names."""
    aliases = {"streamlit_folium"}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            aliases |= {name.asname or name.name for name in node.names
                        if name.name.startswith("streamlit_folium")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "streamlit_folium"):
            found += [name.name for name in node.names if name.name not in PUBLIC]
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id in aliases and node.attr not in PUBLIC):
            found.append(f"{node.value.id}.{node.attr}")
        # setattr/getattr by name, e.g. monkeypatch.setattr(streamlit_folium, "_component_func")
        elif (isinstance(node, ast.Call) and any(
                isinstance(arg, ast.Name) and arg.id in aliases for arg in node.args)):
            found += [arg.value for arg in node.args
                      if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
    return found


def _python_files() -> Iterator[Path]:
    for path in sorted(REPO.rglob("*.py")):
        parts = path.relative_to(REPO).parts
        if not any(part.startswith(".") or part in ("static", "test-output")
                   for part in parts):
            yield path


def test_only_one_module_uses_streamlit_folium_private_names():
    uses = {str(path.relative_to(REPO)): found for path in _python_files()
            if (found := _private_uses(ast.parse(path.read_text(), str(path))))}
    assert set(uses) == {"pages/_ui/folium_component.py"}, uses


def test_the_base_map_script_goes_to_a_file_loaded_after_the_other_scripts(synthetic_layers):
    ours = folium_component.component_arguments(
        maps.build_region_map(synthetic_layers, basemap="none"))
    published = []
    moved = folium_component.with_script_file(
        ours, lambda text: published.append(text) or "../../app/static/data/basemap-1.js")
    # The file makes the map when the line sent with each rerun calls it.
    assert published == [f"window.grosBaseMap = function () {{\n{ours['script']}\n"
                         "return map_div;\n};\n"]
    assert moved["script"] == "var map_div = window.grosBaseMap();\n"
    assert moved["js_links"] == [*ours["js_links"], "../../app/static/data/basemap-1.js"]
    # Keyed by the map's own script: another base map still mounts a new map.
    assert moved["hash"] == ours["hash"] and moved["header"] == ours["header"]
