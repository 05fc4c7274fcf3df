"""A real Streamlit server for the browser tests and the benchmark.

``streamlit run`` on a free localhost port; :func:`streamlit_app` polls
``/_stcore/health`` rather than sleeping, and stops the server when the block ends.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 120


def free_port() -> int:
    """A localhost port nobody listens on (at the time of asking)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, timeout_s: float) -> None:
    """Poll the server's health endpoint until it answers.

    Raises
    ------
    RuntimeError
        If the server exits, or does not answer within ``timeout_s``.
    """
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit did not answer on {url} within {timeout_s:.0f} s")


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
    command = [sys.executable, "-m", "streamlit", "run", str(script),
               "--server.headless", "true", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.enableStaticServing", "true", "--server.fileWatcherType", "none"]
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=output,
                                   stderr=subprocess.STDOUT)
        app = App(f"http://127.0.0.1:{port}", process.pid)
        try:
            wait_healthy(app.url, process, timeout_s)
            yield app
        finally:
            app.peak_rss_mb = peak_rss_of(process.pid)
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)
