"""Load: K browser sessions at once against 1 and 2 instances behind HAProxy.

``python -m benchmarks.load [--projects 10000] [--sessions 1,5,10,20] [--instances 1,2]
[--seconds 45] [--json]`` puts N synthetic projects in a throwaway PostgreSQL database,
starts the cluster of ``python -m gros serve`` (:mod:`gros.cluster`) for each instance
count, and opens K Playwright contexts in one Chromium, each pinned to an instance in
turn (its affinity cookie), on the map without tiles. Every session then changes themes
in a loop for the given time: click a theme chip, wait until the map shows that theme's
projects, click it again, wait for all, think for 1 to 3 s. Sessions are added to the
ones already open (1, then 5, 10, 20), so each level measures all K at once.

Reported per level (``"load": [...]``): ``p50_ms`` and ``p95_ms`` of a theme change as
the user sees it (press until the map shows the new set, the page's clock), ``errors``
(sessions with a failed or timed-out change), ``rss_mb_per_instance`` (the instances'
mean resident memory at the end of the level) and ``rss_mb_per_session`` (the growth of
their total over the warmed-up instances, per open session). Chromium runs on the same
machine as the servers: with many sessions the browser's own work is part of the load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from benchmarks import LANGUAGE, machine
from benchmarks.browser import _NOTE_PRESS_JS, _WAIT_JS, VIEWPORT
from benchmarks.server import pythonpath
from benchmarks.steps import theme_steps
from benchmarks.synthetic import SEED, catalogue_of, synthetic_projects
from benchmarks.views import FILTER_THEMES, theme_filter
from gros import pgcluster, proxy
from gros.chromium import CHROMIUM_ARGS, find_chromium
from gros.cluster import Cluster, running_cluster
from gros.filters import apply_filter

SESSIONS = (1, 5, 10, 20)
INSTANCES = (1, 2)
PROJECTS = 10_000
SECONDS = 45.0
THINK_S = (1.0, 3.0)
OPEN_TIMEOUT_S = 300
CHANGE_TIMEOUT_S = 30
POLL_MS = 25
# The throwaway database needs no durability, and room for every instance's pool.
DATABASE_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "max_connections": "100"}


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """The ``fraction`` quantile of ``values`` (nearest rank), None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered))))
    return round(ordered[rank - 1], 1)


def summarise(instances: int, sessions: int, times_ms: Sequence[float], errors: int,
              rss_mb: Sequence[float], rss_warm_mb: float) -> dict[str, Any]:
    """One level's row in the issue's names (plus ``changes``, the number measured)."""
    total = sum(rss_mb)
    return {
        "instances": instances, "sessions": sessions,
        "p50_ms": round(statistics.median(times_ms), 1) if times_ms else None,
        "p95_ms": percentile(times_ms, 0.95),
        "errors": errors,
        "rss_mb_per_instance": round(total / len(rss_mb), 1) if rss_mb else None,
        "rss_mb_per_session": round((total - rss_warm_mb) / sessions, 1) if rss_mb else None,
        "changes": len(times_ms),
    }


