"""The curated seed data in ``geodata/``: projects and the rail stations they run through."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import shapely
import shapely.geometry

from gros.projects import Project, ProjectInvalid, project_from_record
from gros.regions import GEODATA_DIR, CuratedDataError

PROJECTS_GEOJSON = GEODATA_DIR / "projects.geojson"
STATIONS_CSV = GEODATA_DIR / "stations.csv"


def read_seed_projects(path: Path = PROJECTS_GEOJSON) -> list[Project]:
    """Every project of the seed file, validated.

    Raises
    ------
    CuratedDataError
        Naming the feature (1-based) and the problems, if any record is invalid.
    """
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise CuratedDataError(path, None, None, f"cannot read the file ({exc})") from None
    projects = []
    for number, feature in enumerate(collection.get("features", []), start=1):
        geometry = shapely.geometry.shape(feature["geometry"]) if feature.get("geometry") else None
        try:
            projects.append(project_from_record(feature.get("properties") or {}, geometry))
        except ProjectInvalid as exc:
            raise CuratedDataError(path, number, None, str(exc)) from None
    return projects


@dataclass(frozen=True)
class Station:
    """A railway station; ``source`` is the page its coordinates come from and ``copy``,
    where they were read on a copy of that page on another site, the copy."""

    name: str
    country: str
    lon: float
    lat: float
    source: str
    copy: str = ""

    @property
    def point(self) -> shapely.Point:
        return shapely.Point(self.lon, self.lat)


def read_stations(path: Path = STATIONS_CSV) -> dict[str, Station]:
    """Railway stations by name, with WGS84 coordinates and the page they come from."""
    stations = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            try:
                stations[row["name"]] = Station(row["name"], row["country"], float(row["lon"]),
                                                float(row["lat"]), row["source"],
                                                row.get("copy") or "")
            except (KeyError, ValueError) as exc:
                raise CuratedDataError(path, number, None, f"bad station row ({exc})") from None
    return stations
