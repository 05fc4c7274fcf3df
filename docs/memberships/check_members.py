"""Check euregio_members_municipal.csv against the GISCO LAU and NUTS files.

Usage: python3 docs/memberships/check_members.py [GISCO_DIR]
(GISCO_DIR defaults to $GROS_TEST_MIRROR, then ../shared/gisco). Prints problems and,
per Euregio, the area (EPSG:3035, km2) of the union of its members: municipality rows
and district rows with a gisco_id from the LAU file, other district rows from their
NUTS-3 codes. Exit status 1 if a check fails.
"""
import csv
import os
import sys
from collections import Counter
from pathlib import Path

import geopandas as gpd
from shapely.ops import unary_union

HERE = Path(__file__).resolve().parent
GISCO = Path(sys.argv[1] if len(sys.argv) > 1 else
             os.environ.get("GROS_TEST_MIRROR", HERE.parents[1].parent / "shared" / "gisco"))
LAU = GISCO / "lau/geojson/LAU_RG_01M_2024_4326.geojson"
NUTS = GISCO / "nuts/geojson/NUTS_RG_20M_2024_4326.geojson"


def main() -> int:
    with open(HERE / "euregio_members_municipal.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(HERE.parents[1] / "geodata/euregios.csv", encoding="utf-8") as f:
        stated = {r["id"]: r["stated_area_km2"] for r in csv.DictReader(f)}
    lau = gpd.read_file(LAU).set_index("GISCO_ID").to_crs(3035)
    nuts = gpd.read_file(NUTS)
    nuts3 = nuts[nuts["LEVL_CODE"] == 3].set_index("NUTS_ID").to_crs(3035)
    problems = []
    for i, r in enumerate(rows, start=2):
        gid, kind = r["gisco_id"], r["member_kind"]
        if kind == "municipality" and not gid:
            problems.append(f"line {i}: municipality without gisco_id: {r['member_name']}")
        if gid:
            if gid not in lau.index:
                problems.append(f"line {i}: gisco_id {gid} not in LAU")
            elif lau.loc[gid, "CNTR_CODE"] != r["country"]:
                cntr = lau.loc[gid, "CNTR_CODE"]
                problems.append(f"line {i}: {gid} is {cntr}, row says {r['country']}")
        for code in filter(None, r["nuts_id"].split(";")):
            if code not in nuts3.index:
                problems.append(f"line {i}: {code} is not a NUTS 2024 level-3 code")
            elif not code.startswith(r["country"]):
                problems.append(f"line {i}: {code} outside {r['country']}")
        if kind == "district" and not (gid or r["nuts_id"]):
            problems.append(f"line {i}: district without code: {r['member_name']}")
        if not (r["source_url"] and r["source_title"] and r["source_date"]):
            problems.append(f"line {i}: incomplete source")
    pairs = Counter((r["euregio_id"], r["gisco_id"]) for r in rows if r["gisco_id"])
    problems += [f"duplicate {p}" for p, n in pairs.items() if n > 1]
    for p in problems:
        print("PROBLEM", p)

    print("\n| id | municipality | district | other | total | union area km2 | stated km2 |")
    print("|---|---|---|---|---|---|---|")
    for eid in dict.fromkeys(r["euregio_id"] for r in rows):
        mine = [r for r in rows if r["euregio_id"] == eid]
        kinds = Counter(r["member_kind"] for r in mine)
        geoms = []
        for r in mine:
            if r["gisco_id"] in lau.index:
                geoms.append(lau.loc[r["gisco_id"], "geometry"])
            elif r["nuts_id"]:
                codes = [c for c in r["nuts_id"].split(";") if c in nuts3.index]
                geoms += [nuts3.loc[c, "geometry"] for c in codes]
        area = unary_union(geoms).area / 1e6 if geoms else 0
        counts = " | ".join(str(kinds[k]) for k in ("municipality", "district", "other"))
        print(f"| {eid} | {counts} | {len(mine)} | {area:,.0f} | {stated.get(eid) or '-'} |")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
