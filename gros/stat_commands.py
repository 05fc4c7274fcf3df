"""The command line's ``stats fetch|region|euregio`` (registered by :mod:`gros.cli`)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from gros import eurostat, gisco
from gros.regions import EUREGIO_IDS
from gros.settings import load_settings

EXIT_OK = 0


def fetch(args: argparse.Namespace, progress_bar: Callable[[str], gisco.Progress]) -> int:
    """``stats fetch``: download and cache every dataset (progress bars on stderr)."""
    for source in eurostat.sources(load_settings()):
        if not args.force and eurostat.read_cached(source) is not None:
            print(f"Already cached: {source.cache_path}")
            continue
        path = eurostat.fetch(source, progress_bar(source.dataset.id))
        print(f"Cached {source.dataset.id} from {source.url} in {path}")
    return EXIT_OK


def _print_figures(args: argparse.Namespace, report: dict[str, Any], title: str,
                   figures: dict[str, Any], extra: list[str]) -> int:
    from gros.stat_text import figure_lines

    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return EXIT_OK
    print(title)
    print("\n".join(figure_lines(figures, args.lang) + extra))
    print(eurostat.ATTRIBUTION)
    return EXIT_OK


def region(args: argparse.Namespace) -> int:
    """``stats region CODE``: a NUTS-3 region's latest figures."""
    from gros.indicators import Statistics, region_json

    stats = Statistics(eurostat.load_all(load_settings()))
    report = region_json(stats, args.code)
    return _print_figures(args, report, f"{report['nuts_id']} {report['name']}",
                          stats.region(str(report["nuts_id"])), [])


def euregio(args: argparse.Namespace) -> int:
    """``stats euregio ID``: a Euregio's figures, per country part, and the method."""
    from gros.indicators import Statistics, area_profile, euregio_members, profile_json
    from gros.regions import read_euregios, read_memberships
    from gros.stat_text import part_lines

    if args.id not in EUREGIO_IDS:
        raise ValueError(f"unknown Euregio {args.id!r}; expected one of {', '.join(EUREGIO_IDS)}")
    euregio = next(e for e in read_euregios() if e.id == args.id)
    profile = area_profile(Statistics(eurostat.load_all(load_settings())),
                           euregio_members(read_memberships(), args.id))
    report = {"id": euregio.id, "name": euregio.name(args.lang), **profile_json(profile)}
    return _print_figures(args, report, str(report["name"]), profile.total,
                          part_lines(profile, args.lang))
