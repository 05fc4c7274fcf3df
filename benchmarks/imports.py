"""What an import costs: wall time and peak memory of the CLI's dry run on large and hostile
files, and of reading a keep.eu-like workbook and files at the limits.

``python -m benchmarks.imports [--json] [--timeout S]`` writes the files of :data:`CASES`
in a temporary folder (:mod:`benchmarks.import_files`: a 300,000-row workbook, a
1,000,000-row CSV, a workbook whose sheet inflates to 1 GB, one of millions of shared
texts, a keep.eu-like export of 2,000 projects and 9,000 partners, and files at the row and
cell limits), then runs each in a subprocess of its own and prints the figures. Peak memory
is the child's ``ru_maxrss`` from ``os.wait4``, so one child's figure is its own (Linux
counts it from the fork: it is never below this process's own peak, which is printed).

``python -m benchmarks.imports --read FILE [--format F]`` is the worker that times
:func:`gros.importers.read_projects` alone, in its own process, and prints JSON.

Not a test: nothing here asserts a figure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks import REPO, machine
from benchmarks import import_files as files
from gros.settings import DEFAULT_MAX_IMPORT_ROWS

# --- measuring -----------------------------------------------------------------------------

@dataclass
class Figure:
    """One file's run: what it was, how long it took, its peak memory and what came out."""

    name: str
    file_bytes: int
    how: str  # "cli" (the dry run) or "read" (read_projects alone)
    seconds: float
    cpu_seconds: float  # user and system: what a busy machine's other work does not add
    peak_rss_mb: float
    outcome: str
    rows: int | None = None
    read_seconds: float | None = None  # read_projects alone, as the worker timed it

    def rows_per_second(self) -> float | None:
        """Rows read per second by read_projects, when the worker timed a whole read."""
        if not self.rows or not self.read_seconds:
            return None
        return self.rows / self.read_seconds


@dataclass(frozen=True)
class Run:
    """A finished child: its wall and CPU seconds, its own peak RSS and what it said."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    code: int | None  # None: killed at the timeout
    stdout: str
    stderr: str


def run_child(argv: Sequence[str], timeout: float) -> Run:
    """Run ``argv`` from the checkout, killing it after ``timeout`` seconds."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=REPO, stdout=out, stderr=err)  # noqa: S603
        code: int | None = None
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() - start > timeout:
                os.kill(process.pid, signal.SIGKILL)
                _, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        process.returncode = code if code is not None else -signal.SIGKILL  # reaped above
        out.seek(0)
        err.seek(0)
        # ru_maxrss is in kilobytes on Linux.
        return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code,
                   out.read().decode(errors="replace"), err.read().decode(errors="replace"))


