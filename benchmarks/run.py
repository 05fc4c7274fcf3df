"""One benchmark run: every size, each implementation, server and browser figures."""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import geopandas as gpd

from benchmarks import LANGUAGE, REPO, machine, summary
from benchmarks.browser import (
    BASELINE_BROWSER_MAX_N,
    AppUnderTest,
    chromium,
    measure_browsers,
)
from benchmarks.server import boundaries_figures, measure_server, pythonpath, worker_data
from benchmarks.steps import FILTER_COUNTRIES, country_steps, theme_steps
from benchmarks.synthetic import SEED, catalogue_of, synthetic_projects
from benchmarks.views import FILTER_THEMES, theme_filter
from gros.filters import ProjectFilter, apply_filter
from gros.layers import RegionLayers
from gros.projects import Project
from gros.seed import read_seed_projects
from tests.support.server import streamlit_app

SIZES = (100, 1_000, 10_000, 100_000)
QUICK_SIZES = (100, 1_000)
IMPLS = ("gros", "floor", "baseline")
# From this many projects on, the baseline's theme change is undone by opening its page
# again (see _app_under_test).
RELOAD_UNDO_MIN_N = 10_000
# The apps of the implementations other than the dashboard, which reads its own store.
APPS = {"baseline": REPO / "benchmarks" / "baseline_app.py",
        "floor": REPO / "benchmarks" / "floor_app.py"}


def parse_impls(impls: str | None) -> tuple[str, ...]:
    """The implementations to measure, in the order of :data:`IMPLS` (default: all).

    Raises
    ------
    ValueError
        For a name that is not one of them.
    """
    if not impls or impls == "all":
        return IMPLS
    chosen = {part.strip() for part in impls.split(",") if part.strip()}
    unknown = sorted(chosen - set(IMPLS))
    if unknown or not chosen:
        raise ValueError(f"--impl expects all or comma-separated names of {', '.join(IMPLS)}; "
                         f"got {impls!r}")
    return tuple(impl for impl in IMPLS if impl in chosen)


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


def _app_environment(impl: str, data: Path, projects: Sequence[Project], folder: Path
                     ) -> tuple[Path, dict[str, str]]:
    """The script and environment of one app. The dashboard gets a store of its own
    holding only the synthetic projects: written before the dashboard first opens it,
    the store is not empty, so the 55 seed projects are not added."""
    from gros.settings import load_settings
    from gros.store import ProjectStore

    env = {**os.environ, "PYTHONPATH": pythonpath()}
    if impl in APPS:
        return APPS[impl], {**env, "GROS_BENCH_DATA": str(data)}
    store_dir = folder / f"store-{len(projects)}"
    # Never the configured database: an empty URL means a SQLite file in GROS_DATA_DIR.
    env.update(GROS_DATA_DIR=str(store_dir), GROS_DATABASE_URL="")
    if not store_dir.exists():
        ProjectStore.from_settings(load_settings(env)).upsert_many(projects, source="bench")
    return REPO / "dashboard.py", env


def _browser_apps(impls: Sequence[str], n: int, notes: list[str]) -> list[str]:
    """The implementations whose browser figures are measured at ``n``."""
    if "baseline" in impls and n > BASELINE_BROWSER_MAX_N:
        notes.append(f"baseline browser figures at N={n:,} not measured: above the "
                     f"cut-off of {BASELINE_BROWSER_MAX_N:,}, where the naive map's script "
                     "is too large for a browser tab to load in reasonable time")
    return [impl for impl in impls if impl != "baseline" or n <= BASELINE_BROWSER_MAX_N]


def _app_under_test(impl: str, url: str, frame: gpd.GeoDataFrame, euregios: int
                    ) -> AppUnderTest:
    # After the baseline's rerun with a large map its option list no longer closes (it
    # ignores Escape): the page is opened again instead, which shows every project.
    steps = theme_steps(impl, {theme: len(apply_filter(frame, theme_filter(theme)))
                               for theme in FILTER_THEMES},
                        undo_by_reload=impl == "baseline" and len(frame) >= RELOAD_UNDO_MIN_N)
    # The baseline has no other filter; the dashboard's and the floor's rerun the whole page.
    other_steps = [] if impl == "baseline" else country_steps(
        {country: len(apply_filter(frame, ProjectFilter(countries=(country,))))
         for country in FILTER_COUNTRIES})
    # Without tiles, as the issue asks; the dashboard reads the view from its URL.
    path = f"/?basemap=none&lang={LANGUAGE}" if impl == "gros" else "/"
    return AppUnderTest(impl, url + path, euregios, len(frame), steps, other_steps)


