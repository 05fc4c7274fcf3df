"""The map page's live map as a plan: what the browser needs, without Streamlit.

A filter change must not rebuild the map. So the plan keeps apart what changes rarely
from what a rerun sends: the base map (boundaries, legend, the project layer's code),
identified by :class:`BaseMap` and rendered once per view settings; the whole
catalogue's project data (:func:`project_data`), published once as a file that the
browser fetches and keeps; and, per rerun, which projects to show, a bitmap of a few
kilobytes instead of every project's coordinates. The page (``pages/_ui/live_map.py``)
caches and renders the plan; the benchmark measures the same function.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import folium
import geopandas as gpd

from gros import assets, maps
from gros.catalogue import ShownProjects
from gros.choropleth import StatisticsChoice, statistics_layer
from gros.extent import Extent
from gros.indicators import Statistics
from gros.layers import RegionLayers
from gros.map_fit import fit_script

PROJECT_LAYER = "projects"


@dataclass(frozen=True)
class DataFile:
    """The project data the browser fetches once: a file name stem and the file's text."""

    stem: str
    text: str


def project_data(prepared: maps.PreparedProjects, language: str) -> DataFile:
    """The whole catalogue's project layer data in ``language``, as one file."""
    return DataFile(f"projects-{language}", prepared.data())


BASE_MAP_FUNCTION = "grosBaseMap"
BASE_MAP_STEM = "basemap"
KEPT_BASE_MAPS = 96
"""Base map files kept in the static folder: more than the page's cache of rendered base
maps holds (32 per process), so no cached base map points at a removed file."""


def base_map_file(script: str, map_name: str = "map_div") -> tuple[str, str]:
    """The base map's script (boundaries, legend, the project layer's code: about 140 KB)
    as the text of a file the browser loads once with the map's other scripts, and the
    line that each rerun hands streamlit-folium's component instead, which makes the map.

    The component sends its whole script on every rerun; from a file it is sent once.
    The file defines a function, so the map is made where the script was run before:
    after the component has put in the page's styles."""
    text = (f"window.{BASE_MAP_FUNCTION} = function () {{\n{script}\n"
            f"return {map_name};\n}};\n")
    return text, f"var {map_name} = window.{BASE_MAP_FUNCTION}();\n"


def data_url(target: str) -> str:
    """Where the map fetches a published file (``target`` relative to the static folder,
    as :func:`gros.assets.publish_data` returns it)."""
    return f"{assets.STREAMLIT_STATIC_BASE}/{target}"


@dataclass(frozen=True)
class BaseMap:
    """What identifies a base map: it is built and rendered once for each of these."""

    basemap: str
    language: str
    visible: tuple[str, ...]
    projects_url: str | None
    agenda_themes: tuple[str, ...] = ()
    """The themes of the obstacles drawn; () for all, and always () without that layer,
    so that a theme change rebuilds the base map only when it shows obstacles."""
    statistics: StatisticsChoice | None = None

    def build(self, layers: RegionLayers, stats: Statistics | None = None) -> folium.Map:
        """The base map: no project in it, the project layer's code fetching the data;
        the statistics layer when one is chosen and ``stats`` are there."""
        overlay = (statistics_layer(layers, stats, self.statistics, self.language)
                   if self.statistics is not None and stats is not None else ())
        return maps.build_region_map(layers, basemap=self.basemap, language=self.language,
                                     visible=self.visible, projects_url=self.projects_url,
                                     agenda_themes=self.agenda_themes, statistics=overlay)


@dataclass(frozen=True)
class LiveMapPlan:
    """The live map of one run: its base map, and the script that shows the projects
    and fits the map to the filter (None when there is neither)."""

    base: BaseMap
    selection: str | None


def shows_projects(visible: Sequence[str]) -> bool:
    """Whether the layer set has the project layer, which needs the project data."""
    return PROJECT_LAYER in visible


def plan_live_map(shown: gpd.GeoDataFrame | ShownProjects, prepared: maps.PreparedProjects | None,
                  language: str, basemap: str, visible: Sequence[str],
                  projects_url: str | None, themes: tuple[str, ...] = (),
                  extent: Extent | None = None,
                  statistics: StatisticsChoice | None = None) -> LiveMapPlan:
    """The live map showing the projects of ``shown`` (rows of the catalogue), and the
    obstacles of ``themes`` where that layer is visible; fitted to ``extent`` (see
    :func:`gros.extent.filter_extent`) when it is given: the map moves when the extent
    changes, and stays where people move it until then.

    ``prepared`` (the catalogue's project layer) and ``projects_url`` (where its
    :func:`project_data` is published) are needed only when :func:`shows_projects`;
    ``statistics`` is the statistics layer's choice (None: off, the default). It is part
    of the base map, so a theme change re-sends only the selection, with or without it.

    Raises
    ------
    ValueError
        If the project layer is visible but ``prepared`` or ``projects_url`` is missing.
    """
    layers = tuple(visible)
    fit = fit_script(extent) if extent is not None else ""
    agenda_themes = tuple(themes) if "obstacles" in layers else ()
    if not shows_projects(layers):
        return LiveMapPlan(BaseMap(basemap, language, layers, None, agenda_themes, statistics),
                           fit or None)
    if prepared is None or projects_url is None:
        given = "prepared projects" if prepared is not None else "no prepared projects"
        raise ValueError(f"the layers {layers!r} include {PROJECT_LAYER!r}, which needs the "
                         f"prepared projects and their data URL; got {given} and "
                         f"projects_url={projects_url!r}")
    return LiveMapPlan(BaseMap(basemap, language, layers, projects_url, agenda_themes,
                               statistics),
                       maps.project_selection_script(prepared, shown) + fit)
