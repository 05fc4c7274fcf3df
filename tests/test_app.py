"""Every page with Streamlit's AppTest, against the mirror and the curated data."""

from __future__ import annotations

import base64
import html
import json
import re
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from gros import gisco, i18n, regions
from gros.auth import hash_password
from pages._ui import editor
from tests.conftest import REPO

TIMEOUT = 90
FRAME_ENTRY = REPO / "tests" / "support" / "frame_entry.py"


def _app(**query: str) -> AppTest:
    app = AppTest.from_file(str(FRAME_ENTRY), default_timeout=TIMEOUT)
    for name, value in query.items():
        app.query_params[name] = value
    return app


def _page(page: str, **query: str) -> AppTest:
    """The app opened on ``page`` (e.g. "pages/projects.py")."""
    app = _app(**query).run()
    app.switch_page(str(REPO / page)).run()
    assert not app.exception, app.exception
    return app


def map_arguments(app: AppTest) -> dict[str, Any]:
    """What the page handed to the streamlit-folium component (script, links…), its
    ``script`` the base map's as the map runs it: read from the file the component
    loads it from (gros.live_map.base_map_file); the line sent instead is ``loader``."""
    maps = [e for e in app.get("component_instance")
            if e.proto.component_name == "streamlit_folium.st_folium"]
    assert maps, "expected a map on the page"
    arguments = json.loads(maps[0].proto.json_args)
    base_map = re.fullmatch(r"\.\./\.\./app/static/(data/basemap-\w+\.js)",
                            arguments["js_links"][-1])
    assert base_map, arguments["js_links"]
    arguments["loader"] = arguments["script"]
    arguments["script"] = (REPO / "static" / base_map.group(1)).read_text(encoding="utf-8")
    return arguments


def shown_titles(arguments: dict[str, Any]) -> list[str]:
    """Titles of the projects the map shows: the selection sent with the run, read
    against the data file the map's script fetches from the app's static folder."""
    target = re.search(r'"\.\./\.\./app/static/(data/[\w.-]+\.json)"', arguments["script"])
    data = json.loads((REPO / "static" / target.group(1)).read_text(encoding="utf-8"))
    titles = {item[4]: item[3] for item in data["points"]}
    titles.update({item["properties"]["i"]: item["properties"]["t"] for item in data["shapes"]})
    selection = re.search(r'GrosProjects\.show\(map_div, "([^"]*)"\)', arguments["feature_group"])
    bits = base64.b64decode(selection.group(1))
    return [html.unescape(titles[i]) for i in range(data["count"]) if bits[i >> 3] >> (i & 7) & 1]


def _shown_count(app: AppTest) -> str:
    """The "… of … projects" line: by the map on the map page, in the sidebar elsewhere."""
    return next(c.value for c in app.caption if "projects" in c.value
                or "projecten" in c.value)


def test_map_page_draws_regions_and_projects_with_local_leaflet(app_env):
    app = _app(basemap="none").run()
    assert not app.exception, app.exception
    assert [e.value for e in app.error] == []
    assert app.title[0].value == "GROS-dashboard"
    assert app.sidebar.radio[0].value == "none"
    arguments = map_arguments(app)
    for euregio_id in regions.EUREGIO_IDS:
        assert f"gros-euregio-{euregio_id}" in arguments["script"]
    assert "Maastricht–Heerlen–Aachen (RE18)" in shown_titles(arguments)
    assert "RE18" not in arguments["script"]  # project data comes once, from a file
    # The base map comes from a file of the app, once; a rerun sends a line to run it.
    assert arguments["loader"] == "var map_div = window.grosBaseMap();\n"
    assert arguments["script"].startswith("window.grosBaseMap = function () {")
    links = arguments["js_links"][:-1] + arguments["css_links"]
    assert links and all(link.startswith("../../app/static/vendor/") for link in links)
    assert any("/vendor/gros/project-layer.js" in link for link in arguments["js_links"])
    assert any("MarkerCluster.Default.css" in link for link in arguments["css_links"])
    assert set(arguments["returned_objects"]) == {"last_object_clicked_tooltip",
                                                  "last_object_clicked"}
    assert any(gisco.ATTRIBUTION in c.value for c in app.main.caption)