def _browser_figures(browser: Any, impls: Sequence[str], n: int, data: Path,
                     projects: Sequence[Project], frame: gpd.GeoDataFrame, euregios: int,
                     folder: Path, notes: list[str]) -> dict[str, dict[str, Any]]:
    """Every implementation's browser figures at one size, their servers running side
    by side and the measurements taking turns (:func:`measure_browsers`)."""
    # One more attempt, with fresh servers, after a failure: a busy machine can stall
    # one page. Each failure is reported in the notes; no figures after two.
    for attempt in (1, 2):
        logs = {impl: folder / f"{impl}-{n}-{attempt}.log" for impl in impls}
        running = {}
        try:
            with ExitStack() as stack:
                for impl in impls:
                    script, env = _app_environment(impl, data, projects, folder)
                    running[impl] = stack.enter_context(streamlit_app(script, env, logs[impl]))
                figures = measure_browsers(browser, [
                    _app_under_test(impl, running[impl].url, frame, euregios)
                    for impl in impls])
            for impl, app in running.items():
                figures[impl]["server_process_peak_rss_mb"] = app.peak_rss_mb
                lost = figures[impl].get("browser_changes_missed", [])
                if lost:
                    notes.append(f"{impl} at N={n:,}: {len(lost)} filter change(s) timed out "
                                 f"and left out of its medians: {'; '.join(lost)}")
            return figures
        except Exception as exc:  # a failed measurement is reported, not fatal
            reason = str(exc).splitlines()[0] if str(exc) else ""
            words = "; ".join(f"{impl}: {_tail(log)!r}" for impl, log in logs.items())
            notes.append(f"browser figures at N={n}, attempt {attempt}, failed: "
                         f"{type(exc).__name__}: {reason}; the servers' last words: {words}")
    return {}


def _tail(path: Path, lines: int = 3) -> str:
    try:
        return " | ".join(path.read_text(errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return ""


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure_size(n: int, layers: RegionLayers, folder: Path, browser: Any | None,
                 notes: list[str], impls: Sequence[str] = IMPLS,
                 projects: Sequence[Project] | None = None) -> list[dict[str, Any]]:
    """Each implementation at one size: server figures, then (maybe) browser figures;
    ``n`` synthetic projects, or ``projects`` (then ``n`` is their count)."""
    projects_given = projects
    projects = list(projects) if projects is not None else synthetic_projects(n, layers)
    frame = catalogue_of(projects, layers)
    data = worker_data(layers, frame, folder, n)
    rows = []
    for impl in impls:
        row = summary.empty_row(n, impl)
        row["data"] = "synthetic" if projects_given is None else "seed"
        _progress(f"N={n:,} {impl}: server side…")
        try:
            row.update(measure_server(impl, n, data))
        except RuntimeError as exc:
            notes.append(f"server figures for {impl} at N={n} failed: {exc}")
        rows.append(row)
    if browser is not None:
        shown = _browser_apps(impls, n, notes)
        _progress(f"N={n:,} {', '.join(shown)}: browser, taking turns…")
        figures = _browser_figures(browser, shown, n, data, projects, frame,
                                   len(layers.euregios_display), folder, notes)
        for row in rows:
            row.update(figures.get(row["impl"], {}))
    return rows


def run(args: Any) -> int:
    """``python -m benchmarks``: measure, then print JSON (``--json``) or a table."""
    from gros.loaders import load_region_layers
    from gros.settings import load_settings

    sizes = parse_sizes(args.sizes, args.quick)
    impls = parse_impls(args.impl)
    # On SIGTERM unwind like on Ctrl-C, so servers, browser and temporary files go too.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    settings = load_settings()
    layers = load_region_layers(settings)
    notes: list[str] = []
    if args.no_browser:
        notes.append("browser figures skipped: --no-browser")
    load_before, revision = machine.load_average(), machine.revision()
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="gros-bench-") as tmp, \
            (_no_browser() if args.no_browser else chromium(notes)) as browser:
        if not getattr(args, "no_seed", False):
            # What a newcomer meets: the dashboard's own seed projects, first.
            seed = read_seed_projects()
            runs += measure_size(len(seed), layers, Path(tmp), browser, notes, impls, seed)
        for n in sizes:
            runs += measure_size(n, layers, Path(tmp), browser, notes, impls)
    result = {
        "machine": machine.description(),
        "runs": runs,
        "boundaries": boundaries_figures(layers),
        "ratios": summary.ratios(runs),
        "floor_ratios": summary.floor_ratios(runs),
        "targets": summary.check_targets(runs),
        "notes": notes,
        # Other work on the machine shows in the timings: the 1-minute load around the run.
        "load_average": {"before": load_before, "after": machine.load_average()},
        "seed": SEED,
        "revision": revision,
        "settings": {"nuts_year": settings.nuts_year, "nuts_scale": settings.nuts_scale,
                     "gisco_url": settings.gisco_url,
                     "simplify_tolerance_m": settings.simplify_tolerance_m},
        "versions": machine.versions(),
    }
    print(json.dumps(result, ensure_ascii=False) if args.json else summary.format_table(result))
    return 0


def _exit_on_signal(signum: int, _frame: Any) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def _no_browser() -> Iterator[None]:
    yield None
