"""The summary of a run: ratios baseline / gros and gros / floor, the targets, and a table
for people."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

FIGURES = ("payload_bytes", "server_build_ms", "server_filter_ms", "browser_first_map_ms",
           "browser_filter_ms", "peak_rss_mb")
# What the dashboard is compared with the floor on, and the floor's figure each is
# divided by: all projects drawn against the floor's first map (the floor draws none).
FLOOR_FIGURES = {"browser_first_map_ms": "browser_first_map_ms",
                 "browser_filter_ms": "browser_filter_ms",
                 "browser_other_filter_ms": "browser_other_filter_ms",
                 # The floor never moves: its map is settled when it shows the count.
                 "browser_other_filter_settled_ms": "browser_other_filter_settled_ms",
                 "browser_projects_ms": "browser_first_map_ms"}


def empty_row(n: int, impl: str) -> dict[str, Any]:
    """A row of one implementation at one size with no figure measured yet."""
    return {"n": n, "impl": impl, **dict.fromkeys(FIGURES)}


def _divided(runs: Sequence[dict[str, Any]], top: str, bottom: str,
             figures: dict[str, str]) -> list[dict[str, Any]]:
    """Per size, each figure of ``top`` divided by the figure ``figures`` names of
    ``bottom`` (None where either is missing); sizes without both are left out."""
    by_key = {(row["n"], row["impl"]): row for row in runs}
    result = []
    for n in dict.fromkeys(row["n"] for row in runs):
        over, under = by_key.get((n, top)), by_key.get((n, bottom))
        if over is None or under is None:
            continue
        entry: dict[str, Any] = {"n": n}
        for name, under_name in figures.items():
            value, divisor = over.get(name), under.get(under_name)
            entry[name] = round(value / divisor, 2) if divisor and value is not None else None
        result.append(entry)
    return result


def ratios(runs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Baseline divided by gros for each figure and size (None where either is missing)."""
    return _divided(runs, "baseline", "gros",
                    {name: name for name in (*FIGURES, "server_rerun_ms")})


