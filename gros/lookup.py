"""What lies at a point: its municipality, Euregios and border province.

For people and checks on the command line (``python -m gros geodata lookup``).
"""

from __future__ import annotations

from typing import Any

import shapely

from gros.lau import Municipalities
from gros.layers import RegionLayers, locate


def municipality_at(municipalities: Municipalities, lon: float, lat: float
                    ) -> dict[str, str] | None:
    """The municipality the WGS84 point lies in: ``{"id", "name", "country"}``, or None.

    Where the source's municipalities overlap (along national borders they may),
    the first by GISCO_ID is given, so the answer does not change between runs.
    """
    frame = municipalities.frame
    hits = frame.sindex.query(shapely.Point(lon, lat), predicate="intersects")
    if not len(hits):
        return None
    row = frame.iloc[min(hits)]  # the frame is sorted by gisco_id
    return {"id": row["gisco_id"], "name": row["name"], "country": row["country"]}


def border_province_at(layers: RegionLayers, lon: float, lat: float) -> str | None:
    """The border province or Land the point lies in (its NUTS id), or None.

    The table also lists wider partner regions (Vlaanderen around Antwerpen): a
    region on the border comes first, then the smaller (longer code) of two.
    """
    inside = set(locate(layers, lon, lat).border_provinces)
    if not inside:
        return None
    table = layers.border_provinces
    rows = table[table["nuts_id"].isin(inside)]
    ranked = sorted(zip(rows["border"], rows["nuts_id"], strict=True),
                    key=lambda pair: (not pair[0], -len(pair[1]), pair[1]))
    return str(ranked[0][1])


def euregios_of(layers: RegionLayers, gisco_id: str) -> list[str]:
    """The Euregios a municipality is a member of (by name or through its district), in
    the order of the Euregio layer."""
    pairs = layers.municipal.pairs if layers.municipal is not None else None
    if pairs is None:
        return []
    found = set(pairs.loc[pairs["gisco_id"] == gisco_id, "euregio_id"])
    return [euregio_id for euregio_id in layers.euregios["id"] if euregio_id in found]


def lookup(layers: RegionLayers, municipalities: Municipalities | None, lon: float, lat: float
           ) -> dict[str, Any]:
    """``{"municipality": {...} | None, "euregios": [ids], "border_province": id | None}``.

    With Euregios drawn from their municipalities, the Euregios are those the
    municipality at the point is a member of; else (no municipalities, or none there)
    those whose outline holds the point. Without the municipalities,
    ``municipality`` is None.
    """
    place = municipality_at(municipalities, lon, lat) if municipalities is not None else None
    if place is not None and layers.municipal is not None:
        euregios = euregios_of(layers, place["id"])
    else:
        euregios = locate(layers, lon, lat).euregios
    return {"municipality": place, "euregios": euregios,
            "border_province": border_province_at(layers, lon, lat)}
