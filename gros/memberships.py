"""Euregios drawn from their member municipalities (GISCO LAU).

A row of the municipal membership table (:func:`gros.regions.read_municipal_memberships`)
names a municipality, a district (whole NUTS-3 regions: each of their municipalities
counts) or another member (a chamber, a water board: listed, not drawn). A Euregio's
outline is the union of its municipalities (``"lau"``). A municipality may belong to
two Euregios; a municipality row that names none of the LAU year fails loudly, with
every other such row. Without the municipalities the dashboard draws the NUTS-3
table instead (:mod:`gros.layers`, ``"nuts3"``).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gros import geometry, regions
from gros.lau import Municipalities

LAU_OUTLINE, NUTS3_OUTLINE = "lau", "nuts3"
OUTLINE_COLUMNS = ("euregio_id", "outline", "member_count", "municipalities", "nuts3",
                   "partial_nuts3", "countries", "population", "population_missing", "area_km2")
"""The columns of both frames of :class:`EuregioOutlines`, besides ``geometry``."""
MEMBER_COLUMNS = ("euregio_id", "row", "member_kind", "member_name", "country", "gisco_id",
                  "nuts_ids", "municipality_count", "population", "population_missing",
                  "area_km2", "note", "source_url", "source_title", "source_date")
"""The columns of :attr:`EuregioOutlines.members`: a table row with its figures."""


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


def _unresolved(table: pd.DataFrame, known: set[str]) -> list[str]:
    """Each municipality row without a GISCO_ID or with one unknown in the LAU year, and
    each district row whose GISCO_ID (a kreisfreie Stadt) is unknown."""
    problems = []
    for row in table[table["member_kind"] != "other"].itertuples():
        where = f"{row.member_name} ({row.euregio_id}, row {row.row})"
        if row.member_kind == "municipality" and not row.gisco_id:
            problems.append(f"{where}: no gisco_id")
        elif row.gisco_id and row.gisco_id not in known:
            problems.append(f"{row.gisco_id} {where}: unknown")
    return problems


def _in_districts(districts: pd.DataFrame, frame: gpd.GeoDataFrame,
                  nuts3: gpd.GeoDataFrame) -> pd.DataFrame:
    """(row, gisco_id) of every municipality in the districts' NUTS-3 regions."""
    wanted = districts[["row", "nuts_ids"]].explode("nuts_ids").rename(
        columns={"nuts_ids": "nuts_id"})
    if wanted.empty:
        return pd.DataFrame({"row": [], "gisco_id": []})
    targets = nuts3[nuts3["NUTS_ID"].isin(set(wanted["nuts_id"]))]
    # Only the municipalities near those regions are placed: a fraction of the cut.
    near = frame.iloc[frame.sindex.query(shapely.union_all(targets.geometry.to_numpy()),
                                         predicate="intersects")]
    neighbours = nuts3.iloc[nuts3.sindex.query(shapely.box(*near.total_bounds),
                                               predicate="intersects")]
    located = pd.DataFrame({"gisco_id": near["gisco_id"], "nuts_id": nuts3_of(near, neighbours)})
    return wanted.merge(located, on="nuts_id")[["row", "gisco_id"]]


def member_municipalities(table: pd.DataFrame, municipalities: Municipalities,
                          nuts3: gpd.GeoDataFrame, nuts_year: int) -> pd.DataFrame:
    """Every municipality each member row stands for: columns ``row`` and ``gisco_id``
    (a municipality row: itself; a district: each municipality of its NUTS-3 regions).

    Raises
    ------
    regions.UnknownNutsCodes
        A district's NUTS-3 code does not exist in the boundaries.
    regions.UnknownMunicipalities
        Listing every municipality row that names no municipality of the LAU year.
    """
    frame = municipalities.frame
    problems = _unresolved(table, set(frame["gisco_id"]))
    if problems:
        raise regions.UnknownMunicipalities(problems, regions.MUNICIPAL_LAU_YEAR,
                                            municipalities.year)
    districts = table[table["member_kind"] == "district"]
    regions.check_codes([code for codes in districts["nuts_ids"] for code in codes],
                        regions.MUNICIPAL_NUTS_YEAR, set(nuts3["NUTS_ID"]), nuts_year)
    named = table[table["member_kind"] == "municipality"][["row", "gisco_id"]]
    return (pd.concat([named, _in_districts(districts, frame, nuts3)], ignore_index=True)
            .drop_duplicates().reset_index(drop=True))


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
    """The Euregios drawn from their municipalities.

    ``full`` (source geometry: areas and look-ups use it) and ``display`` (simplified)
    have one row per Euregio with the :data:`OUTLINE_COLUMNS`; ``members`` one row per
    member of the table with its figures (:data:`MEMBER_COLUMNS`); ``municipalities``
    each member municipality once with ``gisco_id``, ``name``, ``country``,
    ``nuts_id`` and its display geometry; ``pairs`` each (``euregio_id``,
    ``gisco_id``) membership.
    """

    full: gpd.GeoDataFrame
    display: gpd.GeoDataFrame
    members: pd.DataFrame
    municipalities: gpd.GeoDataFrame
    pairs: pd.DataFrame


