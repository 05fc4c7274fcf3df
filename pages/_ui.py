"""Page furniture shared by every page: language, data loading, filters, details.

Pages import this module; it is the only place that caches data for Streamlit and
the only place that reads or writes the URL.
"""

from __future__ import annotations

import runpy
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import streamlit as st

from gros import assets, gisco, i18n, maps, themes
from gros.filters import (
    COUNTRIES,
    ProjectFilter,
    ViewState,
    apply_filter,
    view_from_query,
    view_to_query,
)
from gros.layers import RegionLayers
from gros.loaders import load_region_layers, open_store, project_catalogue
from gros.projects import STATUSES
from gros.regions import EUREGIO_IDS
from gros.settings import Settings, load_settings
from gros.store import ProjectStore
from gros.text import markdown_escape, money

LANGUAGE_KEY = "lang"
BASEMAP_KEY = "basemap"
LAYERS_KEY = "layers"
SELECTED_KEY = "selected_project"
VIEW_READ_KEY = "view_read_from_url"
FILTER_KEYS = {
    "themes": "filter_themes", "countries": "filter_countries", "euregios": "filter_euregios",
    "provinces": "filter_provinces", "statuses": "filter_statuses",
    "programmes": "filter_programmes", "years": "filter_years", "budget": "filter_budget",
    "query": "filter_query",
}
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
FRAME_SCRIPT = Path(__file__).resolve().parent.parent / "dashboard.py"


def run_inside_frame() -> None:
    """Make sure the page runs inside the frame (``dashboard.py``).

    Until some session has run ``st.navigation``, Streamlit treats an app with a
    ``pages/`` folder the old way and runs a deep-linked page (``/projects?…``)
    on its own, without the frame's sidebar, language or navigation. In that
    case run the frame, which navigates to this same page, and stop.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        runpy.run_path(str(FRAME_SCRIPT), run_name="__main__")
        st.stop()


@st.cache_resource(show_spinner=False)
def install_assets() -> Path:
    """Copy Leaflet and its plugins into the app's static folder, once per process."""
    return assets.install_static(STATIC_DIR)


def settings() -> Settings:
    return load_settings()


def read_view_from_url() -> list[str]:
    """Initialise the session from the URL, once; returns the parts that were ignored."""
    if st.session_state.get(VIEW_READ_KEY):
        return []
    view, notes = view_from_query(st.query_params.to_dict())
    st.session_state[VIEW_READ_KEY] = True
    _keep(LANGUAGE_KEY, view.language)
    _keep(BASEMAP_KEY, view.basemap)
    _keep(LAYERS_KEY, list(view.layers))
    f = view.filter
    for name, key in FILTER_KEYS.items():
        value = getattr(f, name)
        if name in ("years", "budget"):
            if value is not None:
                _keep(key, value)
        elif name == "query":
            _keep(key, value)
        else:
            _keep(key, list(value))
    return notes


# Streamlit forgets a widget's value when the page changes, but the view must
# follow people from page to page. Each widget's value is therefore also kept
# under a plain session key: restored before the widget is drawn, updated by
# its on_change callback (which runs before the rerun that draws it again).
def _kept(key: str) -> str:
    return f"kept_{key}"


def _keep(key: str, value: object) -> None:
    st.session_state[_kept(key)] = value


def _remember(key: str) -> None:
    st.session_state[_kept(key)] = st.session_state[key]


def _persistent(key: str, default: object = None) -> dict[str, object]:
    """Widget arguments that restore the kept value (or ``default``) and keep changes."""
    if _kept(key) in st.session_state:
        st.session_state[key] = st.session_state[_kept(key)]
    elif default is not None and key not in st.session_state:
        st.session_state[key] = default
    return {"key": key, "on_change": _remember, "args": (key,)}


def kept(key: str, default: object = None) -> object:
    return st.session_state.get(_kept(key), default)


def language() -> str:
    """The language chosen in the sidebar."""
    return st.sidebar.selectbox(
        i18n.t("sidebar.language", current_language()), i18n.LANGUAGES,
        format_func=i18n.LANGUAGE_NAMES.__getitem__,
        **_persistent(LANGUAGE_KEY, i18n.DEFAULT_LANGUAGE),
    )


