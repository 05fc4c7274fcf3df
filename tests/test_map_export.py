"""Map exports: the extent a view shows, and the self-contained HTML map."""

from __future__ import annotations

import re
from datetime import date

from gros import i18n, map_export
from gros.filters import ProjectFilter
from gros.view import ViewState, view_from_query
from tests.conftest import XSS


def _export(view: ViewState, title: str = "Rail links") -> map_export.MapExport:
    return map_export.MapExport(title, view, date(2026, 11, 22))


def test_standalone_html_needs_no_network(mirror_layers, export_catalogue):
    view, _ = view_from_query({"theme": "transport", "basemap": "none", "lang": "en"})
    page = map_export.standalone_html(mirror_layers, export_catalogue, _export(view))
    loads = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', page)
    assert loads == []
    # The clusters' neighbour search and the project layer are in the page itself.
    assert "KDBush" in page and "GrosClusterTree" in page and "GrosProjects" in page
    assert "Maastricht–Heerlen–Aachen (RE18)" in page
    assert "Grenzinfopunkt Aachen-Eurode" not in page
    for text in ("Rail links", "Public transport and mobility", "22 Nov 2026",
                 "EuroGeographics", "NUTS 2024"):
        assert text in page
    assert "tile.openstreetmap.org" not in page and "cartocdn" not in page


def test_an_exported_map_says_how_many_projects_its_budget_covers(export_catalogue):
    shown = export_catalogue.head(4).copy()
    shown["budget_eur"] = [500_000.0, None, 309_500.0, None]
    assert map_export.view_figures(shown, "nl") == (
        "4 projecten · Totaal budget: € 809.500 — 2 van 4 projecten met een bekend budget"
        .replace("€ ", "€\u00a0"))
    shown["budget_eur"] = None
    assert map_export.view_figures(shown, "en").endswith(
        "Total budget: unknown — 0 of 4 projects with a known budget")


def test_standalone_html_asks_for_tiles_only_with_a_tiled_basemap(mirror_layers,
                                                                  export_catalogue):
    view, _ = view_from_query({"basemap": "osm"})
    page = map_export.standalone_html(mirror_layers, export_catalogue, _export(view))
    assert "tile.openstreetmap.org" in page


def test_standalone_html_escapes_text_from_data(mirror_layers, export_catalogue):
    view = ViewState(filter=ProjectFilter(query="onerror"), basemap="none")
    page = map_export.standalone_html(mirror_layers, export_catalogue,
                                      _export(view, title=XSS))
    assert XSS not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # title and filter line


def test_the_extent_follows_the_view(mirror_layers, export_catalogue):
    view, _ = view_from_query({"euregio": "maas-rijn"})
    extent = map_export.view_extent(export_catalogue, mirror_layers, view)
    lon_min, lat_min, lon_max, lat_max = extent
    assert 4.7 < lon_min < 5.3 and 6.3 < lon_max < 7.2 and 49.9 < lat_min < 50.3
    assert 51.0 < lat_max < 51.6
    fixed, _ = view_from_query({"extent": "5,50,6,51"})
    assert map_export.view_extent(export_catalogue, mirror_layers, fixed) == (5, 50, 6, 51)


def test_the_title_defaults_to_the_app_and_the_filters(mirror_layers):
    view, _ = view_from_query({"theme": "transport", "lang": "en"})
    assert map_export.export_title(view, mirror_layers, "Rail") == "Rail"
    assert (map_export.export_title(view, mirror_layers)
            == "GROS dashboard — Public transport and mobility")
    assert map_export.describe_filter(ViewState(language="en"), mirror_layers) == i18n.t(
        "meeting.all_projects", "en")


def test_the_exported_map_carries_the_partners_action_list(mirror_layers, export_catalogue):
    view, _ = view_from_query({"agenda": "DEA", "lang": "en", "theme": "safety",
                               "layers": "countries,obstacles,helppoints", "basemap": "none"})
    export = map_export.MapExport("Agenda", view, date(2026, 12, 1))
    page = map_export.standalone_html(mirror_layers, export_catalogue, export)
    assert "Action list: Nordrhein-Westfalen" in page
    assert "Veiligheid" in page and "Onderwijs" not in page  # the items of the theme
    assert "gros-obstacle-open" in page and "gros-helppoint" in page