def floor_ratios(runs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """gros divided by the floor for each browser figure and size (see
    :data:`FLOOR_FIGURES`; None where either is missing): how far the dashboard is from
    what a bare Streamlit map app pays in the same run."""
    return _divided(runs, "gros", "floor", FLOOR_FIGURES)


@dataclass(frozen=True)
class Target:
    """One of the issue's targets: a figure at a size, compared with a limit."""

    text: str
    n: int
    figure: str
    limit: float
    ratio: bool = False  # compare baseline/gros (at least limit) instead of gros (at most)
    floor: bool = False  # compare gros/floor (at most limit) instead of gros


TARGETS = (
    Target("default-view payload ≤ 1.5 MB", 10_000, "payload_bytes", 1_500_000),
    Target("filter change shown in the browser within 300 ms (median)", 10_000,
           "browser_filter_ms", 300),
    Target("server-side rerun (filter, build, render, cache hit) within 100 ms", 10_000,
           "server_rerun_ms", 100),
    Target("≥5× less payload than the baseline", 10_000, "payload_bytes", 5, ratio=True),
    Target("≥3× faster filter updates than the baseline (browser)", 10_000,
           "browser_filter_ms", 3, ratio=True),
    Target("map updates within 1 s at 100,000 (browser filter change)", 100_000,
           "browser_filter_ms", 1000),
    Target("≥20× faster theme change than the baseline (browser)", 10_000,
           "browser_filter_ms", 20, ratio=True),
    Target("≥4× faster theme change than the baseline (browser)", 1_000,
           "browser_filter_ms", 4, ratio=True),
    Target("theme change ≤ 1.5× the floor's", 10_000, "browser_filter_ms", 1.5, floor=True),
    Target("sidebar filter ≤ 2× the floor's", 10_000, "browser_other_filter_ms", 2,
           floor=True),
    Target("first map ≤ 1.5× the floor's", 10_000, "browser_first_map_ms", 1.5, floor=True),
    Target("all projects drawn ≤ 2× the floor's first map", 10_000, "browser_projects_ms", 2,
           floor=True),
    Target("theme change ≤ 2× the floor's", 100_000, "browser_filter_ms", 2, floor=True),
    Target("sidebar filter ≤ 3× the floor's", 100_000, "browser_other_filter_ms", 3,
           floor=True),
    Target("all projects drawn ≤ 4× the floor's first map", 100_000, "browser_projects_ms", 4,
           floor=True),
)


def check_targets(runs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each target with the measured value and whether it is met (None: not measured)."""
    gros_rows = {row["n"]: row for row in runs if row["impl"] == "gros"}
    ratio_rows = {row["n"]: row for row in ratios(runs)}
    floor_rows = {row["n"]: row for row in floor_ratios(runs)}
    checked = []
    for target in TARGETS:
        source = ratio_rows if target.ratio else floor_rows if target.floor else gros_rows
        value = source.get(target.n, {}).get(target.figure)
        met = None if value is None else (value >= target.limit if target.ratio
                                          else value <= target.limit)
        checked.append({"target": target.text, "n": target.n, "figure": target.figure,
                        "ratio": target.ratio, "floor": target.floor, "value": value,
                        "limit": target.limit,
                        "met": met})
    return checked


def _cell(value: Any, unit: str = "") -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value / 1e6:,.2f}"
    return f"{value:,.0f}" if isinstance(value, (int, float)) and value >= 10 else f"{value:,.2f}"


def format_table(result: dict[str, Any]) -> str:
    """The results as a short text table for people, with the ratios baseline/gros and
    gros/floor (all projects drawn against the floor's first map)."""
    columns = [("payload_bytes", "payload MB", 10), ("server_build_ms", "build ms", 9),
               ("server_filter_ms", "filter ms", 9), ("server_rerun_ms", "rerun ms", 9),
               ("browser_first_map_ms", "first map ms", 12),
               ("browser_filter_ms", "browser filter ms", 17),
               ("browser_other_filter_ms", "sidebar filter ms", 17),
               ("browser_projects_ms", "projects ms", 11),
               ("peak_rss_mb", "peak RSS MB", 11)]
    header = f"{'N':>8}  {'impl':<9} " + " ".join(f"{title:>{width}}"
                                                  for _, title, width in columns)
    lines = [f"Machine: {result['machine']}", "", header, "-" * len(header)]
    ratio_rows = {"baseline": {row["n"]: row for row in result.get("ratios", [])},
                  "floor": {row["n"]: row for row in result.get("floor_ratios", [])}}

    def line(label: str, cells: list[str]) -> str:
        return f"{label:<9} " + " ".join(
            f"{cell:>{width}}" for cell, (_, _, width) in zip(cells, columns, strict=True))

    for row in result["runs"]:
        # The seed's row names it: the dashboard's own projects, not synthetic ones.
        size = f"{'seed ' if row.get('data') == 'seed' else ''}{row['n']:,}"
        lines.append(f"{size:>8}  " + line(row["impl"], [
            _cell(row.get(name), "MB" if name == "payload_bytes" else "")
            for name, _, _ in columns]))
        ratio = ratio_rows.get(row["impl"], {}).get(row["n"])
        if ratio:
            label, digits = (("base/gros", 1) if row["impl"] == "baseline"
                             else ("gros/flr", 2))
            lines.append(f"{'':>8}  " + line(label, [
                f"{ratio[name]:.{digits}f}×" if ratio.get(name) is not None else "—"
                for name, _, _ in columns]))
    bounds = result["boundaries"]
    lines += ["", f"Boundaries as sent: {bounds['payload_bytes'] / 1e3:,.0f} kB, largest "
                  f"deviation from the source {bounds['max_deviation_m']} m", "", "Targets:"]
    for target in result.get("targets", []):
        verdict = {True: "met", False: "MISSED", None: "not measured"}[target["met"]]
        lines.append(f"  [{verdict}] {target['target']} (N={target['n']:,}: {target['value']})")
    lines += [f"Note: {note}" for note in result.get("notes", [])]
    return "\n".join(lines)
