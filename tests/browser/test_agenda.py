"""The GROS agenda in a real browser: its layers on the map and its page."""

from __future__ import annotations

from playwright.sync_api import expect

from gros import agenda
from tests.browser.conftest import OUTPUT_DIR, map_frame, wait_for_app

AGENDA_LAYERS = "countries,euregios,obstacles,bodies,helppoints"


def test_the_agenda_layers_draw_from_a_link(app_url, page):
    page.goto(f"{app_url}/?basemap=none&lang=en&layers={AGENDA_LAYERS}")
    wait_for_app(page)
    frame = map_frame(page)
    data = agenda.agenda()
    markers = sum(len(borders) for borders in data.obstacles["borders"])
    expect(frame.locator("path.gros-obstacle")).to_have_count(markers, timeout=30_000)
    expect(frame.locator("path.gros-obstacle-partly_solved").first).to_be_visible()
    placed = data.bodies.dropna(subset=["lat", "lon"])
    helps = int((placed["kind"] == "help_point").sum())
    expect(frame.locator("path.gros-helppoint")).to_have_count(helps)
    expect(frame.locator("path.gros-body")).to_have_count(len(placed) - helps)
    expect(frame.locator(".gros-legend").last).to_contain_text("Obstacle: Open")
    # A tooltip shows the obstacle's title as text.
    frame.locator("path.gros-obstacle").first.dispatch_event("mouseover")
    expect(frame.locator(".leaflet-tooltip")).to_be_visible()
    OUTPUT_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT_DIR / "dashboard-agenda-layers.png"))


def test_a_theme_link_keeps_only_that_themes_obstacles(app_url, page):
    page.goto(f"{app_url}/?basemap=none&lang=en&theme=health&layers=countries,obstacles")
    wait_for_app(page)
    data = agenda.agenda()
    health = data.obstacles[data.obstacles["themes"].map(lambda ids: "health" in ids)]
    expected = sum(len(borders) for borders in health["borders"])
    expect(map_frame(page).locator("path.gros-obstacle")).to_have_count(expected,
                                                                       timeout=30_000)


def test_the_agenda_page_lists_a_partners_items(app_url, page):
    page.goto(f"{app_url}/agenda?lang=en&agenda=DE9")
    wait_for_app(page)
    expect(page.get_by_text("GROS agenda: action lists")).to_be_visible(timeout=30_000)
    # The four status counts (a first visit may run the page once more, so wait for them).
    expect(page.locator('[data-testid="stMetric"]')).to_have_count(4, timeout=30_000)
    expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible()
    assert "agenda=DE9" in page.url
