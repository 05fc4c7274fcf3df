"""Benchmark: does the statistics layer slow a theme change? ``python -m benchmarks.stats_layer``.

The same synthetic projects (fixed seed) with the statistics layer off and on (population
density, the latest year, quantiles), measured the way the map page works:

* server side, in this process: building the base map once per layer choice (what a
  new indicator, year or class scheme costs, rendered to HTML), its size, and what a
  rerun after a theme change does (filter, :func:`gros.live_map.plan_live_map`; the base
  map is a cache hit, as in the app);
* browser side (Playwright + Chromium, a real dashboard server, no basemap): a theme
  chip pressed until the map holds the new set, median of five themes, with the layer
  turned on in the sidebar first for the second measurement.

Needs the boundaries and the Eurostat datasets of the settings (``GROS_GISCO_URL``,
``GROS_EUROSTAT_URL``…); nothing here imports Streamlit.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import LANGUAGE, machine
from benchmarks.browser import (
    WAIT_TIMEOUT_S,
    _filter_change,
    _first_map,
    _settle,
    chromium,
)
from benchmarks.run import _app_environment
from benchmarks.steps import theme_steps
from benchmarks.synthetic import catalogue_of, synthetic_projects
from benchmarks.views import FILTER_THEMES, PROJECTS_URL, theme_filter
from gros import eurostat, maps
from gros.choropleth import StatisticsChoice
from gros.filters import apply_filter
from gros.i18n import t
from gros.indicators import Statistics
from gros.live_map import plan_live_map
from gros.loaders import load_region_layers
from gros.settings import load_settings
from tests.support.server import streamlit_app

CHOICE = StatisticsChoice("density")
REPEATS = 5


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def server_figures(layers, frame, stats: Statistics) -> dict[str, Any]:
    """Base map build and size, and a theme change's rerun, with the layer off and on."""
    prepared = maps.prepare_projects(frame, LANGUAGE)
    figures: dict[str, Any] = {}
    for mode, choice in (("off", None), ("on", CHOICE)):
        builds, size = [], 0
        for _ in range(3):
            started = time.perf_counter()
            plan = plan_live_map(frame, prepared, LANGUAGE, "none", maps.LAYERS, PROJECTS_URL,
                                 statistics=choice)
            size = len(plan.base.build(layers, stats).get_root().render())
            builds.append(time.perf_counter() - started)
        changes = []
        for _ in range(REPEATS):
            for theme in FILTER_THEMES:
                started = time.perf_counter()
                shown = apply_filter(frame, theme_filter(theme))
                plan_live_map(shown, prepared, LANGUAGE, "none", maps.LAYERS, PROJECTS_URL,
                              statistics=choice)
                changes.append(time.perf_counter() - started)
        figures[mode] = {"base_build_ms": _ms(statistics.median(builds)),
                         "base_bytes": size,
                         "theme_change_ms": _ms(statistics.median(changes))}
    return figures


def _turn_on(page: Any) -> None:
    """Choose the layer's indicator in the sidebar and wait until it is drawn."""
    label = t("stats.layer", LANGUAGE)
    chooser = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(
        has_text=label)
    option = page.get_by_role("listbox").get_by_text(
        t(f"indicator.{CHOICE.indicator}", LANGUAGE), exact=True)
    # A rerun of the sidebar can close the list as it opens: open it again then.
    for _ in range(10):
        chooser.get_by_role("button", name="Open").click()
        try:
            option.click(timeout=5_000)
            break
        except Exception:
            page.keyboard.press("Escape")
    else:
        raise TimeoutError("the statistics layer's list did not open")
    page.wait_for_function("""() => {
        const f = [...document.querySelectorAll('iframe')].find(
            f => f.title === 'streamlit_folium.st_folium');
        return f && f.contentDocument
            && f.contentDocument.querySelectorAll('path.gros-stat').length > 0; }""",
                           timeout=WAIT_TIMEOUT_S * 1000)


def browser_figures(browser: Any, projects, frame, euregios: int, folder: Path
                    ) -> dict[str, Any]:
    """A theme chip's change in the browser, median of :data:`FILTER_THEMES`, off and on."""
    script, env = _app_environment("gros", folder / "unused", projects, folder)
    steps = theme_steps("gros", {theme: len(apply_filter(frame, theme_filter(theme)))
                                 for theme in FILTER_THEMES})
    figures = {}
    with streamlit_app(script, env, folder / "server.log") as app:
        url = f"{app.url}/?basemap=none&lang={LANGUAGE}"
        _first_map(browser, "gros", url, euregios, len(frame), 900)[1].context.close()
        for mode in ("off", "on"):
            _, page, traffic = _first_map(browser, "gros", url, euregios, len(frame),
                                          WAIT_TIMEOUT_S)
            try:
                if mode == "on":
                    _turn_on(page)
                    _settle(page, traffic)
                made = [_filter_change(page, traffic, "gros", step, len(frame))
                        for step in steps]
                changes = {"times": [c["time"] for c in made],
                           "bytes": [c["bytes"] for c in made]}
            finally:
                page.context.close()
            figures[mode] = {"browser_theme_change_ms": round(statistics.median(
                changes["times"]), 1), "ws_bytes": int(statistics.median(changes["bytes"]))}
    return figures


def run(n: int, with_browser: bool) -> dict[str, Any]:
    settings = load_settings()
    layers = load_region_layers(settings)
    stats = Statistics(eurostat.load_all(settings))
    projects = synthetic_projects(n, layers)
    frame = catalogue_of(projects, layers)
    result: dict[str, Any] = {"n": n, "machine": machine.description(),
                              "revision": machine.revision(),
                              "load_average": machine.load_average(),
                              "server": server_figures(layers, frame, stats), "notes": []}
    if with_browser:
        with chromium(result["notes"]) as browser, \
                tempfile.TemporaryDirectory(prefix="gros-stats-bench-") as folder:
            if browser is not None:
                result["browser"] = browser_figures(browser, projects, frame,
                                                    len(layers.euregios), Path(folder))
    return result


def _table(result: dict[str, Any]) -> str:
    lines = [f"N = {result['n']:,} projects; statistics layer: {CHOICE.indicator}, latest "
             "year, quantiles"]
    for mode in ("off", "on"):
        server = result["server"][mode]
        line = (f"  layer {mode:<3}  base map {server['base_build_ms']:>7,.1f} ms "
                f"{server['base_bytes'] / 1000:>6,.0f} KB   theme change (server) "
                f"{server['theme_change_ms']:>5,.1f} ms")
        if "browser" in result:
            browser = result["browser"][mode]
            line += (f"   theme change (browser) {browser['browser_theme_change_ms']:>6,.1f} ms"
                     f", {browser['ws_bytes'] / 1000:,.1f} KB")
        lines.append(line)
    lines += [f"  note: {note}" for note in result["notes"]]
    lines.append(f"machine: {result['machine']}; load {result['load_average']}; "
                 f"revision {result['revision']}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stats_layer",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=10_000,
                        help="synthetic projects (default 10,000)")
    parser.add_argument("--no-browser", action="store_true", help="server side only")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    try:
        result = run(args.projects, not args.no_browser)
    except eurostat.EurostatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result) if args.json else _table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
