"""Eurostat GISCO municipality (LAU) boundaries: stream, cut, validate, cache.

GISCO publishes the LAU boundaries as one GeoJSON file for all of Europe and at
one scale (01M): about 98,000 municipalities, a few hundred MB. The file is
parsed while it downloads, one feature at a time (ijson); only the
municipalities of :data:`gros.regions.COUNTRIES` are kept, each is checked, and
each is written to the cache as it comes, so neither the download nor the cut is
ever held whole in memory. The cache is written through
:func:`gros.gisco.atomic_writer`: a failed download or a file that does not pass
the checks leaves the cache as it was.
"""

from __future__ import annotations

import gc
import json
import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar, TextIO

import geopandas as gpd
import ijson
import numpy as np
import pandas as pd
import shapely

from gros import gisco
from gros.regions import COUNTRIES
from gros.settings import Settings

SCALE = "01M"  # the only scale GISCO publishes municipalities at
POLYGONAL = ("Polygon", "MultiPolygon")
COLUMNS = ("gisco_id", "country", "name", "population", "population_density", "area_km2")
"""The columns of :attr:`Municipalities.frame`, besides ``geometry``."""


class InvalidLauData(gisco.GiscoError):
    """The data is not a usable GISCO LAU FeatureCollection."""


class MunicipalitiesUnavailable(gisco.GiscoError):
    """There is no cached copy of the municipalities and the source cannot be reached."""


@dataclass(frozen=True)
class LauSource(gisco.DistributionFile):
    """Where the municipalities of one LAU year come from and are cached."""

    base_url: str
    year: int
    cache_dir: Path
    theme: ClassVar[str] = "lau"
    pattern: ClassVar[str] = f"LAU_RG_{SCALE}_{{year}}_4326.geojson"

    @classmethod
    def from_settings(cls, settings: Settings) -> LauSource:
        return cls(settings.gisco_url, settings.lau_year, settings.cache_dir)

    @property
    def properties(self) -> tuple[str, ...]:
        """The properties every municipality of this year's file must have."""
        return ("GISCO_ID", "CNTR_CODE", "LAU_NAME", f"POP_{self.year}",
                f"POP_DENS_{self.year}", "AREA_KM2", "YEAR")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _check_figures(properties: dict[str, Any], where: str, year: int) -> None:
    """Population, density and area are figures or null (unknown), never anything else."""
    for name in (f"POP_{year}", f"POP_DENS_{year}", "AREA_KM2"):
        value = properties[name]
        if value is None:
            continue
        if not _is_number(value) or value < 0:
            raise InvalidLauData(f"{where}: {name} is {value!r}, expected a number ≥ 0 or null")
    population = properties[f"POP_{year}"]
    if population is not None and not float(population).is_integer():
        raise InvalidLauData(f"{where}: POP_{year} is {population!r}, expected a whole number")


def _check_rings(geometry: dict[str, Any], where: str) -> None:
    """Each ring is four or more positions of numbers, as shapely needs them."""
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    try:
        rings = [ring for polygon in polygons for ring in polygon]
        arrays = [np.asarray(ring, dtype=float) for ring in rings]
    except (TypeError, ValueError):
        arrays = []
    if not arrays or any(a.ndim != 2 or a.shape[0] < 4 or a.shape[1] < 2 for a in arrays):
        raise InvalidLauData(f"{where} has a {geometry['type']} whose coordinates are not "
                             "rings of four or more positions")


