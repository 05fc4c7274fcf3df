"""The benchmark's command line: no Streamlit in the harness, the forwarder, a smoke run.

The smoke run measures N=100 without a browser; the full benchmark (all sizes,
Chromium) is run by hand, see benchmarks/README.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

import pytest

from benchmarks import summary
from gros.seed import read_seed_projects
from tests.conftest import REPO

RUN_KEYS = {"n", "impl", "payload_bytes", "server_build_ms", "server_filter_ms",
            "browser_first_map_ms", "browser_filter_ms", "peak_rss_mb"}


def _python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO, timeout=60, check=True)
    return done.stdout.strip()


def test_the_harness_never_imports_streamlit():
    # Only the worker and the baseline app, each in a process of its own, import it.
    code = ("import importlib, pkgutil, sys, benchmarks\n"
            "for found in pkgutil.iter_modules(benchmarks.__path__):\n"
            "    if found.name not in ('__main__', 'server_worker', 'baseline_app', 'floor_app'):\n"
            "        importlib.import_module('benchmarks.' + found.name)\n"
            "print('streamlit' in sys.modules)")
    assert _python(code) == "False"


def test_the_core_imports_the_benchmark_only_when_asked():
    assert _python("import sys, gros.cli; print('benchmarks' in sys.modules)") == "False"


def _gros_bench(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gros", "bench", *arguments],
                          capture_output=True, text=True, cwd=REPO, timeout=60, check=False)


def test_gros_bench_forwards_its_options_to_the_benchmark():
    shown = _gros_bench("--help")
    assert shown.returncode == 0
    assert "python -m benchmarks" in shown.stdout and "--no-browser" in shown.stdout
    refused = _gros_bench("--quick", "--sizes", "100,x")
    assert refused.returncode == 1
    assert "--sizes expects comma-separated counts" in refused.stderr and "'x'" in refused.stderr


def test_a_small_run_prints_the_json_the_checks_read(mirror_env, mirror_layers):
    # mirror_layers has filled the boundary cache, so the run starts at once.
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--sizes", "100", "--no-browser", "--json"],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, **mirror_env},
        timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["machine"]
    assert {"runs", "boundaries"} <= set(result)
    # The dashboard's own seed projects first, then the synthetic sizes asked for.
    seed = [row for row in result["runs"] if row["data"] == "seed"]
    assert [(row["impl"], row["n"]) for row in seed] == [
        (impl, len(read_seed_projects())) for impl in ("gros", "floor", "baseline")]
    assert all(row["server_build_ms"] > 0 for row in seed)
    runs = {row["impl"]: row for row in result["runs"] if row["data"] == "synthetic"}
    assert set(runs) == {"gros", "floor", "baseline"}
    for row in runs.values():
        assert set(row) >= RUN_KEYS
        assert row["n"] == 100
        assert row["payload_bytes"] > 10_000
        assert row["server_build_ms"] > 0
        # The floor's filter only counts: microseconds, which may round to 0.0 ms.
        assert row["server_filter_ms"] > 0 or row["impl"] == "floor"
        assert row["peak_rss_mb"] > 50
        assert row["browser_first_map_ms"] is None  # --no-browser
        assert row["browser_filter_ms"] is None
    # The compact project layer and simplified outlines send less than one marker each.
    assert runs["gros"]["payload_bytes"] < runs["baseline"]["payload_bytes"]
    # The floor sends the boundaries and a count: less than the dashboard's map.
    assert runs["floor"]["payload_bytes"] < runs["gros"]["payload_bytes"]
    assert {"n": 100, **dict.fromkeys(summary.FLOOR_FIGURES)} in result["floor_ratios"]
    boundaries = result["boundaries"]
    assert boundaries["payload_bytes"] > 0
    assert 0 <= boundaries["max_deviation_m"] <= 200
    assert any("--no-browser" in note for note in result["notes"])


def test_no_module_beside_an_app_script_hides_a_standard_module():
    # `streamlit run benchmarks/floor_app.py` puts benchmarks/ first on sys.path: a
    # benchmarks/statistics.py once hid the standard `statistics`, which geopandas imports.
    for folder in (REPO, REPO / "benchmarks"):
        names = {path.stem for path in folder.glob("*.py")} | {
            path.parent.name for path in folder.glob("*/__init__.py")}
        assert not names & sys.stdlib_module_names, folder


def test_a_map_that_never_shows_its_set_names_the_app_the_wait_and_what_it_showed():
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    from benchmarks.browser import _wait_map

    class StuckPage:
        def wait_for_function(self, *args, **kwargs):
            raise PlaywrightTimeout("Timeout 1000ms exceeded.")

        def evaluate(self, script, impl):
            return {"euregios": 12, "projects": 950, "moving": False}

    with pytest.raises(TimeoutError) as raised:
        _wait_map(StuckPage(), "floor", "projects", 1000, 1)
    message = str(raised.value)
    assert message.startswith("floor: the map did not show projects = 1,000 within 1 s")
    assert "'projects': 950" in message


def test_a_change_that_times_out_is_left_out_and_its_page_opened_again(monkeypatch):
    from benchmarks import browser
    from benchmarks.browser import AppUnderTest, FilterStep

    opened, stuck = Counter(), []

    class Page:
        def __init__(self):
            self.context = self
            self.closed = False

        def close(self):
            self.closed = True

    def first_map(_browser, impl, *args):
        opened[impl] += 1
        return {"first_map": 100.0, "projects": 200.0, "bytes": 10}, Page(), None

    def filter_change(page, traffic, impl, step, total):
        assert not page.closed
        if impl == "floor" and step.count == 1 and not stuck:
            stuck.append(step)
            raise TimeoutError("floor: the map did not show settled = 1 within 180 s")
        time = {"gros": 150.0, "floor": 80.0}[impl] + step.count
        return {"time": time, "settled": time, "bytes": 5, "script": None,
                "busy_page": 0, "busy_map": 0}

    monkeypatch.setattr(browser, "_first_map", first_map)
    monkeypatch.setattr(browser, "_filter_change", filter_change)
    steps = [FilterStep(None, None, 1), FilterStep(None, None, 3)]
    apps = [AppUnderTest(impl, "url", 7, 10, steps) for impl in ("gros", "floor")]

    figures = browser.measure_browsers(None, apps, runs=1, rounds=2)

    assert figures["gros"]["browser_filter_ms"] == 152.0  # 151, 153, 151, 153
    assert figures["floor"]["browser_filter_ms"] == 83.0  # 83, 81, 83: the stuck one left out
    assert figures["floor"]["browser_changes_missed"] == [
        "steps change 1: floor: the map did not show settled = 1 within 180 s"]
    assert "browser_changes_missed" not in figures["gros"]
    # The cold visit, the timed one, and the page opened again after the lost change.
    assert opened["gros"] == 2 and opened["floor"] == 3
