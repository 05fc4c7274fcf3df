"""Two instances behind HAProxy (``python -m gros serve``): a change made through one
reaches a session on the other by itself, within seconds."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from gros import proxy
from gros.cluster import running_cluster
from tests.browser.conftest import EDITOR_PASSWORD, wait_for_app, write_editor_secret
from tests.browser.test_data import CSV

LIVE_WITHIN_MS = 5_000  # the bound for a page with live figures


@pytest.fixture(scope="module")
def cluster(mirror_env, postgres, tmp_path_factory) -> Iterator:
    """Two instances sharing one PostgreSQL database, behind HAProxy."""
    if proxy.find_haproxy() is None:
        pytest.skip("HAProxy is not installed (apt-get install haproxy); CI installs it")
    home = tmp_path_factory.mktemp("cluster-home")
    write_editor_secret(home)
    env = {**os.environ, **mirror_env, "HOME": str(home),
           "GROS_DATABASE_URL": postgres.database()}
    with running_cluster(2, env, home / "serve") as running:
        yield running


def _pinned_page(browser, url: str, instance: str):
    """A page in a fresh context whose affinity cookie names ``instance``."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_cookies([{"name": proxy.AFFINITY_COOKIE, "value": instance,
                          "domain": urlparse(url).hostname, "path": "/"}])
    return context.new_page()


def _count(page) -> tuple[int, int]:
    text = page.locator('[data-testid="stMain"]').get_by_text(
        re.compile(r"^\d+ of \d+ projects$")).first.inner_text()
    shown, total = re.findall(r"\d+", text)
    return int(shown), int(total)


def test_an_import_on_one_instance_shows_on_the_other_by_itself(cluster, browser):
    editor = _pinned_page(browser, cluster.url, "i1")
    viewer = _pinned_page(browser, cluster.url, "i2")
    try:
        answer = viewer.goto(f"{cluster.url}/projects?lang=en")
        assert answer.headers[proxy.INSTANCE_HEADER.lower()] == "i2"
        wait_for_app(viewer)
        _, before = _count(viewer)

        answer = editor.goto(f"{cluster.url}/data?lang=en")
        assert answer.headers[proxy.INSTANCE_HEADER.lower()] == "i1"
        wait_for_app(editor)
        editor.get_by_label("Editor password").fill(EDITOR_PASSWORD)
        editor.get_by_label("Editor password").press("Enter")
        # The page is redrawn for the editor: upload only into the redrawn uploader.
        expect(editor.locator('[data-testid="stMain"]')).to_contain_text("Signed in as",
                                                                        timeout=60_000)
        wait_for_app(editor)
        editor.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
            {"name": "projecten.csv", "mimeType": "text/csv", "buffer": CSV})
        main = editor.locator('[data-testid="stMain"]')
        expect(main).to_contain_text("Rejected", timeout=60_000)  # the file's check is shown
        main.get_by_role("button", name="Import", exact=True).click()
        expect(main).to_contain_text("Nothing imported: 1 row(s) rejected", timeout=30_000)
        main.get_by_text("Import the accepted rows even though some were rejected").click()
        main.get_by_role("button", name="Import", exact=True).click()
        expect(main).to_contain_text("1 new, 0 updated, 0 unchanged", timeout=30_000)
        imported = time.monotonic()

        # Nobody touches the viewer: its page reruns when the store's revision moves on.
        expect(viewer.locator('[data-testid="stMain"]')).to_contain_text(
            f"of {before + 1} projects", timeout=LIVE_WITHIN_MS)
        assert (time.monotonic() - imported) * 1000 < LIVE_WITHIN_MS
        # Both sessions stayed on their instances throughout (the websocket included).
        assert all(c["value"] == "i2" for c in viewer.context.cookies()
                   if c["name"] == proxy.AFFINITY_COOKIE)
    finally:
        editor.context.close()
        viewer.context.close()
