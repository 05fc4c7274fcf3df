"""The furniture the pages share: session-state keys, cached data, the sidebar, the URL,
what several pages render alike, editor sign-in, and the live map.

A package, not modules beside the pages: Streamlit lists every ``pages/*.py`` as a
page until the frame's navigation takes over (see :mod:`pages._ui.frame`).
"""
