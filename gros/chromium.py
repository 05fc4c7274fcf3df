"""Finding and starting the headless Chromium that draws PNG maps and runs browser checks."""

from __future__ import annotations

import shutil
from pathlib import Path

from gros.settings import load_settings

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Without the background-networking flags Chromium keeps trying to reach Google's
# services, which a closed government network (or a test machine) refuses.
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run")


def find_chromium() -> str | None:
    """The Chromium to use: ``GROS_CHROMIUM``, else one on the PATH, else None."""
    configured = load_settings().chromium
    if configured:
        return configured if Path(configured).exists() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None
