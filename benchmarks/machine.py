"""What a run ran on: the machine, the package versions, the revision, the load."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

from benchmarks import REPO


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def description() -> str:
    """CPU model, core count, memory and Python version of this machine."""
    try:
        memory = f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.1f} GiB"
    except (ValueError, OSError, AttributeError):
        memory = "unknown memory"
    return (f"{_cpu_model()}, {os.cpu_count()} cores, {memory}, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def versions() -> dict[str, str]:
    """The versions of the packages the figures depend on."""
    found = {}
    for package in ("streamlit", "streamlit-folium", "folium", "geopandas", "playwright"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "not installed"
    return found


def revision() -> str | None:
    """The checkout's commit, so a result can be matched with the code it measured."""
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True,  # noqa: S607
                              text=True, cwd=REPO, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() or None


def load_average() -> float | None:
    """The 1-minute load: other work on the machine shows in the timings."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None
