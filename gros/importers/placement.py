"""Where a keep.eu project goes on the map, and whether it belongs to the dashboard's area.

A project is *outside the area* when its partners name countries and none of them is the
Netherlands, Belgium or Germany. A project in the area is one point: the NUTS-3 region of
its lead partner if that lies in the area, else that of the first partner whose region
does (precision ``nuts3``; ``nuts2`` or ``nuts1`` where only a parent region is known).
One point, not one per partner: the map counts, clusters and filters a project once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import shapely

from gros.importers.cells import first, split_items, trimmed
from gros.importers.location import RowProblem
from gros.importers.notes import RESOLVED_REGIONS, UNKNOWN_REGIONS, Notes
from gros.importers.nuts import NutsResolution, region_point, resolve
from gros.importers.partners import PartnerPlace
from gros.importers.records import Reading, Row
from gros.importers.result import OutsideArea
from gros.importers.values import nuts_value, parse_country
from gros.importers.vocabulary import TITLE_KEYS
from gros.regions import COUNTRIES

AREA = frozenset(COUNTRIES)
PRECISION_OF_LEVEL = {3: "nuts3", 2: "nuts2", 1: "nuts1"}


def outside_area(countries: Iterable[str]) -> bool:
    """Whether a project's countries are known and none is in the area."""
    known = set(countries)
    return bool(known) and not known & AREA


def row_countries(row: Row) -> list[str]:
    """The countries a keep.eu row names: its partners', its lead partner's and its own.

    A name that is no country the importer knows is kept as written: it is none of the
    area's countries, whose names it knows in every language.
    """
    found = list(row.links.countries) if row.links is not None else []
    for key in ("lead_partner_country", "countries"):
        for value in split_items(first(row.fields.get(key)), ";|,\n"):
            try:
                found.append(parse_country(value))
            except ValueError:
                found.append(value)
    return list(dict.fromkeys(found))


def outside_entry(row: Row) -> OutsideArea:
    """The listing of a row outside the area: its title, programme and countries."""
    f = row.fields
    title = next((trimmed(first(f.get(k))) for k in (*TITLE_KEYS, "acronym")
                  if trimmed(first(f.get(k)))), "")
    return OutsideArea(row.number, title, trimmed(first(f.get("programme"))),
                       tuple(row_countries(row)), row.values)


def keep_location(row: Row, reading: Reading, notes: Notes, anywhere: bool = False
                  ) -> tuple[Any, str]:
    """The point and precision of a keep.eu row without coordinates.

    ``anywhere``: a project outside the area goes to its lead partner's region (else the
    first partner's) wherever that is, if the map has a point for it.

    Raises
    ------
    RowProblem
        When none of its partners' regions can be placed, saying what each one had.
    """
    places = _places(row)
    if not any(p.regions for p in places):
        raise RowProblem("geometry", "has no coordinates and no NUTS region for its lead "
                                     "partner or any other partner, so it cannot be placed "
                                     "on the map")
    if reading.nuts3_points is None:
        code = next(p.regions[0][0] for p in places if p.regions)
        raise RowProblem("geometry", f"has no coordinates, and its NUTS region {code!r} "
                                     "cannot be placed because no NUTS-3 points were provided")
    tried: list[str] = []
    for place in places:
        if anywhere or _in_area(place):
            found = _region(place, row.number, reading, notes, anywhere, tried)
            if found is not None:
                return found
    where = "" if anywhere else " in the Netherlands, Belgium or Germany"
    raise RowProblem("geometry", f"no partner{where} has a NUTS region the map can place "
                                 f"({'; '.join(tried) or 'none has a region'})")


def _places(row: Row) -> tuple[PartnerPlace, ...]:
    """The partners' places, or the lead's from the projects sheet's own NUTS-3 column."""
    if row.links is not None and row.links.places:
        return row.links.places
    value = first(row.fields.get("nuts3"))
    try:
        regions = (nuts_value(value),) if value is not None else ()
    except ValueError as exc:
        raise RowProblem("nuts3", str(exc)) from None
    name = str(first(row.fields.get("lead_partner")) or "the lead partner")
    return (PartnerPlace(name, None, regions, row.number, lead=True),)


def _in_area(place: PartnerPlace) -> bool:
    return place.country in AREA or any(code[:2] in AREA for code, _ in place.regions)


def _region(place: PartnerPlace, number: int, reading: Reading, notes: Notes, anywhere: bool,
            tried: list[str]) -> tuple[Any, str] | None:
    """The first of a partner's regions (most detailed first) that the map can place."""
    points = reading.nuts3_points or {}
    for code, label in place.regions:
        region = reading.regions.get((code, label))
        if region is None:
            region = reading.regions.setdefault(
                (code, label), resolve(code, label, points, reading.nuts_names))
        # A whole country is no place for a project: its middle would mislead.
        usable = region.code is not None and (region.level or 0) >= 1
        point = region_point(region.code, points) if usable else None
        if point is None or not (anywhere or region.code[:2] in AREA):
            tried.append(f"{place.name!r}: {code!r} {_why_not(region, point)}")
            if region.code is None:
                notes.group(UNKNOWN_REGIONS, _named(code, label), number)
            continue
        if region.note:  # a code that is not NUTS 2024, exact or not: say what it became
            notes.group(RESOLVED_REGIONS, f"{_named(code, label)} → {region.code}"
                                          f"{f' ({region.note})' if region.note else ''}",
                        number)
        try:
            return shapely.Point(float(point[0]), float(point[1])), \
                PRECISION_OF_LEVEL.get(region.level or 0, "nuts1")
        except (TypeError, ValueError, IndexError):
            raise RowProblem("geometry", f"the point given for NUTS code {region.code!r} is "
                                         f"not (lon, lat): {point!r}") from None
    return None


def _why_not(region: NutsResolution, point: Any) -> str:
    if region.code is None:
        return "matches no NUTS 2024 region"
    if (region.level or 0) < 1:
        return f"resolves only to the country {region.code}"
    if point is None:
        return f"(NUTS 2024 {region.code}) has no point on the map"
    return f"(NUTS 2024 {region.code}) lies outside the Netherlands, Belgium and Germany"


def _named(code: str, label: str | None) -> str:
    return f"{code} / {label}" if label else code