def test_a_theme_in_the_url_restores_the_filter(app_env):
    everything = _app(lang="en").run()
    total = int(_shown_count(everything).split(" of ")[1].split()[0])
    app = _app(theme="transport", lang="en").run()
    assert not app.exception
    # The map page offers the themes as chips by the map, not in the sidebar.
    assert app.pills[0].value == ["transport"]
    assert all(box.label != "Theme" for box in app.sidebar.multiselect)
    shown = int(_shown_count(app).split(" of ")[0])
    assert 0 < shown < total
    titles = shown_titles(map_arguments(app))
    assert len(titles) == shown
    assert "Maastricht–Heerlen–Aachen (RE18)" in titles
    assert "Grenzinfopunkt Aachen-Eurode" not in titles  # a labour project


def test_changing_a_filter_writes_the_url(app_env):
    app = _app(lang="en").run()
    app.pills[0].set_value(["health"]).run()
    assert app.query_params["theme"] == "health"
    assert app.query_params["lang"] == "en"
    # The map, drawn before the sidebar, shows what the line above it counts.
    shown = int(_shown_count(app).split(" of ")[0])
    assert len(shown_titles(map_arguments(app))) == shown
    app.sidebar.radio[0].set_value("osm").run()  # the basemap, also read before drawn
    assert "tile.openstreetmap.org" in map_arguments(app)["script"]
    assert len(shown_titles(map_arguments(app))) == shown
    # A sidebar widget reruns only the map's panel: the sidebar is not drawn again.
    assert not app.sidebar.multiselect
    app.run()  # the whole page, as on the next visit: the choices hold
    assert app.sidebar.radio[0].value == "osm"
    assert "tile.openstreetmap.org" in map_arguments(app)["script"]
    # A sidebar filter narrows the theme's projects further and keeps the theme.
    countries = next(box for box in app.sidebar.multiselect if box.label == "Country")
    countries.set_value(["BE"]).run()
    assert not app.exception
    assert (app.query_params["theme"], app.query_params["country"]) == ("health", "BE")
    narrowed = int(_shown_count(app).split(" of ")[0])
    assert narrowed < shown
    assert len(shown_titles(map_arguments(app))) == narrowed


def test_the_themes_chosen_by_the_map_follow_to_the_projects_page(app_env):
    app = _app(lang="en").run()
    app.pills[0].set_value(["transport", "labour"]).run()
    app.switch_page(str(REPO / "pages/projects.py")).run()
    assert not app.exception, app.exception
    themes_box = next(box for box in app.sidebar.multiselect if box.label == "Theme")
    assert themes_box.value == ["transport", "labour"]
    themes_box.set_value(["health"]).run()
    app.switch_page(str(REPO / "pages/map.py")).run()
    assert app.pills[0].value == ["health"]
    assert app.query_params["theme"] == "health"


def test_unknown_url_values_are_reported(app_env):
    app = _app(theme="sports", lang="en").run()
    assert "theme='sports'" in app.warning[0].value


def test_language_from_the_url(app_env):
    app = _app(lang="de").run()
    assert not app.exception
    assert app.title[0].value == "GROS-Dashboard"
    assert app.sidebar.selectbox[0].value == "de"


def test_projects_page_lists_the_filtered_projects(app_env):
    app = _page("pages/projects.py", lang="en", theme="transport")
    table = app.dataframe[0].value
    assert len(table) >= 10
    assert table["Themes"].str.contains("Public transport").all()
    assert [b.label for b in app.get("download_button")] == ["CSV", "XLSX", "GEOJSON"]