def _checked(feature: Any, index: int, origin: str, source: LauSource) -> dict[str, Any] | None:
    """The feature reduced to the expected properties when it is one to keep, None when it
    lies in another country.

    Raises
    ------
    InvalidLauData
        Naming the feature (position and GISCO_ID) and what is wrong with it.
    """
    properties = feature.get("properties") if isinstance(feature, dict) else None
    if not isinstance(properties, dict) or "CNTR_CODE" not in properties:
        raise InvalidLauData(f"{origin}: feature {index} has no properties with a CNTR_CODE")
    if properties["CNTR_CODE"] not in COUNTRIES:
        return None
    where = f"{origin}: feature {index} ({properties.get('GISCO_ID')!r})"
    missing = [name for name in source.properties if name not in properties]
    if missing:
        raise InvalidLauData(f"{where} lacks the properties {', '.join(missing)}")
    for name in ("GISCO_ID", "LAU_NAME"):
        if not isinstance(properties[name], str) or not properties[name].strip():
            raise InvalidLauData(f"{where}: {name} is {properties[name]!r}, expected a text")
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") not in POLYGONAL:
        kind = geometry.get("type") if isinstance(geometry, dict) else geometry
        raise InvalidLauData(f"{where} has no polygon geometry (got {kind!r})")
    _check_rings(geometry, where)
    _check_figures(properties, where, source.year)
    return {"type": "Feature",
            "properties": {name: properties[name] for name in source.properties},
            "geometry": geometry}


def checked_features(stream: Any, origin: str, source: LauSource) -> Iterator[dict[str, Any]]:
    """The municipalities of :data:`COUNTRIES` in a LAU collection, checked, as they are
    parsed from ``stream`` (anything with a binary ``read``).

    The checks that need the whole file (every country present, no GISCO_ID twice)
    raise when the last feature has been read, so a caller writing what it gets
    fails before it finishes.

    Raises
    ------
    InvalidLauData
    """
    first_seen: dict[str, int] = {}
    counts = dict.fromkeys(COUNTRIES, 0)
    parsed = 0
    try:
        for index, feature in enumerate(ijson.items(stream, "features.item", use_float=True,
                                                     buf_size=gisco.CHUNK_BYTES)):
            parsed += 1
            kept = _checked(feature, index, origin, source)
            if kept is None:
                continue
            gisco_id = kept["properties"]["GISCO_ID"]
            if gisco_id in first_seen:
                raise InvalidLauData(f"{origin}: GISCO_ID {gisco_id!r} is there twice "
                                     f"(features {first_seen[gisco_id]} and {index})")
            first_seen[gisco_id] = index
            counts[kept["properties"]["CNTR_CODE"]] += 1
            yield kept
    except ijson.JSONError as exc:
        raise InvalidLauData(f"{origin}: not valid JSON ({exc})") from None
    if not parsed:
        raise InvalidLauData(f"{origin}: expected a GeoJSON FeatureCollection with features, "
                             "found no features")
    absent = [country for country, count in counts.items() if not count]
    if absent:
        raise InvalidLauData(f"{origin}: no municipalities of {', '.join(absent)} in the data")


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a LAU file is parsed.

    The parse makes millions of small lists (coordinates) and no reference cycles;
    the collector would go over them again and again, which took four fifths of
    the time of reading a cut (measured: 2.5 s against 0.5 s). Memory is freed as
    usual by reference counting.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _write_collection(out: TextIO, meta: dict[str, Any],
                      features: Iterable[dict[str, Any]]) -> None:
    # The metadata goes first, so reading it back parses only the head of the file.
    out.write(json.dumps({"type": "FeatureCollection", "gros": meta}, ensure_ascii=False)[:-1])
    out.write(',"features":[')
    for position, feature in enumerate(features):
        if position:
            out.write(",")
        out.write(json.dumps(feature, separators=(",", ":"), ensure_ascii=False))
    out.write("]}")


def fetch(source: LauSource, progress: gisco.Progress | None = None) -> Path:
    """Download the LAU file, keep the municipalities of :data:`COUNTRIES`, cache them.

    ``progress`` is called as for :func:`gros.gisco.fetch`.

    Raises
    ------
    gisco.DownloadError, InvalidLauData
        The cache is left exactly as it was.
    """
    meta = {"source": source.url, "fetched": datetime.now(UTC).isoformat(timespec="seconds"),
            "lau_year": source.year, "scale": SCALE}
    with gisco.download(source.url, progress) as stream, \
            gisco.atomic_writer(source.cache_path) as out, _without_cycle_collection():
        _write_collection(out, meta, checked_features(stream, source.url, source))
    return source.cache_path


