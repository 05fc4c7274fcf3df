"""Benchmark: the dashboard's map against a naive streamlit-folium baseline, in one run.

``python -m gros bench [--json] [--quick] [--sizes 100,1000] [--no-browser]`` generates
synthetic projects inside the Euregios (fixed seed), then for each size N and each
implementation measures

* the server side in a fresh worker process (``benchmarks/server_worker.py``): the
  time to build the map and turn it into what ``st_folium`` sends to the browser,
  for the default view and after a theme filter, the bytes sent, and the worker's
  peak memory;
* the browser side (Playwright + Chromium on localhost, no basemap): a real
  Streamlit server per implementation and size, the time from navigation until the
  Euregios are drawn and from a filter change until the map shows the new set.

The boundaries come from the settings in the environment (``GROS_GISCO_URL``,
``GROS_NUTS_SCALE``…), downloaded and cached as the dashboard would. Nothing here
imports Streamlit: it runs only in the worker and server subprocesses.
"""

from __future__ import annotations

import html
import json
import os
import pickle
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import numpy as np
import shapely

from gros import assets, geometry, i18n, live_map, loaders, maps, themes
from gros.chromium import CHROMIUM_ARGS, find_chromium
from gros.filters import ProjectFilter, apply_filter
from gros.layers import RegionLayers
from gros.projects import Partner, Project
from gros.store import StoredProject

SIZES = (100, 1_000, 10_000, 100_000)
QUICK_SIZES = (100, 1_000)
SEED = 20_240_601
IMPLS = ("gros", "baseline")
LANGUAGE = "en"
# A share of each geometry type, close to the seed data (27 points, 22 lines, 6 areas).
GEOMETRY_MIX = (("point", 0.6), ("line", 0.3), ("area", 0.1))
# The theme chosen for each filter measurement; each keeps about a ninth of the projects.
FILTER_THEMES = ("health", "education", "culture", "transport", "labour")
# The countries chosen for the other filter measurement (the dashboard only).
FILTER_COUNTRIES = ("BE", "DE", "NL")

REPO = Path(__file__).resolve().parent.parent
BENCH_DIR = REPO / "benchmarks"
WORKER = BENCH_DIR / "server_worker.py"
BASELINE_APP = BENCH_DIR / "baseline_app.py"

# How each app calls st_folium: the dashboard as pages/map.py does, the baseline as a
# first streamlit-folium app does (every interaction returned, no key).
BASELINE_ST_FOLIUM_KWARGS: dict[str, Any] = {"height": 640, "width": 1000}


# -- synthetic projects ------------------------------------------------------------------

def _points_inside(region: shapely.Geometry, count: int, rng: np.random.Generator
                   ) -> np.ndarray:
    """``count`` uniformly random (lon, lat) points inside ``region``."""
    x0, y0, x1, y1 = region.bounds
    shapely.prepare(region)
    found: list[np.ndarray] = []
    total = 0
    # The Euregios fill about half their bounding box; 50 rounds is far more than needed.
    for _ in range(50):
        if total >= count:
            break
        batch = max(64, 3 * (count - total))
        # Six decimals (about 0.1 m), as sources give them; rounded before the test.
        xs = np.round(rng.uniform(x0, x1, batch), 6)
        ys = np.round(rng.uniform(y0, y1, batch), 6)
        inside = shapely.contains_xy(region, xs, ys)
        found.append(np.column_stack([xs[inside], ys[inside]]))
        total += int(inside.sum())
    if total < count:
        raise ValueError(f"could not place {count} points inside the region (got {total})")
    return np.concatenate(found)[:count]


def _line(start: np.ndarray, region: shapely.Geometry, rng: np.random.Generator
          ) -> shapely.LineString:
    """2–6 vertices, each a short step (up to about 10 km) from the last, all in the region."""
    vertices = [start]
    wanted = int(rng.integers(2, 7))
    for _ in range(20 * wanted):
        if len(vertices) == wanted:
            break
        step = np.round(vertices[-1] + rng.uniform(-0.12, 0.12, 2), 6)
        if shapely.contains_xy(region, step[0], step[1]):
            vertices.append(step)
    if len(vertices) < 2:  # a point at a sharp corner of the region: a tiny line
        vertices.append(np.round(start + 0.001, 6))
    return shapely.LineString(vertices)


def _area(centre: np.ndarray, rng: np.random.Generator) -> shapely.Polygon:
    """A small star-shaped polygon (0.5–3 km across).

    Its corners go round the centre at well separated angles, so the ring never
    crosses itself, even after rounding to six decimals.
    """
    corners = int(rng.integers(5, 11))
    spacing = 2 * np.pi / corners
    angles = spacing * (np.arange(corners) + rng.uniform(-0.3, 0.3, corners))
    radius = rng.uniform(0.0025, 0.0135) * rng.uniform(0.6, 1.0, corners)
    ring = np.column_stack([centre[0] + 1.6 * radius * np.cos(angles),
                            centre[1] + radius * np.sin(angles)])
    return shapely.Polygon(np.round(ring, 6))


