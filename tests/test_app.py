"""Every page with Streamlit's AppTest, against the mirror and the curated data."""

from __future__ import annotations

import json
from typing import Any

from streamlit.testing.v1 import AppTest

from gros import gisco, regions
from tests.conftest import REPO

TIMEOUT = 60


def _app(**query: str) -> AppTest:
    app = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=TIMEOUT)
    for name, value in query.items():
        app.query_params[name] = value
    return app


def map_arguments(app: AppTest) -> dict[str, Any]:
    """What the page handed to the streamlit-folium component (script, links…)."""
    maps = [e for e in app.get("component_instance")
            if e.proto.component_name == "streamlit_folium.st_folium"]
    assert len(maps) == 1, "expected one map on the page"
    return json.loads(maps[0].proto.json_args)


def test_map_page_draws_the_regions_with_local_leaflet(app_env):
    app = _app(basemap="none").run()
    assert not app.exception
    assert [e.value for e in app.error] == []
    assert app.title[0].value == "GROS-dashboard"
    assert app.sidebar.radio[0].value == "none"
    assert gisco.ATTRIBUTION in app.caption[-1].value
    arguments = map_arguments(app)
    for euregio_id in regions.EUREGIO_IDS:
        assert f"gros-euregio-{euregio_id}" in arguments["script"]
    links = arguments["js_links"] + arguments["css_links"]
    assert links and all(link.startswith("../../app/static/vendor/") for link in links)
    assert arguments["returned_objects"] == []


def test_language_from_the_url(app_env):
    app = _app(lang="de").run()
    assert not app.exception
    assert app.title[0].value == "GROS-Dashboard"
    assert app.sidebar.selectbox[0].value == "de"


def test_about_page_lists_sources_and_the_approximation(app_env):
    app = _app(lang="en").run()
    app.switch_page("pages/about.py").run()
    assert not app.exception
    assert app.title[0].value == "About this dashboard"
    markdown = " ".join(m.value for m in app.markdown)
    assert gisco.ATTRIBUTION in markdown
    assert "NUTS-3 regions their members lie in" in app.info[0].value
    table = app.dataframe[0].value
    assert len(table) == 7
    assert table["Area (km²)"].min() > 1_000


def test_unavailable_boundaries_still_start_the_app(app_env, tmp_path, monkeypatch):
    monkeypatch.setenv("GROS_GISCO_URL", (tmp_path / "offline").as_uri())
    monkeypatch.setenv("GROS_CACHE_DIR", str(tmp_path / "empty-cache"))
    app = _app().run()
    assert not app.exception
    message = app.error[0].value
    assert "NUTS_RG_20M_2024_4326.geojson" in message
    assert "GROS_GISCO_URL" in message and "python -m gros geodata fetch" in message
    assert app.title[0].value == "GROS-dashboard"
