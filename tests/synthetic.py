"""Tiny NUTS-like boundaries built in code (EPSG:4326), for tests without the mirror.

Three countries side by side, each cut into four 1° NUTS-3 squares (2 × 2),
with levels 0–2 as the unions of their parts. Shared edges have the same
vertices, so the NUTS-3 squares form a valid coverage, like the real data:

    BE: lon 3–5 | NL: lon 5–7 | DE: lon 7–9, all lat 51–53
    (CC1 south half, CC2 north half)

Code scheme: CC (level 0) → CC1/CC2 (south/north half) → CC11/CC21 → CC111 (west)
and CC112 (east).
"""

from __future__ import annotations

from typing import Any

import shapely

BOXES = {"NL": (5.0, 51.0, 7.0, 53.0), "BE": (3.0, 51.0, 5.0, 53.0), "DE": (7.0, 51.0, 9.0, 53.0)}


def _feature(nuts_id: str, level: int, country: str, geometry: shapely.Geometry) -> dict:
    return {
        "type": "Feature",
        "properties": {"NUTS_ID": nuts_id, "LEVL_CODE": level, "CNTR_CODE": country,
                       "NAME_LATN": f"Region {nuts_id}", "NUTS_NAME": f"Region {nuts_id}",
                       "MOUNT_TYPE": None, "URBN_TYPE": None, "COAST_TYPE": None},
        "geometry": shapely.geometry.mapping(geometry),
    }


def nuts_collection(extra: list[dict] | None = None) -> dict[str, Any]:
    """A GISCO-shaped FeatureCollection with levels 0–3 for NL, BE and DE."""
    features = []
    for country, (x0, y0, x1, y1) in BOXES.items():
        xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
        halves = {"1": (y0, ym), "2": (ym, y1)}
        features.append(_feature(country, 0, country, shapely.box(x0, y0, x1, y1)))
        for half, (low, high) in halves.items():
            features.append(_feature(f"{country}{half}", 1, country,
                                     shapely.box(x0, low, x1, high)))
            features.append(_feature(f"{country}{half}1", 2, country,
                                     shapely.box(x0, low, x1, high)))
            features.append(_feature(f"{country}{half}11", 3, country,
                                     shapely.box(x0, low, xm, high)))
            features.append(_feature(f"{country}{half}12", 3, country,
                                     shapely.box(xm, low, x1, high)))
    return {"type": "FeatureCollection", "features": features + (extra or [])}


EUREGIOS_CSV = """\
id,name_nl,name_de,name_fr,name_en,seat,founded,website,stated_area_km2,source,stated_members,\
stated_members_source
maas-rijn,Euregio Maas-Rijn,Euregio Maas-Rhein,,,Eupen,1976,https://example.org,,https://example.org/emr,,
euregio,EUREGIO,EUREGIO,,,Gronau,1958,,,https://example.org/euregio,12,https://example.org/euregio
"""

MEMBERS_CSV = """euregio_id,nuts_year,nuts_id,nuts_name,country,partial,listed_members,source
maas-rijn,2024,NL111,Region NL111,NL,true,A; B,https://example.org/emr
maas-rijn,2024,BE211,Region BE211,BE,false,C,https://example.org/emr
maas-rijn,2024,DE111,Region DE111,DE,false,D,https://example.org/emr
euregio,2024,NL112,Region NL112,NL,false,E,https://example.org/euregio
euregio,2024,DE111,Region DE111,DE,false,D,https://example.org/euregio
"""

PROVINCES_CSV = """nuts_id,nuts_year,name,country,kind,border,gros_partner,source
NL11,2024,South NL,NL,province,true,false,https://example.org/p
DE1,2024,South DE,DE,land,true,true,https://example.org/p
"""


def _municipality(gisco_id: str, country: str, name: str, population: int | None,
                  geometry: shapely.Geometry, year: int = 2024) -> dict:
    return {
        "type": "Feature",
        "properties": {"GISCO_ID": gisco_id, "CNTR_CODE": country, "LAU_NAME": name,
                       f"POP_{year}": population, f"POP_DENS_{year}": None,
                       "AREA_KM2": 900.0, "YEAR": year},
        "geometry": shapely.geometry.mapping(geometry),
    }


def lau_collection(extra: list[dict] | None = None, year: int = 2024) -> dict[str, Any]:
    """A GISCO-LAU-shaped FeatureCollection that tiles the NUTS-3 squares of
    :func:`nuts_collection`: each square cut into 2 × 2 municipalities of 0.5°.

    A municipality's GISCO_ID is its country, ``_``, its NUTS-3 code and 1–4
    (``NL_NL1111`` south-west … ``NL_NL1114`` north-east); its population is
    1,000 times that number, except that every first one has none (null), as
    municipalities may in the real file. A French municipality is there to be
    dropped.
    """
    features = []
    for feature in nuts_collection()["features"]:
        properties = feature["properties"]
        if properties["LEVL_CODE"] != 3:
            continue
        x0, y0, x1, y1 = shapely.geometry.shape(feature["geometry"]).bounds
        xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
        quarters = ((x0, y0, xm, ym), (xm, y0, x1, ym), (x0, ym, xm, y1), (xm, ym, x1, y1))
        for number, box in enumerate(quarters, start=1):
            code = f"{properties['NUTS_ID']}{number}"
            features.append(_municipality(
                f"{properties['CNTR_CODE']}_{code}", properties["CNTR_CODE"], f"Town {code}",
                None if number == 1 else int(code[2:]) * 1000, shapely.box(*box), year))
    features.append(_municipality("FR_59350", "FR", "Lille", 236_710,
                                  shapely.box(3.0, 50.6, 3.1, 50.7), year))
    return {"type": "FeatureCollection", "features": features + (extra or [])}
