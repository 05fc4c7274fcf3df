"""The browser side: Playwright and Chromium timing a running app, from navigation to the
drawn map and from each filter change until the map shows the new set."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from benchmarks.floor import COUNT_VARIABLE
from gros.chromium import CHROMIUM_ARGS, find_chromium

VIEWPORT = {"width": 1400, "height": 900}
BROWSER_RUNS = 3
# Each filter change is made this many times (in turns): five themes and three countries
# once each left medians that moved by a quarter between runs of the same code.
CHANGE_ROUNDS = 2
# The naive map at 100,000 projects is a ~100 MB script that holds a browser tab for
# minutes, if it loads at all: the baseline's browser figures stop at 10,000.
BASELINE_BROWSER_MAX_N = 10_000
# The first page of a fresh server reads and joins the whole catalogue (about 10 s per
# 100,000 projects for the dashboard) before anything is drawn.
COLD_TIMEOUT_S = 900
WAIT_TIMEOUT_S = 180
POLL_MS = 10
QUIET_S = 0.5

# What the st_folium iframe shows: Euregio outlines and project features. The dashboard
# adds projects as streamlit-folium feature groups (markers counted once the cluster has
# placed them), the baseline as plain markers and shapes; the floor draws none and holds
# the count its last run handed over (benchmarks.floor).
_MAP_STATE_JS = """
(impl) => {
  const frame = [...document.querySelectorAll('iframe')].find(
      f => f.title === 'streamlit_folium.st_folium');
  const w = frame && frame.contentWindow;
  const d = w && w.document;
  if (!d || !d.body) return null;
  const euregios = d.querySelectorAll('path.gros-euregio').length;
  let projects = 0;
  if (impl === 'gros') {
    projects = w.map && w.map.grosProjects ? w.map.grosProjects.count() : 0;
  } else if (impl === 'floor') {
    projects = w.%s === undefined ? -1 : w.%s;
  } else {
    projects = d.querySelectorAll('.leaflet-marker-icon').length
               + d.querySelectorAll('path.gros-project').length;
  }
  // Still moving: a zoom or pan animation, after which the map draws its new view.
  const map = w.map;
  const moving = !!(map && (map._animatingZoom || (map._panAnim && map._panAnim._inProgress)));
  return {euregios, projects, moving};
}
""" % (COUNT_VARIABLE, COUNT_VARIABLE)  # noqa: UP031 - the JS braces make str.format unreadable
# Resolves to the page's clock (ms since navigation) once the map shows what is expected:
# 'euregios' (at least that many outlines), 'projects' (that many projects), 'settled'
# (that many, and the map no longer moving to the filter's extent: drawn at its new view).
_WAIT_JS = """
([impl, what, expected]) => {
  const state = (%s)(impl);
  const now = performance.now();
  if (what === 'euregios') return state !== null && state.euregios >= expected ? now : false;
  const shown = state !== null && state.projects === expected;
  // The same poll notes when the projects were first shown (window.__grosBenchShown).
  if (shown && what === 'settled' && window.__grosBenchShown == null) {
    window.__grosBenchShown = now;
  }
  return shown && (what !== 'settled' || !state.moving) ? now : false;
}
""" % _MAP_STATE_JS  # noqa: UP031 - the JS braces make str.format unreadable
# Notes the page's clock at the next press of a pointer, before the click's handlers run,
# and when the script run that the press starts has finished (Streamlit's script state).
_NOTE_PRESS_JS = """
() => {
  (window.__grosBenchObservers || []).forEach(observer => observer.disconnect());
  window.__grosBenchPress = null;
  window.__grosBenchShown = null;
  window.__grosBenchRunEnd = null;
  const busy = window.__grosBenchBusy = {page: 0, map: 0};
  document.addEventListener('pointerdown', () => {
    window.__grosBenchPress = performance.now();
    // Long tasks (over 50 ms) on the main thread: Streamlit's page, or the map's iframe.
    const tasks = new PerformanceObserver(list => list.getEntries().forEach(task => {
      busy[task.name === 'self' ? 'page' : 'map'] += task.duration;
    }));
    tasks.observe({type: 'longtask'});
    const app = document.querySelector('[data-testid="stApp"]');
    let ran = false;
    const watch = new MutationObserver(() => {
      const state = app.getAttribute('data-test-script-state');
      if (state === 'running') {
        ran = true;
      } else if (ran && state === 'notRunning') {
        window.__grosBenchRunEnd = performance.now();
        watch.disconnect();
      }
    });
    watch.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
    window.__grosBenchObservers = [tasks, watch];
  }, {capture: true, once: true});
}
"""


@dataclass(frozen=True)
class FilterStep:
    """One filter change the browser measurement makes and then undoes."""

    choose: Callable[[Any], Any]  # page -> what to click (found, menus opened)
    undo: Callable[[Any], None]   # page -> None, back to every project
    count: int                    # projects the map then shows


class _Traffic:
    """Bytes the page receives on Streamlit's websocket, and when the last frame came."""

    def __init__(self, page: Any):
        self.received = 0
        self.last = time.monotonic()
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload: str | bytes) -> None:
        self.received += len(payload)
        self.last = time.monotonic()