def synthetic_projects(n: int, layers: RegionLayers, seed: int = SEED) -> list[Project]:
    """``n`` valid projects inside the Euregios: points, lines and areas, every theme.

    Deterministic for a given ``seed``. Projects ``0..8`` have themes 1..9 as their main
    theme, so every theme occurs once ``n`` is at least nine.
    """
    rng = np.random.default_rng(seed)
    region = shapely.union_all(layers.euregios.geometry.to_numpy())
    anchors = _points_inside(region, n, rng)
    kinds = rng.choice([kind for kind, _ in GEOMETRY_MIX], size=n,
                       p=[share for _, share in GEOMETRY_MIX])
    theme_ids = themes.THEME_IDS
    projects = []
    for i in range(n):
        kind = str(kinds[i])
        if kind == "point":
            shape: shapely.Geometry = shapely.Point(anchors[i])
        elif kind == "line":
            shape = _line(anchors[i], region, rng)
        else:
            shape = _area(anchors[i], rng)
        main = theme_ids[i] if i < len(theme_ids) else theme_ids[int(rng.integers(len(theme_ids)))]
        extra = theme_ids[int(rng.integers(len(theme_ids)))]
        chosen = (main,) if extra == main or rng.random() < 0.6 else (main, extra)
        start = int(rng.integers(2000, 2025))
        budget = float(rng.integers(50, 20_000)) * 1_000
        projects.append(Project(
            id=f"bench-{i:06d}",
            title=f"Synthetic {kind} project {i}",
            titles={"nl": f"Synthetisch project {i}", "de": f"Synthetisches Projekt {i}"},
            description=f"Benchmark project {i}: a {kind} generated with seed {seed}.",
            geometry=shape,
            themes=chosen,
            sources=(f"https://example.org/bench/{i}",),
            status=("planned", "ongoing", "completed")[i % 3],
            start=str(start),
            end=str(start + int(rng.integers(1, 8))),
            programme="Interreg VI Deutschland-Nederland" if i % 2 else "Interreg VI NL-VL",
            budget_eur=budget,
            eu_contribution_eur=round(budget * 0.5, 2),
            lead_partner=Partner(f"Lead partner {i % 97}", ("NL", "DE", "BE")[i % 3]),
            countries=(("NL", "DE"), ("NL", "BE"), ("BE", "DE"))[i % 3],
        ))
    return projects


def catalogue_frame(projects: Sequence[Project], layers: RegionLayers) -> gpd.GeoDataFrame:
    """The projects as the dashboard's catalogue: the same frame, regions joined."""
    stored = [StoredProject(p, 1, "2024-06-01T00:00:00+00:00", "bench") for p in projects]
    return loaders.catalogue_frame(stored, layers)


# -- the two implementations -------------------------------------------------------------

def theme_filter(theme: str | None) -> ProjectFilter:
    """The filter one chosen theme makes (None: the default view)."""
    return ProjectFilter(themes=(theme,) if theme else ())


# Where the benchmark's base map says the project data is: a file the app would serve.
PROJECTS_URL = live_map.data_url(f"{assets.DATA_DIR}/projects-{LANGUAGE}-bench.json")


@dataclass
class Renderers:
    """How a map becomes what the browser receives; the worker supplies them, since
    they need streamlit_folium, which imports Streamlit.

    ``st_folium(map, overlay, kwargs)`` renders as st_folium does (the baseline);
    ``component(map)`` renders once as the dashboard's live map does
    (``pages/_folium_component.component_arguments``). Both return the strings handed over.
    """

    st_folium: Callable[[folium.Map, Any, dict[str, Any]], dict[str, str]]
    component: Callable[[folium.Map], dict[str, Any]]


def gros_cached(frame: gpd.GeoDataFrame) -> dict[str, Any]:
    """What the dashboard computes once per catalogue and keeps in its cache: the
    prepared project layer and the data file the browser fetches once."""
    prepared = maps.prepare_projects(frame, LANGUAGE)
    return {"prepared": prepared, "data": live_map.project_data(prepared, LANGUAGE).text}


def gros_view(layers: RegionLayers, frame: gpd.GeoDataFrame, theme: str | None,
              cached: dict[str, Any], renderers: Renderers, fresh: bool) -> dict[str, str]:
    """What the map page does on a run: filter the projects and plan the live map
    (:func:`gros.live_map.plan_live_map`, the page's own function). The base map is
    built and rendered when ``fresh`` (a new view setting), else it comes from the cache.
    """
    shown = apply_filter(frame, theme_filter(theme))
    plan = live_map.plan_live_map(shown, cached["prepared"], LANGUAGE, "none", maps.LAYERS,
                                  PROJECTS_URL)
    if fresh or "base" not in cached:
        cached["base"] = renderers.component(plan.base.build(layers))
    base = cached["base"]
    return {"script": base["script"], "header": base["header"], "html": base["html"],
            "feature_group": plan.selection,
            # Fetched once per browser, then kept: part of the first view only.
            "projects_data": cached["data"]}


