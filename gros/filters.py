"""Project filters: one :class:`ProjectFilter` applies alike to map, table, charts and figures.

The view a shared link restores (filter, language, basemap, layers) is in :mod:`gros.view`.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from gros import i18n


@dataclass(frozen=True)
class ProjectFilter:
    """What to show; an empty tuple or None means "no restriction"."""

    themes: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    euregios: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    budget: tuple[float, float] | None = None
    query: str = ""

    @property
    def is_empty(self) -> bool:
        return self == ProjectFilter()


def _overlaps(values: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    chosen = set(wanted)
    return values.map(lambda items: bool(chosen.intersection(items)))


def _active_in(frame: pd.DataFrame, first: int, last: int) -> pd.Series:
    """Projects whose period overlaps [first, last]; a missing start or end is open."""
    starts = frame["start_year"].astype("Float64").fillna(-1e9)
    ends = frame["end_year"].astype("Float64").fillna(1e9)
    return ((starts <= last) & (ends >= first)).fillna(True).astype(bool)


def _matches_text(frame: pd.DataFrame, query: str) -> pd.Series:
    words = query.lower().split()
    text = (frame["title"].fillna("") + " " + frame["description"].fillna("") + " "
            + frame["lead_partner"].fillna("") + " "
            + frame["partners"].map(" ".join) + " "
            + frame[[f"title_{lang}" for lang in i18n.LANGUAGES]].fillna("").agg(" ".join, axis=1)
            ).str.lower()
    return text.map(lambda haystack: all(word in haystack for word in words))


def apply_filter(frame: gpd.GeoDataFrame, wanted: ProjectFilter) -> gpd.GeoDataFrame:
    """The rows of a project catalogue (see :mod:`gros.catalogue`) that ``wanted`` keeps."""
    keep = pd.Series(True, index=frame.index)
    if wanted.themes:
        keep &= _overlaps(frame["themes"], wanted.themes)
    if wanted.countries:
        keep &= _overlaps(frame["countries"], wanted.countries)
    if wanted.euregios:
        keep &= _overlaps(frame["euregios"], wanted.euregios)
    if wanted.provinces:
        keep &= _overlaps(frame["border_provinces"], wanted.provinces)
    if wanted.statuses:
        keep &= frame["status"].isin(wanted.statuses)
    if wanted.programmes:
        keep &= frame["programme"].isin(wanted.programmes)
    if wanted.years:
        keep &= _active_in(frame, *wanted.years)
    if wanted.budget:
        low, high = wanted.budget
        budget = frame["budget_eur"].astype("Float64")
        keep &= ((budget >= low) & (budget <= high)).fillna(False).astype(bool)
    if wanted.query.strip():
        keep &= _matches_text(frame, wanted.query)
    return frame[keep.to_numpy()]
