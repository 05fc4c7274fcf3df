"""The data page in a real browser: unlock, upload, read the report, import."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import EDITOR_PASSWORD, wait_for_app

CSV = (
    b"id;titel;thema;lat;lon;bron\n"
    b"browser-gip;GrensInfoPunt browser test;arbeidsmarkt;51,37;6,17;https://example.org/gip\n"
    b"browser-bad;Zonder thema;;51,37;6,17;https://example.org/x\n"
)


def test_an_editor_uploads_checks_and_imports_a_file(app_url, page):
    page.goto(f"{app_url}/data?lang=en")
    wait_for_app(page)
    page.get_by_label("Editor password").fill(EDITOR_PASSWORD)
    page.get_by_label("Editor password").press("Enter")
    # The page is redrawn for the editor: upload only into the redrawn uploader.
    expect(page.locator('[data-testid="stMain"]')).to_contain_text("Signed in as",
                                                                  timeout=60_000)
    wait_for_app(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        {"name": "projecten.csv", "mimeType": "text/csv", "buffer": CSV})
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text("Rejected", timeout=15_000)
    expect(main.locator('[data-testid="stMetricValue"]').nth(0)).to_have_text("2")
    expect(main.locator('[data-testid="stMetricValue"]').nth(1)).to_have_text("1")
    expect(main.locator('[data-testid="stMetricValue"]').nth(2)).to_have_text("0")  # outside
    expect(main.locator('[data-testid="stMetricValue"]').nth(3)).to_have_text("1")
    expect(main).to_contain_text("2 rows: 1 accepted, 0 outside the area, 1 rejected")
    expect(main.get_by_role("button", name="Download the rejected rows (CSV)")).to_be_visible()

    main.get_by_role("button", name="Import", exact=True).click()
    expect(main).to_contain_text("Nothing imported: 1 row(s) rejected")
    main.get_by_text("Import the accepted rows even though some were rejected").click()
    main.get_by_role("button", name="Import", exact=True).click()
    expect(main).to_contain_text("1 new, 0 updated, 0 unchanged", timeout=15_000)

    page.goto(f"{app_url}/projects?lang=en&q=browser")
    wait_for_app(page)
    expect(page.locator('[data-testid="stMain"]')).to_contain_text(
        re.compile(r"(^|\D)1 of \d+ projects"))


def test_a_viewer_checks_a_file_without_signing_in(app_url, page):
    page.goto(f"{app_url}/data?lang=en")
    wait_for_app(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        {"name": "check.csv", "mimeType": "text/csv", "buffer": CSV})
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text("2 rows: 1 accepted, 0 outside the area, 1 rejected",
                                 timeout=15_000)
    expect(main.get_by_role("button", name="Download the rejected rows (CSV)")).to_be_visible()
    # The preview of the accepted row is there; importing it is not.
    expect(main.locator('[data-testid="stDataFrame"]').first).to_be_visible()
    expect(main.get_by_role("button", name="Import", exact=True)).to_have_count(0)