def _baseline_popup(row: Any) -> folium.Popup:
    title = html.escape(row.title_en or row.title)
    labels = html.escape(" · ".join(themes.BY_ID[t].label(LANGUAGE) for t in row.themes))
    return folium.Popup(f"<b>{title}</b><br>{labels}", max_width=300)


def baseline_map(layers: RegionLayers, frame: gpd.GeoDataFrame) -> folium.Map:
    """The map the way a first streamlit-folium app is usually written.

    The unsimplified boundaries at full coordinate precision; one ``folium.Marker``
    with a ``folium.Popup`` per point project, one ``folium.GeoJson`` with a popup per
    line or area project. The only concession: Leaflet comes from the app's own
    static files, like the dashboard's, so both run offline the same way.
    """
    m = folium.Map(location=maps.CENTER, zoom_start=maps.ZOOM, tiles=None)
    folium.GeoJson(
        layers.countries,
        style_function=lambda _: {"color": "#666666", "weight": 1, "fillColor": "#f3f0e8",
                                  "fillOpacity": 1.0},
    ).add_to(m)
    folium.GeoJson(
        layers.border_provinces[layers.border_provinces["border"]][
            ["nuts_id", "name", "geometry"]],
        style_function=lambda _: {"color": "#555555", "weight": 1.2, "fill": False},
        tooltip=folium.GeoJsonTooltip(fields=["name"]),
    ).add_to(m)
    folium.GeoJson(
        layers.euregios[["id", "name", "seat", "member_count", "geometry"]],
        # The same class names as the dashboard's, so the browser timing finds them.
        style_function=lambda feature: {
            "color": maps.EUREGIO_COLOURS.get(feature["properties"]["id"], "#333333"),
            "fillOpacity": 0.18,
            "className": f"gros-euregio gros-euregio-{feature['properties']['id']}"},
        tooltip=folium.GeoJsonTooltip(fields=["name", "member_count", "seat"]),
    ).add_to(m)
    for row in frame.itertuples():
        if row.geometry_type == "point":
            folium.Marker((row.geometry.y, row.geometry.x), popup=_baseline_popup(row)).add_to(m)
        else:
            colour = themes.BY_ID[row.main_theme].colour
            folium.GeoJson(
                row.geometry,
                style_function=lambda _, colour=colour: {"color": colour,
                                                         "className": "gros-project"},
            ).add_child(_baseline_popup(row)).add_to(m)
    return assets.use_local_assets(m)


def baseline_view(layers: RegionLayers, frame: gpd.GeoDataFrame, theme: str | None,
                  cached: None, renderers: Renderers, fresh: bool) -> dict[str, str]:
    """What the baseline app does on every run: build the whole map, projects included,
    and render it with st_folium."""
    m = baseline_map(layers, apply_filter(frame, theme_filter(theme)))
    return renderers.st_folium(m, None, BASELINE_ST_FOLIUM_KWARGS)


VIEWS: dict[str, Callable[..., dict[str, str]]] = {
    "gros": gros_view, "baseline": baseline_view,
}
# What each app computes once per data change and keeps cached (besides the frame).
CACHED: dict[str, Callable[[gpd.GeoDataFrame], Any]] = {
    "gros": gros_cached, "baseline": lambda _frame: None,
}
# What each app keeps in st.cache_data, which hands every rerun an unpickled copy: the
# dashboard only its region layers (catalogue and prepared layer are st.cache_resource,
# shared read-only), the baseline its layers and projects, as a first app does.
COPIED_PER_RERUN: dict[str, Callable[[RegionLayers, gpd.GeoDataFrame], Any]] = {
    "gros": lambda layers, _frame: layers,
    "baseline": lambda layers, frame: (layers, frame),
}


# -- server side -------------------------------------------------------------------------

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


def _worker_data(layers: RegionLayers, frame: gpd.GeoDataFrame, folder: Path, n: int) -> Path:
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
    command = [sys.executable, str(WORKER), impl, str(data), str(repeats)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO,  # noqa: S603
                              env={**os.environ, "PYTHONPATH": _pythonpath()},
                              timeout=timeout_s or worker_timeout_s(n), check=False)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"the {impl} worker for N={n} did not finish within "
                           f"{timeout_s or worker_timeout_s(n):.0f} s") from None
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-5:]
        raise RuntimeError(f"the {impl} worker for N={n} failed (exit {done.returncode}): "
                           + " | ".join(tail))
    return json.loads(done.stdout.strip().splitlines()[-1])


def _pythonpath() -> str:
    # The worker and the baseline app are scripts in benchmarks/: they import gros from here.
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