def test_euregio_page_shows_a_profile(app_env):
    app = _page("pages/euregios.py", lang="en", euregio="maas-rijn")
    assert app.title[0].value.replace("\\", "") == "Euregio Meuse-Rhine"  # Markdown-escaped
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Founded"] == "1976"
    # The seat is text, never cut to fit a metric's width.
    assert any("**Seat:** Eupen" in m.value for m in app.markdown)
    assert re.fullmatch(r"\d{1,3}(,\d{3})+ km²", metrics["Area on the map"])
    assert metrics["Status of the cooperation body"] == "active since 1976"
    assert metrics["Population (sum of the known figures)"] == "—"  # the mirror has no figures
    assert int(metrics["Municipalities"]) > 100
    assert any("union of its" in i.value and "LAU 2024" in i.value for i in app.info)
    members = app.dataframe[0].value
    assert "Zweckverband Region Aachen" in set(members["Member"])
    aachen = members[members["Member"] == "Zweckverband Region Aachen"].iloc[0]
    assert aachen["Kind"].startswith("Kreis, district or province")
    assert int(aachen["Municipalities"].replace(",", "")) > 10
    assert set(members["Population"]) == {"—"}  # unknown, never 0
    assert all(url.startswith("http") for url in members["Source"])
    projects = app.dataframe[-1].value  # after the figures (tests/test_app_stats.py)
    assert projects["Title"].str.contains("Maastricht").any()


def test_the_euregio_page_writes_figures_in_dutch_and_says_what_a_total_covers(app_env):
    app = _page("pages/euregios.py", lang="nl", euregio="maas-rijn")
    metrics = {m.label: m.value for m in app.metric}
    assert re.fullmatch(r"\d{1,3}(\.\d{3})+ km²", metrics["Oppervlakte op de kaart"])
    budget = metrics["Budget van de projecten"]
    # Unknown where no project of the Euregio has a budget, never € 0.
    assert re.fullmatch(r"—|€\u00a0[1-9][\d.]*", budget)
    facts = next(m.value for m in app.markdown if "**Zetel:**" in m.value)
    assert re.search(r"\*\*Budget van de projecten:\*\* (€\u00a0[\d.]+|onbekend)"
                     r"( — \d+ van \d+ projecten met een bekend budget)?$", facts)


STREAMLIT_PLACEHOLDERS = {"", "Choose options", "Choose an option", "No options to select."}
WIDGET_PAGES = ("pages/map.py", "pages/projects.py", "pages/euregios.py", "pages/themes.py",
                "pages/agenda.py", "pages/data.py")


@pytest.mark.parametrize("lang", ["nl", "de", "fr"])
def test_no_widget_shows_streamlits_english_placeholder(app_env, editor_app_factory, lang):
    checked = 0
    apps = [_page(page, lang=lang) for page in WIDGET_PAGES]
    apps.append(editor_app_factory(lang))
    for app in apps:
        for widget in [*app.multiselect, *app.selectbox]:
            assert widget.placeholder not in STREAMLIT_PLACEHOLDERS, (widget.label, lang)
            checked += 1
    assert checked >= 20  # the sidebar's filters and the project form included


def test_euregio_page_says_a_body_merged_and_how_complete_a_list_is(app_env):
    app = _page("pages/euregios.py", lang="en", euregio="benelux-middengebied")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Status of the cooperation body"] == "merged since 2007"
    warning = app.warning[0].value.replace("\\", "")  # Markdown-escaped
    assert "no longer exists as such (merged since 2007)" in warning
    assert any("Grensregio Vlaanderen-Nederland" in m.value.replace("\\", "")
               for m in app.markdown)
    app = _page("pages/euregios.py", lang="de", euregio="euregio")
    completeness = next(w.value.replace("\\", "") for w in app.warning
                        if "Quelle nennt" in w.value)
    assert "der 129 Mitglieder" in completeness and "euregio.eu" in completeness
    members = app.dataframe[0].value
    assert len(members) < 129 and "Enschede" in set(members["Mitglied"])
    # Drawn within 10 % of the stated 13,000 km²: nothing to explain.
    assert not any("weicht um" in c.value for c in app.caption)
    assert not app.error
    # EDR: about 11,300 km² drawn against 20,166 stated, from an incomplete list: explained.
    app = _page("pages/euregios.py", lang="de", euregio="edr")
    assert any("der 83 Mitglieder" in w.value for w in app.warning)
    assert any("weicht um" in c.value and "unvollständig" in c.value for c in app.caption)


