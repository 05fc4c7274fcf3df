"""A quick smoke run of the benchmark (speed itself is never asserted in tests)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

import pytest
import shapely

from gros import bench, themes
from tests.conftest import REPO

RUN_KEYS = {"n", "impl", "payload_bytes", "server_build_ms", "server_filter_ms",
            "browser_first_map_ms", "browser_filter_ms", "peak_rss_mb"}


def test_synthetic_projects_are_valid_varied_and_inside_the_region(mirror_layers):
    projects = bench.synthetic_projects(300, mirror_layers)
    assert len({p.id for p in projects}) == 300
    assert set(Counter(p.themes[0] for p in projects)) == set(themes.THEME_IDS)
    kinds = Counter(p.geometry_type for p in projects)
    assert kinds["point"] > kinds["line"] > kinds["area"] > 0
    region = shapely.union_all(mirror_layers.euregios.geometry.to_numpy()).buffer(0.3)
    assert all(region.contains(p.geometry) for p in projects)
    again = bench.synthetic_projects(300, mirror_layers)
    assert [p.geometry.wkt for p in again] == [p.geometry.wkt for p in projects]


def test_sizes(mirror_layers):
    assert bench.parse_sizes(None) == (100, 1_000, 10_000, 100_000)
    assert bench.parse_sizes(None, quick=True) == (100, 1_000)
    assert bench.parse_sizes("100,250") == (100, 250)
    with pytest.raises(ValueError):
        bench.parse_sizes("many")


def test_a_small_run_prints_the_json_the_checks_read(mirror_env):
    result = subprocess.run(
        [sys.executable, "-m", "gros", "bench", "--sizes", "100", "--no-browser", "--json"],
        cwd=REPO, env={**os.environ, **mirror_env}, capture_output=True, text=True,
        timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert report["machine"]
    assert {run["impl"] for run in report["runs"]} == {"gros", "baseline"}
    for run in report["runs"]:
        assert set(run) >= RUN_KEYS
        assert run["n"] == 100
        assert run["payload_bytes"] > 10_000
        assert run["server_build_ms"] > 0 and run["peak_rss_mb"] > 50
        assert run["browser_first_map_ms"] is None  # --no-browser
    by_impl = {run["impl"]: run for run in report["runs"]}
    # The compact project layer and simplified outlines send less than one marker each.
    assert by_impl["gros"]["payload_bytes"] < by_impl["baseline"]["payload_bytes"]
    boundaries = report["boundaries"]
    assert boundaries["payload_bytes"] > 0
    assert 0 <= boundaries["max_deviation_m"] <= 200