# -- browser side ------------------------------------------------------------------------

VIEWPORT = {"width": 1400, "height": 900}
BROWSER_RUNS = 3
# The naive map at 100,000 projects is a ~100 MB script that holds a browser tab for
# minutes, if it loads at all: the baseline's browser figures stop at 10,000.
BASELINE_BROWSER_MAX_N = 10_000
# The first page of a fresh server reads and joins the whole catalogue (about 10 s per
# 100,000 projects for the dashboard) before anything is drawn.
COLD_TIMEOUT_S = 900
WAIT_TIMEOUT_S = 180
POLL_MS = 10
QUIET_S = 0.5

# What the st_folium iframe shows: Euregio outlines and project features. The dashboard
# adds projects as streamlit-folium feature groups (markers counted once the cluster has
# placed them), the baseline as plain markers and shapes.
_MAP_STATE_JS = """
(impl) => {
  const frame = [...document.querySelectorAll('iframe')].find(
      f => f.title === 'streamlit_folium.st_folium');
  const w = frame && frame.contentWindow;
  const d = w && w.document;
  if (!d || !d.body) return null;
  const euregios = d.querySelectorAll('path.gros-euregio').length;
  let projects = 0;
  if (impl === 'gros') {
    projects = w.map && w.map.grosProjects ? w.map.grosProjects.count() : 0;
  } else {
    projects = d.querySelectorAll('.leaflet-marker-icon').length
               + d.querySelectorAll('path.gros-project').length;
  }
  return {euregios, projects};
}
"""
# Resolves to the page's clock (ms since navigation) once the map shows what is expected.
_WAIT_JS = """
([impl, what, expected]) => {
  const state = (%s)(impl);
  const shown = state !== null && (what === 'euregios' ? state.euregios >= expected
                                                       : state.projects === expected);
  return shown ? performance.now() : false;
}
""" % _MAP_STATE_JS  # noqa: UP031 - the JS braces make str.format unreadable
# Notes the page's clock at the next press of a pointer, before the click's handlers run,
# and when the script run that the press starts has finished (Streamlit's script state).
_NOTE_PRESS_JS = """
() => {
  (window.__grosBenchObservers || []).forEach(observer => observer.disconnect());
  window.__grosBenchPress = null;
  window.__grosBenchRunEnd = null;
  const busy = window.__grosBenchBusy = {page: 0, map: 0};
  document.addEventListener('pointerdown', () => {
    window.__grosBenchPress = performance.now();
    // Long tasks (over 50 ms) on the main thread: Streamlit's page, or the map's iframe.
    const tasks = new PerformanceObserver(list => list.getEntries().forEach(task => {
      busy[task.name === 'self' ? 'page' : 'map'] += task.duration;
    }));
    tasks.observe({type: 'longtask'});
    const app = document.querySelector('[data-testid="stApp"]');
    let ran = false;
    const watch = new MutationObserver(() => {
      const state = app.getAttribute('data-test-script-state');
      if (state === 'running') {
        ran = true;
      } else if (ran && state === 'notRunning') {
        window.__grosBenchRunEnd = performance.now();
        watch.disconnect();
      }
    });
    watch.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
    window.__grosBenchObservers = [tasks, watch];
  }, {capture: true, once: true});
}
"""


class _Traffic:
    """Bytes the page receives on Streamlit's websocket, and when the last frame came."""

    def __init__(self, page: Any):
        self.received = 0
        self.last = time.monotonic()
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload: str | bytes) -> None:
        self.received += len(payload)
        self.last = time.monotonic()


def _wait_map(page: Any, impl: str, what: str, expected: int, timeout_s: float) -> float:
    """Poll until the map shows ``expected``; the page's clock then, in ms."""
    shown = page.wait_for_function(_WAIT_JS, arg=[impl, what, expected], polling=POLL_MS,
                                   timeout=timeout_s * 1000)
    return float(shown.json_value())