def test_themes_page_has_a_panel_per_theme(app_env):
    app = _page("pages/themes.py", lang="en")
    overview = app.dataframe[0].value
    assert len(overview) == 9
    assert overview["Projects"].sum() >= 55
    assert app.header[0].value.endswith("Labour market")


def test_about_page_lists_sources_and_how_the_outlines_are_drawn(app_env):
    app = _page("pages/about.py", lang="en")
    assert app.title[0].value == "About this dashboard"
    markdown = " ".join(m.value for m in app.markdown)
    assert gisco.ATTRIBUTION in markdown
    assert "Euregio outlines: the union of their member municipalities (GISCO LAU 2024)" in (
        markdown)
    assert not app.info  # no NUTS-3 approximation to explain
    # How exact the project geometry is: schematic lines, imported lines as they are.
    assert i18n.t("about.precision", "en") in markdown
    assert "the map draws them dashed" in markdown
    table = app.dataframe[0].value
    assert len(table) == 7
    assert table["Area (km²)"].min() > 1_000  # numbers, written the reader's way by the table
    assert set(table["Status of the cooperation body"]) == {
        "active since 1958", "active since 1971", "active since 1976", "active since 1977",
        "active since 1978", "active since 1989", "merged since 2007"}


def test_data_page_is_read_only_without_an_editor(app_env):
    app = _page("pages/data.py", lang="en")
    assert "Changing data is off" in app.info[0].value
    # A viewer may check a file, never import it or edit a project.
    assert len(app.get("file_uploader")) == 1
    assert not [b for b in app.button if b.label == "Import"]
    assert not app.text_input
    assert len(app.dataframe) == 1  # the audit trail is visible to all


@pytest.fixture
def editor_app_factory(app_env, tmp_path, monkeypatch):
    """Opens the data page in a language with an editor password ("grens") and a store
    of its own."""
    monkeypatch.setenv("GROS_DATA_DIR", str(tmp_path / "data"))

    def open_data_page(lang: str = "en", signed_in: bool = True) -> AppTest:
        editor._backoff.clear()  # each test's wrong passwords are its own
        app = _app(lang=lang)
        app.secrets["editor"] = {"password_hash": hash_password("grens", iterations=1_000)}
        app.run()
        app.switch_page(str(REPO / "pages/data.py")).run()
        if signed_in:
            app.text_input(key="editor_password").input("grens").run()
        return app
    return open_data_page


@pytest.fixture
def editor_app(editor_app_factory) -> AppTest:
    """The data page in English, not yet signed in."""
    return editor_app_factory("en", signed_in=False)


def test_a_wrong_password_keeps_editing_off_and_backs_off(editor_app):
    editor_app.text_input(key="editor_password").input("wrong").run()
    assert editor_app.error[0].value == "Wrong password. Try again in 1 s."
    # Checking a file stays open to all; importing it does not.
    assert not [b for b in editor_app.button if b.label == "Import"]
    assert not editor_app.get("form")
    assert editor_app.text_input(key="editor_password").value == ""  # not kept
    editor_app.run()  # a rerun does not try the same password again
    assert editor_app.error[0].value == "Wrong password. Try again in 1 s."
    # Within the second, even the right password is refused without being checked.
    editor_app.text_input(key="editor_password").input("grens").run()
    assert editor_app.error[0].value == "Too many wrong passwords. Try again in 1 s."
    assert not editor_app.get("form")


