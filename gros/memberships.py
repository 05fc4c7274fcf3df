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

import re
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


def _located(frame: gpd.GeoDataFrame, nuts3: gpd.GeoDataFrame, named: set[str],
             codes: set[str]) -> pd.DataFrame:
    """``gisco_id`` and ``nuts_id`` of every municipality in a NUTS-3 region that holds a
    member: only those are placed (a fraction of the cut), each once."""
    named_shapes = frame.loc[frame["gisco_id"].isin(named), "geometry"].to_numpy()
    touched = nuts3.sindex.query(named_shapes, predicate="intersects")[1]
    wanted = nuts3.iloc[sorted(set(touched) | set(np.flatnonzero(nuts3["NUTS_ID"].isin(codes))))]
    near = frame.iloc[sorted(set(frame.sindex.query(wanted.geometry.to_numpy(),
                                                    predicate="intersects")[1]))]
    neighbours = nuts3.iloc[sorted(set(nuts3.sindex.query(near.geometry.to_numpy(),
                                                          predicate="intersects")[1]))]
    return pd.DataFrame({"gisco_id": near["gisco_id"].to_numpy(),
                         "nuts_id": nuts3_of(near, neighbours).to_numpy()})


def _resolve(table: pd.DataFrame, municipalities: Municipalities, nuts3: gpd.GeoDataFrame,
             nuts_year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = municipalities.frame
    problems = _unresolved(table, set(frame["gisco_id"]))
    if problems:
        raise regions.UnknownMunicipalities(problems, regions.MUNICIPAL_LAU_YEAR,
                                            municipalities.year)
    districts = table[table["member_kind"] == "district"]
    codes = [code for listed in districts["nuts_ids"] for code in listed]
    regions.check_codes(codes, regions.MUNICIPAL_NUTS_YEAR, set(nuts3["NUTS_ID"]), nuts_year)
    named = table[table["member_kind"] == "municipality"][["row", "gisco_id"]]
    located = _located(frame, nuts3, set(named["gisco_id"]), set(codes))
    wanted = districts[["row", "nuts_ids"]].explode("nuts_ids").rename(
        columns={"nuts_ids": "nuts_id"}).dropna()
    in_districts = wanted.merge(located, on="nuts_id")[["row", "gisco_id"]]
    members = (pd.concat([named, in_districts], ignore_index=True)
               .drop_duplicates().reset_index(drop=True))
    return members, located


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
    return _resolve(table, municipalities, nuts3, nuts_year)[0]


SAMTGEMEINDE = re.compile(r"Member through (Samtgemeinde [^,.;(]+)")


def member_count(rows: pd.DataFrame) -> int:
    """How many members the rows are as the sources count them: the Gemeinden listed for
    one Samtgemeinde (note "Member through Samtgemeinde X") are one member."""
    keys = [found.group(1).strip() if (found := SAMTGEMEINDE.search(note)) else row
            for row, note in zip(rows["row"], rows["note"], strict=True)]
    return len(set(keys))


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


def _figures(pieces: pd.DataFrame, key: str) -> pd.DataFrame:
    """Per ``key``: how many municipalities, the sum of the known populations (<NA> when
    none is known, never 0), how many lack one, and the area."""
    grouped = pieces.groupby(key, sort=False)
    figures = pd.DataFrame({
        "municipality_count": grouped["gisco_id"].size(),
        "population": grouped["population"].sum(min_count=1).astype("Int64"),
        "population_missing": grouped["population"].agg(lambda values: int(values.isna().sum())),
        "area_km2": grouped["area"].sum().round(1),
    })
    return figures.reset_index()


def _member_figures(table: pd.DataFrame, members: pd.DataFrame,
                    used: gpd.GeoDataFrame) -> pd.DataFrame:
    pieces = members.merge(used[["gisco_id", "population", "area"]], on="gisco_id")
    frame = table.merge(_figures(pieces, "row"), on="row", how="left")
    frame["municipality_count"] = frame["municipality_count"].fillna(0).astype(int)
    frame["population_missing"] = frame["population_missing"].fillna(0).astype(int)
    frame["population"] = frame["population"].astype("Int64")  # unknown stays <NA>
    frame["area_km2"] = frame["area_km2"].astype(object).where(frame["area_km2"].notna(), None)
    return frame[list(MEMBER_COLUMNS)]


def _summary(table: pd.DataFrame, pairs: pd.DataFrame, used: gpd.GeoDataFrame,
             all_located: pd.Series) -> pd.DataFrame:
    pieces = pairs.merge(used[["gisco_id", "population", "area", "country", "nuts_id"]],
                         on="gisco_id")
    figures = _figures(pieces, "euregio_id").set_index("euregio_id")
    in_region = all_located.value_counts()
    rows = []
    for euregio_id, listed in table.groupby("euregio_id", sort=False):
        own = pieces[pieces["euregio_id"] == euregio_id]
        counts = own["nuts_id"].dropna().value_counts()
        rows.append({"euregio_id": euregio_id, "outline": LAU_OUTLINE,
                     "member_count": member_count(listed),
                     "municipalities": sorted(own["gisco_id"]),
                     "nuts3": sorted(counts.index),
                     "partial_nuts3": sorted(code for code, count in counts.items()
                                             if in_region.get(code, 0) > count),
                     "countries": sorted(set(own["country"])),
                     "population": (figures.loc[euregio_id, "population"]
                                    if euregio_id in figures.index else pd.NA),
                     "population_missing": (int(figures.loc[euregio_id, "population_missing"])
                                            if euregio_id in figures.index else 0)})
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
    members, located = _resolve(table, municipalities, nuts3, nuts_year)
    pairs = (members.merge(table[["row", "euregio_id"]], on="row")[["euregio_id", "gisco_id"]]
             .drop_duplicates().reset_index(drop=True))
    frame = municipalities.frame
    used = frame[frame["gisco_id"].isin(set(pairs["gisco_id"]))].reset_index(drop=True)
    used["area"] = geometry.area_km2(used)
    used = used.merge(located, on="gisco_id", how="left")
    # With how many municipalities each region has, to tell a partial one.
    summary = _summary(table, pairs, used, located["nuts_id"])
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