def current_language() -> str:
    return st.session_state.get(_kept(LANGUAGE_KEY)) or st.session_state.get(
        LANGUAGE_KEY, i18n.DEFAULT_LANGUAGE)


# Shared read-only, like the catalogue below: cache_data unpickled a copy on every run
# (about 30 ms of every full rerun).
@st.cache_resource(show_spinner=False, max_entries=4)
def _region_layers(current: Settings) -> RegionLayers:
    return load_region_layers(current)


def region_layers(lang: str) -> RegionLayers | None:
    """The region layers, downloading the boundaries with a progress bar when needed.

    Shows a clear error and returns None when the boundaries are unavailable, so
    the rest of the page still renders.
    """
    current = settings()
    source = gisco.NutsSource.from_settings(current)
    # Always there, empty once the boundaries are cached: what follows keeps its place
    # in the page, so the map is not rebuilt on the run after a download.
    slot = st.container()
    try:
        if not source.cache_path.exists():
            with slot.status(i18n.t("boundaries.loading", lang), expanded=True) as status:
                bar = st.progress(0.0, text=source.url)

                def report(received: int, total: int | None) -> None:
                    fraction = min(received / total, 1.0) if total else 0.0
                    bar.progress(fraction, text=f"{source.url} — {received / 1e6:.1f} MB")

                gisco.fetch(source, report)
                status.update(label=i18n.t("boundaries.loaded", lang), state="complete",
                              expanded=False)
        return _region_layers(current)
    except gisco.GiscoError as exc:
        message = (str(exc) if isinstance(exc, gisco.BoundariesUnavailable)
                   else gisco.unavailable_message(source, str(exc)))
        st.error(f"{i18n.t('boundaries.unavailable', lang)}\n\n{message}")
        return None


@st.cache_resource(show_spinner=False)
def _store(url_settings: Settings) -> ProjectStore:
    return open_store(url_settings)


def store() -> ProjectStore:
    """The project store, created and seeded on first use."""
    return _store(settings())


# The catalogue and the prepared project layer are shared read-only between reruns
# and sessions (pages only read them; filtering makes new frames). cache_resource hands
# back the object itself: cache_data would unpickle a copy on every rerun, which the
# benchmark measured at about 115 ms with 10,000 projects.
@st.cache_resource(show_spinner=False, max_entries=4)
def _catalogue(_store: ProjectStore, _layers: RegionLayers | None, revision: int,
               layers_key: tuple) -> gpd.GeoDataFrame:
    return project_catalogue(_store, _layers)


def layers_key(layers: RegionLayers | None) -> tuple:
    """What identifies a set of boundary layers in a cache key."""
    return (layers.nuts_year, layers.nuts_scale, layers.nuts_fetched) if layers else ()


def catalogue(layers: RegionLayers | None) -> gpd.GeoDataFrame:
    """Every project with its regions; recomputed only when the store changes."""
    current = store()
    return _catalogue(current, layers, current.revision(), layers_key(layers))


@st.cache_resource(show_spinner=False, max_entries=8)
def _prepared_projects(_frame: gpd.GeoDataFrame, revision: int, layers_key: tuple,
                       lang: str) -> maps.PreparedProjects:
    return maps.prepare_projects(_frame, lang)


def prepared_projects(layers: RegionLayers | None, lang: str) -> maps.PreparedProjects:
    """The project layer's data for the whole catalogue, serialised once per change."""
    current = store()
    return _prepared_projects(catalogue(layers), current.revision(), layers_key(layers), lang)


def euregio_names(layers: RegionLayers | None, lang: str) -> dict[str, str]:
    """Euregio id → its name in ``lang`` (the usual name where there is none)."""
    if layers is None:
        return {}
    frame = layers.euregios
    return {euregio_id: local or name for euregio_id, local, name
            in zip(frame["id"], frame[f"name_{lang}"], frame["name"], strict=True)}


def euregio_name(layers: RegionLayers | None, euregio_id: str, lang: str) -> str:
    return euregio_names(layers, lang).get(euregio_id, euregio_id)


@dataclass(frozen=True)
class FilterDomain:
    """What the filter widgets offer for a catalogue."""

    programmes: list[str]
    years: tuple[int, int]
    top_budget_eur: float


