"""The benchmark's floor (benchmarks/floor.py, floor_app.py): the bare app runs, counts as
the dashboard filters, and hands its map the boundaries and a count, nothing more; the
ratios against it and their targets."""

from __future__ import annotations

import json
import pickle
import re

import pytest
from streamlit.testing.v1 import AppTest

from benchmarks import floor, summary, synthetic, views
from gros.filters import ProjectFilter, apply_filter
from tests.conftest import REPO

FLOOR_APP = REPO / "benchmarks" / "floor_app.py"


@pytest.fixture(scope="module")
def frame(mirror_layers):
    """200 synthetic projects inside the real Euregios, as a catalogue."""
    return synthetic.catalogue_of(synthetic.synthetic_projects(200, mirror_layers),
                                  mirror_layers)


def test_the_floor_counts_as_the_dashboard_filters(frame):
    counts = floor.FloorCounts.of(frame)
    assert counts.count() == len(frame) == 200
    for themes, countries in [(("health",), ()), ((), ("BE",)), (("health", "culture"), ("DE",)),
                              (("transport",), ("NL", "BE")), (("no-such-theme",), ())]:
        expected = apply_filter(frame, ProjectFilter(themes=themes, countries=countries))
        assert counts.count(themes, countries) == len(expected), (themes, countries)
    assert 0 < counts.count(("health",)) < len(frame)


def test_the_floor_view_sends_the_boundaries_and_a_count_only(frame, mirror_layers):
    from pages._ui import folium_component

    renderers = views.Renderers(st_folium=None, component=folium_component.component_arguments)
    cached = views.CACHED["floor"](frame)
    parts = views.floor_view(mirror_layers, frame, "health", cached, renderers, fresh=True)
    assert "gros-euregio" in parts["script"]
    assert "GrosProjects" not in parts["script"] and "Synthetic" not in parts["script"]
    expected = len(apply_filter(frame, views.theme_filter("health")))
    assert parts["feature_group"] == f"window.{floor.COUNT_VARIABLE} = {expected};\n"
    again = views.floor_view(mirror_layers, frame, None, cached, renderers, fresh=False)
    assert again["script"] == parts["script"]
    assert again["feature_group"] == floor.count_script(len(frame))


def _map_arguments(app: AppTest) -> dict:
    maps = [e for e in app.get("component_instance")
            if e.proto.component_name == "streamlit_folium.st_folium"]
    assert len(maps) == 1
    return json.loads(maps[0].proto.json_args)


def test_the_floor_app_updates_its_count_on_a_change(frame, mirror_layers, tmp_path,
                                                     monkeypatch):
    data = tmp_path / "data.pickle"
    data.write_bytes(pickle.dumps((mirror_layers, frame)))
    monkeypatch.setenv("GROS_BENCH_DATA", str(data))
    app = AppTest.from_file(str(FLOOR_APP), default_timeout=60).run()
    assert not app.exception, app.exception
    assert [m.label for m in app.sidebar.multiselect] == ["Theme", "Country"]
    assert app.caption[0].value == "200 / 200"
    first = _map_arguments(app)
    assert "gros-euregio" in first["script"]
    assert first["feature_group"] == floor.count_script(200)

    app.sidebar.multiselect[0].select("health").run()
    app.sidebar.multiselect[1].select("BE").run()
    expected = len(apply_filter(frame, ProjectFilter(themes=("health",), countries=("BE",))))
    assert app.caption[0].value == f"{expected} / 200"
    after = _map_arguments(app)
    # The same map, rendered once; only the count changed.
    assert after["script"] == first["script"]
    assert re.fullmatch(rf"window\.{floor.COUNT_VARIABLE} = {expected};\n",
                        after["feature_group"])


def _row(n: int, impl: str, **figures: float | None) -> dict:
    return {**summary.empty_row(n, impl), **figures}


def test_floor_ratios_divide_the_dashboard_by_the_floor_in_the_same_run():
    runs = [
        _row(10_000, "gros", browser_first_map_ms=1500.0, browser_filter_ms=150.0,
             browser_other_filter_ms=300.0, browser_other_filter_settled_ms=450.0,
             browser_projects_ms=2400.0),
        _row(10_000, "floor", browser_first_map_ms=1000.0, browser_filter_ms=100.0,
             browser_other_filter_ms=100.0, browser_other_filter_settled_ms=100.0,
             browser_projects_ms=1000.0),
        _row(1_000, "gros", browser_filter_ms=120.0),
    ]
    ratio = summary.floor_ratios(runs)
    assert ratio == [{"n": 10_000, "browser_first_map_ms": 1.5, "browser_filter_ms": 1.5,
                      "browser_other_filter_ms": 3.0,
                      "browser_other_filter_settled_ms": 4.5, "browser_projects_ms": 2.4}]
    verdicts = {(t["figure"], t["n"]): t["met"] for t in summary.check_targets(runs)
                if t["floor"]}
    assert verdicts[("browser_filter_ms", 10_000)] is True  # 1.5 ≤ 1.5
    assert verdicts[("browser_other_filter_ms", 10_000)] is False  # 3 > 2
    assert verdicts[("browser_first_map_ms", 10_000)] is True
    assert verdicts[("browser_projects_ms", 10_000)] is False  # 2.4 > 2
    assert verdicts[("browser_filter_ms", 100_000)] is None  # not measured
    table = summary.format_table({"machine": "m", "runs": runs, "floor_ratios": ratio,
                                  "boundaries": {"payload_bytes": 1000, "max_deviation_m": 1.0},
                                  "targets": summary.check_targets(runs), "notes": []})
    floor_line = next(line for line in table.splitlines() if "gros/flr" in line)
    assert floor_line.split()[-5:-1] == ["1.50×", "1.50×", "3.00×", "2.40×"]
