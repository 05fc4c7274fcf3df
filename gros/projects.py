"""The cross-border project: its fields, validation, and conversion to frames and records.

A *record* is the plain-dict form of a project, the same as the properties of a
feature in ``geodata/projects.geojson``; :func:`project_from_record` checks one and
reports every problem with the column it concerns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import geopandas as gpd
import shapely

from gros import themes
from gros.i18n import LANGUAGES
from gros.regions import COUNTRIES

STATUSES = ("planned", "ongoing", "completed")
# From the most exact to the coarsest: a project placed at a region's point is as exact as
# the region's level (a partner's NUTS-3 region, or its parent where the region was split).
# ``schematic``: a line drawn straight from station to station (or town to town), right at
# its stops and off the track or road between them.
PRECISIONS = ("exact", "schematic", "municipality", "nuts3", "nuts2", "nuts1")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,127}$")
PERIOD_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
COUNTRY_PATTERN = re.compile(r"^[A-Z]{2}$")
# The countries offered for a project: the cooperation's, and the neighbours projects reach.
# A record may name any two-letter code (COUNTRY_PATTERN).
PROJECT_COUNTRIES = (*COUNTRIES, "LU", "FR")
# Geometries must lie roughly in Europe; anything else is a swapped or foreign CRS.
EUROPE = shapely.box(-32.0, 27.0, 45.0, 72.0)
COLUMNS = ("id", "title", *(f"title_{lang}" for lang in LANGUAGES), "description",
           "themes", "status", "start", "end", "programme", "budget_eur",
           "eu_contribution_eur", "lead_partner", "partners", "countries", "precision",
           "sources", "last_verified", "stations")


@dataclass(frozen=True)
class Partner:
    name: str
    country: str | None = None

    def label(self) -> str:
        return f"{self.name} ({self.country})" if self.country else self.name


@dataclass(frozen=True)
class Problem:
    """Why a value was refused: the column and the reason, showing the value."""

    column: str
    reason: str


class ProjectInvalid(ValueError):
    """A record that is not a valid project; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(f"{p.column}: {p.reason}" for p in problems))


@dataclass(frozen=True)
class Project:
    id: str
    title: str
    geometry: shapely.Geometry
    themes: tuple[str, ...]
    sources: tuple[str, ...]
    precision: str = "exact"
    titles: dict[str, str] = field(default_factory=dict)
    description: str = ""
    status: str | None = None
    start: str | None = None
    end: str | None = None
    programme: str | None = None
    budget_eur: float | None = None
    eu_contribution_eur: float | None = None
    lead_partner: Partner | None = None
    partners: tuple[Partner, ...] = ()
    countries: tuple[str, ...] = ()
    last_verified: str | None = None
    stations: tuple[str, ...] = ()

    def title_in(self, language: str) -> str:
        return self.titles.get(language) or self.title

    @property
    def geometry_type(self) -> str:
        return {"Polygon": "area", "MultiPolygon": "area", "LineString": "line",
                "MultiLineString": "line"}.get(self.geometry.geom_type, "point")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN from pandas
        return ""
    return str(value).strip()


def _list(value: Any) -> list[Any]:
    """A list from a list, or from text separated by ';', ',' or '|'."""
    if value is None or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, (list, tuple)):
        return [v for v in value if _text(v) or isinstance(v, Mapping)]
    return [part.strip() for part in re.split(r"[;|,]", str(value)) if part.strip()]


def _number(value: Any, column: str, problems: list[Problem]) -> float | None:
    if value is None or _text(value) == "":
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        try:
            number = float(_text(value).replace("€", "").replace(" ", ""))
        except ValueError:
            problems.append(Problem(column, f"expected an amount in EUR, got {value!r}"))
            return None
    if number < 0:
        problems.append(Problem(column, f"expected an amount of 0 or more, got {value!r}"))
        return None
    return number


def _period(value: Any, column: str, problems: list[Problem]) -> str | None:
    text = _text(value)
    if not text:
        return None
    if isinstance(value, (date,)):
        return value.isoformat()[:10]
    if isinstance(value, (int, float)) and float(value).is_integer():
        text = str(int(value))
    if not PERIOD_PATTERN.match(text):
        problems.append(Problem(column, f"expected a year or a date (YYYY-MM-DD), got {value!r}"))
        return None
    try:
        if len(text) == 10:
            date.fromisoformat(text)
    except ValueError:
        problems.append(Problem(column, f"not a real date: {value!r}"))
        return None
    return text


