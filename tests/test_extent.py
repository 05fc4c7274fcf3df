"""Which part of the map a filter is about (gros.extent), and the script that fits the
live map to it (gros.map_fit), on the synthetic layers."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from gros import maps
from gros.extent import filter_extent, region_bounds
from gros.filters import ProjectFilter
from gros.live_map import plan_live_map
from gros.map_fit import fit_script


@pytest.fixture
def shown() -> gpd.GeoDataFrame:
    """Two projects 0.2° apart, as the catalogue has them (the columns the map reads)."""
    rows = [{"id": f"p{n}", "title": f"P{n}", "title_en": "", "main_theme": "health",
             "status": "ongoing", "precision": "exact",
             "geometry_type": "point", "geometry": shapely.Point(5.9 + n * 0.2, 50.9)}
            for n in range(2)]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def _inside(inner, outer) -> bool:
    return (outer[0] <= inner[0] and outer[1] <= inner[1]
            and inner[2] <= outer[2] and inner[3] <= outer[3])


def test_a_chosen_euregio_is_the_extent(synthetic_layers, shown):
    wanted = ProjectFilter(euregios=("euregio",))
    euregio = synthetic_layers.euregios_display.set_index("id").loc["euregio"].geometry.bounds
    extent = filter_extent(shown, synthetic_layers, wanted)
    assert _inside(euregio, extent)
    everything = filter_extent(shown, synthetic_layers, ProjectFilter())
    assert extent != everything and _inside(extent, everything)


def test_a_country_stands_for_its_border_provinces(synthetic_layers):
    provinces = synthetic_layers.border_provinces_display
    german = provinces[provinces["country"] == "DE"].total_bounds
    assert region_bounds(synthetic_layers, ProjectFilter(countries=("DE",))) == tuple(german)
    assert region_bounds(synthetic_layers, ProjectFilter(themes=("health",))) is None


def test_a_filter_that_only_narrows_the_projects_fits_them(synthetic_layers, shown):
    extent = filter_extent(shown, synthetic_layers, ProjectFilter(themes=("health",)))
    lon_min, lat_min, lon_max, lat_max = extent
    assert lon_min < 5.9 and lon_max > 6.1 and lon_max - lon_min < 0.3
    # Both projects lie on one parallel: the extent still has some height.
    assert lat_max - lat_min >= 0.04


def test_the_live_map_fits_once_per_extent_and_without_the_project_layer_too(
        synthetic_layers, shown):
    extent = (5.0, 50.0, 7.0, 52.0)
    assert fit_script(extent) == "grosFit(map_div, [[50.0, 5.0], [52.0, 7.0]]);\n"
    prepared = maps.prepare_projects(shown, "en")
    plan = plan_live_map(shown, prepared, "en", "none", maps.LAYERS, "x.json", extent=extent)
    assert plan.selection.startswith("GrosProjects.show(map_div, ")
    assert plan.selection.endswith(fit_script(extent))
    bare = plan_live_map(shown, None, "en", "none", ("countries",), None, extent=extent)
    assert bare.selection == fit_script(extent)
    rendered = plan.base.build(synthetic_layers).get_root().render()
    # The base map defines grosFit; it remembers the extent it fitted and leaves a map
    # someone moved alone until another extent comes.
    assert "window.grosFit = function (map, bounds)" in rendered
    assert "map.grosFitted === key" in rendered and "grosTouched" in rendered
