"""Project filters: one :class:`ProjectFilter` applies alike to map, table, charts and figures.

The view a shared link restores (filter, language, basemap, layers) is in :mod:`gros.view`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
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
    """The rows of a project catalogue (see :mod:`gros.loaders`) that ``wanted`` keeps."""
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


# -- what the filter widgets offer, and the filter their values make ---------------------

FILTER_FIELDS = ("themes", "countries", "euregios", "provinces", "statuses", "programmes",
                 "years", "budget", "query")
"""The fields of :class:`ProjectFilter`, each one widget of the filter sidebar."""
DEFAULT_YEARS = (2000, 2030)  # the year slider's span while no project has a year


@dataclass(frozen=True)
class FilterDomain:
    """What the filter widgets offer for a catalogue."""

    programmes: tuple[str, ...]
    years: tuple[int, int]
    top_budget_eur: float

    @property
    def top_budget_m(self) -> float:
        """The budget slider's upper end: the largest budget rounded up to whole millions."""
        return float(max(1, math.ceil(self.top_budget_eur / 1e6)))


def filter_domain(frame: pd.DataFrame) -> FilterDomain:
    """The programmes, the span of years and the largest budget of a catalogue."""
    years = pd.concat([frame["start_year"], frame["end_year"]]).dropna()
    budgets = frame["budget_eur"].dropna()
    return FilterDomain(
        programmes=tuple(sorted(p for p in frame["programme"].unique() if p)),
        years=(int(years.min()), int(years.max())) if not years.empty else DEFAULT_YEARS,
        top_budget_eur=float(budgets.max()) if not budgets.empty else 0.0,
    )


def clamp_years(chosen: tuple[int, int], domain: FilterDomain) -> tuple[int, int]:
    """A kept year range fitted into the catalogue's (which may have changed since)."""
    first, last = domain.years
    return max(first, min(chosen[0], last)), min(last, max(chosen[1], first))


def clamp_budget(chosen: tuple[float, float], domain: FilterDomain) -> tuple[float, float]:
    """A kept budget range (in millions) fitted under the catalogue's largest budget."""
    top = domain.top_budget_m
    return min(float(chosen[0]), top), min(float(chosen[1]), top)


def filter_from_widgets(values: Mapping[str, object], domain: FilterDomain) -> ProjectFilter:
    """The filter that widget values (by :data:`FILTER_FIELDS` name) select.

    A missing value selects everything; a slider left at the catalogue's whole span
    is no restriction (so a project without a year or budget stays in), and the
    budget slider's millions become euros.
    """
    def chosen(name: str) -> tuple:
        return tuple(values.get(name) or ())

    years = chosen("years") or domain.years
    budget = None
    if domain.top_budget_eur > 0:
        whole = (0.0, domain.top_budget_m)
        low, high = chosen("budget") or whole
        if (low, high) != whole:
            budget = (low * 1e6, high * 1e6)
    return ProjectFilter(
        themes=chosen("themes"), countries=chosen("countries"), euregios=chosen("euregios"),
        provinces=chosen("provinces"), statuses=chosen("statuses"),
        programmes=chosen("programmes"),
        years=tuple(years) if tuple(years) != tuple(domain.years) else None,
        budget=budget, query=str(values.get("query") or "").strip(),
    )
