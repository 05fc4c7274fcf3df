"""The dashboard in a real browser (Chromium via Playwright)."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import expect

from tests.browser.conftest import OUTPUT_DIR, map_frame, wait_for_app

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def test_the_map_draws_the_seven_euregios_offline(app_url, page):
    page.goto(f"{app_url}/?basemap=none")
    wait_for_app(page)
    frame = map_frame(page)
    expect(frame.locator("path.gros-euregio")).to_have_count(7, timeout=30_000)
    expect(frame.locator("path.gros-euregio-maas-rijn")).to_have_count(1)
    expect(frame.locator("path.gros-country").first).to_be_visible()
    expect(frame.locator(".leaflet-control-attribution")).to_contain_text("EuroGeographics")

    OUTPUT_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT_DIR / "dashboard-default.png"))

    outside = [url for url in page.requests
               if urlparse(url).scheme in ("http", "https", "ws", "wss")
               and urlparse(url).hostname not in LOCAL_HOSTS]
    assert outside == []
    leaflet = [url for url in page.requests if url.endswith("/vendor/leaflet/leaflet.js")]
    assert leaflet, "Leaflet was not loaded from the app's own static files"


def test_hovering_a_euregio_shows_its_tooltip(app_url, page):
    page.goto(f"{app_url}/?basemap=none&lang=en")
    wait_for_app(page)
    frame = map_frame(page)
    emr = frame.locator("path.gros-euregio-maas-rijn")
    expect(emr).to_have_count(1, timeout=30_000)
    # Euregios overlap, so the pointer may land on another one: send the event itself.
    emr.dispatch_event("mouseover")
    tooltip = frame.locator(".leaflet-tooltip")
    expect(tooltip).to_contain_text("Euregio Meuse-Rhine")
    expect(tooltip).to_contain_text("Eupen")
    expect(tooltip).to_contain_text("NUTS-3 regions")