def _settle(page: Any, traffic: _Traffic, timeout_s: float = WAIT_TIMEOUT_S) -> None:
    """Wait until the script run is over and the websocket has been quiet for a moment:
    the baseline reruns once more when its new map reports its bounds."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        idle = page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]')
        if idle.count() and time.monotonic() - traffic.last >= QUIET_S:
            return
        page.wait_for_timeout(50)
    raise TimeoutError(f"the app did not settle within {timeout_s:.0f} s")


def _first_map(browser: Any, impl: str, url: str, euregios: int, total: int,
               timeout_s: float) -> tuple[dict[str, float], Any, _Traffic]:
    """Open the app in a fresh browser context; time the Euregios and the projects."""
    context = browser.new_context(viewport=VIEWPORT)
    # A page busy running a large map script can take long to accept a click.
    context.set_default_timeout(WAIT_TIMEOUT_S * 1000)
    page = context.new_page()
    traffic = _Traffic(page)
    page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
    # The page's clock starts at navigation, so its readings are the times we want.
    drawn = _wait_map(page, impl, "euregios", euregios, timeout_s)
    done = _wait_map(page, impl, "projects", total, timeout_s)
    _settle(page, traffic, timeout_s)
    return ({"first_map": drawn, "projects": done, "bytes": traffic.received}, page, traffic)


def _median_or_none(values: Sequence[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return round(statistics.median(known), 1) if known else None


def _close_dropdown(page: Any) -> None:
    # An open option list covers the widget below it: close it before the next click.
    options = page.get_by_role("listbox")
    deadline = time.monotonic() + WAIT_TIMEOUT_S
    while options.count() and time.monotonic() < deadline:
        page.keyboard.press("Escape")
        page.wait_for_timeout(200)
    if options.count():
        raise TimeoutError(f"the option list did not close within {WAIT_TIMEOUT_S} s")


@dataclass(frozen=True)
class FilterStep:
    """One filter change the browser measurement makes and then undoes."""

    choose: Callable[[Any], Any]  # page -> what to click (found, menus opened)
    undo: Callable[[Any], None]   # page -> None, back to every project
    count: int                    # projects the map then shows


def _sidebar_list(page: Any, label: str) -> Any:
    return page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(
        has=page.get_by_text(label, exact=True))


def _list_option(label: str, option: re.Pattern[str], count: int) -> FilterStep:
    """Choosing ``option`` in the sidebar list ``label``: open it, click; the undo closes
    the list (an open one covers the widget below it) and removes the choice."""
    def choose(page: Any) -> Any:
        _sidebar_list(page, label).click()
        return page.get_by_role("option", name=option)

    def undo(page: Any) -> None:
        _close_dropdown(page)
        _sidebar_list(page, label).get_by_role("button", name=re.compile(r"^Remove ")).click()

    return FilterStep(choose, undo, count)


def _chip(name: re.Pattern[str], count: int) -> FilterStep:
    """Clicking a chip of the dashboard's theme chips, and clicking it again."""
    def choose(page: Any) -> Any:
        return page.get_by_test_id("stButtonGroup").get_by_role("button", name=name)

    return FilterStep(choose, lambda page: choose(page).click(), count)


def theme_steps(impl: str, expected: dict[str, int]) -> list[FilterStep]:
    """One theme at a time: a chip above the dashboard's map, an option in the
    baseline's sidebar list."""
    steps = []
    for theme, count in expected.items():
        # The dashboard puts the theme's icon before its label, the baseline does not.
        name = re.compile(rf"^(\S+ )?{re.escape(themes.BY_ID[theme].label(LANGUAGE))}$")
        steps.append(_chip(name, count) if impl == "gros"
                     else _list_option("Themes", name, count))
    return steps


def country_steps(expected: dict[str, int]) -> list[FilterStep]:
    """One country at a time in the dashboard's sidebar: a filter that reruns the page."""
    label = i18n.t("filter.countries", LANGUAGE)
    steps = []
    for country, count in expected.items():
        name = re.escape(i18n.t(f"country.{country}", LANGUAGE))
        steps.append(_list_option(label, re.compile(f"^{name}$"), count))
    return steps


def _filter_changes(page: Any, traffic: _Traffic, impl: str, steps: Sequence[FilterStep],
                    total: int) -> dict[str, list[Any]]:
    """Make each change in turn; time until the map shows its set, then undo it.

    Returns, per change, the time (ms), the websocket bytes received, the time until
    the script run had finished (ms), and the main thread's long tasks until the map
    showed the new set (ms), in Streamlit's page and in the map's iframe.
    """
    times, received, script_times, busy = [], [], [], []
    for step in steps:
        control = step.choose(page)
        control.wait_for(timeout=WAIT_TIMEOUT_S * 1000)
        before = traffic.received
        page.evaluate(_NOTE_PRESS_JS)
        control.click()
        shown = _wait_map(page, impl, "projects", step.count, WAIT_TIMEOUT_S)
        pressed = page.evaluate("() => window.__grosBenchPress")
        times.append(shown - pressed)
        busy.append(page.evaluate("() => window.__grosBenchBusy"))
        _settle(page, traffic)
        received.append(traffic.received - before)
        run_end = page.evaluate("() => window.__grosBenchRunEnd")
        script_times.append(None if run_end is None else run_end - pressed)
        step.undo(page)
        _wait_map(page, impl, "projects", total, WAIT_TIMEOUT_S)
        _settle(page, traffic)
    return {"times": times, "bytes": received, "script": script_times,
            "busy_page": [b["page"] for b in busy], "busy_map": [b["map"] for b in busy]}


