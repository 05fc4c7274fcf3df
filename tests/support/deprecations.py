"""Streamlit's deprecation warnings caught where our code causes them.

Streamlit does not raise Python warnings for its deprecations: it logs them (and,
with full error details, shows them in the app). The test suite listens to that log
and fails a test whose code calls a deprecated Streamlit API.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit

DEPRECATION_LOGGER = "streamlit.deprecation_util"
STREAMLIT_DIR = str(Path(streamlit.__file__).resolve().parent)
REPO = Path(__file__).resolve().parents[2]


def in_our_code(filename: str) -> bool:
    """A file of this project's (not a library's, not the tests')."""
    path = Path(filename).resolve()
    return path.is_relative_to(REPO) and not path.is_relative_to(REPO / "tests")


class _Caller(logging.Handler):
    """Keeps each deprecation message whose nearest caller outside Streamlit is ours."""

    def __init__(self, ours: Callable[[str], bool]):
        super().__init__(logging.WARNING)
        self.ours = ours
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        callers = [frame for frame in traceback.extract_stack()
                   if not frame.filename.startswith(STREAMLIT_DIR)
                   and "logging" not in Path(frame.filename).parts[-2:]
                   and frame.filename != __file__]
        if callers and self.ours(callers[-1].filename):
            self.messages.append(f"{record.getMessage()} ({callers[-1].filename}:"
                                 f"{callers[-1].lineno})")


@contextmanager
def streamlit_deprecations(ours: Callable[[str], bool] = in_our_code) -> Iterator[list[str]]:
    """Collect the Streamlit deprecations that code ``ours`` calls while the block runs."""
    handler = _Caller(ours)
    logger = logging.getLogger(DEPRECATION_LOGGER)
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
