"""Loading the dashboard's data from its settings, in one call per dataset."""

from __future__ import annotations

from gros import gisco, regions
from gros.layers import RegionLayers, build_region_layers
from gros.settings import Settings


def load_region_layers(settings: Settings, progress: gisco.Progress | None = None) -> RegionLayers:
    """Boundaries (cached or downloaded) combined with the curated region tables.

    Raises
    ------
    gisco.BoundariesUnavailable, regions.CuratedDataError, regions.UnknownNutsCodes
    """
    boundaries = gisco.load(gisco.NutsSource.from_settings(settings), progress)
    return build_region_layers(
        boundaries,
        regions.read_euregios(),
        regions.read_memberships(),
        regions.read_border_provinces(),
        settings.simplify_tolerance_m,
    )