def measure_browser(browser: Any, impl: str, url: str, euregios: int, total: int,
                    steps: Sequence[FilterStep], other_steps: Sequence[FilterStep] = (),
                    runs: int = BROWSER_RUNS) -> dict[str, Any]:
    """Browser timings of one running app, in milliseconds (medians).

    A first, cold visit fills the server's caches (``browser_first_map_cold_ms``);
    then ``runs`` visits, each in a fresh browser context, time the Euregios
    (``browser_first_map_ms``) and all projects (``browser_projects_ms``); the last
    page then makes each theme change of ``steps`` (``browser_filter_ms``) and each
    change of ``other_steps`` (``browser_other_filter_ms``).
    """
    cold, page, _ = _first_map(browser, impl, url, euregios, total, COLD_TIMEOUT_S)
    page.context.close()
    visits = []
    for run in range(runs):
        visit, page, traffic = _first_map(browser, impl, url, euregios, total, WAIT_TIMEOUT_S)
        visits.append(visit)
        if run < runs - 1:
            page.context.close()
    try:
        changes = _filter_changes(page, traffic, impl, steps, total)
        others = _filter_changes(page, traffic, impl, other_steps, total)
    finally:
        page.context.close()
    return {
        "browser_first_map_ms": round(statistics.median(v["first_map"] for v in visits), 1),
        "browser_filter_ms": _median_or_none(changes["times"]),
        "browser_other_filter_ms": _median_or_none(others["times"]),
        "browser_projects_ms": round(statistics.median(v["projects"] for v in visits), 1),
        "browser_first_map_cold_ms": round(cold["first_map"], 1),
        "browser_ws_first_bytes": int(statistics.median(v["bytes"] for v in visits)),
        "browser_ws_filter_bytes": int(statistics.median(changes["bytes"])),
        "browser_filter_script_ms": _median_or_none(changes["script"]),
        "browser_filter_busy_page_ms": _median_or_none(changes["busy_page"]),
        "browser_filter_busy_map_ms": _median_or_none(changes["busy_map"]),
        "browser_runs": runs,
    }


# -- one run -----------------------------------------------------------------------------

FIGURES = ("payload_bytes", "server_build_ms", "server_filter_ms", "browser_first_map_ms",
           "browser_filter_ms", "peak_rss_mb")


