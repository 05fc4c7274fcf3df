"""Server-side figures: each implementation measured in a fresh worker process, and the
payload of the boundaries."""

from __future__ import annotations

import json
import os
import pickle
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import geopandas as gpd

from benchmarks import REPO
from benchmarks.views import CACHED, COPIED_PER_RERUN, FILTER_THEMES, VIEWS, Renderers
from gros import geometry, maps
from gros.layers import RegionLayers

# Run as a module from the checkout, so the package's modules never shadow others.
WORKER = "benchmarks.server_worker"


def repeats_for(n: int) -> int:
    """How many times to build each view: fewer where one build takes seconds."""
    return 5 if n <= 10_000 else 3


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def server_figures(impl: str, layers: RegionLayers, frame: gpd.GeoDataFrame, repeats: int,
                   renderers: Renderers) -> dict[str, Any]:
    """Median times to build and render the default view and a theme-filtered view.

    ``server_build_ms``: the default view built and rendered from scratch, as for a
    new view setting (the baseline does this on every run). ``server_filter_ms``: what
    a rerun after a theme filter does, with what the app keeps cached. Two more costs
    are reported apart: ``cache_hit_ms``, the time st.cache_data takes on every rerun
    to hand back what the app keeps there (it unpickles a copy), and, once per data
    change, ``server_prepare_ms``. ``server_rerun_ms`` is filter plus cache hit.
    """
    view = VIEWS[impl]
    start = time.perf_counter()
    cached = CACHED[impl](frame)
    prepare = time.perf_counter() - start

    def timed(theme: str | None, fresh: bool) -> tuple[float, dict[str, str]]:
        start = time.perf_counter()
        parts = view(layers, frame, theme, cached, renderers, fresh)
        return time.perf_counter() - start, parts

    builds = [timed(None, fresh=True) for _ in range(repeats)]
    filters = [timed(FILTER_THEMES[i % len(FILTER_THEMES)], fresh=False)
               for i in range(repeats)]
    parts = builds[-1][1]
    pickled = pickle.dumps(COPIED_PER_RERUN[impl](layers, frame))
    unpickle = []
    for _ in range(repeats):
        start = time.perf_counter()
        pickle.loads(pickled)  # noqa: S301 - our own bytes, made a line above
        unpickle.append(time.perf_counter() - start)
    filter_ms = _ms(statistics.median(t for t, _ in filters))
    cache_ms = _ms(statistics.median(unpickle))
    return {
        "payload_bytes": sum(len(text.encode()) for text in parts.values()),
        "payload_parts": {name: len(text.encode()) for name, text in parts.items()},
        "server_build_ms": _ms(statistics.median(t for t, _ in builds)),
        "server_filter_ms": filter_ms,
        "server_runs": repeats,
        "cache_hit_ms": cache_ms,
        "server_rerun_ms": round(filter_ms + cache_ms, 1),
        "server_prepare_ms": _ms(prepare),
    }


def worker_data(layers: RegionLayers, frame: gpd.GeoDataFrame, folder: Path, n: int) -> Path:
    """The layers and projects in a file a worker or the baseline app reads."""
    path = folder / f"data-{n}.pickle"
    with path.open("wb") as file:
        pickle.dump((layers, frame), file, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def worker_timeout_s(n: int) -> float:
    """A worker's time limit: the baseline builds about 1.5 ms per project on a 2024 server
    core; allow three times that for every build, plus start-up."""
    return 120 + n * 0.005 * 2 * repeats_for(n)


def measure_server(impl: str, n: int, data: Path, repeats: int | None = None,
                   timeout_s: float | None = None) -> dict[str, Any]:
    """Server figures of one implementation, measured in a fresh worker process.

    A fresh process per implementation and size makes ``peak_rss_mb`` its own: the
    worker's ``ru_maxrss`` (RUSAGE_SELF, read at its end), which includes Python,
    Streamlit, geopandas, the region layers and the N projects as well as the builds.
    ``rss_data_mb`` is the same before the first build.

    Raises
    ------
    RuntimeError
        If the worker fails or does not finish within the timeout.
    """
    repeats = repeats or repeats_for(n)
    command = [sys.executable, "-m", WORKER, impl, str(data), str(repeats)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO,  # noqa: S603
                              env={**os.environ, "PYTHONPATH": pythonpath()},
                              timeout=timeout_s or worker_timeout_s(n), check=False)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"the {impl} worker for N={n} did not finish within "
                           f"{timeout_s or worker_timeout_s(n):.0f} s") from None
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-5:]
        raise RuntimeError(f"the {impl} worker for N={n} failed (exit {done.returncode}): "
                           + " | ".join(tail))
    return json.loads(done.stdout.strip().splitlines()[-1])


def pythonpath() -> str:
    """``PYTHONPATH`` for the worker and the apps, with this checkout first."""
    # The worker and the apps import gros, pages and benchmarks from this checkout.
    existing = os.environ.get("PYTHONPATH")
    return os.pathsep.join([str(REPO), existing]) if existing else str(REPO)


def boundaries_figures(layers: RegionLayers) -> dict[str, Any]:
    """The display boundaries as sent (GeoJSON bytes) and their largest deviation (m).

    The payload counts the three display layers with the properties the map builders
    send; ``source_payload_bytes`` is the same for the unsimplified source geometries
    at full precision, as the baseline sends them.
    """
    provinces = layers.border_provinces_display
    provinces = provinces[provinces["border"]]
    euregios = layers.euregios_display.assign(label=layers.euregios_display["name"])
    display = [
        maps.escaped_features(layers.countries_display, ["country", "name", "focus"]),
        maps.escaped_features(provinces, ["nuts_id", "name", "country"]),
        maps.escaped_features(euregios, ["id", "label", "member_count", "seat", "area_km2"]),
    ]
    full = [layers.countries.to_json(), layers.border_provinces[
        layers.border_provinces["border"]][["nuts_id", "name", "geometry"]].to_json(),
        layers.euregios[["id", "name", "seat", "member_count", "geometry"]].to_json()]
    return {
        "payload_bytes": sum(len(json.dumps(features).encode()) for features in display),
        "max_deviation_m": round(geometry.max_deviation_m(layers.nuts3.geometry,
                                                          layers.nuts3_display.geometry), 1),
        "source_payload_bytes": sum(len(text.encode()) for text in full),
        "tolerance_m": layers.tolerance_m,
        "nuts": f"{layers.nuts_year} {layers.nuts_scale}",
    }
