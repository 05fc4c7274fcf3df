"""The projects as the dashboard shows them: from the store, with their regions joined."""

from __future__ import annotations

import geopandas as gpd

from gros.layers import RegionLayers, regions_touched
from gros.projects import projects_frame
from gros.seed import read_seed_projects
from gros.settings import Settings
from gros.store import ProjectStore


def open_store(settings: Settings) -> ProjectStore:
    """The configured store, seeded from ``geodata/`` on first use."""
    store = ProjectStore.from_settings(settings)
    store.ensure_seeded(read_seed_projects())
    return store


def project_catalogue(store: ProjectStore, layers: RegionLayers | None) -> gpd.GeoDataFrame:
    """Every stored project as a frame, with the Euregios and border provinces it touches.

    Without region layers (boundaries unavailable) the two derived columns hold
    empty lists.
    """
    stored = store.all()
    frame = projects_frame(s.project for s in stored)
    frame["version"] = [s.version for s in stored]
    frame["updated_at"] = [s.updated_at for s in stored]
    if layers is None or frame.empty:
        frame["euregios"] = [[] for _ in range(len(frame))]
        frame["border_provinces"] = [[] for _ in range(len(frame))]
        return frame
    touched = regions_touched(layers, frame.geometry)
    frame["euregios"] = touched["euregios"].to_numpy()
    frame["border_provinces"] = touched["border_provinces"].to_numpy()
    return frame
