"""Meeting mode in a real browser: the exported map offline, and presenting saved views."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import expect

from gros import map_export
from gros.loaders import load_region_layers, open_store, project_catalogue
from gros.settings import load_settings
from gros.store import SavedView
from gros.view import view_from_query
from tests.browser.conftest import XSS, map_frame, wait_for_app


def test_the_exported_map_works_with_the_network_cut_off(browser, app_env_with_xss, tmp_path):
    settings = load_settings(app_env_with_xss)
    layers = load_region_layers(settings)
    catalogue = project_catalogue(open_store(settings), layers)
    view, _ = view_from_query({"theme": "transport,culture", "basemap": "none", "lang": "en"})
    page_html = map_export.standalone_html(layers, catalogue, map_export.MapExport(
        "Rail and culture", view, date(2026, 11, 22)))
    path = tmp_path / "map.html"
    path.write_text(page_html, encoding="utf-8")

    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requests, dialogs = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(path.as_uri())
        expect(page.locator("path.gros-euregio")).to_have_count(7, timeout=15_000)
        lines = page.locator("path.gros-project-line")
        expect(lines.first).to_be_attached()
        drawn = page.evaluate("""() => {
            let count = 0;
            document.querySelectorAll('path.gros-project').forEach(() => count++);
            return count; }""")
        expected = len([1 for _, row in catalogue.iterrows()
                        if set(row["themes"]) & {"transport", "culture"}
                        and row["geometry_type"] != "point"])
        assert drawn == expected
        expect(page.locator(".gros-export-header")).to_contain_text("Rail and culture")
        expect(page.locator(".gros-export-header")).to_contain_text("22 Nov 2026")
        expect(page.locator(".leaflet-control-attribution")).to_contain_text("EuroGeographics")
        # The XSS probe is a culture project on the map: its title never becomes markup.
        assert page.locator("img[src='x']").count() == 0
        assert [url for url in requests if url.startswith(("http:", "https:"))] == []
        assert dialogs == []
    finally:
        context.close()
    assert XSS not in page_html


def test_presenting_steps_through_two_saved_views(app_url, app_env_with_xss, page):
    store = open_store(load_settings(app_env_with_xss))
    for view in store.views():
        store.delete_view(view.name)
    store.save_view(SavedView("Rail in the Meuse-Rhine Euregio",
                              {"theme": "transport", "euregio": "maas-rijn", "basemap": "none"}))
    store.save_view(SavedView("Health care", {"theme": "health", "basemap": "none"}))

    page.goto(f"{app_url}/?mode=present&lang=en")
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text("Rail in the Meuse-Rhine Euregio")
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    expect(map_frame(page).locator("path.gros-euregio").first).to_be_attached(timeout=30_000)

    page.keyboard.press("ArrowRight")
    expect(page.locator("h1").first).to_have_text("Health care", timeout=15_000)
    assert "slide=2" in page.url
    page.keyboard.press("ArrowLeft")
    expect(page.locator("h1").first).to_have_text("Rail in the Meuse-Rhine Euregio",
                                                  timeout=15_000)
    page.keyboard.press("Escape")
    expect(page.locator("h1").first).to_have_text("GROS dashboard", timeout=15_000)
    assert "mode=present" not in page.url