@pytest.fixture
def named_editors_app(app_env, tmp_path, monkeypatch) -> AppTest:
    """The data page with two named editors, anna ("a-pass") and jan ("j-pass")."""
    monkeypatch.setenv("GROS_DATA_DIR", str(tmp_path / "data"))
    editor._backoff.clear()  # each test's wrong passwords are its own
    app = _app(lang="en")
    app.secrets["editors"] = {"anna": hash_password("a-pass", iterations=1_000),
                              "jan": hash_password("j-pass", iterations=1_000)}
    app.run()
    app.switch_page(str(REPO / "pages/data.py")).run()
    return app


def test_a_named_editor_signs_in_and_the_audit_trail_names_her(named_editors_app):
    app = named_editors_app
    app.text_input(key="editor_name").input("anna")
    app.text_input(key="editor_password").input("j-pass").run()  # jan's password
    assert app.error[0].value.startswith("Wrong password.")
    app.text_input(key="editor_name").input("jan")
    app.text_input(key="editor_password").input("j-pass").run()
    assert app.error[0].value.startswith("Too many wrong passwords.")  # backed off
    editor._backoff.clear()  # as if the second of waiting had passed
    app.text_input(key="editor_password").input("j-pass").run()
    assert not app.exception
    assert "Signed in as jan" in app.caption[0].value
    form = {t.label: t for t in app.text_input}
    form["Id"].input("gip-jan")
    form["Title"].input("GrensInfoPunt")
    form["Latitude"].input("50.85")
    form["Longitude"].input("5.69")
    app.multiselect[0].set_value(["labour"])
    next(t for t in app.text_area if t.label.startswith("Source URLs")).input(
        "https://example.org/gip")
    next(b for b in app.button if b.label == "Save").click().run()
    assert app.success[0].value == "Saved as version 1."
    assert app.dataframe[-1].value.iloc[0]["By"] == "jan"
    app.run()
    app.selectbox(key="edit_choice").set_value("gip-jan").run()
    assert any(c.value.startswith("Last changed by jan on ") for c in app.caption)


def test_an_editor_adds_a_project_with_the_form(editor_app):
    editor_app.text_input(key="editor_password").input("grens").run()
    assert not editor_app.exception
    form = {t.label: t for t in editor_app.text_input}
    form["Id"].input("gip-test")
    form["Title"].input("<b>GrensInfoPunt</b> test")
    form["Latitude"].input("50.85")
    form["Longitude"].input("5.69")
    editor_app.multiselect[0].set_value(["labour"])
    next(t for t in editor_app.text_area if t.label.startswith("Source URLs")).input(
        "https://example.org/gip")
    next(b for b in editor_app.button if b.label == "Save").click().run()
    assert not editor_app.exception, editor_app.exception
    assert editor_app.success[0].value == "Saved as version 1."
    audit = editor_app.dataframe[-1].value
    assert audit.iloc[0]["Project"] == "gip-test"
    assert audit.iloc[0]["By"] == "editor"


def test_an_invalid_form_names_the_problem(editor_app):
    editor_app.text_input(key="editor_password").input("grens").run()
    form = {t.label: t for t in editor_app.text_input}
    form["Id"].input("bad-one")
    form["Title"].input("No location, no source")
    next(b for b in editor_app.button if b.label == "Save").click().run()
    message = editor_app.error[0].value
    assert "themes" in message and "sources" in message and "geometry" in message


def test_unavailable_boundaries_still_start_the_app(app_env, tmp_path, monkeypatch):
    monkeypatch.setenv("GROS_GISCO_URL", (tmp_path / "offline").as_uri())
    monkeypatch.setenv("GROS_CACHE_DIR", str(tmp_path / "empty-cache"))
    app = _app().run()
    assert not app.exception
    message = app.error[0].value
    assert "NUTS_RG_20M_2024_4326.geojson" in message
    assert "GROS_GISCO_URL" in message and "python -m gros geodata fetch" in message
    assert app.title[0].value == "GROS-dashboard"