def _member_figures(table: pd.DataFrame, members: pd.DataFrame,
                    used: gpd.GeoDataFrame) -> pd.DataFrame:
    by_id = used.set_index("gisco_id")
    rows = []
    for record in table.to_dict("records"):
        ids = members.loc[members["row"] == record["row"], "gisco_id"]
        population, missing = known_population(by_id.loc[ids, "population"])
        rows.append({**record, "municipality_count": len(ids), "population": population,
                     "population_missing": missing,
                     "area_km2": round(float(by_id.loc[ids, "area"].sum()), 1) if len(ids)
                     else None})
    frame = pd.DataFrame.from_records(rows, columns=list(MEMBER_COLUMNS))
    frame["population"] = frame["population"].astype("Int64")  # unknown stays <NA>
    return frame


def _summary(table: pd.DataFrame, pairs: pd.DataFrame, used: gpd.GeoDataFrame,
             all_located: pd.Series) -> pd.DataFrame:
    by_id = used.set_index("gisco_id")
    rows = []
    for euregio_id, listed in table.groupby("euregio_id", sort=False):
        ids = sorted(pairs.loc[pairs["euregio_id"] == euregio_id, "gisco_id"])
        population, missing = known_population(by_id.loc[ids, "population"])
        nuts3 = sorted(set(by_id.loc[ids, "nuts_id"].dropna()))
        partial = [code for code in nuts3 if (all_located == code).sum() > sum(
            1 for gisco_id in ids if by_id.loc[gisco_id, "nuts_id"] == code)]
        rows.append({"euregio_id": euregio_id, "outline": LAU_OUTLINE,
                     "member_count": len(listed), "municipalities": ids, "nuts3": nuts3,
                     "partial_nuts3": partial,
                     "countries": sorted(set(by_id.loc[ids, "country"])),
                     "population": population, "population_missing": missing})
    summary = pd.DataFrame.from_records(rows)
    summary["population"] = summary["population"].astype("Int64")
    return summary


def _dissolved(pieces: gpd.GeoDataFrame, summary: pd.DataFrame) -> gpd.GeoDataFrame:
    """One row of ``summary`` per Euregio with the union of its ``pieces``."""
    shapes = geometry.dissolve_by(pieces, "euregio_id")
    frame = summary.merge(shapes, on="euregio_id", how="left")
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=pieces.crs)


def euregio_outlines(table: pd.DataFrame, municipalities: Municipalities,
                     nuts3: gpd.GeoDataFrame, nuts_year: int, tolerance_m: float
                     ) -> EuregioOutlines:
    """Each Euregio of ``table`` as the union of its member municipalities.

    The municipalities are simplified for display as one coverage (made one first
    where the source's pieces overlap along national borders), so neighbouring
    Euregios keep sharing their borders. Areas are computed on the source geometry
    in EPSG:3035. ``nuts3`` are the NUTS-3 regions of ``nuts_year`` (``NUTS_ID``,
    ``CNTR_CODE``): a district's municipalities are those that overlap its regions most.

    Raises
    ------
    regions.UnknownNutsCodes, regions.UnknownMunicipalities
        A code of the table does not exist in the boundaries; nothing is dropped.
    """
    members = member_municipalities(table, municipalities, nuts3, nuts_year)
    pairs = (members.merge(table[["row", "euregio_id"]], on="row")[["euregio_id", "gisco_id"]]
             .drop_duplicates().reset_index(drop=True))
    frame = municipalities.frame
    used = frame[frame["gisco_id"].isin(set(pairs["gisco_id"]))].reset_index(drop=True)
    used["area"] = geometry.area_km2(used)
    used["nuts_id"] = nuts3_of(used, nuts3).to_numpy()
    # How many municipalities each of those regions has, to tell a partial one.
    regions_used = nuts3[nuts3["NUTS_ID"].isin(set(used["nuts_id"].dropna()))]
    near = frame.iloc[frame.sindex.query(shapely.union_all(regions_used.geometry.to_numpy()),
                                         predicate="intersects")]
    all_located = nuts3_of(near, nuts3)
    summary = _summary(table, pairs, used, all_located)
    display = geometry.simplify_coverage(used[["gisco_id", "geometry"]], tolerance_m,
                                         clean=True)
    full = _dissolved(gpd.GeoDataFrame(pairs.merge(used[["gisco_id", "geometry"]]),
                                       crs=used.crs), summary)
    simplified = _dissolved(gpd.GeoDataFrame(pairs.merge(display), crs=display.crs), summary)
    area = geometry.area_km2(full).round(0)
    full["area_km2"] = area
    simplified["area_km2"] = area
    columns = [*OUTLINE_COLUMNS, "geometry"]
    shown = gpd.GeoDataFrame(
        used[["gisco_id", "name", "country", "nuts_id"]].assign(geometry=display.geometry),
        geometry="geometry", crs=display.crs)
    return EuregioOutlines(full[columns], simplified[columns],
                           _member_figures(table, members, used), shown, pairs)
