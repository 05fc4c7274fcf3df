"""Live figures: a page reruns by itself, within seconds, when the store changes.

With several instances (``python -m gros serve``) a change made through one reaches
the others' sessions only through the database. A small fragment asks the store for
its revision every few seconds (one indexed ``max(id)`` query) and reruns the page
when it differs from the revision the page was drawn at; the cached catalogue is
keyed by that revision, so the rerun reads the change and nothing else is recomputed.
"""

from __future__ import annotations

import streamlit as st

from pages._ui import cached

# A change shows within this interval plus one rerun (under the 5 s the issue sets).
CHECK_EVERY_S = 3.0


@st.fragment(run_every=CHECK_EVERY_S)
def _watch(drawn_at: int) -> None:
    if cached.store().revision() != drawn_at:
        st.rerun()


def watch_store() -> None:
    """Rerun this page when the store's revision moves on. Call it before the page reads
    the store: a change made while the page is drawn then reruns it once more."""
    _watch(cached.store().revision())
