"""The statistics layer drawn in Chromium: coloured NUTS-3 regions and their legend."""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.conftest import OUTPUT_DIR, map_frame, wait_for_app, wait_for_the_map_with


def test_the_statistics_layer_draws_with_a_legend(app_url, page):
    page.goto(f"{app_url}/?basemap=none&lang=en")
    wait_for_app(page)
    frame = map_frame(page)
    expect(frame.locator("path.gros-euregio")).to_have_count(7, timeout=90_000)
    expect(frame.locator("path.gros-stat")).to_have_count(0)  # off by default

    chooser = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(
        has_text="Statistics on the map")
    expect(chooser.get_by_role("combobox")).to_have_value("off")
    option = page.get_by_role("listbox").get_by_text("Population density", exact=True)
    # The sidebar is drawn once more after the map; that can close a list as it opens.
    for _ in range(10):
        chooser.get_by_role("button", name="Open").click()
        try:
            option.click(timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    expect(chooser.get_by_role("combobox")).to_have_value("Population density")
    wait_for_app(page)
    # The map with the layer replaces the one without.
    wait_for_the_map_with(page, "path.gros-stat")
    frame = map_frame(page)
    assert frame.locator("path.gros-stat").count() > 100
    legend = frame.locator(".gros-stat-legend")
    expect(legend).to_contain_text("Population density (2025)")
    expect(legend).to_contain_text("inhabitants per km²")
    expect(legend).to_contain_text("Source: Eurostat")
    # Five classes and the grey of "no figure".
    assert legend.locator("span").count() == 6
    expect(frame.locator("path.gros-euregio")).to_have_count(7)  # still drawn above
    OUTPUT_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT_DIR / "dashboard-statistics.png"))
