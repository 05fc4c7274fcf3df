"""Every session-state key of the dashboard, declared once, and the widget values that
follow people from page to page.

Widget keys are session-state keys too (Streamlit keeps a keyed widget's value under
its key), so they are listed here with the rest; a key that takes a part (a saved
view's name, an export format) is a function.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from gros.filters import FILTER_FIELDS

# -- the view: language, map options, filters (kept across pages, see below) -------------
LANGUAGE = "lang"
BASEMAP = "basemap"
LAYERS = "layers"
STATS_INDICATOR = "stats_indicator"  # the statistics layer: "off" or an indicator
STATS_YEAR = "stats_year"
STATS_SCHEME = "stats_scheme"
FILTERS: dict[str, str] = {name: f"filter_{name}" for name in FILTER_FIELDS}
"""The filter widget of each :class:`gros.filters.ProjectFilter` field."""
AGENDA_PARTNER = "agenda_partner"  # the partner region the Agenda page shows (in the URL)
VIEW_READ_FROM_URL = "view_read_from_url"
CURRENT_FILTER = "current_filter"

# -- the map page ------------------------------------------------------------------------
SELECTED_PROJECT = "selected_project"
MAP_LAST_CLICK = "map_last_click"
SIDEBAR_REDRAWN_AFTER_MAP = "sidebar_redrawn_after_map"
PROJECT_MAP = "project_map"

# -- the other pages -----------------------------------------------------------------------
EUREGIO_PROFILE = "euregio_profile"  # set by a click on the map, read by the Euregios page
THEME_PANEL = "theme_panel"
COMPARE_AREAS = "compare_areas"
COMPARE_INDICATOR = "compare_indicator"
AGENDA_STATUSES = "agenda_statuses"
AGENDA_TO_MAP = "agenda_to_map"
PROJECT_TABLE = "project_table"
MEETING_PNG = "meeting_png"
VIEWS_UPLOAD = "views_upload"
PRESENT_SLIDE = "present_slide"
# The presentation's keys double as CSS classes (.st-key-…) its arrow keys press.
PRESENT_PREVIOUS, PRESENT_NEXT, PRESENT_EXIT = "gros-previous", "gros-next", "gros-exit"
UPLOAD = "upload"
INCLUDE_OUTSIDE = "include_outside"  # import keep.eu projects outside the area too
EDIT_CHOICE = "edit_choice"
DELETE_PROJECT = "delete"
EDITOR_UNLOCKED = "editor_unlocked"
EDITOR_PASSWORD = "editor_password"  # noqa: S105 - the password field's key
EDITOR_NAME = "editor_name"
EDITOR_SESSION = "editor_session"  # a random id: wrong passwords back off per session
EDITOR_REFUSAL = "editor_refusal"  # why the last password was refused, and for how long
EDITOR_SIGN_OUT = "editor_sign_out"


def export_button(fmt: str, page: str = "") -> str:
    """The download button of one export format (``page`` tells two pages' apart)."""
    return f"{page}_export_{fmt}" if page else f"export_{fmt}"


def saved_view_control(action: str, name: str) -> str:
    """A saved view's button or field: ``up``, ``down``, ``delete``, ``rename``…"""
    return f"{action}_{name}"


def small_map(page: str, part: str) -> str:
    """A page's small map of one Euregio or theme."""
    return f"{page}_map_{part}"


def present_map(slide: int) -> str:
    """The presentation's map of one slide (a new slide mounts a new map)."""
    return f"present_map_{slide}"


def project_form(project_id: str) -> str:
    return f"project_form_{project_id or 'new'}"


# -- widget values that follow people from page to page ----------------------------------
# Streamlit forgets a widget's value when the page changes, but the view must
# follow people from page to page. Each widget's value is therefore also kept
# under a plain session key: restored before the widget is drawn, updated by
# its on_change callback (which runs before the rerun that draws it again).

def _kept(key: str) -> str:
    return f"kept_{key}"


def keep(key: str, value: object) -> None:
    """Keep ``value`` for the widget ``key``, for when it is drawn next."""
    st.session_state[_kept(key)] = value


def _remember(key: str, then: Callable[[], None] | None = None) -> None:
    st.session_state[_kept(key)] = st.session_state[key]
    if then is not None:
        then()


def persistent(key: str, default: object = None, then: Callable[[], None] | None = None
               ) -> dict[str, object]:
    """Widget arguments that restore the kept value (or ``default``) and keep changes;
    ``then`` is called after a change is kept (e.g. to rerun just a fragment)."""
    if _kept(key) in st.session_state:
        st.session_state[key] = st.session_state[_kept(key)]
    elif default is not None and key not in st.session_state:
        st.session_state[key] = default
    return {"key": key, "on_change": _remember, "args": (key, then)}


def kept(key: str, default: object = None) -> object:
    """The kept value of widget ``key``, or ``default``."""
    return st.session_state.get(_kept(key), default)


def widget_value(key: str) -> object:
    """What widget ``key`` holds at the start of this run, before it is drawn."""
    return st.session_state.get(_kept(key), st.session_state.get(key))


def forget(key: str) -> None:
    """Drop widget ``key``'s value and its kept copy (back to its default)."""
    st.session_state.pop(key, None)
    st.session_state.pop(_kept(key), None)
