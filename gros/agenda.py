"""The GROS agenda: the action lists with the partner regions, the border obstacles, and
where people get help and who cooperates — read from ``geodata/`` and checked.

Three curated tables (see ``geodata/README.md``): ``gros_actions.csv`` (one row per item
of an action list or agenda with Vlaanderen, Nordrhein-Westfalen or Niedersachsen),
``border_obstacles.csv`` and ``cooperation_bodies.csv``. Every row names its source;
what a source does not state is empty and stays unknown. A row the dashboard cannot use
stops the load with :class:`~gros.regions.CuratedDataError`, naming file, row and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from gros import themes
from gros.i18n import LANGUAGES
from gros.regions import (
    BORDER_PROVINCES_CSV,
    COUNTRIES,
    EUREGIO_IDS,
    GEODATA_DIR,
    CuratedDataError,
    _require,
    _rows,
    read_border_provinces,
)

ACTIONS_CSV = GEODATA_DIR / "gros_actions.csv"
OBSTACLES_CSV = GEODATA_DIR / "border_obstacles.csv"
BODIES_CSV = GEODATA_DIR / "cooperation_bodies.csv"

ACTION_STATUSES = ("open", "in_progress", "done", "unknown")
OBSTACLE_STATUSES = ("open", "partly_solved", "solved", "unknown")
BODY_KINDS = ("help_point", "egtc", "bgts", "benelux", "euregio")
HELP_KINDS = ("help_point",)
BORDERS = ("NL-BE", "NL-DE")
PRECISIONS = ("office", "town", "municipality", "city")
# The area a point may lie in: the Benelux and the German Länder along the border.
POINT_BOUNDS = (2.5, 49.4, 10.0, 54.0)  # lon_min, lat_min, lon_max, lat_max

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_URL = re.compile(r"^https?://\S+$")

ACTION_COLUMNS = ("id", "partner", "list", "item", "title", "title_lang", "themes", "status",
                  "status_text", "status_date", "agreed", "responsible", "obstacles",
                  "source_url", "source_title", "source_date")
OBSTACLE_COLUMNS = ("id", "title", "title_lang", "description", "themes", "borders", "regions",
                    "status", "status_text", "status_date", "solution", "source_url",
                    "source_title", "source_date", "more_sources")
BODY_COLUMNS = ("id", "name", "kind", "euregio_id", "founded", "members", "town", "country",
                "lat", "lon", "precision", "coordinates_source", "website", "source_url",
                "source_title", "source_date", "more_sources")


@dataclass(frozen=True)
class Agenda:
    """The three tables, checked against each other."""

    actions: pd.DataFrame
    obstacles: pd.DataFrame
    bodies: pd.DataFrame


def _choice(path: Path, row: int, column: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise CuratedDataError(path, row, column,
                               f"expected one of {', '.join(allowed)}, got {value!r}")
    return value


def _choices(path: Path, row: int, column: str, value: str, allowed: tuple[str, ...],
             required: bool = True) -> tuple[str, ...]:
    """Space-separated values, each one of ``allowed``; at least one when ``required``."""
    values = tuple(value.split())
    if required and not values:
        raise CuratedDataError(path, row, column, "a value is required")
    for item in values:
        _choice(path, row, column, item, allowed)
    return values


def _date(path: Path, row: int, column: str, value: str) -> str:
    if value and not _DATE.match(value):
        raise CuratedDataError(path, row, column,
                               f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


def _url(path: Path, row: int, column: str, value: str, required: bool = True) -> str:
    """An http(s) address; for ``source_url`` also a ``geodata/`` file of this folder."""
    if not value and not required:
        return value
    if column == "source_url" and value.startswith("geodata/"):
        if not (path.parent / value.removeprefix("geodata/")).is_file():
            raise CuratedDataError(path, row, column, f"no such file {value!r}")
        return value
    if not _URL.match(value):
        raise CuratedDataError(path, row, column, f"expected an http(s) address, got {value!r}")
    return value


def _source(path: Path, number: int, row: dict[str, str]) -> dict[str, object]:
    return {
        "source_url": _url(path, number, "source_url", row["source_url"]),
        "source_title": _require(path, number, "source_title", row["source_title"]),
        "source_date": _date(path, number, "source_date", row["source_date"]),
    }


def _unique_ids(path: Path, rows: list[tuple[int, dict[str, str]]]) -> None:
    seen: dict[str, int] = {}
    for number, row in rows:
        value = _require(path, number, "id", row["id"])
        if not _ID.match(value):
            raise CuratedDataError(path, number, "id",
                                   f"expected lower-case letters, digits and '-', got {value!r}")
        if value in seen:
            raise CuratedDataError(path, number, "id",
                                   f"{value!r} is already the id of row {seen[value]}")
        seen[value] = number


def _titled(path: Path, number: int, row: dict[str, str]) -> dict[str, object]:
    return {"title": _require(path, number, "title", row["title"]),
            "title_lang": _choice(path, number, "title_lang", row["title_lang"], LANGUAGES)}


def _more_sources(path: Path, number: int, row: dict[str, str]) -> tuple[str, ...]:
    return tuple(_url(path, number, "more_sources", url) for url in row["more_sources"].split())


Record = Callable[[int, dict[str, str]], dict[str, object]]


def _table(path: Path, columns: tuple[str, ...], record: Record) -> pd.DataFrame:
    """The rows of ``path`` (unique ids checked), each made by ``record(number, row)``."""
    rows = _rows(path, columns)
    _unique_ids(path, rows)
    return pd.DataFrame.from_records([record(number, row) for number, row in rows],
                                     columns=list(columns))


def partner_ids(provinces: pd.DataFrame) -> tuple[str, ...]:
    """The NUTS ids of the GROS partner regions, as ``border_provinces.csv`` lists them."""
    return tuple(provinces.loc[provinces["gros_partner"], "nuts_id"])


def read_actions(path: Path = ACTIONS_CSV, partners: tuple[str, ...] = ("BE2", "DEA", "DE9")
                 ) -> pd.DataFrame:
    """The action-list items; ``obstacles`` is checked against the obstacles by
    :func:`load_agenda`."""
    def record(number: int, row: dict[str, str]) -> dict[str, object]:
        return {
            "id": row["id"],
            "partner": _choice(path, number, "partner", row["partner"], partners),
            "list": _require(path, number, "list", row["list"]),
            "item": row["item"],
            **_titled(path, number, row),
            "themes": _choices(path, number, "themes", row["themes"], themes.THEME_IDS),
            "status": _choice(path, number, "status", row["status"], ACTION_STATUSES),
            "status_text": row["status_text"],
            "status_date": _date(path, number, "status_date", row["status_date"]),
            "agreed": _date(path, number, "agreed", row["agreed"]),
            "responsible": row["responsible"],
            "obstacles": tuple(row["obstacles"].split()),
            **_source(path, number, row),
        }

    return _table(path, ACTION_COLUMNS, record)


def read_obstacles(path: Path = OBSTACLES_CSV, regions: tuple[str, ...] = ()) -> pd.DataFrame:
    """The border obstacles; ``regions`` are the NUTS ids an obstacle may name."""
    def record(number: int, row: dict[str, str]) -> dict[str, object]:
        return {
            "id": row["id"],
            **_titled(path, number, row),
            "description": row["description"],
            "themes": _choices(path, number, "themes", row["themes"], themes.THEME_IDS),
            "borders": _choices(path, number, "borders", row["borders"], BORDERS),
            "regions": _choices(path, number, "regions", row["regions"], regions,
                                required=False),
            "status": _choice(path, number, "status", row["status"], OBSTACLE_STATUSES),
            "status_text": row["status_text"],
            "status_date": _date(path, number, "status_date", row["status_date"]),
            "solution": row["solution"],
            **_source(path, number, row),
            "more_sources": _more_sources(path, number, row),
        }

    return _table(path, OBSTACLE_COLUMNS, record)


def _coordinates(path: Path, number: int, row: dict[str, str]) -> tuple[float | None, ...]:
    if not row["lat"] and not row["lon"]:
        return None, None
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        raise CuratedDataError(path, number, "lat",
                               f"expected two numbers, got {row['lat']!r}, {row['lon']!r}"
                               ) from None
    lon_min, lat_min, lon_max, lat_max = POINT_BOUNDS
    if not (lat_min <= lat <= lat_max and lon_min <= lon <= lon_max):
        raise CuratedDataError(path, number, "lat",
                               f"({lat}, {lon}) lies outside the border region")
    _choice(path, number, "precision", row["precision"], PRECISIONS)
    _require(path, number, "coordinates_source", row["coordinates_source"])
    return lat, lon


def read_bodies(path: Path = BODIES_CSV) -> pd.DataFrame:
    """The help points and cooperation bodies; a Euregio's row links to its profile
    (``euregio_id``) and takes its name from ``euregios.csv``."""
    def record(number: int, row: dict[str, str]) -> dict[str, object]:
        kind = _choice(path, number, "kind", row["kind"], BODY_KINDS)
        euregio = row["euregio_id"]
        if euregio:
            _choice(path, number, "euregio_id", euregio, EUREGIO_IDS)
        if kind == "euregio" and not euregio:
            raise CuratedDataError(path, number, "euregio_id", "a Euregio's row needs its id")
        if kind != "euregio":
            _require(path, number, "name", row["name"])
        if row["founded"] and not re.fullmatch(r"\d{4}", row["founded"]):
            raise CuratedDataError(path, number, "founded",
                                   f"expected a year, got {row['founded']!r}")
        if row["country"]:
            _choice(path, number, "country", row["country"], COUNTRIES)
        lat, lon = _coordinates(path, number, row)
        return {
            "id": row["id"], "name": row["name"], "kind": kind, "euregio_id": euregio,
            "founded": int(row["founded"]) if row["founded"] else None,
            "members": tuple(part.strip() for part in row["members"].split(";")
                             if part.strip()),
            "town": row["town"], "country": row["country"], "lat": lat, "lon": lon,
            "precision": row["precision"], "coordinates_source": row["coordinates_source"],
            "website": _url(path, number, "website", row["website"], required=False),
            **_source(path, number, row),
            "more_sources": _more_sources(path, number, row),
        }

    return _table(path, BODY_COLUMNS, record)


def load_agenda(folder: Path = GEODATA_DIR) -> Agenda:
    """The three tables of ``folder``, with every obstacle an action names checked.

    Raises
    ------
    CuratedDataError
        For the first row the dashboard cannot use, naming file, row and column.
    """
    provinces = read_border_provinces(folder / BORDER_PROVINCES_CSV.name)
    actions = read_actions(folder / ACTIONS_CSV.name, partner_ids(provinces))
    obstacles = read_obstacles(folder / OBSTACLES_CSV.name, tuple(provinces["nuts_id"]))
    known = set(obstacles["id"])
    for number, named in enumerate(actions["obstacles"], start=2):
        for obstacle_id in named:
            if obstacle_id not in known:
                raise CuratedDataError(folder / ACTIONS_CSV.name, number, "obstacles",
                                       f"no obstacle {obstacle_id!r} in {OBSTACLES_CSV.name}")
    return Agenda(actions, obstacles, read_bodies(folder / BODIES_CSV.name))


@lru_cache(maxsize=1)
def agenda() -> Agenda:
    """The dashboard's own agenda tables, read once."""
    return load_agenda()
