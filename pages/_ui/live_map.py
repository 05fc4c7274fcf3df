"""The dashboard's live map: the plan of :mod:`gros.live_map`, cached and rendered.

The base map is rendered once per view settings and the project data published once
per catalogue change; a rerun then hands streamlit-folium's component only the plan's
selection.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import streamlit as st

from gros import assets, maps
from gros.catalogue import Catalogue, ShownProjects
from gros.choropleth import StatisticsChoice
from gros.extent import filter_extent
from gros.filters import ProjectFilter
from gros.indicators import Statistics
from gros.layers import RegionLayers
from gros.live_map import (
    BASE_MAP_STEM,
    KEPT_BASE_MAPS,
    BaseMap,
    data_url,
    plan_live_map,
    project_data,
    shows_projects,
)
from pages._ui import cached, folium_component


@st.cache_resource(show_spinner=False, max_entries=16)
def _published(_prepared: maps.PreparedProjects, revision: int, layers_key: tuple,
               lang: str) -> str:
    data = project_data(_prepared, lang)
    return assets.publish_data(cached.STATIC_DIR, data.text, data.stem)


def projects_url(layers: RegionLayers | None, catalogue: Catalogue, lang: str) -> str:
    """Where the browser fetches the whole catalogue's project layer data."""
    target = _published(catalogue.prepared(lang), catalogue.revision,
                        cached.layers_key(layers), lang)
    return data_url(target)


@st.cache_resource(show_spinner=False, max_entries=32)
def _base_map(_layers: RegionLayers, layers_key: tuple, base: BaseMap,
              _stats: Statistics | None, stats_key: tuple) -> dict[str, Any]:
    arguments = folium_component.component_arguments(base.build(_layers, _stats))
    return folium_component.with_script_file(arguments, _publish_base_map)


def _publish_base_map(text: str) -> str:
    return data_url(assets.publish_data(cached.STATIC_DIR, text, BASE_MAP_STEM, ".js",
                                        keep=KEPT_BASE_MAPS))


def live_map(layers: RegionLayers, catalogue: Catalogue, shown: ShownProjects, lang: str,
             basemap: str, visible: tuple[str, ...], key: str, height: int,
             returned_objects: Iterable[str], themes: tuple[str, ...] = (),
             wanted: ProjectFilter | None = None, statistics: StatisticsChoice | None = None,
             stats: Statistics | None = None) -> dict[str, Any] | None:
    """The map of the map page, showing ``shown`` (a part of ``catalogue``), with the
    obstacles of ``themes`` and fitted to what ``wanted`` is about: what the user
    clicked (``returned_objects``), or None; with the statistics layer ``statistics``
    drawn from ``stats`` when both are given."""
    prepared = url = None
    if shows_projects(visible):
        prepared = catalogue.prepared(lang)
        url = projects_url(layers, catalogue, lang)
    extent = None if wanted is None else filter_extent(shown, layers, wanted)
    plan = plan_live_map(shown, prepared, lang, basemap, visible, url, themes, extent,
                         statistics if stats is not None else None)
    stats_key = tuple(table.fetched for table in stats.tables.values()) if stats else ()
    base = _base_map(layers, cached.layers_key(layers), plan.base, stats, stats_key)
    return folium_component.show(base, plan.selection, key, height, returned_objects)
