"""One implementation's server-side figures, in a fresh process (started by benchmarks.server).

Usage: ``python -m benchmarks.server_worker IMPL DATA.pickle REPEATS`` (from the checkout);
prints one JSON object. ``st_folium`` runs for real, only its component function is
replaced by one that keeps the arguments instead of sending them
(``folium_component.captured``), so the timings include exactly the work st_folium does
on every rerun and the payload is what it sends.
"""

from __future__ import annotations

import json
import pickle
import resource
import sys
from pathlib import Path
from typing import Any

import folium
import streamlit_folium

from benchmarks.server import server_figures
from benchmarks.views import Renderers
from pages._ui import folium_component


def render(m: folium.Map, overlay: folium.FeatureGroup | None,
           kwargs: dict[str, Any]) -> dict[str, str]:
    """What st_folium hands to the browser for ``m`` and ``overlay``."""
    with folium_component.captured() as sent:
        streamlit_folium.st_folium(m, feature_group_to_add=overlay, **kwargs)
    return {name: sent.get(name) or "" for name in ("script", "header", "html",
                                                      "feature_group")}


RENDERERS = Renderers(st_folium=render, component=folium_component.component_arguments)


def _peak_mb() -> float:
    # ru_maxrss is in KiB on Linux.
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main(argv: list[str]) -> int:
    impl, data, repeats = argv[0], Path(argv[1]), int(argv[2])
    with data.open("rb") as file:
        layers, frame = pickle.load(file)  # noqa: S301 - written by benchmarks.server for us
    before = _peak_mb()
    figures = server_figures(impl, layers, frame, repeats, RENDERERS)
    print(json.dumps({**figures, "peak_rss_mb": _peak_mb(), "rss_data_mb": before}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
