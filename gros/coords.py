"""Coordinates of project locations: parsing, axis order and the border region's coordinate systems.

Projects are stored in WGS 84 (EPSG:4326, longitude/latitude). Files people import may
hold Dutch RD New, Belgian Lambert 72 or Lambert 2008 coordinates instead, decimal
commas, or latitude and longitude in each other's columns. This module recognises
those from the values and converts them; it never guesses silently — every function
that changes a coordinate says so to its caller.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import numpy as np
import shapely
from pyproj import Transformer

WGS84 = "EPSG:4326"
RD_NEW = "EPSG:28992"
LAMBERT_72 = "EPSG:31370"
LAMBERT_2008 = "EPSG:3812"
CRS_LABELS: dict[str, str] = {
    WGS84: "WGS 84 longitude/latitude",
    RD_NEW: "RD New (Netherlands)",
    LAMBERT_72: "Belgian Lambert 72",
    LAMBERT_2008: "Belgian Lambert 2008",
}
SUPPORTED_CRS: tuple[str, ...] = tuple(CRS_LABELS)

# The dashboard's working area: the Netherlands, Belgium and the German border Länder.
# A point outside it whose swapped pair lies inside had its axes swapped.
WORKING_AREA = shapely.box(2.0, 49.0, 10.0, 55.0)

# (xmin, ymin, xmax, ymax) of each projected system over its own country plus about
# 25 km beyond the border, for partners just across it. RD New covers the Netherlands
# from y≈300 000, Lambert 72 Belgium below y≈250 000, and Lambert 2008 is Lambert 72
# shifted by 500 km east and north, so the boxes do not overlap: a point fits at most
# one of them, and a file's system follows from its values.
PROJECTED_RANGES: dict[str, tuple[float, float, float, float]] = {
    RD_NEW: (-30_000, 280_000, 330_000, 650_000),
    LAMBERT_72: (-25_000, -25_000, 325_000, 275_000),
    LAMBERT_2008: (475_000, 475_000, 825_000, 775_000),
}

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")


class CoordinateError(ValueError):
    """A coordinate that cannot be read; the message shows the value."""


def parse_coordinate(value: Any) -> float:
    """A finite coordinate from a number or text such as ``"51,4416"`` or ``"176 700"``.

    A comma is a decimal comma (coordinates are not written with thousands
    separators in degrees); with both ``.`` and ``,`` the last one is the decimal mark.

    Raises
    ------
    CoordinateError
        When the value is empty, not a number, or not finite.
    """
    if isinstance(value, bool):
        raise CoordinateError(f"expected a coordinate, got {value!r}")
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
    else:
        text = _SPACES.sub("", str(value if value is not None else "")).replace("°", "")
        if not text:
            raise CoordinateError("expected a coordinate, got an empty value")
        if "," in text and "." in text:
            decimal = "," if text.rfind(",") > text.rfind(".") else "."
            text = text.replace("." if decimal == "," else ",", "").replace(",", ".")
        elif text.count(",") == 1:
            text = text.replace(",", ".")
        if not _NUMBER.match(text):
            raise CoordinateError(f"expected a coordinate such as 51.4416 or 51,4416, "
                                  f"got {value!r}")
        number = float(text)
    if not math.isfinite(number):
        raise CoordinateError(f"expected a finite coordinate, got {value!r}")
    return number


def classify(x: float, y: float) -> str | None:
    """The coordinate system whose usual values hold ``(x, y)``, else None.

    Degrees come first: no RD or Lambert coordinate in the region is below 180.
    """
    if not (math.isfinite(x) and math.isfinite(y)):
        return None
    if -180 <= x <= 180 and -90 <= y <= 90:
        return WGS84
    for crs, (xmin, ymin, xmax, ymax) in PROJECTED_RANGES.items():
        if xmin <= x <= xmax and ymin <= y <= ymax:
            return crs
    return None


def detect_crs(points: Iterable[tuple[float, float]]) -> str | None:
    """The coordinate system most of ``points`` fit; None if none fit or two tie."""
    counts = Counter(c for x, y in points if (c := classify(x, y)) is not None)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def describe_ranges() -> str:
    """The value ranges :func:`classify` recognises, for error messages."""
    parts = ["degrees (longitude/latitude)"]
    for crs, (xmin, ymin, xmax, ymax) in PROJECTED_RANGES.items():
        parts.append(f"{CRS_LABELS[crs]} {crs} (x {xmin:,.0f}–{xmax:,.0f}, "
                     f"y {ymin:,.0f}–{ymax:,.0f})")
    return "; ".join(parts)


def crs_from_name(name: Any) -> str | None:
    """One of :data:`SUPPORTED_CRS` from a name such as ``"urn:ogc:def:crs:EPSG::28992"``.

    Also understands ``"CRS84"``, bare EPSG numbers and the systems' common names;
    returns None for anything else.
    """
    text = str(name or "").strip()
    if not text:
        return None
    lowered = text.lower()
    if "crs84" in lowered or "wgs 84" in lowered or "wgs84" in lowered:
        return WGS84
    match = re.search(r"epsg\D{0,8}(\d{4,5})\b", lowered) or re.fullmatch(r"(\d{4,5})", lowered)
    if match:
        code = f"EPSG:{match.group(1)}"
        return code if code in CRS_LABELS else None
    squashed = re.sub(r"[^a-z0-9]", "", lowered)
    if "rdnew" in squashed or "amersfoort" in squashed:
        return RD_NEW
    if "lambert2008" in squashed:
        return LAMBERT_2008
    if "lambert72" in squashed or "bd72" in squashed:
        return LAMBERT_72
    return None


@lru_cache(maxsize=8)
def _transformer(crs: str) -> Transformer:
    # always_xy: pyproj would otherwise return EPSG:4326 as latitude, longitude.
    return Transformer.from_crs(crs, WGS84, always_xy=True)


def to_wgs84(geometry: shapely.Geometry, crs: str) -> shapely.Geometry:
    """``geometry`` given in ``crs`` as WGS 84 longitude/latitude.

    Raises
    ------
    CoordinateError
        When ``crs`` is not one of :data:`SUPPORTED_CRS`.
    """
    if crs not in CRS_LABELS:
        raise CoordinateError(f"expected one of {', '.join(SUPPORTED_CRS)}, got {crs!r}")
    if crs == WGS84:
        return geometry
    transformer = _transformer(crs)

    def project(coordinates: np.ndarray) -> np.ndarray:
        lon, lat = transformer.transform(coordinates[:, 0], coordinates[:, 1])
        return np.column_stack([lon, lat])

    return shapely.transform(geometry, project)


def swap_axes(geometry: shapely.Geometry) -> shapely.Geometry:
    """``geometry`` with x and y exchanged."""
    return shapely.transform(geometry, lambda coordinates: coordinates[:, ::-1])


def fix_axis_order(geometry: shapely.Geometry) -> tuple[shapely.Geometry, bool]:
    """``geometry`` with longitude first, and whether its axes had to be swapped.

    Swaps only when the geometry misses the working area (lon 2–10, lat 49–55) and the
    swapped one meets it; a place elsewhere in Europe is left as it is.
    """
    if geometry.is_empty or geometry.intersects(WORKING_AREA):
        return geometry, False
    swapped = swap_axes(geometry)
    if swapped.intersects(WORKING_AREA):
        return swapped, True
    return geometry, False


def first_coordinate(geometry: shapely.Geometry) -> tuple[float, float] | None:
    """The first vertex of ``geometry``, to recognise its coordinate system; None if empty."""
    coordinates = shapely.get_coordinates(geometry)
    if not len(coordinates):
        return None
    return float(coordinates[0][0]), float(coordinates[0][1])


def is_finite(geometry: shapely.Geometry) -> bool:
    """Whether every coordinate of ``geometry`` is a finite number."""
    return bool(np.isfinite(shapely.get_coordinates(geometry)).all())
