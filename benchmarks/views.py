"""What each implementation does on a run, server side: the dashboard's live map, the
floor's count and the baseline's whole map, and what each keeps cached between runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import folium
import geopandas as gpd

from benchmarks import LANGUAGE
from benchmarks.baseline import BASELINE_ST_FOLIUM_KWARGS, baseline_map
from benchmarks.floor import FloorCounts, count_script, floor_map
from gros import assets, live_map, maps
from gros.catalogue import Catalogue, ShownProjects
from gros.extent import filter_extent
from gros.filters import ProjectFilter, apply_filter
from gros.layers import RegionLayers

# The theme chosen for each filter measurement; each keeps about a ninth of the projects.
FILTER_THEMES = ("health", "education", "culture", "transport", "labour")


def theme_filter(theme: str | None) -> ProjectFilter:
    """The filter one chosen theme makes (None: the default view)."""
    return ProjectFilter(themes=(theme,) if theme else ())


# Where the benchmark's base map says the project data is: a file the app would serve.
PROJECTS_URL = live_map.data_url(f"{assets.DATA_DIR}/projects-{LANGUAGE}-bench.json")


@dataclass
class Renderers:
    """How a map becomes what the browser receives; the worker supplies them, since
    they need streamlit_folium, which imports Streamlit.

    ``st_folium(map, overlay, kwargs)`` renders as st_folium does (the baseline);
    ``component(map)`` renders once as the dashboard's live map does
    (``pages/_ui/folium_component.component_arguments``). Both return the strings handed over.
    """

    st_folium: Callable[[folium.Map, Any, dict[str, Any]], dict[str, str]]
    component: Callable[[folium.Map], dict[str, Any]]


def gros_cached(frame: gpd.GeoDataFrame) -> dict[str, Any]:
    """What the dashboard computes once per catalogue and keeps in its cache: the
    catalogue with its index of memberships and the projects' bounds, the prepared
    project layer and the data file the browser fetches once."""
    catalogue = Catalogue(frame, revision=0)
    _ = (catalogue.membership, catalogue.bounds)  # made once per catalogue, as the page's
    prepared = catalogue.prepared(LANGUAGE)
    return {"catalogue": catalogue, "prepared": prepared,
            "data": live_map.project_data(prepared, LANGUAGE).text}


def gros_view(layers: RegionLayers, frame: gpd.GeoDataFrame, theme: str | None,
              cached: dict[str, Any], renderers: Renderers, fresh: bool) -> dict[str, str]:
    """What the map page does on a run with a filter it has not kept: select the
    projects as :meth:`gros.catalogue.Catalogue.on_map` does, find the filter's extent
    and plan the live map (:func:`gros.live_map.plan_live_map`, the page's own
    function). The base map is built and rendered when ``fresh`` (a new view setting),
    else it comes from the cache.
    """
    catalogue, wanted = cached["catalogue"], theme_filter(theme)
    shown = ShownProjects(catalogue, catalogue.mask(wanted))
    plan = live_map.plan_live_map(shown, cached["prepared"], LANGUAGE, "none", maps.LAYERS,
                                  PROJECTS_URL, extent=filter_extent(shown, layers, wanted))
    if fresh or "base" not in cached:
        cached["base"] = renderers.component(plan.base.build(layers))
    base = cached["base"]
    # The page's own step: the base map's script goes to a file, a rerun sends a line.
    base_map_file, loader = live_map.base_map_file(base["script"], base["id"])
    return {"script": loader, "header": base["header"], "html": base["html"],
            "feature_group": plan.selection,
            # Fetched once per browser, then kept: part of the first view only.
            "base_map_file": base_map_file, "projects_data": cached["data"]}


def baseline_view(layers: RegionLayers, frame: gpd.GeoDataFrame, theme: str | None,
                  cached: None, renderers: Renderers, fresh: bool) -> dict[str, str]:
    """What the baseline app does on every run: build the whole map, projects included,
    and render it with st_folium."""
    m = baseline_map(layers, apply_filter(frame, theme_filter(theme)))
    return renderers.st_folium(m, None, BASELINE_ST_FOLIUM_KWARGS)


def floor_view(layers: RegionLayers, frame: gpd.GeoDataFrame, theme: str | None,
               cached: dict[str, Any], renderers: Renderers, fresh: bool) -> dict[str, str]:
    """What the floor app does on a run: count the chosen projects and hand the map,
    rendered once (again when ``fresh``), that count."""
    shown = cached["counts"].count((theme,) if theme else ())
    if fresh or "base" not in cached:
        cached["base"] = renderers.component(floor_map(layers))
    base = cached["base"]
    return {"script": base["script"], "header": base["header"], "html": base["html"],
            "feature_group": count_script(shown)}


VIEWS: dict[str, Callable[..., dict[str, str]]] = {
    "gros": gros_view, "floor": floor_view, "baseline": baseline_view,
}
# What each app computes once per data change and keeps cached (besides the frame).
CACHED: dict[str, Callable[[gpd.GeoDataFrame], Any]] = {
    "gros": gros_cached, "floor": lambda frame: {"counts": FloorCounts.of(frame)},
    "baseline": lambda _frame: None,
}
# What each app keeps in st.cache_data, which hands every rerun an unpickled copy: the
# dashboard only its region layers (catalogue and prepared layer are st.cache_resource,
# shared read-only), the floor nothing, the baseline its layers and projects, as a first
# app does.
COPIED_PER_RERUN: dict[str, Callable[[RegionLayers, gpd.GeoDataFrame], Any]] = {
    "gros": lambda layers, _frame: layers,
    "floor": lambda _layers, _frame: None,
    "baseline": lambda layers, frame: (layers, frame),
}