def _partner(value: Any, column: str, problems: list[Problem]) -> Partner | None:
    if isinstance(value, Mapping):
        name, country = _text(value.get("name")), _text(value.get("country")).upper() or None
    else:
        text = _text(value)
        match = re.match(r"^(.*?)\s*\(([A-Za-z]{2})\)$", text)
        name, country = (match.group(1), match.group(2).upper()) if match else (text, None)
    if not name:
        return None
    if country is not None and not COUNTRY_PATTERN.match(country):
        problems.append(Problem(column, f"expected a two-letter country code, got {country!r}"))
    return Partner(name, country)


def project_from_record(record: Mapping[str, Any], geometry: shapely.Geometry | None) -> Project:
    """A validated project from a record and its geometry (EPSG:4326, lon/lat).

    Raises
    ------
    ProjectInvalid
        Listing every problem with its column.
    """
    problems: list[Problem] = []
    project_id = _text(record.get("id")).lower()
    if not ID_PATTERN.match(project_id):
        problems.append(Problem("id", "expected letters, digits, '.', '_' or '-' (at most 128), "
                                      f"got {record.get('id')!r}"))
    title = _text(record.get("title"))
    if not title:
        problems.append(Problem("title", "a title is required"))

    theme_ids: list[str] = []
    for value in _list(record.get("themes")):
        theme = themes.parse_theme(_text(value))
        if theme is None:
            problems.append(Problem("themes", f"unknown theme {value!r}; expected one of "
                                              f"{', '.join(themes.THEME_IDS)}"))
        elif theme not in theme_ids:
            theme_ids.append(theme)
    if not theme_ids and not any(p.column == "themes" for p in problems):
        problems.append(Problem("themes", "at least one theme is required"))

    status = _text(record.get("status")).lower() or None
    if status is not None and status not in STATUSES:
        problems.append(Problem("status", f"expected one of {', '.join(STATUSES)}, "
                                          f"got {record.get('status')!r}"))
    precision = _text(record.get("precision")).lower() or "exact"
    if precision not in PRECISIONS:
        problems.append(Problem("precision", f"expected one of {', '.join(PRECISIONS)}, "
                                             f"got {record.get('precision')!r}"))

    start = _period(record.get("start"), "start", problems)
    end = _period(record.get("end"), "end", problems)
    if start and end and end[:4] < start[:4]:
        problems.append(Problem("end", f"ends ({end}) before it starts ({start})"))

    budget = _number(record.get("budget_eur"), "budget_eur", problems)
    eu = _number(record.get("eu_contribution_eur"), "eu_contribution_eur", problems)
    if budget is not None and eu is not None and eu > budget * 1.0001:
        problems.append(Problem("eu_contribution_eur",
                                f"EU contribution {eu:,.2f} exceeds the budget {budget:,.2f}"))

    lead = _partner(record.get("lead_partner"), "lead_partner", problems) \
        if record.get("lead_partner") else None
    partners = tuple(p for v in _list(record.get("partners"))
                     if (p := _partner(v, "partners", problems)) is not None)
    countries = []
    for value in _list(record.get("countries")):
        code = _text(value).upper()
        if not COUNTRY_PATTERN.match(code):
            problems.append(Problem("countries", f"expected two-letter codes, got {value!r}"))
        elif code not in countries:
            countries.append(code)

    sources = tuple(_text(s) for s in _list_of_urls(record.get("sources")))
    if not sources:
        problems.append(Problem("sources", "at least one source URL is required"))
    for source in sources:
        if not re.match(r"^https?://\S+$", source):
            problems.append(Problem("sources", f"expected an http(s) URL, got {source!r}"))

    last_verified = _period(record.get("last_verified"), "last_verified", problems)

    if geometry is None or geometry.is_empty:
        problems.append(Problem("geometry", "a location is required (point, line or area)"))
    elif not geometry.is_valid:
        reason = shapely.is_valid_reason(geometry)
        problems.append(Problem("geometry", f"invalid geometry ({reason})"))
    elif not EUROPE.contains(geometry):
        problems.append(Problem("geometry", "lies outside Europe; are longitude and latitude "
                                            "swapped, or is it another coordinate system?"))

    if problems:
        raise ProjectInvalid(problems)
    return Project(
        id=project_id,
        title=title,
        titles={lang: _text(record.get(f"title_{lang}")) for lang in LANGUAGES
                if _text(record.get(f"title_{lang}"))},
        description=_text(record.get("description")),
        themes=tuple(theme_ids),
        status=status,
        start=start,
        end=end,
        programme=_text(record.get("programme")) or None,
        budget_eur=budget,
        eu_contribution_eur=eu,
        lead_partner=lead,
        partners=partners,
        countries=tuple(countries),
        geometry=geometry,
        precision=precision,
        sources=sources,
        last_verified=last_verified,
        stations=tuple(_text(s) for s in _list(record.get("stations"))),
    )


