"""The sidebar's widgets: language, filters, map options; and the theme chips by the map.

Each widget reads and keeps its value through :mod:`pages._ui.state`, so the view follows
people from page to page; the values become a filter in :mod:`gros.filters`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import geopandas as gpd
import streamlit as st

from gros import basemaps, i18n, themes
from gros.choropleth import SCHEMES, StatisticsChoice
from gros.filters import (
    FilterDomain,
    ProjectFilter,
    clamp_budget,
    clamp_years,
    filter_from_widgets,
)
from gros.indicators import SHOWN, Statistics
from gros.labels import euregio_names, theme_label
from gros.layers import RegionLayers
from gros.projects import STATUSES
from gros.regions import COUNTRIES, EUREGIO_IDS
from pages._ui import cached, live, state
from pages._ui.url import current_language, keep_current_filter

MapOptions = tuple[str, tuple[str, ...]]
"""The basemap and the visible layers, in the order of ``basemaps.ALL_LAYERS``."""
MAP_PANEL = "map-panel"
"""The fragment of the map page's panel (theme chips, map, details)."""


def rerun_map_panel() -> None:
    """A sidebar widget's change on the map page reruns only the map's panel, which reads
    the widgets' values from the state: the sidebar is not drawn again."""
    st.rerun(MAP_PANEL)


def language() -> str:
    """The language chosen in the sidebar."""
    return st.sidebar.selectbox(
        i18n.t("sidebar.language", current_language()), i18n.LANGUAGES,
        format_func=i18n.LANGUAGE_NAMES.__getitem__,
        placeholder=i18n.t("placeholder.one", current_language()),
        **state.persistent(state.LANGUAGE, i18n.DEFAULT_LANGUAGE),
    )


def reset_filters() -> None:
    for key in state.FILTERS.values():
        state.forget(key)


def _clamp_kept_ranges(domain: FilterDomain) -> None:
    """Fit kept year and budget ranges into the catalogue's (it may have changed)."""
    years, budget = state.FILTERS["years"], state.FILTERS["budget"]
    if state.kept(years) is not None:
        state.keep(years, clamp_years(state.kept(years), domain))
    if state.kept(budget) is not None and domain.top_budget_eur > 0:
        state.keep(budget, clamp_budget(state.kept(budget), domain))


def filter_from_state(domain: FilterDomain) -> ProjectFilter:
    """What the filter widgets hold at the start of this run, before they are drawn
    (``domain``: what they offer): a page can then put its map out first.
    :func:`filtered_projects` draws the widgets and returns the same filter."""
    _clamp_kept_ranges(domain)
    return filter_from_widgets({name: state.widget_value(key)
                                for name, key in state.FILTERS.items()}, domain)


def map_options_from_state() -> MapOptions:
    """What :func:`map_options` will return, before it is drawn."""
    basemap = state.widget_value(state.BASEMAP) or basemaps.DEFAULT_BASEMAP
    shown = state.widget_value(state.LAYERS)
    shown = list(basemaps.LAYERS) if shown is None else shown
    return basemap, tuple(layer for layer in basemaps.ALL_LAYERS if layer in shown)


def _multiselect(name: str, label_key: str, options, lang: str, format_func=str,
                 then: Callable[[], None] | None = None) -> list:
    return st.sidebar.multiselect(i18n.t(label_key, lang), options, format_func=format_func,
                                  placeholder=i18n.t("placeholder.many", lang),
                                  **state.persistent(state.FILTERS[name], [], then))


def filters(domain: FilterDomain, layers: RegionLayers | None, lang: str,
            with_themes: bool = True, then: Callable[[], None] | None = None
            ) -> ProjectFilter:
    """The filter widgets in the sidebar; returns what they select (no themes when
    ``with_themes`` is off: the page shows :func:`theme_chips` instead). ``then`` is
    called after a widget's change is kept (see :func:`rerun_map_panel`)."""
    sidebar = st.sidebar
    names = euregio_names(layers, lang)
    provinces = ({} if layers is None else
                 dict(zip(layers.border_provinces["nuts_id"],
                          layers.border_provinces["name"], strict=True)))
    values: dict[str, object] = {}
    sidebar.subheader(i18n.t("filters", lang))
    values["query"] = sidebar.text_input(i18n.t("filter.query", lang), max_chars=200,
                                         **state.persistent(state.FILTERS["query"], "", then))
    if with_themes:
        values["themes"] = _multiselect("themes", "filter.themes", themes.THEME_IDS, lang,
                                        lambda theme_id: themes.BY_ID[theme_id].label(lang),
                                        then=then)
    values["countries"] = _multiselect("countries", "filter.countries", COUNTRIES, lang,
                                       lambda c: i18n.t(f"country.{c}", lang), then=then)
    values["euregios"] = _multiselect("euregios", "filter.euregios", EUREGIO_IDS, lang,
                                      lambda e: names.get(e, e), then=then)
    values["provinces"] = _multiselect("provinces", "filter.provinces", list(provinces), lang,
                                       lambda p: provinces.get(p, p), then=then)
    values["statuses"] = _multiselect("statuses", "filter.statuses", STATUSES, lang,
                                      lambda s: i18n.t(f"status.{s}", lang), then=then)
    values["programmes"] = _multiselect("programmes", "filter.programmes", domain.programmes,
                                        lang, then=then)
    _clamp_kept_ranges(domain)
    first, last = domain.years
    values["years"] = sidebar.slider(
        i18n.t("filter.years", lang), first, last,
        **state.persistent(state.FILTERS["years"], (first, last), then))
    if domain.top_budget_eur > 0:
        top = domain.top_budget_m
        values["budget"] = sidebar.slider(
            i18n.t("filter.budget", lang), 0.0, top, step=0.1,
            help=i18n.t("filter.budget.help", lang),
            **state.persistent(state.FILTERS["budget"], (0.0, top), then))
    sidebar.button(i18n.t("filter.reset", lang), on_click=reset_filters, width="stretch")
    return filter_from_widgets(values, domain)


