"""Eurostat GISCO NUTS boundaries: download, validate, cache.

The all-levels GeoJSON of a NUTS year and scale is downloaded once, validated,
reduced to the countries the dashboard shows, and written to the cache
atomically (temporary file, then rename), so a failed download never leaves a
corrupt cache behind.
"""

from __future__ import annotations

import json
import os
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar, TextIO

import geopandas as gpd

from gros.regions import COUNTRIES
from gros.settings import Settings

ATTRIBUTION = "© EuroGeographics for the administrative boundaries"
REQUIRED_PROPERTIES = ("NUTS_ID", "LEVL_CODE", "CNTR_CODE", "NAME_LATN")
# Kept in full, and required: the countries of the cooperation (gros.regions.COUNTRIES).
# Kept for context where they are near: their neighbours.
CONTEXT_COUNTRIES = ("LU", "FR", "DK")
# Regions outside this box (overseas France, the south of France and Germany's
# far east stay in, it is cheap) are never drawn, so they are not cached.
AREA_OF_INTEREST = (-1.0, 46.0, 16.0, 56.5)  # lon_min, lat_min, lon_max, lat_max
TIMEOUT_S = 60
CHUNK_BYTES = 256 * 1024

Progress = Callable[[int, int | None], None]
"""Called with (bytes received, total bytes or None when unknown)."""


class GiscoError(Exception):
    """Boundaries could not be obtained or are unusable."""


class DownloadError(GiscoError):
    """The download failed; the cache was left as it was."""


class InvalidNutsData(GiscoError):
    """The data is not a usable GISCO NUTS FeatureCollection."""


class BoundariesUnavailable(GiscoError):
    """There is no cached copy and the source cannot be reached."""


class DistributionFile:
    """A GeoJSON file of the GISCO distribution: where it is and where it is cached.

    Subclasses are dataclasses with ``base_url`` and ``cache_dir``; they say which
    ``theme`` folder of the service the file is in and the ``pattern`` of its name.
    """

    base_url: str
    cache_dir: Path
    theme: ClassVar[str]
    pattern: ClassVar[str]  # the file's name, with the subclass's fields in braces

    @property
    def filename(self) -> str:
        return self.pattern.format(**vars(self))

    @property
    def url(self) -> str:
        return f"{self.base_url.rstrip('/')}/{self.theme}/geojson/{self.filename}"

    @property
    def cache_path(self) -> Path:
        return self.cache_dir / self.theme / self.filename


@dataclass(frozen=True)
class NutsSource(DistributionFile):
    """Where the NUTS boundaries of one year and scale come from and are cached."""

    base_url: str
    year: int
    scale: str
    cache_dir: Path
    theme: ClassVar[str] = "nuts"
    pattern: ClassVar[str] = "NUTS_RG_{scale}_{year}_4326.geojson"

    @classmethod
    def from_settings(cls, settings: Settings) -> NutsSource:
        return cls(settings.gisco_url, settings.nuts_year, settings.nuts_scale, settings.cache_dir)


def validate_collection(data: Any, origin: str) -> None:
    """Raise :class:`InvalidNutsData` unless ``data`` is a usable NUTS FeatureCollection."""
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        kind = data.get("type") if isinstance(data, dict) else type(data).__name__
        raise InvalidNutsData(f"{origin}: expected a GeoJSON FeatureCollection, got {kind!r}")
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise InvalidNutsData(f"{origin}: the FeatureCollection has no features")
    countries: set[str] = set()
    for index, feature in enumerate(features):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            raise InvalidNutsData(f"{origin}: feature {index} has no properties")
        missing = [name for name in REQUIRED_PROPERTIES if name not in properties]
        if missing:
            raise InvalidNutsData(
                f"{origin}: feature {index} lacks the properties {', '.join(missing)}"
            )
        if not isinstance(feature.get("geometry"), dict):
            raise InvalidNutsData(
                f"{origin}: feature {index} ({properties['NUTS_ID']!r}) has no geometry"
            )
        countries.add(properties["CNTR_CODE"])
    absent = [code for code in COUNTRIES if code not in countries]
    if absent:
        raise InvalidNutsData(f"{origin}: no regions of {', '.join(absent)} in the data")


def _intersects_area_of_interest(geometry: dict[str, Any]) -> bool:
    lon_min, lat_min, lon_max, lat_max = AREA_OF_INTEREST

    def points(coords: Any) -> Iterable[tuple[float, float]]:
        if coords and isinstance(coords[0], (int, float)):
            yield coords[0], coords[1]
        else:
            for part in coords:
                yield from points(part)

    return any(
        lon_min <= lon <= lon_max and lat_min <= lat <= lat_max
        for lon, lat in points(geometry.get("coordinates", []))
    )


def reduce_to_working_set(data: dict[str, Any]) -> dict[str, Any]:
    """Keep the focus countries' regions at every level and the neighbours' for context."""
    kept = []
    for feature in data["features"]:
        country = feature["properties"]["CNTR_CODE"]
        if country in COUNTRIES or (
            country in CONTEXT_COUNTRIES and _intersects_area_of_interest(feature["geometry"])
        ):
            kept.append(feature)
    return {"type": "FeatureCollection", "features": kept}


