"""The region layers the dashboard draws: countries, border provinces, Euregios.

Built from the NUTS boundaries and the curated tables in ``geodata/``. Each layer
comes twice: ``full`` (the source geometry; areas and look-ups use it) and
``display`` (simplified as one coverage, coordinates rounded).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely

from gros import geometry, i18n, regions
from gros.gisco import NutsBoundaries
from gros.regions import Euregio


@dataclass(frozen=True)
class RegionLayers:
    """Countries, border provinces and Euregios, as full and display geometries."""

    nuts_year: int
    nuts_scale: str
    nuts_source: str
    nuts_fetched: str
    tolerance_m: float
    countries: gpd.GeoDataFrame
    border_provinces: gpd.GeoDataFrame
    euregios: gpd.GeoDataFrame
    memberships: pd.DataFrame
    nuts3: gpd.GeoDataFrame
    nuts3_display: gpd.GeoDataFrame
    countries_display: gpd.GeoDataFrame
    border_provinces_display: gpd.GeoDataFrame
    euregios_display: gpd.GeoDataFrame


def _euregio_table(euregios: list[Euregio], memberships: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for euregio in euregios:
        members = memberships[memberships["euregio_id"] == euregio.id]
        rows.append({
            "id": euregio.id,
            **{f"name_{lang}": euregio.names.get(lang, "") for lang in i18n.LANGUAGES},
            "name": euregio.name("en"),
            "seat": euregio.seat,
            "founded": euregio.founded,
            "website": euregio.website,
            "stated_area_km2": euregio.stated_area_km2,
            "source": euregio.source,
            "nuts3": sorted(members["nuts_id"]),
            "partial_nuts3": sorted(members.loc[members["partial"], "nuts_id"]),
            "countries": sorted(members["country"].unique()),
            "member_count": len(members),
            # Drawn from the NUTS-3 regions its members lie in until the membership table
            # lists municipalities (gros.memberships draws those: "lau").
            "outline": "nuts3",
        })
    return pd.DataFrame.from_records(rows)


def _euregio_layer(table: pd.DataFrame, memberships: pd.DataFrame,
                   level3: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    pieces = level3[["NUTS_ID", "geometry"]].merge(
        memberships[["euregio_id", "nuts_id"]], left_on="NUTS_ID", right_on="nuts_id"
    )
    shapes = geometry.dissolve_by(gpd.GeoDataFrame(pieces, crs=level3.crs), "euregio_id")
    layer = table.merge(shapes, left_on="id", right_on="euregio_id", how="left")
    return gpd.GeoDataFrame(layer.drop(columns="euregio_id"), geometry="geometry", crs=level3.crs)


def _province_display(provinces: pd.DataFrame, level3: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    # NUTS codes nest: a level-3 region belongs to every region whose code starts its own.
    shapes = []
    for nuts_id in provinces["nuts_id"]:
        inside = level3[level3["NUTS_ID"].str.startswith(nuts_id)]
        shapes.append(shapely.union_all(inside.geometry.to_numpy()))
    return gpd.GeoDataFrame(provinces.copy(), geometry=shapes, crs=level3.crs)


def build_region_layers(
    boundaries: NutsBoundaries,
    euregios: list[Euregio],
    memberships: pd.DataFrame,
    provinces: pd.DataFrame,
    tolerance_m: float,
) -> RegionLayers:
    """Build every region layer.

    Raises
    ------
    regions.UnknownNutsCodes
        A membership or province code does not exist in the boundaries' NUTS year.
    """
    nuts = boundaries.regions
    level3 = nuts[nuts["LEVL_CODE"] == 3]
    table_year = int(memberships["nuts_year"].iloc[0]) if len(memberships) else boundaries.year
    regions.check_codes(memberships["nuts_id"], table_year, set(level3["NUTS_ID"]),
                        boundaries.year)
    regions.check_codes(provinces["nuts_id"], int(provinces["nuts_year"].iloc[0]),
                        set(nuts["NUTS_ID"]), boundaries.year)

    level3_display = geometry.simplify_coverage(level3, tolerance_m)
    table = _euregio_table(euregios, memberships)

    euregio_full = _euregio_layer(table, memberships, level3)
    euregio_full["area_km2"] = geometry.area_km2(euregio_full).round(0)
    euregio_full["valid"] = [
        bool(g is not None and not g.is_empty and g.is_valid) for g in euregio_full.geometry
    ]
    euregio_display = _euregio_layer(table, memberships, level3_display)
    euregio_display["area_km2"] = euregio_full["area_km2"]

    province_full = gpd.GeoDataFrame(
        provinces.merge(nuts[["NUTS_ID", "geometry"]], left_on="nuts_id", right_on="NUTS_ID")
        .drop(columns="NUTS_ID"),
        geometry="geometry", crs=nuts.crs,
    )
    province_full["area_km2"] = geometry.area_km2(province_full).round(0)
    province_display = _province_display(provinces, level3_display)
    province_display["area_km2"] = province_full["area_km2"].to_numpy()

    level0 = nuts[nuts["LEVL_CODE"] == 0]
    countries = gpd.GeoDataFrame(
        {"country": level0["CNTR_CODE"].to_numpy(), "name": level0["NAME_LATN"].to_numpy(),
         "focus": level0["CNTR_CODE"].isin(regions.COUNTRIES).to_numpy()},
        geometry=level0.geometry.to_numpy(), crs=nuts.crs,
    )
    countries_display = geometry.dissolve_by(
        level3_display.rename(columns={"CNTR_CODE": "country"}), "country"
    ).merge(countries.drop(columns="geometry"), on="country")

    return RegionLayers(
        nuts_year=boundaries.year,
        nuts_scale=boundaries.scale,
        nuts_source=boundaries.source_url,
        nuts_fetched=boundaries.fetched,
        tolerance_m=tolerance_m,
        countries=countries,
        border_provinces=province_full,
        euregios=euregio_full,
        memberships=memberships,
        nuts3=level3,
        nuts3_display=level3_display,
        countries_display=countries_display,
        border_provinces_display=province_display,
        euregios_display=euregio_display,
    )


@dataclass(frozen=True)
class Location:
    """The regions a point lies in."""

    euregios: list[str]
    border_provinces: list[str]
    country: str | None


def locate(layers: RegionLayers, lon: float, lat: float) -> Location:
    """Which Euregio(s), border province(s) and country the WGS84 point lies in."""
    point = shapely.Point(lon, lat)
    in_euregios = layers.euregios[layers.euregios.geometry.intersects(point)]
    in_provinces = layers.border_provinces[layers.border_provinces.geometry.intersects(point)]
    in_country = layers.countries[layers.countries.geometry.intersects(point)]
    return Location(
        euregios=list(in_euregios["id"]),
        border_provinces=list(in_provinces["nuts_id"]),
        country=in_country["country"].iloc[0] if len(in_country) else None,
    )


def regions_touched(layers: RegionLayers, shapes: gpd.GeoSeries) -> pd.DataFrame:
    """For each geometry, the Euregio ids and border-province NUTS ids it touches.

    Returns a frame indexed like ``shapes`` with list columns ``euregios`` and
    ``border_provinces``.
    """
    shapes = shapes.to_crs(layers.euregios.crs)
    result = pd.DataFrame(index=shapes.index)
    for column, layer, key in (("euregios", layers.euregios, "id"),
                               ("border_provinces", layers.border_provinces, "nuts_id")):
        tree = shapely.STRtree(layer.geometry.to_numpy())
        hits = tree.query(shapes.to_numpy(), predicate="intersects")
        found: dict[int, list[str]] = {}
        keys = layer[key].to_numpy()
        for shape_position, layer_position in zip(*hits, strict=True):
            found.setdefault(int(shape_position), []).append(str(keys[layer_position]))
        result[column] = [sorted(found.get(i, [])) for i in range(len(shapes))]
    return result


def nuts3_points(layers: RegionLayers) -> dict[str, tuple[float, float]]:
    """A point inside each NUTS-3 region, (lon, lat), to place projects known only by region."""
    points = layers.nuts3.geometry.representative_point()
    return {code: (point.x, point.y) for code, point in zip(layers.nuts3["NUTS_ID"], points,
                                                            strict=True)}


def nuts3_names(layers: RegionLayers) -> dict[str, str]:
    """The name of each NUTS-3 region, to find a region by the name a file gives it."""
    return dict(zip(layers.nuts3["NUTS_ID"], layers.nuts3["NAME_LATN"], strict=True))