@dataclass(frozen=True)
class Municipalities:
    """The cached municipalities with where and when they came from.

    ``frame`` has the :data:`COLUMNS` and ``geometry`` (EPSG:4326), one row per
    municipality, sorted by ``gisco_id``. ``population`` is a nullable integer:
    a municipality without a figure has ``<NA>``, never 0.
    """

    frame: gpd.GeoDataFrame
    source_url: str
    fetched: str
    year: int


def _polygon(rings: list[Any]) -> shapely.Polygon:
    return shapely.Polygon(np.asarray(rings[0]), [np.asarray(ring) for ring in rings[1:]])


def _shape(geometry: dict[str, Any]) -> shapely.Geometry:
    """A checked Polygon or MultiPolygon as shapely geometry.

    From arrays rather than with ``shapely.geometry.shape``, which goes through the
    coordinates point by point in Python (five times slower on a cut).
    """
    if geometry["type"] == "Polygon":
        return _polygon(geometry["coordinates"])
    return shapely.MultiPolygon([_polygon(rings) for rings in geometry["coordinates"]])


def _frame(features: list[dict[str, Any]], year: int) -> gpd.GeoDataFrame:
    properties = [feature["properties"] for feature in features]
    frame = gpd.GeoDataFrame(
        {
            "gisco_id": [p["GISCO_ID"] for p in properties],
            "country": [p["CNTR_CODE"] for p in properties],
            "name": [p["LAU_NAME"] for p in properties],
            "population": pd.array([p[f"POP_{year}"] for p in properties], dtype="Int64"),
            "population_density": pd.array([p[f"POP_DENS_{year}"] for p in properties],
                                            dtype="Float64"),
            "area_km2": pd.array([p["AREA_KM2"] for p in properties], dtype="Float64"),
        },
        geometry=[_shape(feature["geometry"]) for feature in features],
        crs="EPSG:4326",
    )
    return frame.sort_values("gisco_id").reset_index(drop=True)


def read_cached(source: LauSource) -> Municipalities | None:
    """The cached municipalities, or None when there is no valid cached copy.

    The cache is checked as a download is, feature by feature.
    """
    origin = str(source.cache_path)
    try:
        with source.cache_path.open("rb") as handle, _without_cycle_collection():
            meta = next(ijson.items(handle, "gros"), None)
            handle.seek(0)
            features = list(checked_features(handle, origin, source))
    except (OSError, ijson.JSONError, InvalidLauData):
        return None
    if not isinstance(meta, dict):
        return None  # not written by fetch(): fetch again rather than guess its origin
    return Municipalities(frame=_frame(features, source.year),
                          source_url=meta.get("source", source.url),
                          fetched=meta.get("fetched", ""), year=source.year)


def unavailable_message(source: LauSource, reason: str) -> str:
    return (
        f"The municipalities (GISCO LAU {source.year}) are not cached and could not be "
        f"downloaded from {source.url}: {reason}. Euregios are drawn from their NUTS-3 "
        "regions meanwhile. Either fetch them once while online (`python -m gros geodata "
        "fetch`), or set GROS_GISCO_URL to a mirror of the GISCO distribution service "
        "(file:// works)."
    )


def load(source: LauSource, progress: gisco.Progress | None = None) -> Municipalities:
    """The municipalities, from the cache, downloading them if needed.

    Raises
    ------
    MunicipalitiesUnavailable
        No valid cached copy and the download failed; the message names the URL,
        the fallback and the two ways out.
    """
    municipalities = read_cached(source)
    if municipalities is None:
        try:
            fetch(source, progress)
        except gisco.GiscoError as exc:
            raise MunicipalitiesUnavailable(unavailable_message(source, str(exc))) from exc
        municipalities = read_cached(source)
        if municipalities is None:  # pragma: no cover - fetch() checked what it wrote
            raise MunicipalitiesUnavailable(unavailable_message(source,
                                                                "the cache is unreadable"))
    return municipalities
