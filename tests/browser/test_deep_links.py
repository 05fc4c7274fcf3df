"""A page's address works as a fresh server's very first request: the page comes up
inside the frame (sidebar with the language, navigation), not on its own."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import running_app, wait_for_app


@pytest.mark.parametrize(("path", "heading"), [
    ("projects", "Projects"),
    ("about", "About"),
])
def test_a_deep_link_as_the_first_request_runs_inside_the_frame(
        path, heading, app_env_with_xss, tmp_path, page):
    with running_app(app_env_with_xss, tmp_path) as url:
        page.goto(f"{url}/{path}?lang=en")
        wait_for_app(page)
        expect(page.get_by_role("heading", name=heading).first).to_be_visible()
        sidebar = page.locator('[data-testid="stSidebar"]')
        # The frame's language choice and the navigation of every page.
        expect(sidebar.get_by_text("Language", exact=True)).to_be_visible()
        navigation = page.locator('[data-testid="stSidebarNav"]')
        expect(navigation.get_by_role("link")).to_have_count(8)
        assert page.url.startswith(f"{url}/{path}")
