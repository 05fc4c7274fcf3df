"""Euregios drawn from their member municipalities (GISCO LAU).

A row of a municipal membership table (:func:`gros.regions.read_municipal_memberships`)
names a municipality, or a whole NUTS-3 region, in which case each of its
municipalities counts. A Euregio's outline is the union of its municipalities
(``"lau"``); without the municipalities it is the union of the NUTS-3 regions its
members lie in (``"nuts3"``), the approximation the dashboard draws today. A
municipality may belong to two Euregios; a code that does not exist fails loudly.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gros import geometry, regions
from gros.lau import Municipalities
from gros.layers import RegionLayers

LAU_OUTLINE, NUTS3_OUTLINE = "lau", "nuts3"
OUTLINE_COLUMNS = ("euregio_id", "outline", "member_count", "municipalities", "population",
                   "population_missing", "area_km2")
"""The columns of both frames of :class:`EuregioOutlines`, besides ``geometry``."""


def nuts3_of(municipalities: gpd.GeoDataFrame, nuts3: gpd.GeoDataFrame) -> pd.Series:
    """The NUTS-3 region of each municipality: the one of its country it overlaps most.

    By overlap rather than by a point inside, because the NUTS boundaries are drawn
    at a coarser scale than the municipalities: a small municipality on a NUTS-3
    border can stick out of its region. Indexed like ``municipalities``; None where
    no region of its country overlaps it.
    """
    pieces = municipalities.geometry.to_numpy()
    regions_ = nuts3.geometry.to_numpy()
    left, right = shapely.STRtree(regions_).query(pieces, predicate="intersects")
    same_country = (municipalities["country"].to_numpy()[left]
                    == nuts3["CNTR_CODE"].to_numpy()[right])
    left, right = left[same_country], right[same_country]
    # Area ratios within a few km are the same in degrees as in metres: no projection.
    overlap = shapely.area(shapely.intersection(pieces[left], regions_[right]))
    best = pd.DataFrame({"left": left, "right": right, "overlap": overlap}).sort_values(
        "overlap", ascending=False).drop_duplicates("left")
    codes = np.full(len(pieces), None, dtype=object)
    codes[best["left"].to_numpy()] = nuts3["NUTS_ID"].to_numpy()[best["right"].to_numpy()]
    return pd.Series(codes, index=municipalities.index, name="nuts_id")


def member_municipalities(table: pd.DataFrame, municipalities: Municipalities,
                          nuts3: gpd.GeoDataFrame) -> pd.DataFrame:
    """Every municipality each Euregio has: columns ``euregio_id``, ``gisco_id`` and
    ``via`` (the table's ``member_id`` it comes from: itself, or its NUTS-3 region).

    Raises
    ------
    regions.UnknownMunicipalities
        Listing every municipality code of the table unknown in the LAU year.
    """
    frame = municipalities.frame
    named = table[table["member_kind"] == "municipality"]
    unknown = sorted(set(named["member_id"]) - set(frame["gisco_id"]))
    if unknown:
        table_year = int(table["lau_year"].iloc[0])
        raise regions.UnknownMunicipalities(unknown, table_year, municipalities.year)
    direct = pd.DataFrame({"euregio_id": named["euregio_id"], "gisco_id": named["member_id"],
                           "via": named["member_id"]})
    wholes = table[table["member_kind"] == "nuts3"]
    located = pd.DataFrame({"gisco_id": frame["gisco_id"], "via": nuts3_of(frame, nuts3)})
    expanded = wholes[["euregio_id", "member_id"]].merge(located, left_on="member_id",
                                                         right_on="via")
    # Listed by name and as part of a listed region: one membership, the named one first.
    return (pd.concat([direct, expanded[["euregio_id", "gisco_id", "via"]]], ignore_index=True)
            .drop_duplicates(["euregio_id", "gisco_id"]).reset_index(drop=True))


def known_population(values: pd.Series) -> tuple[int | None, int]:
    """The sum of the figures that are known, and how many are not.

    None, not 0, when no figure is known: an unknown population is not an empty one.
    """
    missing = int(values.isna().sum())
    if missing == len(values):
        return None, missing
    return int(values.sum(skipna=True)), missing


@dataclass(frozen=True)
class EuregioOutlines:
    """One row per Euregio of the table, as source geometry (``full``: areas and look-ups
    use it) and simplified for display, with the :data:`OUTLINE_COLUMNS`."""

    full: gpd.GeoDataFrame
    display: gpd.GeoDataFrame


def _summary(rows: list[dict[str, object]]) -> pd.DataFrame:
    summary = pd.DataFrame.from_records(rows)
    summary["population"] = summary["population"].astype("Int64")  # unknown stays <NA>
    return summary


def _dissolved(pieces: gpd.GeoDataFrame, summary: pd.DataFrame) -> gpd.GeoDataFrame:
    """One row of ``summary`` per Euregio with the union of its ``pieces``."""
    shapes = geometry.dissolve_by(pieces, "euregio_id")
    frame = summary.merge(shapes, on="euregio_id", how="left")
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=pieces.crs)


def _from_municipalities(table: pd.DataFrame, layers: RegionLayers,
                         municipalities: Municipalities) -> EuregioOutlines:
    members = member_municipalities(table, municipalities, layers.nuts3)
    frame = municipalities.frame.set_index("gisco_id")
    rows = []
    for euregio_id, group in members.groupby("euregio_id", sort=False):
        population, missing = known_population(frame.loc[group["gisco_id"], "population"])
        rows.append({"euregio_id": euregio_id, "outline": LAU_OUTLINE,
                     "member_count": len(group), "municipalities": sorted(group["gisco_id"]),
                     "population": population, "population_missing": missing})
    summary = _summary(rows)
    used = frame.loc[sorted(set(members["gisco_id"]))].reset_index()
    display = geometry.simplify_coverage(used[["gisco_id", "geometry"]], layers.tolerance_m,
                                         clean=True)
    full = _dissolved(gpd.GeoDataFrame(members.merge(used[["gisco_id", "geometry"]]),
                                       crs=used.crs), summary)
    simplified = _dissolved(gpd.GeoDataFrame(members.merge(display), crs=display.crs), summary)
    return EuregioOutlines(full, simplified)


def _from_nuts3(table: pd.DataFrame, layers: RegionLayers) -> EuregioOutlines:
    rows = []
    for euregio_id, group in table.groupby("euregio_id", sort=False):
        named = group.loc[group["member_kind"] == "municipality", "member_id"]
        # Without the municipalities, a whole region's members cannot be counted.
        rows.append({"euregio_id": euregio_id, "outline": NUTS3_OUTLINE,
                     "member_count": len(group), "municipalities": sorted(named),
                     "population": None, "population_missing": len(group)})
    summary = _summary(rows)
    pairs = table[["euregio_id", "nuts_id"]].drop_duplicates()

    def outline(level3: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        pieces = level3[["NUTS_ID", "geometry"]].merge(pairs, left_on="NUTS_ID",
                                                       right_on="nuts_id")
        return _dissolved(gpd.GeoDataFrame(pieces, crs=level3.crs), summary)

    return EuregioOutlines(outline(layers.nuts3), outline(layers.nuts3_display))


def euregio_outlines(table: pd.DataFrame, layers: RegionLayers,
                     municipalities: Municipalities | None) -> EuregioOutlines:
    """Each Euregio's outline from a municipal membership table.

    With ``municipalities`` every Euregio is the union of its member municipalities
    (``outline`` ``"lau"``), simplified for display as one coverage so that
    neighbours keep sharing their borders; without them (not cached, no network),
    the union of the NUTS-3 regions its members lie in (``"nuts3"``). Areas are
    computed on the source geometry in EPSG:3035.

    Raises
    ------
    regions.UnknownNutsCodes, regions.UnknownMunicipalities
        A code of the table does not exist in the boundaries; nothing is dropped.
    """
    regions.check_codes(table["nuts_id"], int(table["nuts_year"].iloc[0]),
                        set(layers.nuts3["NUTS_ID"]), layers.nuts_year)
    if municipalities is None:
        outlines = _from_nuts3(table, layers)
    else:
        outlines = _from_municipalities(table, layers, municipalities)
    area = geometry.area_km2(outlines.full).round(0)
    outlines.full["area_km2"] = area
    outlines.display["area_km2"] = area
    columns = [*OUTLINE_COLUMNS, "geometry"]
    return EuregioOutlines(outlines.full[columns], outlines.display[columns])
