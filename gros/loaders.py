"""Loading the dashboard's data from its settings: region layers, store, catalogue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import geopandas as gpd

from gros import gisco, lau, outline_cache, regions
from gros.layers import RegionLayers, build_region_layers, regions_touched, with_municipal_outlines
from gros.projects import Project, projects_frame
from gros.seed import read_seed_projects
from gros.settings import Settings
from gros.store import ProjectStore, StoredProject


def members_table(settings: Settings) -> Path:
    """The membership table by municipality the settings name (GROS_MEMBERS_CSV)."""
    return Path(settings.members_csv) if settings.members_csv else regions.MUNICIPAL_MEMBERS_CSV


def load_region_layers(settings: Settings, progress: gisco.Progress | None = None,
                       strict: bool = True) -> RegionLayers:
    """Boundaries (cached or downloaded) combined with the curated region tables.

    The Euregios are drawn from their member municipalities when these are cached
    (the outlines built once, :mod:`gros.outline_cache`; nothing is downloaded here),
    else from the NUTS-3 table. A membership table that names members the boundaries
    lack raises, unless not ``strict``: then the NUTS-3 outlines are drawn and
    ``outline_problem`` says why.

    Raises
    ------
    gisco.BoundariesUnavailable, regions.CuratedDataError, regions.UnknownNutsCodes,
    outline_cache.MembersUnresolved
    """
    boundaries = gisco.load(gisco.NutsSource.from_settings(settings), progress)
    layers = build_region_layers(
        boundaries,
        regions.read_euregios(),
        regions.read_memberships(),
        regions.read_border_provinces(),
        settings.simplify_tolerance_m,
        status=regions.read_euregio_status(),
    )
    try:
        found = outline_cache.municipal_outlines(lau.LauSource.from_settings(settings), layers,
                                                 members_table(settings))
    except outline_cache.MembersUnresolved as exc:
        if strict:
            raise
        return replace(layers, outline_problem=str(exc))
    if found is None:
        return layers
    outlines, cut = found
    return with_municipal_outlines(layers, outlines, cut)


def open_store(settings: Settings) -> ProjectStore:
    """The configured store, seeded from ``geodata/`` on first use."""
    store = ProjectStore.from_settings(settings)
    store.ensure_seeded(read_seed_projects())
    return store


def with_regions(frame: gpd.GeoDataFrame, layers: RegionLayers | None) -> gpd.GeoDataFrame:
    """``frame`` with the Euregios and border provinces each project touches; without
    region layers (boundaries unavailable) the two columns hold empty lists."""
    if layers is None or frame.empty:
        frame["euregios"] = [[] for _ in range(len(frame))]
        frame["border_provinces"] = [[] for _ in range(len(frame))]
        return frame
    touched = regions_touched(layers, frame.geometry)
    frame["euregios"] = touched["euregios"].to_numpy()
    frame["border_provinces"] = touched["border_provinces"].to_numpy()
    return frame


def catalogue_frame(stored: Sequence[StoredProject], layers: RegionLayers | None
                    ) -> gpd.GeoDataFrame:
    """Stored projects as a frame, with their versions and the regions each touches."""
    frame = projects_frame(s.project for s in stored)
    frame["version"] = [s.version for s in stored]
    frame["updated_at"] = [s.updated_at for s in stored]
    return with_regions(frame, layers)


def preview_frame(projects: Sequence[Project], layers: RegionLayers | None
                  ) -> gpd.GeoDataFrame:
    """Projects not stored yet (an import's accepted rows) as the catalogue shows them."""
    return with_regions(projects_frame(projects), layers)


def project_catalogue(store: ProjectStore, layers: RegionLayers | None) -> gpd.GeoDataFrame:
    """Every project in ``store`` as :func:`catalogue_frame` makes it."""
    return catalogue_frame(store.all(), layers)
