"""What a newcomer sees first: the map inside the window on a laptop, a beamer and a big
screen; Dutch figures on the Themes page; a screenshot of every page in Dutch."""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import OUTPUT_DIR, wait_for_app

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
WINDOWS = [(1280, 720), (1920, 1080)]
SMALLEST_MAP_PX = 300
# The map fills its frame only once the page's script has sized the frame to the window.
MAP_IN_WINDOW = """([selector, smallest]) => {
    const frame = document.querySelector(selector);
    if (!frame) return false;
    const box = frame.getBoundingClientRect();
    return box.height >= smallest && box.bottom <= window.innerHeight;
}"""
# The map page is the app's default page, at its root.
PAGES = {"map": "", "projects": "projects", "euregios": "euregios", "themes": "themes",
         "agenda": "agenda", "meeting": "meeting", "data": "data", "about": "about"}
# Drawn: no placeholder of an element still on its way, the first table in view painted
# (one in a closed tab is not drawn; an empty table has no grid to paint).
PAGE_DRAWN = """() => !document.querySelector('[data-testid="stSkeleton"]')
    && [...document.querySelectorAll('[data-testid="stDataFrame"]')].filter(
        frame => frame.offsetParent !== null).slice(0, 1).every(
        frame => frame.querySelector('canvas'))
    && !!document.querySelector('[data-testid="stMain"] h1')"""


@contextmanager
def window(browser, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        yield context.new_page()
    finally:
        context.close()


def _map_box(page) -> dict[str, float]:
    page.wait_for_selector(MAP_FRAME, timeout=60_000)
    page.wait_for_function(MAP_IN_WINDOW, arg=[MAP_FRAME, SMALLEST_MAP_PX], timeout=30_000)
    return page.locator(MAP_FRAME).first.bounding_box()


def _map_in_window(browser, url: str, width: int, height: int) -> dict[str, float]:
    """Open ``url`` in a window of that size; the map's box, checked to end inside it."""
    with window(browser, width, height) as page:
        page.goto(url)
        wait_for_app(page)
        box = _map_box(page)
    assert box["y"] + box["height"] <= height
    return box


@pytest.mark.parametrize(("width", "height"), WINDOWS)
def test_the_whole_map_is_in_the_window_on_the_map_page(app_url, browser, width, height):
    box = _map_in_window(browser, f"{app_url}/?lang=nl&basemap=none", width, height)
    # The map follows the window: most of what is left below the chips.
    assert box["height"] >= (height - box["y"]) * 0.9


@pytest.mark.parametrize(("width", "height"), WINDOWS)
def test_the_presentation_fills_the_screen(app_url, browser, width, height):
    box = _map_in_window(browser, f"{app_url}/?mode=present&lang=nl&basemap=none",
                         width, height)
    assert box["height"] >= height * 0.7
    assert box["width"] >= width * 0.9


def test_the_themes_page_writes_dutch_amounts_and_no_zero_for_unknown(app_url, page):
    main = page.locator('[data-testid="stMain"]')
    page.goto(f"{app_url}/themes?lang=nl&theme=transport")
    wait_for_app(page)
    expect(main).to_contain_text(re.compile(
        r"€\s\d{1,3}(\.\d{3})+ — \d+ van \d+ projecten met een bekend budget"))
    # Economy and innovation: no project with a known budget in the seed.
    page.goto(f"{app_url}/themes?lang=nl&theme=economy")
    wait_for_app(page)
    expect(main).to_contain_text("onbekend — 0 van")
    text = main.inner_text()
    assert not re.search(r"€\s0(?![\d.,])", text)
    assert "None" not in text and "nan" not in text.split()


def test_a_screenshot_of_every_page_in_dutch_on_a_laptop(app_url, browser):
    folder = OUTPUT_DIR / "nl-1366x768"
    folder.mkdir(parents=True, exist_ok=True)
    with window(browser, 1366, 768) as page:
        # A warm server, as people meet it: the boundaries are downloaded by now.
        page.goto(f"{app_url}/?lang=nl")
        wait_for_app(page)
        for name, path in PAGES.items():
            page.goto(f"{app_url}/{path}?lang=nl")
            wait_for_app(page)
            page.wait_for_function(PAGE_DRAWN, timeout=30_000)
            expect(page.get_by_text("Page not found")).to_have_count(0)
            if name == "map":
                _map_box(page)
            expect(page.locator('[data-testid="stMain"]')).not_to_contain_text("Choose options")
            page.screenshot(path=str(folder / f"{name}.png"))
            assert (folder / f"{name}.png").stat().st_size > 10_000