@st.cache_resource(show_spinner=False, max_entries=4)
def _filter_domain(_frame: gpd.GeoDataFrame, revision: int, layers_key: tuple) -> FilterDomain:
    years = pd.concat([_frame["start_year"], _frame["end_year"]]).dropna()
    budgets = _frame["budget_eur"].dropna()
    return FilterDomain(
        programmes=sorted(p for p in _frame["programme"].unique() if p),
        years=(int(years.min()), int(years.max())) if not years.empty else (2000, 2030),
        top_budget_eur=float(budgets.max()) if not budgets.empty else 0.0,
    )


def filter_domain(layers: RegionLayers | None) -> FilterDomain:
    """What the filter widgets offer for the current catalogue."""
    return _filter_domain(catalogue(layers), store().revision(), layers_key(layers))


def reset_filters() -> None:
    for key in FILTER_KEYS.values():
        st.session_state.pop(key, None)
        st.session_state.pop(_kept(key), None)


def _top_million(domain: FilterDomain) -> float:
    return float(max(1, round(domain.top_budget_eur / 1e6 + 0.5)))


def _clamp_kept_ranges(domain: FilterDomain) -> None:
    """Fit kept year and budget ranges into the catalogue's (it may have changed)."""
    first, last = domain.years
    stored_years = kept(FILTER_KEYS["years"])
    if stored_years is not None:
        _keep(FILTER_KEYS["years"], (max(first, min(stored_years[0], last)),
                                     min(last, max(stored_years[1], first))))
    stored = kept(FILTER_KEYS["budget"])
    if stored is not None and domain.top_budget_eur > 0:
        top_m = _top_million(domain)
        _keep(FILTER_KEYS["budget"], (min(float(stored[0]), top_m),
                                      min(float(stored[1]), top_m)))


def _project_filter(values: dict[str, Any], domain: FilterDomain) -> ProjectFilter:
    """The filter that widget values (by FILTER_KEYS name) select."""
    years = tuple(values.get("years") or domain.years)
    budget = None
    if domain.top_budget_eur > 0:
        chosen = tuple(values.get("budget") or (0.0, _top_million(domain)))
        if chosen != (0.0, _top_million(domain)):
            budget = (chosen[0] * 1e6, chosen[1] * 1e6)
    return ProjectFilter(
        themes=tuple(values.get("themes") or ()), countries=tuple(values.get("countries") or ()),
        euregios=tuple(values.get("euregios") or ()),
        provinces=tuple(values.get("provinces") or ()),
        statuses=tuple(values.get("statuses") or ()),
        programmes=tuple(values.get("programmes") or ()),
        years=years if years != tuple(domain.years) else None, budget=budget,
        query=str(values.get("query") or "").strip(),
    )


def _widget_value(key: str) -> Any:
    return st.session_state.get(_kept(key), st.session_state.get(key))


def filter_from_state(layers: RegionLayers | None) -> ProjectFilter:
    """What the filter widgets hold at the start of this run, before they are drawn:
    a page can then put its map out first. :func:`filtered_projects` draws the widgets
    and returns the same filter."""
    domain = filter_domain(layers)
    _clamp_kept_ranges(domain)
    return _project_filter({name: _widget_value(key) for name, key in FILTER_KEYS.items()},
                           domain)


def map_options_from_state() -> tuple[str, tuple[str, ...]]:
    """What :func:`map_options_sidebar` will return, before it is drawn."""
    basemap = _widget_value(BASEMAP_KEY) or "light"
    shown = _widget_value(LAYERS_KEY)
    shown = list(maps.LAYERS) if shown is None else shown
    return basemap, tuple(layer for layer in maps.LAYERS if layer in shown)


def _theme_label(theme_id: str, lang: str) -> str:
    return f"{themes.BY_ID[theme_id].icon} {themes.BY_ID[theme_id].label(lang)}"


