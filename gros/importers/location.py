"""Where a row lies: its location as given, the file's one coordinate system, and the place
in WGS 84 (or the point of its NUTS-3 region).

Preference: a GeoJSON feature's geometry, a WKT column, x/y, lat/lon, then a NUTS-3
code. Rows whose coordinates fit another system than most of the file's are rejected
rather than misplaced.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import shapely
import shapely.geometry

from gros import coords
from gros.importers.cells import first, trimmed
from gros.importers.columns import Columns
from gros.importers.notes import COORDINATES, SWAPPED, Notes
from gros.importers.records import Reading, Row
from gros.importers.result import ImportFileError
from gros.importers.values import nuts3_code
from gros.projects import Problem

# The record keys a location is read from; a problem with one means "not located".
LOCATION_KEYS = frozenset({"geometry", "x", "y", "lat", "lon", "wkt", "nuts3"})


class RowProblem(Exception):
    """Why a row has no usable location, with the record key it concerns."""

    def __init__(self, column: str, reason: str):
        super().__init__(reason)
        self.column = column
        self.reason = reason


def check_crs(crs: str | None, name: str) -> str | None:
    """The caller's coordinate system in capitals, or None to recognise it from the values."""
    if crs is None:
        return None
    chosen = str(crs).strip().upper()
    if chosen not in coords.SUPPORTED_CRS:
        raise ImportFileError(f"{name!r}: unknown coordinate system {crs!r}; expected one of "
                              f"{', '.join(coords.SUPPORTED_CRS)}")
    return chosen


def with_raw_location(row: Row, columns: Columns) -> Row:
    """The row with its location as given (before any reprojection), if it has one.

    A location that is given but unreadable becomes a problem of the row instead.
    """
    try:
        return replace(row, location=_raw_location(row, columns))
    except RowProblem as problem:
        return replace(row, problems=(*row.problems, Problem(problem.column, problem.reason)))


def _raw_location(row: Row, columns: Columns) -> tuple[str, Any] | None:
    f = row.fields
    if row.geometry is not None:
        return "geometry", geojson_geometry(row.geometry)
    if (wkt := first(f.get("wkt"))) is not None:
        return "wkt", wkt_geometry(trimmed(wkt))
    x, y = first(f.get("x")), first(f.get("y"))
    if x is not None or y is not None:
        return "xy", shapely.Point(_coordinate(x, "x", columns), _coordinate(y, "y", columns))
    lat, lon = first(f.get("lat")), first(f.get("lon"))
    if lat is not None or lon is not None:
        return "latlon", shapely.Point(_coordinate(lon, "lon", columns),
                                       _coordinate(lat, "lat", columns))
    return None


def _coordinate(value: Any, key: str, columns: Columns) -> float:
    if value is None:
        other = {"x": "y", "y": "x", "lat": "longitude", "lon": "latitude"}[key]
        raise RowProblem(key, f"a {other} is given but the {columns.header(key)!r} value is "
                              "empty")
    try:
        return coords.parse_coordinate(value)
    except coords.CoordinateError as exc:
        raise RowProblem(key, str(exc)) from None


def geojson_geometry(member: Any) -> Any:
    """A shapely geometry from a GeoJSON geometry member; RowProblem if bad or empty."""
    try:
        geometry = shapely.geometry.shape(member)
    except Exception:  # shape() raises KeyError, TypeError, GeometryTypeError… on bad input
        text = json.dumps(member, ensure_ascii=False, default=str)
        raise RowProblem("geometry", f"not a valid GeoJSON geometry: {text[:80]!r}") from None
    if geometry.is_empty:
        raise RowProblem("geometry", "the feature's geometry is empty")
    return geometry


