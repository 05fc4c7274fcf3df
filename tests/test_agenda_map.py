"""The agenda's map layers, tested by rendering HTML and checking its pieces."""

from __future__ import annotations

import csv
from pathlib import Path

import folium
import pytest

from gros import agenda, agenda_map, agenda_tables, maps
from tests import synthetic

XSS = "<img src=x onerror=alert(1)>"

PAYLOAD = XSS.replace(",", "")
ACTIONS = [{"id": "a-1", "partner": "DE1", "list": f"List {PAYLOAD}", "item": "1",
            "title": f"Item {PAYLOAD}", "title_lang": "nl", "themes": "labour",
            "status": "open", "status_text": PAYLOAD, "status_date": "2021",
            "responsible": PAYLOAD, "obstacles": "o-1", "source_url": "https://example.org/a",
            "source_title": f"Source {PAYLOAD}"}]
OBSTACLES = [
    {"id": "o-1", "title": f"Obstacle {PAYLOAD}", "title_lang": "nl", "description": PAYLOAD,
     "themes": "labour", "borders": "NL-DE", "regions": "DE1", "status": "open",
     "status_date": "2023", "solution": f"Fix {PAYLOAD}", "source_url": "https://example.org/o",
     "source_title": f"Source {PAYLOAD}"},
    {"id": "o-2", "title": "Second", "title_lang": "nl", "themes": "health",
     "borders": "NL-DE NL-BE", "status": "solved", "source_url": "https://example.org/o2",
     "source_title": "Source two"},
]
BODIES = [
    {"id": "b-1", "name": f"Help {PAYLOAD}", "kind": "help_point", "founded": "2012",
     "town": f"Town {PAYLOAD}", "country": "NL", "lat": "52.0", "lon": "6.0",
     "precision": "town", "coordinates_source": "https://example.org/c",
     "website": "https://example.org/w?a=1&b=2", "source_url": "https://example.org/b",
     "source_title": f"Source {PAYLOAD}"},
    {"id": "b-2", "name": f"EGTC {PAYLOAD}", "kind": "egtc", "founded": "2011",
     "members": "A; B", "country": "BE", "lat": "51.5", "lon": "4.0",
     "precision": "municipality", "coordinates_source": "https://example.org/c",
     "source_url": "https://example.org/e", "source_title": "Source e"},
    {"id": "b-3", "name": "No place", "kind": "help_point",
     "source_url": "https://example.org/n", "source_title": "Source n"},
]


def _write(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, restval="")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def xss_agenda(tmp_path: Path) -> agenda.Agenda:
    """An agenda of the synthetic partner DE1 whose every text is an HTML payload."""
    _write(tmp_path / "gros_actions.csv", agenda.ACTION_COLUMNS, ACTIONS)
    _write(tmp_path / "border_obstacles.csv", agenda.OBSTACLE_COLUMNS, OBSTACLES)
    _write(tmp_path / "cooperation_bodies.csv", agenda.BODY_COLUMNS, BODIES)
    (tmp_path / "border_provinces.csv").write_text(synthetic.PROVINCES_CSV, encoding="utf-8")
    return agenda.load_agenda(tmp_path)


def _render(layers, data, visible, themes=()) -> str:
    m = maps.new_map("none")
    agenda_map.add_agenda_layers(m, layers, data, visible, "en", themes)
    return m.get_root().render()


def test_obstacles_sit_on_the_border_they_affect(synthetic_layers, xss_agenda):
    positions = agenda_map.obstacle_positions(synthetic_layers, xss_agenda.obstacles)
    by_border = {(oid, border): (lat, lon) for oid, border, lat, lon in positions}
    assert set(by_border) == {("o-1", "NL-DE"), ("o-2", "NL-DE"), ("o-2", "NL-BE")}
    for (_, border), (lat, lon) in by_border.items():
        assert lon == pytest.approx(7.0 if border == "NL-DE" else 5.0, abs=0.02)
        assert 51.0 <= lat <= 53.0
    # o-1 names the region South DE: its marker is on that stretch, apart from o-2's.
    assert by_border[("o-1", "NL-DE")] != by_border[("o-2", "NL-DE")]


def test_the_layers_draw_their_markers_in_status_colours(synthetic_layers, xss_agenda):
    html = _render(synthetic_layers, xss_agenda, ("obstacles", "bodies", "helppoints"))
    assert html.count("gros-obstacle gros-obstacle-open") == 1
    assert html.count("gros-obstacle gros-obstacle-solved") == 2
    assert agenda_map.STATUS_COLOURS["open"] in html
    assert "gros-obstacle-area" in html  # the region the obstacle names, outlined
    assert "gros-helppoint gros-helppoint-help_point" in html
    assert "gros-body gros-body-egtc" in html
    assert "No place" not in html  # a row without coordinates is not drawn


def test_the_theme_filter_applies_to_obstacles(synthetic_layers, xss_agenda):
    html = _render(synthetic_layers, xss_agenda, ("obstacles",), themes=("health",))
    assert "gros-obstacle-open" not in html and "gros-obstacle-solved" in html


def test_text_from_the_tables_is_escaped(synthetic_layers, xss_agenda):
    html = _render(synthetic_layers, xss_agenda, ("obstacles", "bodies", "helppoints"))
    payload = PAYLOAD
    assert payload not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="https://example.org/w?a=1&amp;b=2"' in html
    table = agenda_tables.action_table(xss_agenda, xss_agenda.actions, "en")
    panel = agenda_map.action_panel(table, f"Title {payload}")
    assert payload not in panel and "&lt;img" in panel


def test_agenda_layers_are_off_by_default_and_in_the_legend(synthetic_layers, monkeypatch,
                                                            xss_agenda):
    monkeypatch.setattr(agenda, "agenda", lambda: xss_agenda)
    default = maps.build_region_map(synthetic_layers, basemap="none").get_root().render()
    assert "gros-obstacle" not in default and "gros-helppoint" not in default
    shown = maps.build_region_map(synthetic_layers, basemap="none",
                                  visible=("countries", "obstacles", "helppoints"), language="en")
    html = shown.get_root().render()
    assert "gros-obstacle-open" in html and "gros-helppoint" in html
    assert "GROS agenda" in html and "Obstacle: Open" in html  # the legend
    assert isinstance(shown, folium.Map)
