"""Map builders, tested by rendering HTML and checking its pieces."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gros import gisco, maps, regions
from gros.i18n import t
from gros.layers import build_region_layers
from tests import synthetic

XSS = "<img src=x onerror=alert(1)>"


def test_region_map_draws_every_layer_without_a_cdn(synthetic_layers):
    html = maps.build_region_map(synthetic_layers, basemap="none").get_root().render()
    assert "cdn." not in html and "unpkg" not in html and "code.jquery" not in html
    assert "tile.openstreetmap.org" not in html and "cartocdn" not in html
    assert "gros-euregio-maas-rijn" in html
    assert "gros-country" in html and "gros-province" in html
    assert json.dumps(gisco.ATTRIBUTION) in html


def test_tiles_only_when_the_basemap_has_them(synthetic_layers):
    light = maps.build_region_map(synthetic_layers, basemap="light").get_root().render()
    osm = maps.build_region_map(synthetic_layers, basemap="osm").get_root().render()
    assert "cartocdn" in light and "tile.openstreetmap.org" in osm
    with pytest.raises(ValueError, match="'satellite'"):
        maps.build_region_map(synthetic_layers, basemap="satellite")


def test_hidden_layers_are_not_drawn(synthetic_layers):
    html = maps.build_region_map(synthetic_layers, basemap="none",
                                 visible=("countries",)).get_root().render()
    assert "gros-euregio" not in html and "gros-province" not in html


def test_names_from_data_are_escaped(synthetic_source, tmp_path: Path):
    (tmp_path / "e.csv").write_text(synthetic.EUREGIOS_CSV.replace("Euregio Maas-Rijn", XSS))
    (tmp_path / "m.csv").write_text(synthetic.MEMBERS_CSV)
    (tmp_path / "p.csv").write_text(synthetic.PROVINCES_CSV.replace("South NL", XSS))
    layers = build_region_layers(
        gisco.load(synthetic_source), regions.read_euregios(tmp_path / "e.csv"),
        regions.read_memberships(tmp_path / "m.csv"),
        regions.read_border_provinces(tmp_path / "p.csv"), tolerance_m=1000)
    html = maps.build_region_map(layers, basemap="none", language="nl").get_root().render()
    assert XSS not in html
    # folium writes "&" as \u0026 inside its JSON: the text arrives HTML-escaped.
    escaped = "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;"
    assert html.count(escaped) >= 3  # the Euregio tooltip, the province and its label


def test_euregio_labels_follow_the_language(synthetic_layers):
    german = maps.build_region_map(synthetic_layers, basemap="none", language="de")
    html = german.get_root().render()
    assert "Euregio Maas-Rhein" in html


def _projects_frame(count: int = 12):
    """Projects as the catalogue has them (only the columns the map reads)."""
    import geopandas as gpd
    import shapely

    rows = []
    for number in range(count):
        kind = ("point", "line", "area")[number % 3]
        x, y = 5.5 + number * 0.05, 51.0 + number * 0.02
        geometry = {"point": shapely.Point(x, y),
                    "line": shapely.LineString([(x, y), (x + 0.1, y + 0.1)]),
                    "area": shapely.box(x, y, x + 0.02, y + 0.02)}[kind]
        rows.append({"id": f"p{number:03d}", "title": f"Project {number}",
                     "title_en": "" if number % 2 else f"Project {number} (en)",
                     "main_theme": ("transport", "health", "education")[number % 3],
                     "status": ("ongoing", "completed")[number % 2],
                     "precision": ("exact", "schematic")[number // 2 % 2],
                     "geometry_type": kind, "geometry": geometry})
    rows[5]["title"] = XSS
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def test_a_selection_names_exactly_the_chosen_projects():
    frame = _projects_frame(21)  # not a whole number of bytes
    prepared = maps.prepare_projects(frame, "en")
    for chosen in ([], ["p000"], ["p001", "p007", "p020"], list(frame["id"])):
        assert prepared.selected(prepared.selection(chosen)) == chosen
    # Unknown ids select nothing rather than something else.
    assert prepared.selected(prepared.selection(["nope"])) == []


def test_project_data_holds_every_project_once_with_its_position():
    frame = _projects_frame()
    data = json.loads(maps.prepare_projects(frame, "en").data())
    assert data["count"] == len(frame) == len(data["points"]) + len(data["shapes"])
    positions = sorted([p[4] for p in data["points"]]
                       + [f["properties"]["i"] for f in data["shapes"]])
    assert positions == list(range(len(frame)))
    assert data["points"][0][3] == "Project 0 (en)"  # the title in the language, if any
    assert {f["properties"]["g"] for f in data["shapes"]} == {"line", "area"}
    assert len(data["colours"]) == len(data["labels"]) == 9


def test_project_titles_reach_the_map_escaped():
    text = maps.prepare_projects(_projects_frame(), "en").data()
    assert XSS not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_the_live_map_fetches_projects_and_holds_none(synthetic_layers):
    url = "../../app/static/data/projects-en-0123.json"
    live = maps.build_region_map(synthetic_layers, basemap="none", language="en",
                                 projects_url=url).get_root().render()
    assert "GrosProjects.load(" in live and json.dumps(url) in live
    assert "/vendor/gros/project-layer.js" in live
    hidden = maps.build_region_map(synthetic_layers, basemap="none", projects_url=url,
                                   visible=("countries", "euregios")).get_root().render()
    assert url not in hidden
    frame = _projects_frame()
    embedded = maps.build_region_map(synthetic_layers, basemap="none", language="en",
                                     projects=frame).get_root().render()
    assert "Project 0 (en)" in embedded and "GrosProjects.load(" not in embedded


def test_a_map_with_projects_keeps_leaflet_from_3d_transforms(synthetic_layers):
    """gros/js/flat.js comes before Leaflet, which reads its switch as it loads."""
    def scripts(m) -> list[str]:
        return [url for _, url in m.default_js]

    with_projects = maps.build_region_map(synthetic_layers, basemap="none",
                                          projects_url="projects.json")
    links = scripts(with_projects)
    flat = next(i for i, url in enumerate(links) if "/gros/flat.js" in url)
    assert flat < next(i for i, url in enumerate(links) if "/leaflet/leaflet.js" in url)
    without = maps.build_region_map(synthetic_layers, basemap="none",
                                    visible=("countries", "euregios"))
    assert not any("/gros/flat.js" in url for url in scripts(without))


def test_the_selection_script_shows_the_filtered_set():
    frame = _projects_frame()
    prepared = maps.prepare_projects(frame, "en")
    script = maps.project_selection_script(prepared, frame.iloc[[2, 4]])
    selection = json.loads(script.split("map_div, ")[1].split(")")[0])
    assert prepared.selected(selection) == ["p002", "p004"]


def test_ended_projects_and_schematic_lines_are_marked_for_the_browser():
    frame = _projects_frame()
    data = json.loads(maps.prepare_projects(frame, "en").data())
    for point in data["points"]:
        assert point[5] == int(frame.loc[point[4], "status"] == "completed")
    for shape in data["shapes"]:
        row = frame.loc[shape["properties"]["i"]]
        assert shape["properties"].get("e", 0) == int(row["status"] == "completed")
        # Only a line is dashed, and only when it is not drawn where it runs.
        dashed = row["geometry_type"] == "line" and row["precision"] != "exact"
        assert shape["properties"].get("s", 0) == int(dashed)
    assert any(s["properties"].get("s") for s in data["shapes"])
    assert any(s["properties"].get("e") for s in data["shapes"])


@pytest.mark.parametrize("language", ["nl", "de", "fr", "en"])
def test_the_legend_explains_dashed_lines_and_pale_projects(synthetic_layers, language):
    html = maps.build_region_map(synthetic_layers, basemap="none",
                                 language=language).get_root().render()
    for key in ("legend.schematic", "legend.completed"):
        assert json.dumps(t(key, language))[1:-1] in html
    assert "gros-swatch-schematic" in html and "gros-swatch-ended" in html
    bare = maps.build_region_map(synthetic_layers, basemap="none", language=language,
                                 legend=False).get_root().render()
    assert json.dumps(t("legend.schematic", language))[1:-1] not in bare