def parse_sizes(sizes: str | None, quick: bool = False) -> tuple[int, ...]:
    """The project counts to measure: ``--sizes`` if given, else the quick or full set.

    Raises
    ------
    ValueError
        For a size that is not a whole number of at least 1.
    """
    if not sizes:
        return QUICK_SIZES if quick else SIZES
    parsed = []
    for part in sizes.split(","):
        text = part.strip().replace("_", "")
        if not text.isdigit() or int(text) < 1:
            raise ValueError(f"--sizes expects comma-separated counts such as 100,1000; "
                             f"got {part.strip()!r}")
        parsed.append(int(text))
    return tuple(parsed)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> str:
    """CPU model, core count, memory and Python version of this machine."""
    try:
        memory = f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.1f} GiB"
    except (ValueError, OSError, AttributeError):
        memory = "unknown memory"
    return (f"{_cpu_model()}, {os.cpu_count()} cores, {memory}, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def _versions() -> dict[str, str]:
    found = {}
    for package in ("streamlit", "streamlit-folium", "folium", "geopandas", "playwright"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "not installed"
    return found


@contextmanager
def chromium(notes: list[str]) -> Iterator[Any | None]:
    """Playwright driving the Chromium of the settings (``GROS_CHROMIUM``, else one on
    the PATH), or None, with a note saying why, when either is unavailable."""
    executable = find_chromium()
    if executable is None:
        notes.append("browser figures skipped: no Chromium found (install it, or set "
                     "GROS_CHROMIUM to its path)")
        yield None
        return
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        notes.append("browser figures skipped: playwright is not installed "
                     "(pip install -r tests/requirements.txt)")
        yield None
        return
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


def _app_environment(impl: str, data: Path, projects: Sequence[Project], folder: Path
                     ) -> tuple[Path, dict[str, str]]:
    """The script and environment of one app. The dashboard gets a store of its own
    holding only the synthetic projects: written before the dashboard first opens it,
    the store is not empty, so the 55 seed projects are not added."""
    from gros.settings import load_settings
    from gros.store import ProjectStore

    env = {**os.environ, "PYTHONPATH": _pythonpath()}
    if impl == "baseline":
        return BASELINE_APP, {**env, "GROS_BENCH_DATA": str(data)}
    store_dir = folder / f"store-{len(projects)}"
    # Never the configured database: an empty URL means a SQLite file in GROS_DATA_DIR.
    env.update(GROS_DATA_DIR=str(store_dir), GROS_DATABASE_URL="")
    if not store_dir.exists():
        ProjectStore.from_settings(load_settings(env)).upsert_many(projects, source="bench")
    return REPO / "dashboard.py", env


def _browser_figures(browser: Any, impl: str, n: int, data: Path, projects: Sequence[Project],
                     frame: gpd.GeoDataFrame, euregios: int, folder: Path, notes: list[str]
                     ) -> dict[str, Any]:
    # The server helper lives with the tests, which start the dashboard the same way.
    from tests.support.server import streamlit_app

    script, env = _app_environment(impl, data, projects, folder)
    steps = theme_steps(impl, {theme: len(apply_filter(frame, theme_filter(theme)))
                               for theme in FILTER_THEMES})
    # The baseline has no other filter; the dashboard's others rerun the whole page.
    other_steps = [] if impl == "baseline" else country_steps(
        {country: len(apply_filter(frame, ProjectFilter(countries=(country,))))
         for country in FILTER_COUNTRIES})
    # Without tiles, as the issue asks; the dashboard reads the view from its URL.
    path = f"/?basemap=none&lang={LANGUAGE}" if impl == "gros" else "/"
    # One more attempt, with a fresh server, after a failure: a busy machine can stall
    # one page. Each failure is reported in the notes; no figures after two.
    for attempt in (1, 2):
        log = folder / f"{impl}-{n}-{attempt}.log"
        try:
            with streamlit_app(script, env, log) as app:
                figures = measure_browser(browser, impl, app.url + path, euregios,
                                          len(frame), steps, other_steps)
            figures["server_process_peak_rss_mb"] = app.peak_rss_mb
            return figures
        except Exception as exc:  # a failed measurement is reported, not fatal
            reason = str(exc).splitlines()[0] if str(exc) else ""
            notes.append(f"browser figures for {impl} at N={n}, attempt {attempt}, failed: "
                         f"{type(exc).__name__}: {reason}; the server's last words: "
                         f"{_tail(log)!r}")
    return {}


def _tail(path: Path, lines: int = 3) -> str:
    try:
        return " | ".join(path.read_text(errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return ""


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _empty_row(n: int, impl: str) -> dict[str, Any]:
    return {"n": n, "impl": impl, **dict.fromkeys(FIGURES)}


def measure_size(n: int, layers: RegionLayers, folder: Path, browser: Any | None,
                 notes: list[str], impls: Sequence[str] = IMPLS) -> list[dict[str, Any]]:
    """Both implementations at one size: server figures, then (maybe) browser figures."""
    projects = synthetic_projects(n, layers)
    frame = catalogue_frame(projects, layers)
    data = _worker_data(layers, frame, folder, n)
    rows = []
    for impl in impls:
        row = _empty_row(n, impl)
        _progress(f"N={n:,} {impl}: server side…")
        try:
            row.update(measure_server(impl, n, data))
        except RuntimeError as exc:
            notes.append(f"server figures for {impl} at N={n} failed: {exc}")
        if browser is not None and impl == "baseline" and n > BASELINE_BROWSER_MAX_N:
            notes.append(f"baseline browser figures at N={n:,} not measured: above the "
                         f"cut-off of {BASELINE_BROWSER_MAX_N:,}, where the naive map's script "
                         "is too large for a browser tab to load in reasonable time")
        elif browser is not None:
            _progress(f"N={n:,} {impl}: browser…")
            row.update(_browser_figures(browser, impl, n, data, projects, frame,
                                        len(layers.euregios_display), folder, notes))
        rows.append(row)
    return rows


# -- summary -----------------------------------------------------------------------------

def ratios(runs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Baseline divided by gros for each figure and size (None where either is missing)."""
    by_key = {(row["n"], row["impl"]): row for row in runs}
    result = []
    for n in dict.fromkeys(row["n"] for row in runs):
        gros_row, base_row = by_key.get((n, "gros")), by_key.get((n, "baseline"))
        if gros_row is None or base_row is None:
            continue
        entry: dict[str, Any] = {"n": n}
        for name in (*FIGURES, "server_rerun_ms"):
            ours, theirs = gros_row.get(name), base_row.get(name)
            entry[name] = round(theirs / ours, 2) if ours and theirs is not None else None
        result.append(entry)
    return result


@dataclass(frozen=True)
class Target:
    """One of the issue's targets: a figure at a size, compared with a limit."""

    text: str
    n: int
    figure: str
    limit: float
    ratio: bool = False  # compare baseline/gros (at least limit) instead of gros (at most)


TARGETS = (
    Target("default-view payload ≤ 1.5 MB", 10_000, "payload_bytes", 1_500_000),
    Target("filter change shown in the browser within 300 ms (median)", 10_000,
           "browser_filter_ms", 300),
    Target("server-side rerun (filter, build, render, cache hit) within 100 ms", 10_000,
           "server_rerun_ms", 100),
    Target("≥5× less payload than the baseline", 10_000, "payload_bytes", 5, ratio=True),
    Target("≥3× faster filter updates than the baseline (browser)", 10_000,
           "browser_filter_ms", 3, ratio=True),
    Target("map updates within 1 s at 100,000 (browser filter change)", 100_000,
           "browser_filter_ms", 1000),
)


def check_targets(runs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each target with the measured value and whether it is met (None: not measured)."""
    gros_rows = {row["n"]: row for row in runs if row["impl"] == "gros"}
    ratio_rows = {row["n"]: row for row in ratios(runs)}
    checked = []
    for target in TARGETS:
        source = ratio_rows if target.ratio else gros_rows
        value = source.get(target.n, {}).get(target.figure)
        met = None if value is None else (value >= target.limit if target.ratio
                                          else value <= target.limit)
        checked.append({"target": target.text, "n": target.n, "figure": target.figure,
                        "ratio": target.ratio, "value": value, "limit": target.limit,
                        "met": met})
    return checked


def _cell(value: Any, unit: str = "") -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value / 1e6:,.2f}"
    return f"{value:,.0f}" if isinstance(value, (int, float)) and value >= 10 else f"{value:,.2f}"


def format_table(result: dict[str, Any]) -> str:
    """The results as a short text table for people, with baseline/gros ratios."""
    columns = [("payload_bytes", "payload MB", 10), ("server_build_ms", "build ms", 9),
               ("server_filter_ms", "filter ms", 9), ("server_rerun_ms", "rerun ms", 9),
               ("browser_first_map_ms", "first map ms", 12),
               ("browser_filter_ms", "browser filter ms", 17),
               ("browser_other_filter_ms", "sidebar filter ms", 17),
               ("peak_rss_mb", "peak RSS MB", 11)]
    header = f"{'N':>8}  {'impl':<9} " + " ".join(f"{title:>{width}}"
                                                  for _, title, width in columns)
    lines = [f"Machine: {result['machine']}", "", header, "-" * len(header)]
    ratio_rows = {row["n"]: row for row in result.get("ratios", [])}
    for row in result["runs"]:
        cells = [_cell(row.get(name), "MB" if name == "payload_bytes" else "")
                 for name, _, _ in columns]
        lines.append(f"{row['n']:>8,}  {row['impl']:<9} " + " ".join(
            f"{cell:>{width}}" for cell, (_, _, width) in zip(cells, columns, strict=True)))
        ratio = ratio_rows.get(row["n"])
        if row["impl"] == "baseline" and ratio:
            cells = [f"{ratio[name]:.1f}×" if ratio.get(name) is not None else "—"
                     for name, _, _ in columns]
            lines.append(f"{'':>8}  {'base/gros':<9} " + " ".join(
                f"{cell:>{width}}" for cell, (_, _, width) in zip(cells, columns, strict=True)))
    bounds = result["boundaries"]
    lines += ["", f"Boundaries as sent: {bounds['payload_bytes'] / 1e3:,.0f} kB, largest "
                  f"deviation from the source {bounds['max_deviation_m']} m", "", "Targets:"]
    for target in result.get("targets", []):
        verdict = {True: "met", False: "MISSED", None: "not measured"}[target["met"]]
        lines.append(f"  [{verdict}] {target['target']} (N={target['n']:,}: {target['value']})")
    lines += [f"Note: {note}" for note in result.get("notes", [])]
    return "\n".join(lines)


def run(args: Any) -> int:
    """``python -m gros bench``: measure, then print JSON (``--json``) or a table."""
    from gros.loaders import load_region_layers
    from gros.settings import load_settings

    sizes = parse_sizes(args.sizes, args.quick)
    # On SIGTERM unwind like on Ctrl-C, so servers, browser and temporary files go too.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    settings = load_settings()
    layers = load_region_layers(settings)
    notes: list[str] = []
    if args.no_browser:
        notes.append("browser figures skipped: --no-browser")
    load_before, revision = _load_average(), _revision()
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="gros-bench-") as tmp, \
            (_no_browser() if args.no_browser else chromium(notes)) as browser:
        for n in sizes:
            runs += measure_size(n, layers, Path(tmp), browser, notes,
                                 IMPLS if args.impl == "both" else (args.impl,))
    result = {
        "machine": machine(),
        "runs": runs,
        "boundaries": boundaries_figures(layers),
        "ratios": ratios(runs),
        "targets": check_targets(runs),
        "notes": notes,
        # Other work on the machine shows in the timings: the 1-minute load around the run.
        "load_average": {"before": load_before, "after": _load_average()},
        "seed": SEED,
        "revision": revision,
        "settings": {"nuts_year": settings.nuts_year, "nuts_scale": settings.nuts_scale,
                     "gisco_url": settings.gisco_url,
                     "simplify_tolerance_m": settings.simplify_tolerance_m},
        "versions": _versions(),
    }
    print(json.dumps(result, ensure_ascii=False) if args.json else format_table(result))
    return 0


def _exit_on_signal(signum: int, _frame: Any) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def _no_browser() -> Iterator[None]:
    yield None


def _revision() -> str | None:
    """The checkout's commit, so a result can be matched with the code it measured."""
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True,  # noqa: S607
                              text=True, cwd=REPO, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() or None


def _load_average() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None
