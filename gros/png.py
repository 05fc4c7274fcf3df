"""PNG pictures of an HTML page, drawn with headless Chromium (see :mod:`gros.chromium`)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from gros.chromium import CHROMIUM_ARGS, find_chromium


class ChromiumMissing(RuntimeError):
    """No headless Chromium to draw a PNG with."""


def render_png(page_html: str, out: Path, width: int = 1600, height: int = 900,
               chromium: str | None = None, timeout_s: float = 120) -> Path:
    """Draw ``page_html`` into a PNG of ``width`` × ``height`` pixels.

    Raises
    ------
    ChromiumMissing
        Saying what to install, when no Chromium is found.
    RuntimeError
        If Chromium fails, with what it printed.
    """
    chromium = chromium or find_chromium()
    if chromium is None:
        raise ChromiumMissing(
            "PNG export needs a headless Chromium: install it (Debian/Ubuntu: `apt-get install "
            "chromium`; other systems: Chromium or Google Chrome) or set GROS_CHROMIUM to its "
            "path. The HTML export works without it.")
    out = Path(out)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "map.html"
        source.write_text(page_html, encoding="utf-8")
        command = [chromium, "--headless", "--hide-scrollbars", *CHROMIUM_ARGS,
                   f"--user-data-dir={folder}/profile",
                   f"--window-size={width},{height}", f"--screenshot={out.resolve()}",
                   # Lets the map's scripts run (and draw) before the picture is taken.
                   "--virtual-time-budget=5000", source.as_uri()]
        # The command is a list (no shell) of a configured browser and our own file.
        result = subprocess.run(command, capture_output=True, text=True,  # noqa: S603
                                timeout=timeout_s, check=False)
    if result.returncode != 0 or not out.exists():
        raise RuntimeError(f"Chromium could not draw the map (exit {result.returncode}): "
                           f"{result.stderr.strip()[-500:]}")
    return out


def png_bytes(page_html: str, width: int = 1600, height: int = 900) -> bytes:
    """The PNG of ``page_html`` as bytes (see :func:`render_png` for the errors)."""
    with tempfile.TemporaryDirectory() as folder:
        return render_png(page_html, Path(folder) / "map.png", width, height).read_bytes()
