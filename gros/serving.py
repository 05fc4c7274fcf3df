"""Starting Streamlit servers: a free port, the command line, waiting until one answers.

Used by ``python -m gros serve`` (:mod:`gros.cluster`), the browser tests and the
benchmarks, so every one of them starts the dashboard the same way.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HEALTH_PATH = "/_stcore/health"


def free_port() -> int:
    """A localhost port nobody listens on (at the time of asking)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def streamlit_command(script: Path, port: int, address: str = "127.0.0.1") -> list[str]:
    """``streamlit run script`` headless on ``address:port``, static files served, no
    file watcher (a server, not a development session)."""
    return [sys.executable, "-m", "streamlit", "run", str(script),
            "--server.headless", "true", "--server.port", str(port),
            "--server.address", address, "--browser.gatherUsageStats", "false",
            "--server.enableStaticServing", "true", "--server.fileWatcherType", "none"]


def answers(url: str, timeout_s: float = 2) -> bool:
    """Whether ``url`` + ``/_stcore/health`` answers 200 now."""
    try:
        with urllib.request.urlopen(f"{url}{HEALTH_PATH}", timeout=timeout_s) as response:
            return response.status == 200
    except OSError:
        return False


def wait_healthy(url: str, process: subprocess.Popen, timeout_s: float,
                 name: str = "streamlit") -> None:
    """Poll the server's health endpoint until it answers.

    Raises
    ------
    RuntimeError
        If the server exits, or does not answer within ``timeout_s``.
    """
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with code {process.returncode}")
        if answers(url):
            return
        time.sleep(0.2)
    raise RuntimeError(f"{name} did not answer on {url} within {timeout_s:.0f} s")


def stop(process: subprocess.Popen, timeout_s: float = 15) -> None:
    """Ask ``process`` to stop, kill it if it does not within ``timeout_s``."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout_s)
