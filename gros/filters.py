"""Project filters and the shareable view state carried in the URL.

One :class:`ProjectFilter` applies alike to map, table, charts and figures.
:class:`ViewState` adds language, basemap and visible layers, and converts to and
from URL query parameters (``theme=transport,labour&years=2015-2024…``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import geopandas as gpd
import pandas as pd

from gros import i18n, themes
from gros.maps import BASEMAPS, LAYERS
from gros.projects import STATUSES
from gros.regions import EUREGIO_IDS

COUNTRIES = ("NL", "BE", "DE")
YEARS_PATTERN = re.compile(r"^(\d{4})-(\d{4})$")


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


Extent = tuple[float, float, float, float]
"""lon_min, lat_min, lon_max, lat_max in WGS84."""


@dataclass(frozen=True)
class ViewState:
    """Everything a shared link restores."""

    filter: ProjectFilter = field(default_factory=ProjectFilter)
    language: str = i18n.DEFAULT_LANGUAGE
    basemap: str = "light"
    layers: tuple[str, ...] = LAYERS
    extent: Extent | None = None


def parse_extent(value: str) -> Extent | None:
    """``"lon_min,lat_min,lon_max,lat_max"`` in degrees, or None if it is not one."""
    try:
        numbers = tuple(float(part) for part in value.split(","))
    except ValueError:
        return None
    if len(numbers) != 4:
        return None
    lon_min, lat_min, lon_max, lat_max = numbers
    if not (-180 <= lon_min < lon_max <= 180 and -90 <= lat_min < lat_max <= 90):
        return None
    return numbers  # type: ignore[return-value]


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _known(values: list[str], allowed: tuple[str, ...], normalise=str.lower) -> tuple[str, ...]:
    ordered = []
    for value in values:
        value = normalise(value)
        if value in allowed and value not in ordered:
            ordered.append(value)
    return tuple(ordered)


def view_from_query(params: Mapping[str, str]) -> tuple[ViewState, list[str]]:
    """The view a URL describes, and a note for every value that was ignored.

    Unknown values are skipped rather than failing the whole link, and each one is
    reported so the page can say which part of the link it did not understand.
    """
    notes: list[str] = []

    def pick(name: str, allowed: tuple[str, ...], normalise=str.lower) -> tuple[str, ...]:
        raw = _split(params.get(name))
        kept = _known(raw, allowed, normalise)
        notes.extend(f"{name}={value!r}" for value in raw if normalise(value) not in allowed)
        return kept

    years = None
    if params.get("years"):
        match = YEARS_PATTERN.match(params["years"].strip())
        if match and int(match.group(1)) <= int(match.group(2)):
            years = (int(match.group(1)), int(match.group(2)))
        else:
            notes.append(f"years={params['years']!r}")
    filter_ = ProjectFilter(
        themes=pick("theme", themes.THEME_IDS),
        countries=pick("country", COUNTRIES, str.upper),
        euregios=pick("euregio", EUREGIO_IDS),
        statuses=pick("status", STATUSES),
        years=years,
        query=(params.get("q") or "").strip()[:200],
    )
    language = i18n.parse_language(params.get("lang"))
    basemap = (params.get("basemap") or "light").lower()
    if basemap not in BASEMAPS:
        notes.append(f"basemap={basemap!r}")
        basemap = "light"
    layers = pick("layers", LAYERS) if params.get("layers") is not None else LAYERS
    extent = None
    if params.get("extent"):
        extent = parse_extent(params["extent"])
        if extent is None:
            notes.append(f"extent={params['extent']!r}")
    return ViewState(filter_, language, basemap, layers, extent), notes


def view_to_query(view: ViewState) -> dict[str, str]:
    """URL parameters for ``view``; defaults are left out to keep links short."""
    f = view.filter
    params = {
        "theme": ",".join(f.themes),
        "euregio": ",".join(f.euregios),
        "country": ",".join(f.countries),
        "status": ",".join(f.statuses),
        "q": f.query,
        "years": f"{f.years[0]}-{f.years[1]}" if f.years else "",
        "lang": view.language if view.language != i18n.DEFAULT_LANGUAGE else "",
        "basemap": view.basemap if view.basemap != "light" else "",
        "layers": ",".join(view.layers) if tuple(view.layers) != LAYERS else "",
        "extent": ",".join(f"{v:.4f}" for v in view.extent) if view.extent else "",
    }
    return {name: value for name, value in params.items() if value}


def with_filter(view: ViewState, **changes: object) -> ViewState:
    return replace(view, filter=replace(view.filter, **changes))


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