def _report(run: Run) -> dict[str, Any] | None:
    """The JSON object a child printed last, if it printed one."""
    try:
        report = json.loads(run.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None
    return report if isinstance(report, dict) else None


def _outcome(run: Run) -> tuple[str, int | None]:
    """What a run gave: its counts, or the last line of its error output."""
    if run.code is None:
        return f"still reading after {run.seconds:.0f} s (killed)", None
    report = _report(run)
    if report is None:
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        if lines and lines[-1].startswith("error: "):
            return f"refused: {lines[-1].removeprefix('error: ')}", None
        return (lines[-1] if lines else f"exit code {run.code}"), None
    if "error" in report:
        return f"refused: {report['error']}", None
    rejected = report["rejected"]
    rejected = rejected if isinstance(rejected, int) else len({r["row"] for r in rejected})
    outside = report.get("outside_area", ())
    outside = outside if isinstance(outside, int) else len(outside)
    return (f"{report['rows']:,} rows: {report['accepted']:,} accepted, "
            f"{outside:,} outside the area, {rejected:,} rejected"), report["rows"]


def measure(name: str, path: Path, how: str, timeout: float,
            format: str | None = None) -> Figure:
    """``path`` read in a child: the CLI's dry run as a person runs it (``how`` is "cli"),
    or :func:`read_projects` alone in this module's worker ("read")."""
    argv = {"cli": [sys.executable, "-m", "gros", "projects", "import", str(path), "--dry-run",
                    "--json"],
            "read": [sys.executable, "-m", "benchmarks.imports", "--read", str(path)]}[how]
    run = run_child([*argv, *(["--format", format] if format else [])], timeout)
    outcome, rows = _outcome(run)
    report = _report(run) if how == "read" else None
    return Figure(name, path.stat().st_size, how, run.seconds, run.cpu_seconds, run.peak_rss_mb,
                  outcome, rows, report.get("seconds") if report else None)


def read_worker(path: Path, format: str | None) -> dict[str, Any]:
    """Read ``path`` with read_projects, timed; a refusal is reported, not raised."""
    from gros.importers import ImportFileError, read_projects

    data = path.read_bytes()
    start = time.perf_counter()
    try:
        result = read_projects(data, path.name, format, nuts3_points=files.NUTS3_POINTS)
    except ImportFileError as exc:
        return {"error": str(exc), "seconds": time.perf_counter() - start}
    return {"rows": result.rows, "accepted": len(result.accepted),
            "outside_area": len(result.outside_area), "rejected": len(result.rejected_rows()),
            "seconds": time.perf_counter() - start}


# --- the run --------------------------------------------------------------------------------

CAP_ROWS = DEFAULT_MAX_IMPORT_ROWS  # the largest file read in full
# At the row limit, the most columns a file may have: gros.importers.tables.CELLS_PER_ROW
# (not imported, so that this process stays small: see the module's docstring).
WIDE_COLUMNS = 20
TEXTS = 6_000_000  # shared texts of the texts bomb: three times what a workbook may hold


@dataclass(frozen=True)
class Case:
    """One file of the run: its label, file name, how it is written and how it is read."""

    label: str
    file: str
    write: Callable[[Path], None] | None  # None: a file an earlier case wrote
    how: str = "cli"  # "cli" (the dry run) or "read" (read_projects alone, in a worker)
    format: str | None = None


KEEP = "keep.eu-like, 2,000 projects, 9,000 partners"
CASES = (
    Case("300,000-row workbook", "projects-300k.xlsx",
         lambda p: files.write_one_line_workbook(p, 300_000)),
    Case("1,000,000-row CSV", "projects-1m.csv", lambda p: files.write_csv(p, 1_000_000)),
    Case("zip-bomb workbook (sheet of 1 GB)", "bomb.xlsx",
         lambda p: files.write_workbook(p, {"Sheet1": files.bomb_rows()}, level=6)),
    Case("300,000-row workbook without <dimension>", "projects-300k-bare.xlsx",
         lambda p: files.write_one_line_workbook(p, 300_000, dimension=False)),
    Case(f"workbook of {TEXTS:,} shared texts", "texts.xlsx",
         lambda p: files.write_texts(p, TEXTS)),
    Case(KEEP, "keep-2000.xlsx", lambda p: files.write_keep(p, 2_000, 9_000), "cli", "keep"),
    Case(KEEP, "keep-2000.xlsx", None, "read", "keep"),  # the file of the case before
    Case(f"{CAP_ROWS:,}-row CSV", "projects-50k.csv", lambda p: files.write_csv(p, CAP_ROWS),
         "read"),
    Case(f"{CAP_ROWS:,}-row workbook", "projects-50k.xlsx",
         lambda p: files.write_one_line_workbook(p, CAP_ROWS), "read"),
    Case(f"{CAP_ROWS:,} rows × {WIDE_COLUMNS} columns (the cell limit)", "wide-50k.xlsx",
         lambda p: files.write_wide(p, CAP_ROWS, WIDE_COLUMNS), "read"),
)


def run(timeout: float) -> list[Figure]:
    """Build the files and measure each; the folder is removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="gros-imports-") as folder:
        start = time.perf_counter()
        for case in CASES:
            if case.write is not None:
                case.write(Path(folder) / case.file)
        print(f"built the files in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        return [measure(case.label, Path(folder) / case.file, case.how, timeout, case.format)
                for case in CASES]


def table(figures: Iterable[Figure]) -> str:
    """The figures as a Markdown table."""
    lines = ["| file | size | how | time s | CPU s | peak RSS MB | rows/s | outcome |",
             "|---|---:|---|---:|---:|---:|---:|---|"]
    for f in figures:
        speed = f.rows_per_second()
        lines.append(f"| {f.name} | {f.file_bytes / 2**20:.1f} MB | {f.how} | {f.seconds:.1f} | "
                     f"{f.cpu_seconds:.1f} | {f.peak_rss_mb:,.0f} | "
                     f"{f'{speed:,.0f}' if speed else '—'} | {f.outcome} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """The run's figures as a table (or JSON), or, with ``--read``, the worker's one read."""
    summary = __doc__.split("\n\n")[0]
    parser = argparse.ArgumentParser(prog="python -m benchmarks.imports", description=summary)
    parser.add_argument("--json", action="store_true", help="one JSON object")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per file")
    parser.add_argument("--read", type=Path, help=argparse.SUPPRESS)  # the worker
    parser.add_argument("--format", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.read:
        print(json.dumps(read_worker(args.read, args.format)))
        return 0
    load = machine.load_average()
    figures = run(args.timeout)
    # Linux counts a child's peak from the fork: no figure is below this process's own.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.json:
        print(json.dumps({"machine": machine.description(), "revision": machine.revision(),
                          "load_before": load, "load_after": machine.load_average(),
                          "own_peak_rss_mb": own, "figures": [
                              {**asdict(f), "rows_per_second": f.rows_per_second()}
                              for f in figures]}))
    else:
        print(f"{machine.description()}; revision {machine.revision()}; 1-minute load "
              f"{load} before, {machine.load_average()} after; this process's peak "
              f"{own:.0f} MB (the floor of every figure)")
        print(table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
