"""The view a shared link restores, and its URL query parameters.

:class:`ViewState` is a :class:`~gros.filters.ProjectFilter` with language, basemap,
visible layers and extent; it converts to and from URL query parameters
(``theme=transport,labour&years=2015-2024…``). Imports no folium: the CLI, saved
views and tests read links without the map builders.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from gros import i18n, themes
from gros.basemaps import ALL_LAYERS, BASEMAPS, DEFAULT_BASEMAP, LAYERS
from gros.filters import ProjectFilter
from gros.projects import STATUSES
from gros.regions import COUNTRIES, EUREGIO_IDS, read_border_provinces

_PROVINCES = read_border_provinces()
PROVINCE_IDS: tuple[str, ...] = tuple(_PROVINCES["nuts_id"])
PARTNER_IDS: tuple[str, ...] = tuple(_PROVINCES.loc[_PROVINCES["gros_partner"], "nuts_id"])
YEARS_PATTERN = re.compile(r"^(\d{4})-(\d{4})$")

Extent = tuple[float, float, float, float]
"""lon_min, lat_min, lon_max, lat_max in WGS84."""


@dataclass(frozen=True)
class ViewState:
    """Everything a shared link restores."""

    filter: ProjectFilter = field(default_factory=ProjectFilter)
    language: str = i18n.DEFAULT_LANGUAGE
    basemap: str = DEFAULT_BASEMAP
    layers: tuple[str, ...] = LAYERS
    extent: Extent | None = None
    agenda: str = ""
    """The GROS partner region whose action list the Agenda page shows (a NUTS id)."""


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
        provinces=pick("province", PROVINCE_IDS, str.upper),
        statuses=pick("status", STATUSES),
        years=years,
        query=(params.get("q") or "").strip()[:200],
    )
    language = i18n.parse_language(params.get("lang"))
    basemap = (params.get("basemap") or DEFAULT_BASEMAP).lower()
    if basemap not in BASEMAPS:
        notes.append(f"basemap={basemap!r}")
        basemap = DEFAULT_BASEMAP
    layers = pick("layers", ALL_LAYERS) if params.get("layers") is not None else LAYERS
    extent = None
    if params.get("extent"):
        extent = parse_extent(params["extent"])
        if extent is None:
            notes.append(f"extent={params['extent']!r}")
    agenda = pick("agenda", PARTNER_IDS, str.upper)
    return ViewState(filter_, language, basemap, layers, extent,
                     agenda[0] if agenda else ""), notes


def view_to_query(view: ViewState) -> dict[str, str]:
    """URL parameters for ``view``; defaults are left out to keep links short."""
    f = view.filter
    params = {
        "theme": ",".join(f.themes),
        "euregio": ",".join(f.euregios),
        "province": ",".join(f.provinces),
        "country": ",".join(f.countries),
        "status": ",".join(f.statuses),
        "q": f.query,
        "years": f"{f.years[0]}-{f.years[1]}" if f.years else "",
        "lang": view.language if view.language != i18n.DEFAULT_LANGUAGE else "",
        "basemap": view.basemap if view.basemap != DEFAULT_BASEMAP else "",
        "layers": ",".join(view.layers) if tuple(view.layers) != LAYERS else "",
        "extent": ",".join(f"{v:.4f}" for v in view.extent) if view.extent else "",
        "agenda": view.agenda,
    }
    return {name: value for name, value in params.items() if value}


def with_filter(view: ViewState, **changes: object) -> ViewState:
    """``view`` with the given :class:`~gros.filters.ProjectFilter` fields changed."""
    return replace(view, filter=replace(view.filter, **changes))
