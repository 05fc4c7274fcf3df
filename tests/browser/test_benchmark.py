"""The benchmark's browser side end to end: each implementation served by ``streamlit run``
as in a real run, timed in Chromium, at a small size."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.browser.conftest import CHROMIUM
from tests.conftest import REPO

BROWSER_FIGURES = ("browser_first_map_ms", "browser_filter_ms", "browser_projects_ms",
                   "browser_first_map_cold_ms")


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}; CI installs it")
def test_every_implementation_is_served_and_timed_in_the_browser(mirror_env, mirror_layers):
    # mirror_layers has filled the boundary cache, so the servers start at once.
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--sizes", "100", "--no-seed", "--json"],
        capture_output=True, text=True, cwd=REPO,
        env={**os.environ, **mirror_env, "GROS_CHROMIUM": str(CHROMIUM)},
        timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    runs = {row["impl"]: row for row in json.loads(done.stdout)["runs"]}
    assert set(runs) == {"gros", "floor", "baseline"}
    for impl, row in runs.items():
        for figure in BROWSER_FIGURES:
            assert row[figure] is not None and row[figure] > 0, (impl, figure, row[figure])
    # The sidebar's country list exists in the dashboard and the floor, not the baseline.
    assert runs["gros"]["browser_other_filter_ms"] > 0
    assert runs["floor"]["browser_other_filter_ms"] > 0
    # Settled: shown, and no longer moving to the filter's extent; never before shown.
    for impl in ("gros", "floor"):
        row = runs[impl]
        assert row["browser_other_filter_settled_ms"] >= row["browser_other_filter_ms"]
    assert runs["baseline"]["browser_other_filter_ms"] is None