def theme_chips(lang: str) -> tuple[str, ...]:
    """The themes as chips, each one click away; the same filter value as the sidebar's
    theme list on other pages."""
    chosen = st.pills(i18n.t("filter.themes", lang), themes.THEME_IDS, selection_mode="multi",
                      format_func=lambda theme_id: theme_label(theme_id, lang),
                      label_visibility="collapsed",
                      **state.persistent(state.FILTERS["themes"], []))
    return tuple(chosen or ())


def map_options(lang: str, then: Callable[[], None] | None = None) -> MapOptions:
    """The basemap and layer widgets in the sidebar; returns what they select (``then``:
    as for :func:`filters`)."""
    basemap = st.sidebar.radio(
        i18n.t("sidebar.basemap", lang), list(basemaps.BASEMAPS),
        format_func=lambda key: i18n.t(f"basemap.{key}", lang),
        **state.persistent(state.BASEMAP, basemaps.DEFAULT_BASEMAP, then))
    # The agenda's layers are offered too, off until chosen.
    shown = st.sidebar.multiselect(
        i18n.t("layers", lang), list(basemaps.ALL_LAYERS),
        format_func=lambda key: i18n.t(f"layer.{key}", lang),
        placeholder=i18n.t("placeholder.many", lang),
        **state.persistent(state.LAYERS, list(basemaps.LAYERS), then))
    return basemap, tuple(layer for layer in basemaps.ALL_LAYERS if layer in shown)


STATS_OFF = "off"


def statistics_from_state() -> StatisticsChoice | None:
    """What :func:`statistics_options` will return, before it is drawn (None: off)."""
    indicator = state.widget_value(state.STATS_INDICATOR) or STATS_OFF
    if indicator not in SHOWN:
        return None
    return StatisticsChoice(indicator, state.widget_value(state.STATS_YEAR),
                            state.widget_value(state.STATS_SCHEME) or SCHEMES[0])


def statistics_options(lang: str, stats: Statistics | None) -> StatisticsChoice | None:
    """The statistics layer's widgets (off by default): indicator, year, classes."""
    sidebar = st.sidebar
    indicator = sidebar.selectbox(
        i18n.t("stats.layer", lang), [STATS_OFF, *SHOWN],
        format_func=lambda key: (i18n.t("stats.layer.off", lang) if key == STATS_OFF
                                 else i18n.t(f"indicator.{key}", lang)),
        placeholder=i18n.t("placeholder.one", lang),
        **state.persistent(state.STATS_INDICATOR, STATS_OFF))
    if indicator == STATS_OFF or stats is None:
        return None
    years = [None, *reversed(stats.years(indicator))]
    if state.widget_value(state.STATS_YEAR) not in years:  # kept from another indicator
        state.forget(state.STATS_YEAR)
    year = sidebar.selectbox(
        i18n.t("stats.layer.year", lang), years,
        format_func=lambda y: i18n.t("stats.layer.latest", lang) if y is None else str(y),
        placeholder=i18n.t("placeholder.one", lang), **state.persistent(state.STATS_YEAR))
    scheme = sidebar.radio(i18n.t("stats.layer.scheme", lang), SCHEMES,
                           format_func=lambda key: i18n.t(f"stats.scheme.{key}", lang),
                           **state.persistent(state.STATS_SCHEME, SCHEMES[0]))
    sidebar.caption(i18n.t("stats.source", lang))
    return StatisticsChoice(indicator, year, scheme)


def filtered_projects(layers: RegionLayers | None, lang: str
                      ) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, ProjectFilter]:
    """(all projects, the filtered ones, the filter), with the sidebar drawn; the page
    reruns by itself when the store changes (:mod:`pages._ui.live`)."""
    live.watch_store()
    everything = cached.catalogue(layers)
    wanted = filters(cached.domain(layers), layers, lang)
    keep_current_filter(wanted)
    shown = cached.filtered(layers, wanted)
    st.sidebar.caption(i18n.t("filter.count", lang, shown=len(shown), total=len(everything)))
    return everything, shown, wanted


def after_map(layers: RegionLayers | None, lang: str, wanted: ProjectFilter,
              options: MapOptions, statistics: StatisticsChoice | None = None,
              stats: Statistics | None = None) -> None:
    """Draw the filter and map-option widgets for a page that read them from the state
    (:func:`filter_from_state`, :func:`map_options_from_state`) to put its map out
    first; its themes are chips by the map, not in the sidebar. A change of one of them
    then reruns only the map's panel (:func:`rerun_map_panel`). Should the widgets ever
    disagree, the page runs once more; never in a loop."""
    drawn = filters(cached.domain(layers), layers, lang, with_themes=False,
                    then=rerun_map_panel)
    drawn_options = map_options(lang, then=rerun_map_panel)
    # The statistics layer's widgets rerun the whole page: the map's panel takes the
    # figures as an argument.
    drawn_statistics = statistics_options(lang, stats)
    if (drawn, drawn_options, drawn_statistics) == (replace(wanted, themes=()), options,
                                                   statistics):
        st.session_state.pop(state.SIDEBAR_REDRAWN_AFTER_MAP, None)
    elif not st.session_state.pop(state.SIDEBAR_REDRAWN_AFTER_MAP, False):
        st.session_state[state.SIDEBAR_REDRAWN_AFTER_MAP] = True
        st.rerun()
