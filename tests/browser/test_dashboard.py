"""The dashboard in a real browser (Chromium via Playwright)."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import expect

from tests.browser.conftest import (
    OUTPUT_DIR,
    XSS,
    map_frame,
    project_feature_count,
    running_app,
    wait_for_app,
)

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def _wait_for_projects(page, expected: int | None = None, fewer_than: int | None = None
                       ) -> int:
    """Wait until the project layer is drawn (with ``expected`` features, or fewer than
    ``fewer_than``, if given)."""
    page.wait_for_function(
        """([expected, fewerThan]) => {
            const frame = [...document.querySelectorAll('iframe')].find(
                f => f.title === 'streamlit_folium.st_folium');
            const w = frame && frame.contentWindow;
            if (!w || !w.map || !w.map.grosProjects) return false;
            const count = w.map.grosProjects.count();
            if (expected !== null) return count === expected;
            return count > 0 && (fewerThan === null || count < fewerThan);
        }""", arg=[expected, fewer_than], timeout=30_000)
    return project_feature_count(page)


def test_the_map_draws_the_seven_euregios_offline(app_url, page):
    page.goto(f"{app_url}/?basemap=none")
    wait_for_app(page)
    frame = map_frame(page)
    expect(frame.locator("path.gros-euregio")).to_have_count(7, timeout=30_000)
    expect(frame.locator("path.gros-euregio-maas-rijn")).to_have_count(1)
    expect(frame.locator("path.gros-country").first).to_be_visible()
    expect(frame.locator(".leaflet-control-attribution")).to_contain_text("EuroGeographics")
    _wait_for_projects(page)
    expect(frame.locator("path.gros-project-line").first).to_be_attached()

    OUTPUT_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT_DIR / "dashboard-default.png"))

    outside = [url for url in page.requests
               if urlparse(url).scheme in ("http", "https", "ws", "wss")
               and urlparse(url).hostname not in LOCAL_HOSTS]
    assert outside == []
    assert any(urlparse(url).path.endswith("/vendor/leaflet/leaflet.js") for url in page.requests)
    # The project data comes from the app's own static folder.
    assert any("/app/static/data/projects-nl-" in url for url in page.requests)


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
    expect(tooltip).to_contain_text("Members")  # as the sources list them
    expect(tooltip).to_contain_text("active")


def test_a_theme_filter_changes_the_projects_drawn(app_url, page):
    page.goto(f"{app_url}/?basemap=none&lang=en")
    wait_for_app(page)
    everything = _wait_for_projects(page)
    assert everything >= 55
    fetched = len(page.requests)

    # The themes are chips above the map, one click each.
    page.get_by_test_id("stButtonGroup").get_by_role("button", name="Health care").click()
    count = page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').filter(
        has_text=f"of {everything} projects")
    expect(count).not_to_contain_text(f"{everything} of {everything}", timeout=15_000)
    shown = int(count.inner_text().split(" of ")[0])
    assert 0 < shown < everything
    assert _wait_for_projects(page, expected=shown) == shown
    assert "theme=health" in page.url
    # The map already holds every project: a filter change fetches nothing.
    assert page.requests[fetched:] == []


def test_clicking_a_project_shows_its_details(app_url, page):
    page.goto(f"{app_url}/?basemap=none&lang=en&theme=transport")
    wait_for_app(page)
    _wait_for_projects(page)
    frame = map_frame(page)
    line = frame.locator("path.gros-project-line").nth(3)
    line.dispatch_event("mouseover")
    title = frame.locator(".leaflet-tooltip b, .leaflet-tooltip").first.inner_text()
    line.dispatch_event("click")
    wait_for_app(page)
    heading = page.locator('[data-testid="stMain"] h3').first
    expect(heading).to_have_text(title.splitlines()[0].strip(), timeout=15_000)


def test_text_from_data_is_shown_not_run(app_url, page):
    page.goto(f"{app_url}/?basemap=none&lang=en&q=onerror")
    wait_for_app(page)
    expect(page.locator('[data-testid="stMain"] h3').first).to_have_text(XSS)
    expect(page.get_by_text("**not bold**", exact=False)).to_be_visible()
    _wait_for_projects(page, expected=1)
    frame = map_frame(page)
    probe = frame.locator("path.gros-project-line")
    expect(probe).to_have_count(1)
    probe.dispatch_event("mouseover")
    expect(frame.locator(".leaflet-tooltip")).to_contain_text(XSS)
    assert frame.locator("img[src='x']").count() == 0
    assert page.locator("img[src='x']").count() == 0
    assert page.dialogs == []


def test_a_deep_link_on_a_fresh_server_opens_inside_the_frame(app_env_with_xss, page,
                                                              tmp_path):
    """The first request a new server sees is a link to a page with a view in it."""
    with running_app(app_env_with_xss, tmp_path) as url:
        page.goto(f"{url}/projects?lang=en&theme=transport")
        wait_for_app(page)
        expect(page.locator("h1").first).to_have_text("Projects")
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar).to_contain_text("Language")
        expect(sidebar).to_contain_text("Public transport and mobility")
        expect(sidebar.get_by_role("link", name="About")).to_be_visible()


def test_clicking_a_euregio_leads_to_its_profile(app_url, page):
    page.goto(f"{app_url}/?basemap=none&lang=en&layers=countries,euregios")
    wait_for_app(page)
    emr = map_frame(page).locator("path.gros-euregio-maas-rijn")
    expect(emr).to_have_count(1, timeout=30_000)
    emr.dispatch_event("click")
    link = page.get_by_role("link", name="Profile of Euregio Meuse-Rhine")
    expect(link).to_be_visible(timeout=15_000)
    link.click()
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text("Euregio Meuse-Rhine")


def _page_point(page, frame_point: dict) -> tuple[float, float]:
    box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    return box["x"] + frame_point["x"], box["y"] + frame_point["y"]


def test_a_point_is_clickable_above_the_boundaries(app_url, page):
    """Points lie above the Euregios and the opaque country background: a click on one
    reaches it and shows its project."""
    page.goto(f"{app_url}/?basemap=none&lang=en")
    wait_for_app(page)
    _wait_for_projects(page)
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    target = frame.evaluate("""() => {
        const point = map.grosProjects.points.getLayers().find(
            layer => layer instanceof L.CircleMarker);
        const at = map.latLngToContainerPoint(point.getLatLng());
        return {x: at.x, y: at.y,
                title: point.getTooltip().getContent().split("\\n")[0]
                    .replace(/<[^>]+>/g, "")};
    }""")
    page.mouse.click(*_page_point(page, target))
    wait_for_app(page)
    heading = page.locator('[data-testid="stMain"] h3').first
    title = frame.evaluate("(html) => { const d = document.createElement('div'); "
                           "d.innerHTML = html; return d.textContent; }", target["title"])
    expect(heading).to_have_text(title, timeout=15_000)


def test_clicking_a_cluster_zooms_in_to_its_projects(app_url, page):
    page.goto(f"{app_url}/?basemap=none&lang=en")
    wait_for_app(page)
    total = _wait_for_projects(page)
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    before = frame.evaluate("() => map.getZoom()")
    expect(map_frame(page).locator(".marker-cluster").first).to_be_visible(timeout=15_000)
    # Where the first cluster is once it stays put (the map may still be settling).
    centre = frame.wait_for_function("""() => {
        const box = document.querySelector(".marker-cluster").getBoundingClientRect();
        const at = {x: box.x + box.width / 2, y: box.y + box.height / 2};
        const last = window.__lastClusterCentre;
        window.__lastClusterCentre = at;
        return last && last.x === at.x && last.y === at.y ? at : false;
    }""", polling=100, timeout=15_000).json_value()
    # The map reaches past the window (1400 × 900). Leaflet focuses the map on the press;
    # that must not scroll the page, or the release lands beside the cluster.
    x, y = _page_point(page, centre)
    assert y < page.viewport_size["height"]
    scrolled = "() => document.querySelector('[data-testid=\"stMain\"]').scrollTop"
    at_first = page.evaluate(scrolled)
    page.mouse.click(x, y)
    frame.wait_for_function(f"() => map.getZoom() > {before}", timeout=15_000)
    assert page.evaluate(scrolled) == at_first
    # Zooming changes what is drawn, not what is shown.
    assert project_feature_count(page) == total


def _sidebar_labels(page) -> list[str]:
    return [label.strip() for label in page.get_by_test_id("stSidebar").get_by_test_id(
        "stWidgetLabel").all_inner_texts()]


def test_a_sidebar_filter_narrows_the_map_and_keeps_the_sidebar_in_order(app_url, page):
    """A change of a sidebar filter reruns only the map's panel (from the widget's
    callback): the map narrows, the sidebar keeps its widgets in their order (the
    language first, the statistics layer last) and the choice; resetting the filters
    shows every project again and clears the choice."""
    page.goto(f"{app_url}/?basemap=none&lang=en")
    wait_for_app(page)
    total = _wait_for_projects(page)
    labels = _sidebar_labels(page)
    assert labels[0] == "Language" and labels[-1] == "Statistics on the map"
    assert labels.index("Country") < labels.index("Basemap") < labels.index("Layers")
    countries = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(
        has=page.get_by_text("Country", exact=True))
    countries.click()
    page.get_by_role("option", name="Belgium", exact=True).click()
    page.keyboard.press("Escape")
    _wait_for_projects(page, fewer_than=total)
    wait_for_app(page)
    assert "country=BE" in page.url
    assert _sidebar_labels(page) == labels
    expect(countries).to_contain_text("Belgium")
    page.get_by_test_id("stSidebar").get_by_role("button", name="Reset filters").click()
    _wait_for_projects(page, expected=total)
    expect(countries).not_to_contain_text("Belgium")
    assert _sidebar_labels(page) == labels