def filter_sidebar(domain: FilterDomain, layers: RegionLayers | None, lang: str,
                   with_themes: bool = True) -> ProjectFilter:
    """The filter widgets in the sidebar; returns what they select (no themes when
    ``with_themes`` is off: the page shows :func:`theme_chips` instead)."""
    sidebar = st.sidebar
    names = euregio_names(layers, lang)
    values: dict[str, Any] = {}
    sidebar.subheader(i18n.t("filters", lang))
    values["query"] = sidebar.text_input(i18n.t("filter.query", lang), max_chars=200,
                                         **_persistent(FILTER_KEYS["query"], ""))
    if with_themes:
        values["themes"] = sidebar.multiselect(
            i18n.t("filter.themes", lang), themes.THEME_IDS,
            format_func=lambda theme_id: _theme_label(theme_id, lang),
            **_persistent(FILTER_KEYS["themes"], []))
    values["countries"] = sidebar.multiselect(
        i18n.t("filter.countries", lang), COUNTRIES,
        format_func=lambda c: i18n.t(f"country.{c}", lang),
        **_persistent(FILTER_KEYS["countries"], []))
    values["euregios"] = sidebar.multiselect(
        i18n.t("filter.euregios", lang), EUREGIO_IDS,
        format_func=lambda e: names.get(e, e),
        **_persistent(FILTER_KEYS["euregios"], []))
    province_names = ({} if layers is None else
                      dict(zip(layers.border_provinces["nuts_id"],
                               layers.border_provinces["name"], strict=True)))
    values["provinces"] = sidebar.multiselect(
        i18n.t("filter.provinces", lang), list(province_names),
        format_func=lambda p: province_names.get(p, p), **_persistent(FILTER_KEYS["provinces"], []))
    values["statuses"] = sidebar.multiselect(
        i18n.t("filter.statuses", lang), STATUSES,
        format_func=lambda s: i18n.t(f"status.{s}", lang),
        **_persistent(FILTER_KEYS["statuses"], []))
    values["programmes"] = sidebar.multiselect(
        i18n.t("filter.programmes", lang),
        domain.programmes,
        **_persistent(FILTER_KEYS["programmes"], []))
    _clamp_kept_ranges(domain)
    first, last = domain.years
    values["years"] = sidebar.slider(i18n.t("filter.years", lang), first, last,
                                     **_persistent(FILTER_KEYS["years"], (first, last)))
    if domain.top_budget_eur > 0:
        top_m = _top_million(domain)
        values["budget"] = sidebar.slider(
            i18n.t("filter.budget", lang), 0.0, top_m, step=0.1,
            help=i18n.t("filter.budget.help", lang),
            **_persistent(FILTER_KEYS["budget"], (0.0, top_m)))
    sidebar.button(i18n.t("filter.reset", lang), on_click=reset_filters,
                   width="stretch")
    return _project_filter(values, domain)


def theme_chips(lang: str) -> tuple[str, ...]:
    """The themes as chips, each one click away; the same filter value as the sidebar's
    theme list on other pages."""
    chosen = st.pills(i18n.t("filter.themes", lang), themes.THEME_IDS, selection_mode="multi",
                      format_func=lambda theme_id: _theme_label(theme_id, lang),
                      **_persistent(FILTER_KEYS["themes"], []))
    return tuple(chosen or ())


def map_options_sidebar(lang: str) -> tuple[str, tuple[str, ...]]:
    basemap = st.sidebar.radio(
        i18n.t("sidebar.basemap", lang), list(maps.BASEMAPS),
        format_func=lambda key: i18n.t(f"basemap.{key}", lang),
        **_persistent(BASEMAP_KEY, "light"))
    shown = st.sidebar.multiselect(
        i18n.t("layers", lang), list(maps.LAYERS),
        format_func=lambda key: i18n.t(f"layer.{key}", lang),
        **_persistent(LAYERS_KEY, list(maps.LAYERS)))
    return basemap, tuple(layer for layer in maps.LAYERS if layer in shown)


def write_url(wanted: ProjectFilter, lang: str, basemap: str | None = None,
              layers: tuple[str, ...] | None = None) -> None:
    """Put the view in the URL, so the address can be shared."""
    view = ViewState(filter=wanted, language=lang,
                     basemap=basemap or kept(BASEMAP_KEY, "light"),
                     layers=layers if layers is not None else
                     tuple(kept(LAYERS_KEY, maps.LAYERS)))
    params = view_to_query(view)
    if dict(st.query_params.to_dict()) != params:
        st.query_params.from_dict(params)


