"""The view a session shows (filters, language, map options) and the URL that shares it:
the only place that reads or writes the URL's view parameters."""

from __future__ import annotations

import streamlit as st

from gros import basemaps, i18n
from gros.filters import ProjectFilter
from gros.view import ViewState, view_from_query, view_to_query
from pages._ui import state

LIST_FILTERS = ("themes", "countries", "euregios", "provinces", "statuses", "programmes")


def read_view_from_url() -> list[str]:
    """Initialise the session from the URL, once; returns the parts that were ignored."""
    if st.session_state.get(state.VIEW_READ_FROM_URL):
        return []
    view, notes = view_from_query(st.query_params.to_dict())
    st.session_state[state.VIEW_READ_FROM_URL] = True
    keep_view(view)
    return notes


def keep_view(view: ViewState) -> None:
    """Make ``view`` the session's view: the next page drawn shows it."""
    state.keep(state.LANGUAGE, view.language)
    state.keep(state.BASEMAP, view.basemap)
    state.keep(state.LAYERS, list(view.layers))
    if view.agenda:
        state.keep(state.AGENDA_PARTNER, view.agenda)
    for name, key in state.FILTERS.items():
        value = getattr(view.filter, name)
        if name in LIST_FILTERS:
            state.keep(key, list(value))
        elif value is not None:  # a range the link leaves open keeps the slider's default
            state.keep(key, value)
        else:
            state.forget(key)


def current_language() -> str:
    """The language of this run: the one kept from the sidebar, the URL or the default."""
    return (state.kept(state.LANGUAGE) or st.session_state.get(state.LANGUAGE)
            or i18n.DEFAULT_LANGUAGE)


def _map_options() -> tuple[str, tuple[str, ...]]:
    return (str(state.kept(state.BASEMAP, basemaps.DEFAULT_BASEMAP)),
            tuple(state.kept(state.LAYERS, basemaps.LAYERS)))


def write_url(wanted: ProjectFilter, lang: str, basemap: str | None = None,
              layers: tuple[str, ...] | None = None) -> None:
    """Put the view in the URL, so the address can be shared."""
    kept_basemap, kept_layers = _map_options()
    view = ViewState(filter=wanted, language=lang, basemap=basemap or kept_basemap,
                     layers=layers if layers is not None else kept_layers,
                     agenda=str(state.kept(state.AGENDA_PARTNER) or ""))
    params = view_to_query(view)
    if dict(st.query_params.to_dict()) != params:
        st.query_params.from_dict(params)


def keep_current_filter(wanted: ProjectFilter) -> None:
    """Remember the filter a page shows, for saving the view and for exports."""
    st.session_state[state.CURRENT_FILTER] = wanted


def current_view(lang: str) -> ViewState:
    """The view people last set on a page with filters (for saving and exports)."""
    basemap, layers = _map_options()
    return ViewState(filter=st.session_state.get(state.CURRENT_FILTER, ProjectFilter()),
                     language=lang, basemap=basemap, layers=layers,
                     agenda=str(state.kept(state.AGENDA_PARTNER) or ""))
