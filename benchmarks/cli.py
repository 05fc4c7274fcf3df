"""Command line of the benchmark: ``python -m benchmarks`` (or ``python -m gros bench``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from gros import gisco
from gros.regions import CuratedDataError, UnknownNutsCodes
from gros.settings import SettingError

# What a run reports as one line on stderr, as the dashboard's command line does; any
# other exception is a bug and keeps its traceback.
REPORTED = (SettingError, gisco.GiscoError, CuratedDataError, UnknownNutsCodes, ValueError)


def build_parser() -> argparse.ArgumentParser:
    """The benchmark's options."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="measure the dashboard against a naive streamlit-folium baseline and "
                    "the floor of a bare Streamlit map app")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quick", action="store_true", help="only the small sizes")
    parser.add_argument("--sizes", help="comma-separated project counts, e.g. 100,1000")
    parser.add_argument("--impl", default="all",
                        help="comma-separated implementations to measure: gros, floor, "
                             "baseline (default: all)")
    parser.add_argument("--no-browser", action="store_true",
                        help="skip the browser timings (no Chromium needed)")
    parser.add_argument("--no-seed", action="store_true",
                        help="skip the run with the dashboard's own 55 seed projects")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Measure as the options say; 1 with the reason on stderr if the run cannot start."""
    from benchmarks.run import run

    options = build_parser().parse_args(argv)
    try:
        return run(options)
    except REPORTED as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
