"""The region layers in brief, as ``python -m gros geodata info --json`` prints them."""

from __future__ import annotations

from typing import Any

import pandas as pd

from gros.layers import RegionLayers


def _whole(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _euregio_info(row: Any, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": row.id, "name": row.name, "nuts3": list(row.nuts3),
        "partial_nuts3": list(row.partial_nuts3), "countries": list(row.countries),
        "area_km2": float(row.area_km2), "valid": bool(row.valid), "seat": row.seat,
        "outline": row.outline, "member_count": int(row.member_count),
        "municipalities": [{"id": code, "name": names.get(code, ""), "country": code[:2]}
                           for code in getattr(row, "municipalities", [])],
        "population": _whole(getattr(row, "population", None)),
        "population_missing": _whole(getattr(row, "population_missing", None)),
        "stated_area_km2": (None if pd.isna(row.stated_area_km2)
                            else float(row.stated_area_km2)),
        "nuts3_area_km2": float(getattr(row, "nuts3_area_km2", row.area_km2)),
        "status": row.status or None, "status_since": _whole(row.status_since),
        "successor": row.successor or None,
    }


def summary(layers: RegionLayers) -> dict[str, Any]:
    """Boundaries, Euregios (outline, members, population, areas, status), border
    provinces and countries, as JSON-ready values."""
    names = {} if layers.municipal is None else dict(zip(
        layers.municipal.municipalities["gisco_id"], layers.municipal.municipalities["name"],
        strict=True))
    return {
        "nuts": {"year": layers.nuts_year, "scale": layers.nuts_scale,
                 "source": layers.nuts_source, "fetched": layers.nuts_fetched},
        "lau": layers.lau,
        "outline": layers.outline,
        "euregios": [_euregio_info(row, names) for row in layers.euregios.itertuples()],
        "border_provinces": [
            {"nuts_id": row.nuts_id, "name": row.name, "country": row.country,
             "kind": row.kind, "border": bool(row.border), "gros_partner": bool(row.gros_partner),
             "area_km2": float(row.area_km2)}
            for row in layers.border_provinces.itertuples()
        ],
        "countries": sorted(layers.countries["country"]),
    }
