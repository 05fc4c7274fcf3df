"""The summary of a run: ratios baseline / gros, the targets, and a table for people."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

FIGURES = ("payload_bytes", "server_build_ms", "server_filter_ms", "browser_first_map_ms",
           "browser_filter_ms", "peak_rss_mb")


def empty_row(n: int, impl: str) -> dict[str, Any]:
    """A row of one implementation at one size with no figure measured yet."""
    return {"n": n, "impl": impl, **dict.fromkeys(FIGURES)}


def ratios(runs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Baseline divided by gros for each figure and size (None where either is missing)."""
    by_key = {(row["n"], row["impl"]): row for row in runs}
    result = []
    for n in dict.fromkeys(row["n"] for row in runs):
        gros_row, base_row = by_key.get((n, "gros")), by_key.get((n, "baseline"))
        if gros_row is None or base_row is None:
            continue
        entry: dict[str, Any] = {"n": n}
        for name in (*FIGURES, "server_rerun_ms"):
            ours, theirs = gros_row.get(name), base_row.get(name)
            entry[name] = round(theirs / ours, 2) if ours and theirs is not None else None
        result.append(entry)
    return result


@dataclass(frozen=True)
class Target:
    """One of the issue's targets: a figure at a size, compared with a limit."""

    text: str
    n: int
    figure: str
    limit: float
    ratio: bool = False  # compare baseline/gros (at least limit) instead of gros (at most)


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
)


def check_targets(runs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each target with the measured value and whether it is met (None: not measured)."""
    gros_rows = {row["n"]: row for row in runs if row["impl"] == "gros"}
    ratio_rows = {row["n"]: row for row in ratios(runs)}
    checked = []
    for target in TARGETS:
        source = ratio_rows if target.ratio else gros_rows
        value = source.get(target.n, {}).get(target.figure)
        met = None if value is None else (value >= target.limit if target.ratio
                                          else value <= target.limit)
        checked.append({"target": target.text, "n": target.n, "figure": target.figure,
                        "ratio": target.ratio, "value": value, "limit": target.limit,
                        "met": met})
    return checked


def _cell(value: Any, unit: str = "") -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value / 1e6:,.2f}"
    return f"{value:,.0f}" if isinstance(value, (int, float)) and value >= 10 else f"{value:,.2f}"


def format_table(result: dict[str, Any]) -> str:
    """The results as a short text table for people, with baseline/gros ratios."""
    columns = [("payload_bytes", "payload MB", 10), ("server_build_ms", "build ms", 9),
               ("server_filter_ms", "filter ms", 9), ("server_rerun_ms", "rerun ms", 9),
               ("browser_first_map_ms", "first map ms", 12),
               ("browser_projects_ms", "projects ms", 11),
               ("browser_filter_ms", "browser filter ms", 17),
               ("browser_other_filter_ms", "sidebar filter ms", 17),
               ("peak_rss_mb", "peak RSS MB", 11)]
    header = f"{'N':>8}  {'impl':<9} " + " ".join(f"{title:>{width}}"
                                                  for _, title, width in columns)
    lines = [f"Machine: {result['machine']}", "", header, "-" * len(header)]
    ratio_rows = {row["n"]: row for row in result.get("ratios", [])}
    for row in result["runs"]:
        cells = [_cell(row.get(name), "MB" if name == "payload_bytes" else "")
                 for name, _, _ in columns]
        # The seed's row names it: the dashboard's own projects, not synthetic ones.
        size = f"{'seed ' if row.get('data') == 'seed' else ''}{row['n']:,}"
        lines.append(f"{size:>8}  {row['impl']:<9} " + " ".join(
            f"{cell:>{width}}" for cell, (_, _, width) in zip(cells, columns, strict=True)))
        ratio = ratio_rows.get(row["n"])
        if row["impl"] == "baseline" and ratio:
            cells = [f"{ratio[name]:.1f}×" if ratio.get(name) is not None else "—"
                     for name, _, _ in columns]
            lines.append(f"{'':>8}  {'base/gros':<9} " + " ".join(
                f"{cell:>{width}}" for cell, (_, _, width) in zip(cells, columns, strict=True)))
    bounds = result["boundaries"]
    lines += ["", f"Boundaries as sent: {bounds['payload_bytes'] / 1e3:,.0f} kB, largest "
                  f"deviation from the source {bounds['max_deviation_m']} m", "", "Targets:"]
    for target in result.get("targets", []):
        verdict = {True: "met", False: "MISSED", None: "not measured"}[target["met"]]
        lines.append(f"  [{verdict}] {target['target']} (N={target['n']:,}: {target['value']})")
    lines += [f"Note: {note}" for note in result.get("notes", [])]
    return "\n".join(lines)
