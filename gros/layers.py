"""The region layers the dashboard draws: countries, border provinces, Euregios.

Built from the NUTS boundaries and the curated tables in ``geodata/``. Each layer
comes twice: ``full`` (the source geometry; areas and look-ups use it) and
``display`` (simplified as one coverage, coordinates rounded).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import geopandas as gpd
import pandas as pd
import shapely

from gros import geometry, i18n, regions
from gros.gisco import NutsBoundaries
from gros.memberships import LAU_OUTLINE, NUTS3_OUTLINE, OUTLINE_COLUMNS, EuregioOutlines
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
    # Drawn from the member municipalities (with_municipal_outlines) or, without them,
    # from the NUTS-3 table; why not from the municipalities, when they were there.
    outline: str = NUTS3_OUTLINE
    outline_problem: str = ""
    municipal: EuregioOutlines | None = None
    lau: dict | None = None  # the cut drawn from: year, source, fetched, municipalities


STATUS_FIELDS = ("status", "status_since", "successor", "status_note", "status_source")


def _status_of(status: pd.DataFrame | None, euregio_id: str) -> dict[str, object]:
    """A Euregio's cooperation-body status; unknown (empty) where the table has no row."""
    rows = status[status["euregio_id"] == euregio_id] if status is not None else ()
    if not len(rows):
        return {"status": "", "status_since": None, "successor": "", "status_note": "",
                "status_source": ""}
    row = rows.iloc[0]
    return {"status": row["status"],
            "status_since": None if pd.isna(row["since"]) else int(row["since"]),
            "successor": row["successor"], "status_note": row["note"],
            "status_source": row["source_url"]}


def _euregio_table(euregios: list[Euregio], memberships: pd.DataFrame,
                   status: pd.DataFrame | None) -> pd.DataFrame:
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
            "stated_members": euregio.stated_members,
            "stated_members_source": euregio.stated_members_source,
            "nuts3": sorted(members["nuts_id"]),
            "partial_nuts3": sorted(members.loc[members["partial"], "nuts_id"]),
            "countries": sorted(members["country"].unique()),
            "member_count": len(members),
            # Drawn from the NUTS-3 regions its members lie in; with_municipal_outlines
            # draws it from its municipalities ("lau").
            "outline": NUTS3_OUTLINE,
            **_status_of(status, euregio.id),
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
    status: pd.DataFrame | None = None,
) -> RegionLayers:
    """Build every region layer, the Euregios from the NUTS-3 table ``memberships``
    (:func:`with_municipal_outlines` then draws them from their municipalities), with
    each cooperation body's ``status`` (:func:`gros.regions.read_euregio_status`).

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
    table = _euregio_table(euregios, memberships, status)

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


REPLACED = [column for column in OUTLINE_COLUMNS if column != "euregio_id"]


def _drawn_from(layer: gpd.GeoDataFrame, outlines: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``layer`` with the outline columns of the Euregios ``outlines`` has; the others
    keep their NUTS-3 outline."""
    drawn = outlines.set_index("euregio_id")
    layer = layer.copy()
    layer["nuts3_area_km2"] = layer["area_km2"]
    for column in ("municipalities", "population", "population_missing"):
        if column not in layer:
            layer[column] = [[] for _ in range(len(layer))] if column == "municipalities" \
                else pd.array([pd.NA] * len(layer), dtype="Int64")
    here = layer["id"].isin(drawn.index).to_numpy()
    for column in [*REPLACED, "geometry"]:
        values = drawn.loc[layer.loc[here, "id"], column].to_list()
        layer[column] = layer[column].astype(object)
        layer.loc[here, column] = pd.Series(values, index=layer.index[here], dtype=object)
    layer["population"] = layer["population"].astype("Int64")
    layer["population_missing"] = layer["population_missing"].astype("Int64")
    layer["member_count"] = layer["member_count"].astype(int)
    layer["area_km2"] = layer["area_km2"].astype(float)
    layer["nuts3_area_km2"] = layer["nuts3_area_km2"].astype(float)
    return gpd.GeoDataFrame(layer, geometry="geometry", crs=outlines.crs)


def with_municipal_outlines(layers: RegionLayers, outlines: EuregioOutlines,
                            lau: dict | None = None) -> RegionLayers:
    """``layers`` with each Euregio of ``outlines`` drawn from its member municipalities
    (``outline`` ``"lau"``; ``nuts3_area_km2`` keeps the area of its NUTS-3 outline)."""
    full = _drawn_from(layers.euregios, outlines.full)
    full["valid"] = [bool(g is not None and not g.is_empty and g.is_valid) for g in full.geometry]
    return replace(layers, euregios=full,
                   euregios_display=_drawn_from(layers.euregios_display, outlines.display),
                   outline=LAU_OUTLINE, municipal=outlines, lau=lau)


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
