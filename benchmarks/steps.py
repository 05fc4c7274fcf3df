"""The filter changes the browser measurement makes: a theme chip or sidebar option in each
app, and a country in the sidebar of the dashboard and of the floor."""

from __future__ import annotations

import re
import time
from typing import Any

from benchmarks import LANGUAGE
from benchmarks.browser import WAIT_TIMEOUT_S, FilterStep
from gros import i18n, themes
from gros.regions import COUNTRIES

# The countries chosen for the other filter measurement (the dashboard and the floor), in
# the order the sidebar lists them by name.
FILTER_COUNTRIES = tuple(sorted(COUNTRIES))


def _close_dropdown(page: Any) -> None:
    # An open option list covers the widget below it: close it before the next click.
    options = page.get_by_role("listbox")
    deadline = time.monotonic() + WAIT_TIMEOUT_S
    while options.count() and time.monotonic() < deadline:
        page.keyboard.press("Escape")
        page.wait_for_timeout(200)
    if options.count():
        raise TimeoutError(f"the option list did not close within {WAIT_TIMEOUT_S} s")


def _sidebar_list(page: Any, label: str) -> Any:
    return page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(
        has=page.get_by_text(label, exact=True))


def _list_option(label: str, option: re.Pattern[str], count: int,
                 undo_by_reload: bool = False) -> FilterStep:
    """Choosing ``option`` in the sidebar list ``label``: open it, click; the undo closes
    the list (an open one covers the widget below it) and removes the choice, or, with
    ``undo_by_reload``, opens the page again."""
    def choose(page: Any) -> Any:
        _sidebar_list(page, label).click()
        return page.get_by_role("option", name=option)

    def undo(page: Any) -> None:
        if undo_by_reload:
            page.reload(wait_until="commit")
            return
        _close_dropdown(page)
        _sidebar_list(page, label).get_by_role("button", name=re.compile(r"^Remove ")).click()

    return FilterStep(choose, undo, count)


def _chip(name: re.Pattern[str], count: int) -> FilterStep:
    """Clicking a chip of the dashboard's theme chips, and clicking it again."""
    def choose(page: Any) -> Any:
        return page.get_by_test_id("stButtonGroup").get_by_role("button", name=name)

    return FilterStep(choose, lambda page: choose(page).click(), count)


# The label of each app's theme list in its sidebar (the dashboard has chips instead).
THEME_LISTS = {"baseline": "Themes", "floor": i18n.t("filter.themes", LANGUAGE)}


def theme_steps(impl: str, expected: dict[str, int], undo_by_reload: bool = False
                ) -> list[FilterStep]:
    """One theme at a time: a chip above the dashboard's map, an option in the
    sidebar list of the baseline and of the floor (undone by opening the page again
    with ``undo_by_reload``)."""
    steps = []
    for theme, count in expected.items():
        # The dashboard puts the theme's icon before its label, the baseline does not.
        name = re.compile(rf"^(\S+ )?{re.escape(themes.BY_ID[theme].label(LANGUAGE))}$")
        steps.append(_chip(name, count) if impl == "gros"
                     else _list_option(THEME_LISTS[impl], name, count, undo_by_reload))
    return steps


def country_steps(expected: dict[str, int]) -> list[FilterStep]:
    """One country at a time in the sidebar (the dashboard's or the floor's): a filter
    that reruns the whole page."""
    label = i18n.t("filter.countries", LANGUAGE)
    steps = []
    for country, count in expected.items():
        name = re.escape(i18n.t(f"country.{country}", LANGUAGE))
        steps.append(_list_option(label, re.compile(f"^{name}$"), count))
    return steps
