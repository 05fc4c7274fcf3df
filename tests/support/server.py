"""A real Streamlit server for the browser tests and the benchmark.

``streamlit run`` on a free localhost port; :func:`streamlit_app` polls
``/_stcore/health`` rather than sleeping, and stops the server when the block ends.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from gros.serving import free_port, stop, streamlit_command, wait_healthy

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 120


def peak_rss_of(pid: int) -> float | None:
    """A running process's peak resident memory in MB (Linux), else None."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


@dataclass
class App:
    """A running Streamlit app: its URL and, when the app stops, its peak memory."""

    url: str
    pid: int
    peak_rss_mb: float | None = None


@contextmanager
def streamlit_app(script: Path, env: dict[str, str], log: Path,
                  timeout_s: float = START_TIMEOUT_S) -> Iterator[App]:
    """``streamlit run script`` on a free localhost port; stopped when the block ends."""
    port = free_port()
    command = streamlit_command(script, port)
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=output,
                                   stderr=subprocess.STDOUT)
        app = App(f"http://127.0.0.1:{port}", process.pid)
        try:
            wait_healthy(app.url, process, timeout_s)
            yield app
        finally:
            app.peak_rss_mb = peak_rss_of(process.pid)
            stop(process)