def test_meeting_page_saves_the_current_view(app_env, tmp_path, monkeypatch):
    monkeypatch.setenv("GROS_DATA_DIR", str(tmp_path / "data"))
    app = _app(lang="en", theme="transport", euregio="maas-rijn").run()
    app.switch_page(str(REPO / "pages/meeting.py")).run()
    assert not app.exception, app.exception
    assert "Public transport and mobility" in app.caption[0].value
    app.text_input[0].input("Rail in EMR")
    next(b for b in app.button if b.label == "Save view").click().run()
    assert app.success[0].value == "View 'Rail in EMR' saved."
    assert "Rail in EMR" in app.markdown[0].value
    assert "theme=transport" in app.markdown[0].value
    assert "extent=" in app.markdown[0].value


def test_presentation_mode_shows_the_first_saved_view(app_env, tmp_path, monkeypatch):
    from gros.loaders import open_store
    from gros.settings import load_settings
    from gros.store import SavedView

    monkeypatch.setenv("GROS_DATA_DIR", str(tmp_path / "data"))
    store = open_store(load_settings())
    store.save_view(SavedView("First", {"theme": "transport", "basemap": "none"}))
    store.save_view(SavedView("Second", {"theme": "health", "basemap": "none"}))
    app = _app(mode="present", lang="en").run()
    assert not app.exception, app.exception
    assert app.title[0].value == "First"
    next(b for b in app.button if b.label == ":material/arrow_forward:").click().run()
    assert app.title[0].value == "Second"
    assert app.query_params["slide"] == "2"
    next(b for b in app.button if b.label == ":material/close:").click().run()
    assert app.title[0].value == "GROS dashboard"


def test_the_about_page_names_the_municipalities_source(app_env):
    app = _page("pages/about.py", lang="en")
    text = " ".join(m.value for m in app.markdown)
    assert "Municipal boundaries: Eurostat GISCO, LAU 2024 (01M)" in text
    assert "LAU_RG_01M_2024_4326.geojson" in text
    assert not app.warning


def test_without_municipalities_map_and_about_say_the_outlines_fall_back(app_env, monkeypatch):
    # The mirror has no LAU 2023 file: as if offline with no municipalities cached.
    monkeypatch.setenv("GROS_LAU_YEAR", "2023")
    app = _app(lang="en", basemap="none").run()
    assert not app.exception, app.exception
    assert [e.value for e in app.error] == []
    map_arguments(app)  # the map is drawn as before
    notice = app.warning[0].value
    assert "municipal boundaries (GISCO LAU) are not available" in notice
    assert "NUTS-3 regions" in notice and "LAU_RG_01M_2023_4326.geojson" in notice
    app.switch_page(str(REPO / "pages/about.py")).run()
    assert not app.exception, app.exception
    assert "NUTS-3 regions" in app.warning[0].value
    assert "NUTS-3 regions their members lie in" in app.info[0].value


def test_a_database_the_app_cannot_bring_up_to_date_stops_it_with_the_reason(
        app_env, tmp_path, monkeypatch):
    import sqlalchemy as sa

    from gros.store import ProjectStore

    url = f"sqlite:///{tmp_path / 'gros.sqlite'}"
    store = ProjectStore(url)
    with store.engine.begin() as connection:  # as a newer dashboard would leave it
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    monkeypatch.setenv("GROS_DATABASE_URL", url)
    app = _app(lang="en").run()
    assert not app.exception, app.exception
    assert f"the project database {url} is at schema revision '9999'" in app.error[0].value


