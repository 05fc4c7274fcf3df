"""The statistics layer and figures in the app (AppTest), on the mirrors."""

from __future__ import annotations

from tests.test_app import _app, _page, map_arguments


def test_the_statistics_layer_is_off_by_default(app_env):
    app = _app(basemap="none").run()
    assert not app.exception, app.exception
    assert app.selectbox(key="stats_indicator").value == "off"
    assert "gros-stat" not in map_arguments(app)["script"]


def test_choosing_an_indicator_draws_the_layer_with_its_legend(app_env):
    app = _app(basemap="none", lang="en").run()
    app.selectbox(key="stats_indicator").set_value("population").run()
    assert not app.exception, app.exception
    script = map_arguments(app)["script"]
    assert "gros-stat-legend" in script
    assert "Population (2025)" in script and "Source: Eurostat" in script
    assert "inhabitants" in script
    assert app.selectbox(key="stats_year").value is None  # the latest year
    app.selectbox(key="stats_year").set_value(2020).run()
    assert "Population (2020)" in map_arguments(app)["script"]


def test_without_the_datasets_the_map_says_so_and_draws_on(app_env, tmp_path, monkeypatch):
    monkeypatch.setenv("GROS_EUROSTAT_URL", (tmp_path / "offline").as_uri())
    monkeypatch.setenv("GROS_CACHE_DIR", str(tmp_path / "cache"))
    app = _app(basemap="none", lang="en").run()
    assert not app.exception, app.exception
    app.selectbox(key="stats_indicator").set_value("density").run()
    assert not app.exception, app.exception
    assert any("Eurostat statistics are unavailable" in w.value for w in app.warning)
    assert "gros-stat" not in map_arguments(app)["script"]
    assert [e.value for e in app.error] == []


def test_the_euregio_page_shows_figures_per_country_part_and_compares(app_env):
    app = _page("pages/euregios.py", lang="en", euregio="maas-rijn")
    assert "Figures (Eurostat)" in [h.value for h in app.subheader]
    profile = app.dataframe[1].value  # after the members table
    assert list(profile.columns) == ["Total", "Belgium part", "Germany part",
                                     "Netherlands part"]
    assert profile.loc["Population", "Total"] == "3,969,276 inhabitants (2025)"
    assert any("sum of the 13 NUTS-3 regions" in c.value for c in app.caption)
    app.multiselect(key="compare_areas").set_value(["maas-rijn", "NL423"]).run()
    assert not app.exception, app.exception
    table = app.dataframe[2].value
    population = table[table["Indicator"] == "Population"]
    assert list(population["Value"]) == [3969276.0, 600149.0]
    assert list(population["Year"]) == [2025, 2025]
    assert "Flags" in table.columns and "Note" in table.columns
    assert len(app.get("download_button")) == 2
