"""GeoJSON: the features of a FeatureCollection as rows, their properties as the columns and
their geometry as the location; a (pre-RFC 7946) ``crs`` member is honoured.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from gros import coords
from gros.importers.cells import cell_text
from gros.importers.columns import Columns, match_columns, require_title, warn_ignored
from gros.importers.detect import decode
from gros.importers.notes import COORDINATES, Notes
from gros.importers.records import Reading, Row
from gros.importers.result import ImportFileError, ImportResult
from gros.importers.rows import finish
from gros.importers.vocabulary import ALIASES
from gros.projects import Problem


def read_geojson(data: bytes, reading: Reading, notes: Notes) -> ImportResult:
    """The result of a GeoJSON FeatureCollection; each feature is a row ("feature N")."""
    reading = replace(reading, noun="feature")
    name = reading.name
    text = decode(data, name, notes)
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(f"{name!r} is not valid JSON: {exc}") from None
    kind = document.get("type") if isinstance(document, dict) else type(document).__name__
    if kind != "FeatureCollection" or not isinstance(document.get("features"), list):
        raise ImportFileError(f"{name!r} is not a GeoJSON FeatureCollection (its type is "
                              f"{kind!r}); expected {{\"type\": \"FeatureCollection\", "
                              "\"features\": [...]}}")
    features = document["features"]
    if not features:
        notes.warn(f"{name!r} contains no features")
        return ImportResult(name, "geojson", 0, notes=notes.entries(reading.noun))
    columns = match_columns(_property_names(features), ALIASES)
    require_title(columns, name, keep=False, what="properties")
    reading = _crs_member(document.get("crs"), reading, notes)
    warn_ignored(columns, "Properties that are not project fields (kept in the rejected-rows "
                          "export)", notes)
    rows = [_feature_row(i, f, columns) for i, f in enumerate(features, 1)]
    return finish(rows, "geojson", columns, reading, notes)


def _property_names(features: list[Any]) -> list[str]:
    """Every property name of the features, in the order they first appear."""
    names: list[str] = []
    for feature in features:
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if isinstance(properties, dict):
            names.extend(str(k) for k in properties if str(k) not in names)
    return names


def _crs_member(member: Any, reading: Reading, notes: Notes) -> Reading:
    """``reading`` with the system the ``crs`` member names, unless the caller chose one."""
    if not isinstance(member, dict) or reading.crs is not None:
        return reading
    properties = member.get("properties")
    named = coords.crs_from_name(properties.get("name")) \
        if isinstance(properties, dict) else None
    if named is None:
        notes.warn(f"The file's 'crs' member {member!r} names no supported coordinate "
                   "system; recognising it from the coordinates", COORDINATES)
        return reading
    if named == coords.WGS84:
        return reading
    notes.warn(f"Coordinates read as {coords.CRS_LABELS[named]} ({named}), as the file's "
               "'crs' member says", COORDINATES)
    return replace(reading, crs=named)


def _feature_row(number: int, feature: Any, columns: Columns) -> Row:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        text = json.dumps(feature, ensure_ascii=False, default=str)
        problem = Problem("row", f"expected a GeoJSON Feature, got {text[:80]!r}")
        return Row(number, {}, {"feature": text}, problems=(problem,), broken=True)
    properties = feature.get("properties")
    if properties is None:
        properties = {}
    if not isinstance(properties, dict):
        problem = Problem("row", f"expected an object of properties, got {properties!r:.80}")
        return Row(number, {}, {"properties": cell_text(properties)}, problems=(problem,),
                   broken=True)
    cells = [properties.get(h) for h in columns.headers]
    values = {str(k): cell_text(v) for k, v in properties.items()}
    fields = columns.fields(cells)
    if "id" not in fields and isinstance(feature.get("id"), (str, int)):
        fields["id"] = [feature["id"]]
    geometry = feature.get("geometry")
    if geometry is not None:
        values["geometry"] = json.dumps(geometry, ensure_ascii=False, default=str)
    return Row(number, fields, values, geometry=geometry)