def _wait_map(page: Any, impl: str, what: str, expected: int, timeout_s: float) -> float:
    """Poll until the map shows ``expected``; the page's clock then, in ms. A timeout
    says which app waited for what, and what its map showed instead."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        shown = page.wait_for_function(_WAIT_JS, arg=[impl, what, expected],
                                       polling=POLL_MS, timeout=timeout_s * 1000)
    except PlaywrightTimeout as exc:
        try:
            state = page.evaluate(f"(impl) => ({_MAP_STATE_JS})(impl)", impl)
        except Exception as unreadable:  # a page that hangs may not answer either
            state = f"unreadable ({type(unreadable).__name__})"
        raise TimeoutError(f"{impl}: the map did not show {what} = {expected:,} within "
                           f"{timeout_s:.0f} s; it showed {state}") from exc
    return float(shown.json_value())


def _settle(page: Any, traffic: _Traffic, timeout_s: float = WAIT_TIMEOUT_S) -> None:
    """Wait until the script run is over and the websocket has been quiet for a moment:
    the baseline reruns once more when its new map reports its bounds."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        idle = page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]')
        if idle.count() and time.monotonic() - traffic.last >= QUIET_S:
            return
        page.wait_for_timeout(50)
    raise TimeoutError(f"the app did not settle within {timeout_s:.0f} s")


def _first_map(browser: Any, impl: str, url: str, euregios: int, total: int,
               timeout_s: float) -> tuple[dict[str, float], Any, _Traffic]:
    """Open the app in a fresh browser context; time the Euregios and the projects."""
    context = browser.new_context(viewport=VIEWPORT)
    # A page busy running a large map script can take long to accept a click.
    context.set_default_timeout(WAIT_TIMEOUT_S * 1000)
    page = context.new_page()
    traffic = _Traffic(page)
    page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
    # The page's clock starts at navigation, so its readings are the times we want.
    drawn = _wait_map(page, impl, "euregios", euregios, timeout_s)
    done = _wait_map(page, impl, "projects", total, timeout_s)
    _settle(page, traffic, timeout_s)
    return ({"first_map": drawn, "projects": done, "bytes": traffic.received}, page, traffic)


