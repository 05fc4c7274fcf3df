"""A real dashboard server and a real Chromium for the browser tests.

The server starts on a free port with ``streamlit run``; the fixture polls
``/_stcore/health`` rather than sleeping, and stops the server in ``finally``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import shapely

from gros.auth import hash_password
from gros.chromium import CHROMIUM_ARGS
from gros.loaders import open_store
from gros.projects import Project
from gros.settings import load_settings
from tests.conftest import REPO
from tests.support.server import streamlit_app

CHROMIUM = Path(os.environ.get("GROS_CHROMIUM", "/usr/bin/chromium"))
OUTPUT_DIR = REPO / "test-output"
START_TIMEOUT_S = 60


XSS = "<img src=x onerror=alert(1)>"
EDITOR_PASSWORD = "grens-test"  # noqa: S105 - a test server's throwaway password


def _xss_project() -> Project:
    """A project whose title is an HTML payload, drawn as a line near Venlo."""
    return Project(id="xss-probe", title=XSS, description=f"{XSS} **not bold**",
                   themes=("culture",), sources=("https://example.org/xss",),
                   geometry=shapely.LineString([(6.17, 51.37), (6.25, 51.33)]),
                   precision="exact", countries=("NL", "DE"), status="ongoing")


def write_editor_secret(home: Path) -> None:
    """``home/.streamlit/secrets.toml`` with the editor password: HOME holds the secret,
    the checkout stays untouched."""
    secrets = home / ".streamlit" / "secrets.toml"
    secrets.parent.mkdir(parents=True, exist_ok=True)
    secrets.write_text(f'[editor]\npassword_hash = "'
                       f'{hash_password(EDITOR_PASSWORD, iterations=1_000)}"\n')


@contextmanager
def running_app(env: dict[str, str], home: Path) -> Iterator[str]:
    """Start ``streamlit run dashboard.py`` on a free port; yield its URL; stop it."""
    write_editor_secret(home)
    with streamlit_app(REPO / "dashboard.py", {**os.environ, **env, "HOME": str(home)},
                       home / "server.log") as app:
        yield app.url


@pytest.fixture(scope="session")
def app_env_with_xss(mirror_env: dict[str, str],
                     tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The mirror environment with a store seeded and holding the XSS probe."""
    env = {**mirror_env, "GROS_DATA_DIR": str(tmp_path_factory.mktemp("browser-data"))}
    store = open_store(load_settings(env))
    store.upsert_many([_xss_project()], source="browser-test")
    return env


@pytest.fixture(scope="session")
def app_url(app_env_with_xss: dict[str, str],
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a running dashboard pointed at the GISCO mirror."""
    with running_app(app_env_with_xss, tmp_path_factory.mktemp("home")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; skipped where it is not installed."""
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium); CI installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=list(CHROMIUM_ARGS))
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page (1400 × 900) that records every request it makes."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.requests = []
    page.dialogs = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    try:
        yield page
    finally:
        context.close()


def wait_for_app(page) -> None:
    """Wait until the script run has finished (no sleeping)."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                           timeout=START_TIMEOUT_S * 1000)


MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


def map_frame(page):
    return page.frame_locator(MAP_IFRAME)


def wait_for_the_map_with(page, inside: str, timeout_s: float = 90) -> None:
    """Wait until the page holds one map and it has drawn ``inside`` (a CSS selector).

    A new base map mounts a new component: for a moment during that rerun the page holds
    the old map and the new one, so a count of one seen just after a change may still be
    the old map."""
    page.wait_for_function(
        """([frames, inside]) => {
            const maps = document.querySelectorAll(frames);
            return maps.length === 1 && maps[0].contentDocument !== null
                && maps[0].contentDocument.querySelector(inside) !== null;
        }""", arg=[MAP_IFRAME, inside], timeout=timeout_s * 1000)


# The project layer (gros/js/projects.js) counts what its Leaflet groups hold.
PROJECT_FEATURE_COUNT = """() => window.map && window.map.grosProjects
    ? window.map.grosProjects.count() : 0"""


def project_feature_count(page) -> int:
    """Project features drawn in the map (markers inside clusters included)."""
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    return frame.evaluate(PROJECT_FEATURE_COUNT)