class Download:
    """A download being read: ``read`` reports progress and ends in a clear error.

    Made by :func:`download`. Streaming parsers read it like a file, so a large
    file never has to be held whole in memory.
    """

    def __init__(self, url: str, response: Any, progress: Progress | None):
        self.url, self._response, self._progress = url, response, progress
        length = response.headers.get("Content-Length")
        self.total = int(length) if length and length.isdigit() else None
        self.received = 0

    def read(self, size: int = CHUNK_BYTES) -> bytes:
        """Up to ``size`` bytes; ``b""`` at the end.

        Raises
        ------
        DownloadError
            The connection broke off, or the end came before the announced length.
        """
        if size == 0:
            return b""  # parsers probe what a stream returns with read(0)
        try:
            chunk = self._response.read(size)
        except (OSError, ValueError) as exc:
            raise DownloadError(
                f"{self.url}: the download broke off after {self.received:,} bytes ({exc})"
            ) from None
        self.received += len(chunk)
        if chunk and self._progress:
            self._progress(self.received, self.total)
        # Checked at the end itself, so a parser reading a truncated file stops with
        # this error rather than with a puzzling syntax error.
        if not chunk and self.total is not None and self.received != self.total:
            raise DownloadError(
                f"{self.url}: truncated download, {self.received:,} of {self.total:,} bytes"
            )
        return chunk


@contextmanager
def download(url: str, progress: Progress | None = None) -> Iterator[Download]:
    """Open ``url`` (http, https or file) for reading in chunks.

    Raises
    ------
    DownloadError
        The source cannot be opened; the message names the URL and the reason.
    """
    try:
        response = urllib.request.urlopen(url, timeout=TIMEOUT_S)
    except urllib.error.HTTPError as exc:
        raise DownloadError(f"{url}: the server answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise DownloadError(f"{url}: could not connect ({exc.reason})") from None
    except (OSError, ValueError) as exc:
        raise DownloadError(f"{url}: could not open ({exc})") from None
    with response:
        yield Download(url, response, progress)


def read_url(url: str, progress: Progress | None = None) -> bytes:
    """The whole file at ``url``, read as :func:`download` reads it (same errors)."""
    with download(url, progress) as stream:
        return b"".join(iter(lambda: stream.read(CHUNK_BYTES), b""))


@contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """A text file that replaces ``path`` only when the block ends without an error.

    It is written as a temporary file beside ``path`` and renamed over it, so a
    reader never sees half a file and a failure leaves the old file as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            yield out
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_atomically(path: Path, data: dict[str, Any]) -> None:
    with atomic_writer(path) as out:
        json.dump(data, out, separators=(",", ":"), ensure_ascii=False)


def fetch(source: NutsSource, progress: Progress | None = None) -> Path:
    """Download, validate and cache the boundaries; return the cache path.

    Raises
    ------
    DownloadError, InvalidNutsData
        The cache is left exactly as it was.
    """
    raw = read_url(source.url, progress)
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidNutsData(f"{source.url}: not valid JSON ({exc})") from None
    validate_collection(data, source.url)
    reduced = reduce_to_working_set(data)
    reduced["gros"] = {
        "source": source.url,
        "fetched": datetime.now(UTC).isoformat(timespec="seconds"),
        "nuts_year": source.year,
        "scale": source.scale,
    }
    _write_atomically(source.cache_path, reduced)
    return source.cache_path


def read_cached(source: NutsSource) -> dict[str, Any] | None:
    """The cached collection, or None when there is no valid cached copy."""
    try:
        data = json.loads(source.cache_path.read_text(encoding="utf-8"))
        validate_collection(data, str(source.cache_path))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, InvalidNutsData):
        return None
    return data


def unavailable_message(source: NutsSource, reason: str) -> str:
    return (
        f"The NUTS {source.year} boundaries ({source.scale}) are not cached and could not be "
        f"downloaded from {source.url}: {reason}. Either fetch them once while online "
        "(`python -m gros geodata fetch`), or set GROS_GISCO_URL to a mirror of the GISCO "
        "distribution service (file:// works)."
    )


def cached_or_fetched(source: Any, read: Callable[[Any], Any], fetch_: Callable[..., Any],
                      progress: Progress | None, unavailable: type[GiscoError],
                      message: Callable[[Any, str], str]) -> Any:
    """What ``read(source)`` finds in the cache, after ``fetch_(source, progress)`` if
    nothing valid is cached.

    Raises
    ------
    GiscoError
        ``unavailable``, with ``message(source, reason)``, when the download failed.
    """
    found = read(source)
    if found is None:
        try:
            fetch_(source, progress)
        except GiscoError as exc:
            raise unavailable(message(source, str(exc))) from exc
        found = read(source)
        if found is None:  # pragma: no cover - the fetch checked what it wrote
            raise unavailable(message(source, "the cache is unreadable"))
    return found


@dataclass(frozen=True)
class NutsBoundaries:
    """The cached NUTS regions with where and when they came from."""

    regions: gpd.GeoDataFrame
    source_url: str
    fetched: str
    year: int
    scale: str


def load(source: NutsSource, progress: Progress | None = None) -> NutsBoundaries:
    """The NUTS regions (EPSG:4326), from the cache, downloading them if needed.

    Raises
    ------
    BoundariesUnavailable
        No valid cached copy and the download failed; the message names the URL
        and the two ways out.
    """
    data = cached_or_fetched(source, read_cached, fetch, progress, BoundariesUnavailable,
                             unavailable_message)
    regions = gpd.GeoDataFrame.from_features(data["features"], crs="EPSG:4326")
    regions = regions[["NUTS_ID", "LEVL_CODE", "CNTR_CODE", "NAME_LATN", "geometry"]]
    regions["LEVL_CODE"] = regions["LEVL_CODE"].astype(int)
    meta = data.get("gros", {})
    return NutsBoundaries(
        regions=regions.sort_values("NUTS_ID").reset_index(drop=True),
        source_url=meta.get("source", source.url),
        fetched=meta.get("fetched", ""),
        year=source.year,
        scale=source.scale,
    )
