"""Benchmark: downloading and cutting the municipalities file at its real size.

``python -m benchmarks.lau [--features 98000] [--densify 2] [--json]`` builds a
synthetic GISCO LAU file of the real file's size from the stand-in of the GISCO
mirror beside the checkout (``GROS_TEST_MIRROR``, default ``../shared/gisco``): its
municipalities of NL, BE and DE as often as the real file has them (the German ones
repeated under new codes up to the real 10,978), the rest repeated under other
country codes up to ``--features`` in all. Coordinates are written at full double
precision as GISCO writes them, with ``--densify`` points per edge, so the file has
the real one's size too. Then, each in a fresh process, it times the dashboard's own
download-and-cut (:func:`gros.lau.fetch`) from a ``file://`` URL and the reading of the
cut cache (:func:`gros.lau.read_cached`), with each process's peak memory.

A figure, not a test: the targets (under 60 s and 1.5 GB for the download-and-cut) are
reported, never asserted.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from benchmarks import REPO, machine
from gros.regions import MUNICIPAL_MEMBERS_CSV

REAL_COUNTS = {"NL": 342, "BE": 581, "DE": 10_978}  # municipalities in the real LAU 2024
REAL_FEATURES = 98_000
TARGET_S, TARGET_MB = 60.0, 1_536.0
STAND_IN = Path("lau") / "geojson" / "LAU_RG_01M_2024_4326.geojson"
NUTS = Path("nuts") / "geojson" / "NUTS_RG_20M_2024_4326.geojson"
# Country codes for the copies that stand for the rest of Europe (the cut drops them).
OTHER_COUNTRIES = ("AT", "CZ", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT",
                   "LT", "LU", "LV", "MT", "PL", "PT", "RO", "SE", "SI", "SK", "CH", "NO")


def _mirror() -> Path:
    return Path(os.environ.get("GROS_TEST_MIRROR", REPO.parent / "shared" / "gisco"))


def _densified(ring: list[list[float]], points: int, jitter: float) -> list[list[float]]:
    """The ring with ``points`` points per edge, at full double precision."""
    out = []
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        for step in range(points):
            share = step / points
            out.append([x0 + (x1 - x0) * share + jitter, y0 + (y1 - y0) * share + jitter])
    out.append([ring[-1][0] + jitter, ring[-1][1] + jitter])
    return out


def _geometry(geometry: dict[str, Any], points: int, jitter: float) -> dict[str, Any]:
    if geometry["type"] == "Polygon":
        rings = [_densified(ring, points, jitter) for ring in geometry["coordinates"]]
        return {"type": "Polygon", "coordinates": rings}
    polygons = [[_densified(ring, points, jitter) for ring in polygon]
                for polygon in geometry["coordinates"]]
    return {"type": "MultiPolygon", "coordinates": polygons}


def _copies(features: list[dict[str, Any]], total: int) -> Iterator[tuple[dict, str, str]]:
    """(feature, country, GISCO_ID) for every municipality of the synthetic file."""
    by_country = {code: [f for f in features if f["properties"]["CNTR_CODE"] == code]
                  for code in REAL_COUNTS}
    for code, wanted in REAL_COUNTS.items():
        pool = by_country[code]
        for number in range(wanted):
            feature = pool[number % len(pool)]
            copy = number // len(pool)
            gisco_id = feature["properties"]["GISCO_ID"]
            # A repeated German municipality gets a code of its own (GISCO_IDs are unique).
            yield feature, code, gisco_id if copy == 0 else f"{code}_9{copy:02d}{number:05d}"
    for number in range(total - sum(REAL_COUNTS.values())):
        feature = features[number % len(features)]
        code = OTHER_COUNTRIES[number % len(OTHER_COUNTRIES)]
        yield feature, code, f"{code}_{number:06d}"


def build_file(stand_in: Path, out: Path, total: int, points: int) -> dict[str, int]:
    """Write the synthetic file; return its feature count and size."""
    features = json.loads(stand_in.read_text(encoding="utf-8"))["features"]
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        handle.write('{"type":"FeatureCollection","name":"LAU_RG_01M_2024_4326",'
                     '"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4326"}},'
                     '"features":[')
        for count, (feature, code, gisco_id) in enumerate(_copies(features, total)):
            # A tiny shift per copy: every coordinate is written with all its digits.
            jitter = 1.234567891e-10 * (count % 997 + 1)
            properties = {**feature["properties"], "CNTR_CODE": code, "GISCO_ID": gisco_id}
            text = json.dumps({"type": "Feature", "properties": properties,
                               "geometry": _geometry(feature["geometry"], points, jitter)},
                              separators=(",", ":"), ensure_ascii=False)
            handle.write(("," if count else "") + text)
        handle.write("]}")
    return {"features": count + 1, "bytes": out.stat().st_size}


MEASURE = """
import json, os, resource, sys, time
from pathlib import Path
from gros import lau, loaders, settings
source = lau.LauSource(sys.argv[1], 2024, Path(sys.argv[2]))
calls = []
start = time.perf_counter()
if sys.argv[3] == "fetch":
    lau.fetch(source, lambda received, total: calls.append(received))
    kept = None