CURRENT_FILTER_KEY = "current_filter"


def keep_current_filter(wanted: ProjectFilter) -> None:
    """Remember the filter a page shows, for saving the view and for exports."""
    st.session_state[CURRENT_FILTER_KEY] = wanted


def current_view(lang: str) -> ViewState:
    """The view people last set on a page with filters (for saving and exports)."""
    return ViewState(filter=st.session_state.get(CURRENT_FILTER_KEY, ProjectFilter()),
                     language=lang, basemap=kept(BASEMAP_KEY, "light"),
                     layers=tuple(kept(LAYERS_KEY, maps.LAYERS)))


# Shared read-only like the catalogue: a rerun that keeps its filter (a map click, the
# sidebar drawn after the map) does not filter again.
@st.cache_resource(show_spinner=False, max_entries=32)
def _filtered(_frame: gpd.GeoDataFrame, revision: int, layers_key: tuple,
              wanted: ProjectFilter) -> gpd.GeoDataFrame:
    return apply_filter(_frame, wanted)


def filtered(layers: RegionLayers | None, wanted: ProjectFilter) -> gpd.GeoDataFrame:
    """The catalogue's projects that ``wanted`` selects."""
    return _filtered(catalogue(layers), store().revision(), layers_key(layers), wanted)


def filtered_projects(layers: RegionLayers | None, lang: str
                      ) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, ProjectFilter]:
    """(all projects, the filtered ones, the filter), with the sidebar drawn."""
    everything = catalogue(layers)
    domain = filter_domain(layers)
    wanted = filter_sidebar(domain, layers, lang)
    keep_current_filter(wanted)
    shown = filtered(layers, wanted)
    st.sidebar.caption(i18n.t("filter.count", lang, shown=len(shown), total=len(everything)))
    return everything, shown, wanted


REDRAWN_KEY = "sidebar_redrawn_after_map"


def sidebar_after_map(layers: RegionLayers | None, lang: str, wanted: ProjectFilter,
                      options: tuple[str, tuple[str, ...]]) -> None:
    """Draw the filter and map-option widgets for a page that read them from the state
    (:func:`filter_from_state`, :func:`map_options_from_state`) to put its map out
    first; its themes are chips by the map, not in the sidebar. Should the widgets ever
    disagree, the page runs once more; never in a loop."""
    domain = filter_domain(layers)
    drawn = filter_sidebar(domain, layers, lang, with_themes=False)
    if (drawn, map_options_sidebar(lang)) == (replace(wanted, themes=()), options):
        st.session_state.pop(REDRAWN_KEY, None)
    elif not st.session_state.pop(REDRAWN_KEY, False):
        st.session_state[REDRAWN_KEY] = True
        st.rerun()


def project_details(row: pd.Series, layers: RegionLayers | None, lang: str) -> None:
    """A project's details as text; every value from data is escaped."""
    title = row[f"title_{lang}"] or row["title"]
    st.subheader(markdown_escape(title))
    theme_labels = " · ".join(f"{themes.BY_ID[t].icon} {themes.BY_ID[t].label(lang)}"
                              for t in row["themes"])
    st.markdown(markdown_escape(theme_labels))
    if row["description"]:
        st.markdown(markdown_escape(row["description"]))
    period = " – ".join(part for part in (row["start"], row["end"]) if part) or "—"
    facts = [
        (i18n.t("detail.status", lang),
         i18n.t(f"status.{row['status']}", lang) if row["status"] else "—"),
        (i18n.t("detail.period", lang), period),
        (i18n.t("detail.programme", lang), row["programme"] or "—"),
        (i18n.t("detail.budget", lang), money(row["budget_eur"], lang)),
        (i18n.t("detail.eu", lang), money(row["eu_contribution_eur"], lang)),
        (i18n.t("detail.lead", lang), row["lead_partner"] or "—"),
        (i18n.t("detail.partners", lang), "; ".join(row["partners"]) or "—"),
        (i18n.t("detail.countries", lang), ", ".join(row["countries"]) or "—"),
        (i18n.t("detail.euregios", lang),
         ", ".join(euregio_names(layers, lang).get(e, e) for e in row["euregios"]) or "—"),
        (i18n.t("detail.precision", lang), i18n.t(f"precision.{row['precision']}", lang)),
    ]
    st.markdown("  \n".join(f"**{label}:** {markdown_escape(value)}" for label, value in facts))
    st.markdown(f"**{i18n.t('detail.sources', lang)}:**")
    for url in row["sources"]:
        # A link button takes the URL as data, never as Markdown.
        st.link_button(url[:80], url)
    if row["last_verified"]:
        st.caption(i18n.t("detail.verified", lang, date=row["last_verified"]))