def wkt_geometry(text: str) -> Any:
    """A shapely geometry from WKT text; RowProblem if bad or empty."""
    try:
        geometry = shapely.from_wkt(text)
    except (shapely.errors.ShapelyError, ValueError, TypeError):
        raise RowProblem("wkt", f"not valid WKT: {text[:80]!r}") from None
    if geometry is None or geometry.is_empty:
        raise RowProblem("wkt", f"the WKT geometry is empty: {text[:80]!r}")
    return geometry


def choose_crs(rows: Sequence[Row], crs: str | None, notes: Notes) -> str | None:
    """The file's coordinate system: ``crs`` if chosen, else the one most rows fit.

    Only x/y, WKT and GeoJSON coordinates count; None when no system fits.
    """
    projected = [r for r in rows if r.location and r.location[0] != "latlon"]
    if crs is not None or not projected:
        return crs
    points = [p for r in projected if (p := coords.first_coordinate(r.location[1]))]
    file_crs = coords.detect_crs(points)
    has_xy = any(r.location[0] == "xy" for r in projected)
    if file_crs is not None and (has_xy or file_crs != coords.WGS84):
        notes.warn(f"Coordinates read as {coords.CRS_LABELS[file_crs]} ({file_crs}), "
                   "recognised from their values; pass crs to choose another", COORDINATES)
    return file_crs


def place(row: Row, reading: Reading, file_crs: str | None,
          notes: Notes) -> tuple[Any, str | None]:
    """The row's geometry in WGS 84 and the precision it implies (None: as given).

    Raises
    ------
    RowProblem
        When the row has no usable location.
    """
    if row.location is None:
        return _nuts3_location(row, reading), "nuts3"
    kind, geometry = row.location
    if kind != "latlon":
        geometry = coords.to_wgs84(geometry, _crs_of(kind, geometry, reading.crs, file_crs))
    if not coords.is_finite(geometry):
        raise RowProblem("x" if kind == "xy" else "geometry",
                         "the coordinates do not convert to longitude/latitude")
    geometry, swapped = coords.fix_axis_order(geometry)
    if swapped:
        notes.tally(SWAPPED, row.number)
    return geometry, None


def _crs_of(kind: str, geometry: Any, crs: str | None, file_crs: str | None) -> str:
    """The coordinate system of a row's x/y, WKT or GeoJSON geometry."""
    column = "x" if kind == "xy" else kind
    point = coords.first_coordinate(geometry)
    where = f"x/y {point}" if kind == "xy" else f"coordinates {point}"
    if file_crs is None:
        raise RowProblem(column, f"cannot tell the coordinate system of {where}: the "
                                 f"file's values fit none, or several equally, of "
                                 f"{coords.describe_ranges()}; pass crs")
    if crs is None and (point is None or coords.classify(*point) != file_crs):
        raise RowProblem(column, f"{where} do not fit {coords.CRS_LABELS[file_crs]} "
                                 f"({file_crs}), the system recognised for this file "
                                 "from most rows; pass crs to choose one")
    return file_crs


def _nuts3_location(row: Row, reading: Reading) -> Any:
    value = first(row.fields.get("nuts3"))
    column = "nuts3"
    if value is None:
        raise RowProblem("geometry", "a location is required: give lat/lon, x/y, WKT or a "
                                     "NUTS-3 code")
    try:
        code = nuts3_code(value)
    except ValueError as exc:
        raise RowProblem(column, str(exc)) from None
    if reading.nuts3_points is None:
        raise RowProblem(column, f"has no coordinates, and its NUTS-3 region {code!r} cannot "
                                 "be placed because no NUTS-3 points were provided")
    point = reading.nuts3_points.get(code)
    if point is None:
        raise RowProblem(column, f"has no coordinates, and there is no point for NUTS-3 "
                                 f"code {code!r} (from {value!r})")
    try:
        return shapely.Point(float(point[0]), float(point[1]))
    except (TypeError, ValueError, IndexError):
        raise RowProblem(column, f"the point given for NUTS-3 code {code!r} is not "
                                 f"(lon, lat): {point!r}") from None