def _median_or_none(values: Sequence[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return round(statistics.median(known), 1) if known else None


def _filter_change(page: Any, traffic: _Traffic, impl: str, step: FilterStep,
                   total: int) -> dict[str, Any]:
    """Make one change; time until the map shows its set, then undo it.

    Returns the time (ms); the time until the map had also stopped moving to the
    filter's extent and drawn its new view (ms; one poll notes both); the websocket
    bytes received; the time until the script run had finished (ms); and the main
    thread's long tasks until the map had settled (ms), in Streamlit's page and in the
    map's iframe.
    """
    control = step.choose(page)
    control.wait_for(timeout=WAIT_TIMEOUT_S * 1000)
    before = traffic.received
    page.evaluate(_NOTE_PRESS_JS)
    control.click()
    settled = _wait_map(page, impl, "settled", step.count, WAIT_TIMEOUT_S)
    shown = page.evaluate("() => window.__grosBenchShown")
    pressed = page.evaluate("() => window.__grosBenchPress")
    busy = page.evaluate("() => window.__grosBenchBusy")
    _settle(page, traffic)
    run_end = page.evaluate("() => window.__grosBenchRunEnd")
    change = {"time": shown - pressed, "settled": settled - pressed,
              "bytes": traffic.received - before,
              "script": None if run_end is None else run_end - pressed,
              "busy_page": busy["page"], "busy_map": busy["map"]}
    step.undo(page)
    _wait_map(page, impl, "projects", total, WAIT_TIMEOUT_S)
    _settle(page, traffic)
    return change


@dataclass(frozen=True)
class AppUnderTest:
    """A running app to measure: its page's URL, what its map holds, its changes."""

    impl: str
    url: str
    euregios: int
    total: int
    steps: Sequence[FilterStep]            # theme changes
    other_steps: Sequence[FilterStep] = ()  # other filters in the sidebar


def _figures(visits: list[dict[str, float]], cold: dict[str, float],
             changes: list[dict[str, Any]], others: list[dict[str, Any]],
             runs: int) -> dict[str, Any]:
    def each(found: list[dict[str, Any]], name: str) -> list[Any]:
        return [change[name] for change in found]

    return {
        "browser_first_map_ms": round(statistics.median(v["first_map"] for v in visits), 1),
        "browser_filter_ms": _median_or_none(each(changes, "time")),
        "browser_other_filter_ms": _median_or_none(each(others, "time")),
        "browser_filter_settled_ms": _median_or_none(each(changes, "settled")),
        "browser_other_filter_settled_ms": _median_or_none(each(others, "settled")),
        "browser_projects_ms": round(statistics.median(v["projects"] for v in visits), 1),
        "browser_first_map_cold_ms": round(cold["first_map"], 1),
        "browser_ws_first_bytes": int(statistics.median(v["bytes"] for v in visits)),
        "browser_ws_filter_bytes": (int(statistics.median(each(changes, "bytes")))
                                    if changes else None),
        "browser_filter_script_ms": _median_or_none(each(changes, "script")),
        "browser_filter_busy_page_ms": _median_or_none(each(changes, "busy_page")),
        "browser_filter_busy_map_ms": _median_or_none(each(changes, "busy_map")),
        "browser_runs": runs,
    }


def measure_browsers(browser: Any, apps: Sequence[AppUnderTest], runs: int = BROWSER_RUNS,
                     rounds: int = CHANGE_ROUNDS) -> dict[str, dict[str, Any]]:
    """Browser timings of running apps, in milliseconds (medians), by implementation.

    A first, cold visit fills each server's caches (``browser_first_map_cold_ms``);
    then ``runs`` visits, each in a fresh browser context, time the Euregios
    (``browser_first_map_ms``) and all projects (``browser_projects_ms``); the last
    page then makes each theme change of ``steps`` (``browser_filter_ms``) and each
    change of ``other_steps`` (``browser_other_filter_ms``), ``rounds`` times, each
    also timed until the map has settled at the filter's extent (``…_settled_ms``). The
    apps take turns, one visit or change each, so that a change in the machine's load
    (other work on it) falls on all of them alike and their ratios hold. A change that
    times out is left out of the medians and listed in ``browser_changes_missed``.
    """
    colds = {}
    for app in apps:
        colds[app.impl], page, _ = _first_map(browser, app.impl, app.url, app.euregios,
                                              app.total, COLD_TIMEOUT_S)
        page.context.close()
    visits: dict[str, list[dict[str, float]]] = {app.impl: [] for app in apps}
    pages: dict[str, tuple[Any, _Traffic]] = {}
    missed: dict[str, list[str]] = {}
    try:
        for run in range(runs):
            for app in apps:
                visit, page, traffic = _first_map(browser, app.impl, app.url, app.euregios,
                                                  app.total, WAIT_TIMEOUT_S)
                visits[app.impl].append(visit)
                if run < runs - 1:
                    page.context.close()
                else:
                    pages[app.impl] = (page, traffic)
        changes: dict[str, dict[str, list[dict[str, Any]]]] = {
            app.impl: {"steps": [], "other_steps": []} for app in apps}
        for kind in ("steps", "other_steps"):
            turns = max(len(getattr(app, kind)) for app in apps)
            for number, turn in enumerate(turn for _ in range(rounds) for turn in range(turns)):
                for app in apps:
                    steps = getattr(app, kind)
                    if turn < len(steps):
                        change = _change_or_none(browser, app, pages, steps[turn],
                                                 f"{kind} change {number + 1}", missed)
                        if change is not None:
                            changes[app.impl][kind].append(change)
    finally:
        for page, _ in pages.values():
            page.context.close()
    figures = {app.impl: _figures(visits[app.impl], colds[app.impl],
                                  changes[app.impl]["steps"],
                                  changes[app.impl]["other_steps"], runs) for app in apps}
    for impl, lost in missed.items():
        figures[impl]["browser_changes_missed"] = lost
    return figures


def _change_or_none(browser: Any, app: AppUnderTest, pages: dict[str, tuple[Any, _Traffic]],
                    step: FilterStep, name: str, missed: dict[str, list[str]]
                    ) -> dict[str, Any] | None:
    """One change of ``app`` (:func:`_filter_change`); None when it timed out, which
    ``missed`` then records (``name`` and why), and the app's page is opened again for
    the next change. One stuck change (a click a busy page never took) costs that
    change, not every implementation's figures of the size."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page, traffic = pages[app.impl]
    try:
        return _filter_change(page, traffic, app.impl, step, app.total)
    except (TimeoutError, PlaywrightTimeout) as exc:
        missed.setdefault(app.impl, []).append(f"{name}: {str(exc).splitlines()[0]}")
    page.context.close()
    _, page, traffic = _first_map(browser, app.impl, app.url, app.euregios, app.total,
                                  WAIT_TIMEOUT_S)
    pages[app.impl] = (page, traffic)
    return None


@contextmanager
def chromium(notes: list[str]) -> Iterator[Any | None]:
    """Playwright driving the Chromium of the settings (``GROS_CHROMIUM``, else one on
    the PATH), or None, with a note saying why, when either is unavailable."""
    executable = find_chromium()
    if executable is None:
        notes.append("browser figures skipped: no Chromium found (install it, or set "
                     "GROS_CHROMIUM to its path)")
        yield None
        return
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        notes.append("browser figures skipped: playwright is not installed "
                     "(pip install -r tests/requirements.txt)")
        yield None
        return
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()
