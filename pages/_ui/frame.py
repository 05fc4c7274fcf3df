"""Every page runs inside the frame (``dashboard.py``), also when it is a fresh server's
first request.

The product keeps its pages in a folder named ``pages/`` beside the entry point. Until
some session has called ``st.navigation``, Streamlit treats such an app the old
multipage way and runs a deep-linked page (``/projects?…``) on its own: no sidebar,
no language, no navigation. The supported alternative, a folder by another name, is
not open to us, so this module switches that mode off the first time a page is
imported and reruns the request, which then goes through the frame to the same page
(a page's address is its ``url_path``, the same in both modes).

This is the only module that reads Streamlit's private ``PagesManager``; the test of
the deep link and the upper bound on Streamlit in ``requirements.txt`` pin it.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def enter_through_frame() -> None:
    """Rerun the request through the frame if Streamlit would run a page on its own."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
