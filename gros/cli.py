"""Command line: ``python -m gros geodata fetch|info``.

Errors go to stderr as one clear line and a non-zero exit code; ``--json``
output is one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from gros import gisco
from gros.regions import CuratedDataError, UnknownNutsCodes
from gros.settings import SettingError, load_settings

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _progress_bar(description: str) -> gisco.Progress:
    from tqdm import tqdm

    bar: dict[str, Any] = {}

    def update(received: int, total: int | None) -> None:
        if "bar" not in bar:
            bar["bar"] = tqdm(total=total, unit="B", unit_scale=True, desc=description,
                              file=sys.stderr, leave=False)
        bar["bar"].update(received - bar["bar"].n)

    return update


def _geodata_fetch(args: argparse.Namespace) -> int:
    source = gisco.NutsSource.from_settings(load_settings())
    if not args.force and gisco.read_cached(source) is not None:
        print(f"Already cached: {source.cache_path}")
        return EXIT_OK
    path = gisco.fetch(source, _progress_bar(source.filename))
    print(f"Cached NUTS {source.year} ({source.scale}) from {source.url} in {path}")
    return EXIT_OK


def geodata_info() -> dict[str, Any]:
    """What ``geodata info --json`` prints: the region layers in brief."""
    from gros.data import load_region_layers

    settings = load_settings()
    layers = load_region_layers(settings)
    return {
        "nuts": {"year": layers.nuts_year, "scale": layers.nuts_scale,
                 "source": layers.nuts_source, "fetched": layers.nuts_fetched},
        "euregios": [
            {"id": row.id, "name": row.name, "nuts3": list(row.nuts3),
             "partial_nuts3": list(row.partial_nuts3), "countries": list(row.countries),
             "area_km2": float(row.area_km2), "valid": bool(row.valid), "seat": row.seat}
            for row in layers.euregios.itertuples()
        ],
        "border_provinces": [
            {"nuts_id": row.nuts_id, "name": row.name, "country": row.country,
             "kind": row.kind, "border": bool(row.border), "gros_partner": bool(row.gros_partner),
             "area_km2": float(row.area_km2)}
            for row in layers.border_provinces.itertuples()
        ],
        "countries": sorted(layers.countries["country"]),
    }


def _geodata_info(args: argparse.Namespace) -> int:
    info = geodata_info()
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
        return EXIT_OK
    nuts = info["nuts"]
    print(f"NUTS {nuts['year']} ({nuts['scale']}) from {nuts['source']}")
    for euregio in info["euregios"]:
        print(f"  {euregio['id']:<22} {euregio['area_km2']:>9,.0f} km²  "
              f"{'/'.join(euregio['countries']):<9} {len(euregio['nuts3'])} NUTS-3  "
              f"{euregio['name']}")
    for province in info["border_provinces"]:
        print(f"  {province['nuts_id']:<5} {province['area_km2']:>9,.0f} km²  {province['name']}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m gros",
                                     description="GROS dashboard command line")
    commands = parser.add_subparsers(dest="command", required=True)

    geodata = commands.add_parser("geodata", help="official boundaries and region layers")
    geodata_commands = geodata.add_subparsers(dest="action", required=True)
    fetch = geodata_commands.add_parser("fetch", help="download and cache the NUTS boundaries")
    fetch.add_argument("--force", action="store_true", help="download even when cached")
    fetch.set_defaults(handler=_geodata_fetch)
    info = geodata_commands.add_parser("info", help="describe the region layers")
    info.add_argument("--json", action="store_true", help="print one JSON object")
    info.set_defaults(handler=_geodata_info)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (SettingError, gisco.GiscoError, CuratedDataError, UnknownNutsCodes) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