def test_the_data_page_reports_a_keep_eu_import(editor_app):
    from tests.conftest import XSS
    from tests.importers.inputs import DE_CODE, real_keep_workbook, real_partner
    from tests.importers.test_keep_export import PARTNERS, PROJECTS

    broken = real_partner(*PARTNERS[9][:3], False, XSS, "Borken")  # a payload as its country
    data = real_keep_workbook(PROJECTS, [*PARTNERS[:9], broken, *PARTNERS[10:]])
    assert DE_CODE in PARTNERS[0]
    editor_app.text_input(key="editor_password").input("grens").run()
    editor_app.get("file_uploader")[0].set_value(("keep-export.xlsx", data, "application/"
                                                  "vnd.openxmlformats-officedocument."
                                                  "spreadsheetml.sheet")).run()
    assert not editor_app.exception, editor_app.exception
    markdown = [m.value for m in editor_app.markdown]
    assert markdown[0] == r"**7 rows\: 5 accepted, 1 outside the area, 1 rejected**"
    metrics = {m.label: m.value for m in editor_app.metric}
    assert metrics == {"Rows": "7", "Accepted": "5", "Outside the area": "1", "Rejected": "1"}
    headings = [e.label for e in editor_app.expander]
    assert "Partners: 1 row(s), e.g. 6" in headings and headings[-1] == "Columns"
    assert XSS not in " ".join(markdown)  # escaped, never rendered
    assert any(r"\<img src=x onerror=alert\(1\)\>" in m for m in markdown)
    outside = editor_app.dataframe[-2].value  # then the audit trail
    assert list(outside["Title"]) == ["Test project far away"]
    assert list(outside["Countries"]) == ["CZ, PL"]
    downloads = [b.label for b in editor_app.get("download_button")]
    assert downloads == ["Download the rejected rows (CSV)",
                         "Download the rows outside the area (CSV)"]

    editor_app.checkbox(key="include_outside").check().run()
    assert not editor_app.exception
    # The Czech and Polish project cannot be placed on the map: still listed.
    assert {m.label: m.value for m in editor_app.metric}["Outside the area"] == "1"


def test_agenda_page_shows_a_partners_action_list(app_env):
    app = _page("pages/agenda.py", lang="en", agenda="DEA")
    assert app.title[0].value.startswith("GROS agenda")
    metrics = {m.label: m.value for m in app.metric}
    assert set(metrics) == {"Open", "In progress", "Done", "Unknown"}
    actions = app.dataframe[0].value
    assert len(actions) == int(metrics["Open"]) + int(metrics["In progress"]) \
        + int(metrics["Done"]) + int(metrics["Unknown"])
    assert actions["List"].str.contains("Noordrijn-Westfalen|Nordrhein-Westfalen").all()
    assert actions["Source"].str.startswith("http").all()
    assert "agenda=DEA" in "&".join(f"{k}={v}" for k, v in app.query_params.items())
    assert any("Nordrhein-Westfalen" in s.value for s in app.subheader)


def test_agenda_page_filters_by_theme_and_status(app_env):
    app = _page("pages/agenda.py", lang="en", agenda="DEA", theme="safety")
    actions = app.dataframe[0].value
    assert list(actions["Themes"]) == ["Disaster management and public safety"]
    addressed = app.dataframe[1].value
    assert addressed["Title"].str.contains("ambulances").all()
    app.pills[1].set_value(["unknown"]).run()  # the status chips (the first are the themes)
    assert not app.exception
    assert any("No action items" in i.value for i in app.info)


def test_agenda_page_opens_the_map_with_the_border_area(app_env):
    app = _page("pages/agenda.py", lang="en", agenda="BE2")
    app.button(key="agenda_to_map").click().run()
    assert not app.exception, app.exception
    arguments = map_arguments(app)
    assert "gros-obstacle" in arguments["script"]
    assert app.multiselect(key="filter_provinces").value == ["BE25", "BE23", "BE21", "BE22"]
    assert "province=BE25" in "&".join(f"{k}={v}" for k, v in app.query_params.items())