elif sys.argv[3] == "read":
    kept = len(lau.read_cached(source).frame)
else:  # the region layers with the Euregios drawn from their municipalities
    env = {**os.environ, "GROS_GISCO_URL": sys.argv[1], "GROS_CACHE_DIR": sys.argv[2],
           "GROS_NUTS_SCALE": "20M", "GROS_MEMBERS_CSV": sys.argv[4]}
    layers = loaders.load_region_layers(settings.load_settings(env))
    kept = sum(len(m) for m in layers.euregios["municipalities"])
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "progress_calls": len(calls),
                  "municipalities": kept}))
"""


def _measure(step: str, base_url: str, cache_dir: Path, table: Path | None = None
             ) -> dict[str, Any]:
    """One step in a fresh process, so its peak memory is its own."""
    command = [sys.executable, "-c", MEASURE, base_url, str(cache_dir), step, str(table)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO,  # noqa: S603
                          check=False)
    if done.returncode:
        raise RuntimeError(f"{step} failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout)


def run(total: int, points: int, stand_in: Path) -> dict[str, Any]:
    """Build the file, measure the download-and-cut and the cache read."""
    with tempfile.TemporaryDirectory(prefix="gros-lau-bench-") as folder:
        mirror = Path(folder) / "mirror"
        built = build_file(stand_in, mirror / STAND_IN, total, points)
        cache = Path(folder) / "cache"
        fetched = _measure("fetch", mirror.as_uri(), cache)
        read = _measure("read", mirror.as_uri(), cache)
        cache_bytes = (cache / "lau" / STAND_IN.name).stat().st_size
        nuts = mirror / NUTS
        nuts.parent.mkdir(parents=True)
        nuts.write_bytes((stand_in.parents[2] / NUTS).read_bytes())
        table = MUNICIPAL_MEMBERS_CSV
        built_outlines = _measure("outlines", mirror.as_uri(), cache, table)
        cached_outlines = _measure("outlines", mirror.as_uri(), cache, table)
    return {
        "machine": machine.description(), "revision": machine.revision(),
        "load_average": machine.load_average(),
        "file": built | {"densify": points},
        "fetch": fetched | {"target_s": TARGET_S, "target_mb": TARGET_MB,
                            "met": fetched["seconds"] < TARGET_S
                            and fetched["peak_mb"] < TARGET_MB},
        "read_cache": read, "cache_bytes": cache_bytes,
        "outlines_built": built_outlines, "outlines_from_disk": cached_outlines,
    }


def _table(result: dict[str, Any]) -> str:
    file, fetched, read = result["file"], result["fetch"], result["read_cache"]
    return "\n".join([
        f"synthetic LAU file: {file['features']:,} municipalities, "
        f"{file['bytes'] / 1e6:,.0f} MB (densify {file['densify']})",
        f"download and cut (file://): {fetched['seconds']:.1f} s, peak "
        f"{fetched['peak_mb']:,.0f} MB — target < {TARGET_S:.0f} s and "
        f"< {TARGET_MB / 1024:.1f} GB: {'met' if fetched['met'] else 'NOT met'}",
        f"cut cache: {result['cache_bytes'] / 1e6:,.1f} MB, read in {read['seconds']:.1f} s "
        f"({read['municipalities']:,} municipalities), peak {read['peak_mb']:,.0f} MB",
        f"region layers with the Euregios from their municipalities: built "
        f"{result['outlines_built']['seconds']:.1f} s (peak "
        f"{result['outlines_built']['peak_mb']:,.0f} MB), from the disk cache "
        f"{result['outlines_from_disk']['seconds']:.1f} s (peak "
        f"{result['outlines_from_disk']['peak_mb']:,.0f} MB)",
        f"machine: {result['machine']}; load {result['load_average']}; "
        f"revision {result['revision']}",
    ])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lau", description=__doc__
                                     .split("\n\n")[0])
    parser.add_argument("--features", type=int, default=REAL_FEATURES,
                        help=f"municipalities in the synthetic file (default {REAL_FEATURES:,})")
    parser.add_argument("--densify", type=int, default=2,
                        help="points per edge of the stand-in's polygons (default 2)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    stand_in = _mirror() / STAND_IN
    if not stand_in.exists():
        print(f"error: no LAU stand-in at {stand_in} (set GROS_TEST_MIRROR to the GISCO "
              "mirror)", file=sys.stderr)
        return 1
    if args.features < sum(REAL_COUNTS.values()) or args.densify < 1:
        print(f"error: --features {args.features} --densify {args.densify}: expected at "
              f"least {sum(REAL_COUNTS.values()):,} features and 1 point per edge",
              file=sys.stderr)
        return 2
    result = run(args.features, args.densify, stand_in)
    print(json.dumps(result) if args.json else _table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