def _list_of_urls(value: Any) -> list[str]:
    # URLs contain commas and semicolons rarely but spaces never: split on whitespace too.
    if isinstance(value, (list, tuple)):
        return [_text(v) for v in value if _text(v)]
    return [part for part in re.split(r"[\s;|]+", _text(value)) if part]


def project_to_record(project: Project) -> dict[str, Any]:
    """The plain-dict form of ``project`` (the seed file's feature properties)."""
    return {
        "id": project.id,
        "title": project.title,
        **{f"title_{lang}": project.titles.get(lang) for lang in LANGUAGES},
        "description": project.description,
        "themes": list(project.themes),
        "status": project.status,
        "start": project.start,
        "end": project.end,
        "programme": project.programme,
        "budget_eur": project.budget_eur,
        "eu_contribution_eur": project.eu_contribution_eur,
        "lead_partner": ({"name": project.lead_partner.name,
                          "country": project.lead_partner.country}
                         if project.lead_partner else None),
        "partners": [{"name": p.name, "country": p.country} for p in project.partners],
        "countries": list(project.countries),
        "precision": project.precision,
        "sources": list(project.sources),
        "last_verified": project.last_verified,
        "stations": list(project.stations),
    }


def projects_frame(projects: Iterable[Project]) -> gpd.GeoDataFrame:
    """One row per project with flat, filterable columns (EPSG:4326)."""
    rows = []
    geometries = []
    for p in projects:
        rows.append({
            "id": p.id,
            "title": p.title,
            **{f"title_{lang}": p.titles.get(lang, "") for lang in LANGUAGES},
            "description": p.description,
            "themes": list(p.themes),
            "main_theme": p.themes[0],
            "status": p.status or "",
            "start": p.start or "",
            "end": p.end or "",
            "start_year": int(p.start[:4]) if p.start else None,
            "end_year": int(p.end[:4]) if p.end else None,
            "programme": p.programme or "",
            "budget_eur": p.budget_eur,
            "eu_contribution_eur": p.eu_contribution_eur,
            "lead_partner": p.lead_partner.label() if p.lead_partner else "",
            "partners": [partner.label() for partner in p.partners],
            "countries": list(p.countries),
            "precision": p.precision,
            "geometry_type": p.geometry_type,
            "sources": list(p.sources),
            "last_verified": p.last_verified or "",
        })
        geometries.append(p.geometry)
    frame = gpd.GeoDataFrame(rows, geometry=geometries, crs="EPSG:4326")
    for column in ("start_year", "end_year"):
        frame[column] = frame[column].astype("Int64") if len(frame) else frame[column]
    return frame


def location_from_text(lat: str, lon: str, wkt: str) -> shapely.Geometry | None:
    """A geometry typed in a form: WKT (point, line or area) or a latitude/longitude pair.

    Raises
    ------
    ValueError
        Showing the value that could not be read.
    """
    if wkt.strip():
        try:
            return shapely.from_wkt(wkt.strip())
        except shapely.errors.GEOSException:
            raise ValueError(f"not readable as WKT: {wkt.strip()[:80]!r}") from None
    if not lat.strip() and not lon.strip():
        return None
    try:
        return shapely.Point(float(lon.replace(",", ".")), float(lat.replace(",", ".")))
    except ValueError:
        raise ValueError(f"expected decimal degrees, got latitude {lat!r} and longitude "
                         f"{lon!r}") from None