def footer(lang: str) -> None:
    st.caption(f"{gisco.ATTRIBUTION} · {i18n.t('approximation', lang)}")


def project_table(frame: gpd.GeoDataFrame, layers: RegionLayers | None, lang: str
                  ) -> pd.DataFrame:
    """The projects as a table of text and numbers (st.dataframe never renders HTML)."""
    names = euregio_names(layers, lang)
    return pd.DataFrame({
        i18n.t("column.title", lang): frame[f"title_{lang}"].where(
            frame[f"title_{lang}"] != "", frame["title"]),
        i18n.t("column.themes", lang): frame["themes"].map(
            lambda ids: ", ".join(themes.BY_ID[t].label(lang) for t in ids)),
        i18n.t("column.status", lang): frame["status"].map(
            lambda s: i18n.t(f"status.{s}", lang) if s else ""),
        i18n.t("column.period", lang): [
            " – ".join(p for p in (start, end) if p)
            for start, end in zip(frame["start"], frame["end"], strict=True)],
        i18n.t("column.programme", lang): frame["programme"],
        i18n.t("column.budget", lang): frame["budget_eur"],
        i18n.t("column.eu", lang): frame["eu_contribution_eur"],
        i18n.t("column.lead", lang): frame["lead_partner"],
        i18n.t("column.countries", lang): frame["countries"].map(", ".join),
        i18n.t("column.euregios", lang): frame["euregios"].map(
            lambda ids: ", ".join(names.get(e, e) for e in ids)),
    }).reset_index(drop=True)


def small_map(layers: RegionLayers, projects: gpd.GeoDataFrame, lang: str, key: str,
              euregio_id: str | None = None, height: int = 380) -> None:
    """A compact map of some projects (and one highlighted Euregio), without basemap tiles."""
    from streamlit_folium import st_folium

    region_map = maps.build_region_map(layers, basemap="none", language=lang,
                                       visible=("countries", "euregios", "projects"),
                                       projects=projects, legend=False)
    if euregio_id is not None:
        maps.fit_to_euregio(region_map, layers, euregio_id)
    st_folium(region_map, height=height, use_container_width=True, returned_objects=[],
              key=key)


EDITOR_KEY = "editor_unlocked"


def _secret(section: str) -> dict | None:
    try:
        value = st.secrets.get(section)
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return None
    return dict(value) if value is not None else None


def editor(lang: str) -> str | None:
    """Who may change data: an actor name once unlocked, None (with the reason shown)
    otherwise. An editor password (stored hashed in the secrets) or an OpenID Connect
    login (``st.login``) unlocks; with neither configured, changing data is off."""
    from gros.auth import verify_password

    editor_secrets = _secret("editor") or {}
    if _secret("auth") is not None:
        if not st.user.is_logged_in:
            st.button(i18n.t("data.login", lang), on_click=st.login)
            return None
        st.button(i18n.t("data.logout", lang), on_click=st.logout)
        return str(st.user.get("email") or st.user.get("name") or "login")
    if editor_secrets.get("password_hash"):
        if st.session_state.get(EDITOR_KEY):
            return "editor"
        password = st.text_input(i18n.t("data.password", lang), type="password",
                                 key="editor_password")
        if password:
            try:
                ok = verify_password(password, str(editor_secrets["password_hash"]))
            except ValueError as exc:
                st.error(str(exc))
                return None
            if ok:
                st.session_state[EDITOR_KEY] = True
                return "editor"
            st.error(i18n.t("data.password.wrong", lang))
        return None
    st.info(i18n.t("data.locked", lang))
    return None