def _rss_mb(pid: int) -> float:
    """A process's resident memory now, in MB (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _instances_rss(cluster: Cluster) -> list[float]:
    return [_rss_mb(instance.process.pid) for instance in cluster.instances]


class Session:
    """One browser context pinned to one instance, changing themes until told to stop."""

    def __init__(self, page: Any, steps: list, total: int, seed: int):
        self.page, self.steps, self.total = page, steps, total
        self.random = random.Random(seed)  # noqa: S311 - think times, not secrets
        self.times: list[float] = []
        self.failed: str | None = None

    async def _shows(self, expected: int) -> float:
        shown = await self.page.wait_for_function(
            _WAIT_JS, arg=["gros", "projects", expected], polling=POLL_MS,
            timeout=CHANGE_TIMEOUT_S * 1000)
        return float(await shown.json_value())

    async def change(self, step: Any) -> None:
        """One theme change, timed from the press, then undone."""
        control = step.choose(self.page)
        await self.page.evaluate(_NOTE_PRESS_JS)
        await control.click(timeout=CHANGE_TIMEOUT_S * 1000)
        shown = await self._shows(step.count)
        pressed = await self.page.evaluate("() => window.__grosBenchPress")
        self.times.append(shown - pressed)
        await step.undo(self.page)
        await self._shows(self.total)

    async def loop(self, until: float) -> None:
        index = self.random.randrange(len(self.steps))
        while time.monotonic() < until and self.failed is None:
            try:
                await self.change(self.steps[index % len(self.steps)])
            except Exception as exc:  # a failed session is counted, the others go on
                self.failed = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
                return
            index += 1
            await asyncio.sleep(self.random.uniform(*THINK_S))


async def _open(browser: Any, url: str, instance: str, total: int, seed: int,
                steps: list) -> Session:
    context = await browser.new_context(viewport=VIEWPORT)
    await context.add_cookies([{"name": proxy.AFFINITY_COOKIE, "value": instance,
                                "url": url}])
    page = await context.new_page()
    await page.goto(f"{url}/?basemap=none&lang={LANGUAGE}", wait_until="commit",
                    timeout=OPEN_TIMEOUT_S * 1000)
    session = Session(page, steps, total, seed)
    await page.wait_for_function(_WAIT_JS, arg=["gros", "projects", total], polling=200,
                                 timeout=OPEN_TIMEOUT_S * 1000)
    return session


async def _measure_cluster(browser: Any, cluster: Cluster, levels: Sequence[int],
                           seconds: float, total: int, steps: list,
                           notes: list[str]) -> list[dict[str, Any]]:
    names = [proxy.instance_name(i + 1) for i in range(len(cluster.instances))]
    # Warm each instance (the catalogue read, the map prepared), then close the session.
    for name in names:
        warm = await _open(browser, cluster.url, name, total, 0, steps)
        await warm.page.context.close()
    await asyncio.sleep(2)
    rss_warm = sum(_instances_rss(cluster))
    sessions: list[Session] = []
    rows = []
    for level in levels:
        while len(sessions) < level:
            index = len(sessions)
            sessions.append(await _open(browser, cluster.url, names[index % len(names)],
                                        total, SEED + index, steps))
        for session in sessions:
            session.times, session.failed = [], None
        until = time.monotonic() + seconds
        await asyncio.gather(*(session.loop(until) for session in sessions))
        failed = [s.failed for s in sessions if s.failed]
        if failed:
            notes.append(f"{len(cluster.instances)} instance(s), {level} sessions: "
                         f"{len(failed)} failed, e.g. {failed[0]}")
        row = summarise(len(cluster.instances), level, [t for s in sessions for t in s.times],
                        len(failed), _instances_rss(cluster), rss_warm)
        _progress(json.dumps(row))
        rows.append(row)
        # A failed session is replaced by a fresh one at the next level.
        for session in [s for s in sessions if s.failed]:
            await session.page.context.close()
            sessions.remove(session)
    for session in sessions:
        await session.page.context.close()
    return rows


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _uptime() -> str:
    try:
        return Path("/proc/loadavg").read_text().strip()
    except OSError:
        return "unknown"


async def _run(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    from gros.loaders import load_region_layers
    from gros.settings import load_settings
    from gros.store import ProjectStore

    layers = load_region_layers(load_settings())
    projects = synthetic_projects(args.projects, layers)
    frame = catalogue_of(projects, layers)
    steps = theme_steps("gros", {theme: len(apply_filter(frame, theme_filter(theme)))
                                 for theme in FILTER_THEMES})
    notes: list[str] = []
    rows: list[dict[str, Any]] = []
    load_before = _uptime()
    with ExitStack() as stack:
        database = stack.enter_context(pgcluster.local_cluster(DATABASE_SETTINGS))
        url = database.create_database("gros_load")
        _progress(f"storing {len(projects):,} projects in PostgreSQL…")
        store = ProjectStore(url)
        store.upsert_many(projects, source="bench")
        store.close()
        env = {**os.environ, "PYTHONPATH": pythonpath(), "GROS_DATABASE_URL": url,
               "GROS_CACHE_DIR": str(folder / "cache")}
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=find_chromium(),
                                                       args=list(CHROMIUM_ARGS))
            try:
                for count in args.instances:
                    _progress(f"{count} instance(s)…")
                    with running_cluster(count, env, folder / f"serve-{count}") as cluster:
                        rows += await _measure_cluster(browser, cluster, args.sessions,
                                                       args.seconds, len(frame), steps, notes)
            finally:
                await browser.close()
    return {"load": rows, "projects": len(frame), "seconds_per_level": args.seconds,
            "think_s": list(THINK_S), "notes": notes, "machine": machine.description(),
            "load_average": {"before": load_before, "after": _uptime()},
            "revision": machine.revision(), "versions": machine.versions()}


def _counts(text: str) -> tuple[int, ...]:
    try:
        values = tuple(int(part) for part in text.split(","))
    except ValueError:
        values = ()
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"expected counts such as 1,5,10; got {text!r}")
    return tuple(sorted(values))


def format_table(result: dict[str, Any]) -> str:
    """The load rows as a Markdown table, with the load average around the run."""
    lines = ["| instances | sessions | p50 ms | p95 ms | errors | RSS MB / instance | "
             "RSS MB / session | changes |", "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {r['instances']} | {r['sessions']} | {r['p50_ms']} | {r['p95_ms']} | "
              f"{r['errors']} | {r['rss_mb_per_instance']} | {r['rss_mb_per_session']} | "
              f"{r['changes']} |" for r in result["load"]]
    lines.append(f"\n{result['projects']:,} projects; load average before "
                 f"{result['load_average']['before']}, after {result['load_average']['after']}")
    lines += [f"- {note}" for note in result["notes"]]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__
                                     .split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=PROJECTS)
    parser.add_argument("--sessions", type=_counts, default=SESSIONS)
    parser.add_argument("--instances", type=_counts, default=INSTANCES)
    parser.add_argument("--seconds", type=float, default=SECONDS,
                        help="how long every level changes themes")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if find_chromium() is None:
        print("error: no Chromium found (install it, or set GROS_CHROMIUM)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="gros-load-") as tmp:
        result = asyncio.run(_run(args, Path(tmp)))
    print(json.dumps(result, ensure_ascii=False) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
