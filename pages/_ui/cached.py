"""The dashboard's data for Streamlit: the only place that caches it.

Thin wrappers over :mod:`gros` loaders. What is shared read-only between reruns and
sessions (pages only read it; filtering makes new frames) is cached with
``cache_resource``, which hands back the object itself: ``cache_data`` would unpickle
a copy on every rerun, which the benchmark measured at about 115 ms for the
catalogue of 10,000 projects and about 30 ms for the region layers.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import streamlit as st

from gros import assets, eurostat, gisco, i18n, lau
from gros.catalogue import Catalogue
from gros.filters import FilterDomain, ProjectFilter
from gros.indicators import Statistics
from gros.layers import RegionLayers
from gros.loaders import load_region_layers, members_table, open_store, project_catalogue
from gros.migrate import SchemaError
from gros.settings import Settings, load_settings
from gros.store import ProjectStore

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"  # served as /app/static
# Settings are a frozen dataclass of plain values: its repr identifies it, and Streamlit's
# own hashing of it took about a millisecond on each call, several times a run.
SETTINGS_KEY = {Settings: repr}


@st.cache_resource(show_spinner=False)
def install_assets() -> Path:
    """Copy Leaflet and its plugins into the app's static folder, once per process."""
    return assets.install_static(STATIC_DIR)


def settings() -> Settings:
    return load_settings()


@st.cache_resource(show_spinner=False, max_entries=4, hash_funcs=SETTINGS_KEY)
def _region_layers(current: Settings, municipal_key: tuple) -> RegionLayers:
    # Drawn from the municipalities when they are cached (the outlines themselves are
    # kept on disk, gros.outline_cache): built once per process and cut.
    return load_region_layers(current, strict=False)


def _municipal_key(current: Settings) -> tuple:
    """What the Euregio outlines depend on besides the settings: the cut and the table."""
    files = (lau.LauSource.from_settings(current).cache_path, members_table(current))
    return tuple(path.stat().st_mtime_ns if path.exists() else None for path in files)


def _progress_bar(url: str) -> gisco.Progress:
    """A progress bar for a download, redrawn once per percent (or MB when the size is not
    known): the municipalities file comes in thousands of chunks."""
    bar = st.progress(0.0, text=url)
    shown: list[int] = []

    def report(received: int, total: int | None) -> None:
        step = int(100 * received / total) if total else received // 1_000_000
        if not shown or step != shown[-1]:
            shown.append(step)
            fraction = min(received / total, 1.0) if total else 0.0
            bar.progress(fraction, text=f"{url} — {received / 1e6:.1f} MB")

    return report


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
                gisco.fetch(source, _progress_bar(source.url))
                status.update(label=i18n.t("boundaries.loaded", lang), state="complete",
                              expanded=False)
        layers = _region_layers(current, _municipal_key(current))
    except gisco.GiscoError as exc:
        message = (str(exc) if isinstance(exc, gisco.BoundariesUnavailable)
                   else gisco.unavailable_message(source, str(exc)))
        st.error(f"{i18n.t('boundaries.unavailable', lang)}\n\n{message}")
        return None
    if layers.outline_problem:
        # Loud, as a failed check of the NUTS table is; the map still shows NUTS-3 outlines.
        st.error(f"{i18n.t('outline.problem', lang)}\n\n{layers.outline_problem}")
    return layers


@st.cache_resource(show_spinner=False)
def _failed_downloads() -> dict[str, str]:
    """Why the download of each URL failed, kept for the process: without a network, a new
    attempt on every rerun could wait for the time-out every time."""
    return {}


def fetch_municipalities(lang: str) -> bool:
    """Download the municipalities (GISCO LAU) once, with a progress bar, when they are not
    cached; whether they are. Without them (not cached, no network) says that the Euregios
    are drawn from their NUTS-3 regions: the rest of the page renders as before. Reads
    nothing itself; after a download the page runs again, so that the Euregios are drawn
    from their municipalities (built once and kept on disk, gros.outline_cache)."""
    current = settings()
    source = lau.LauSource.from_settings(current)
    failed = _failed_downloads()
    slot = st.container()  # keeps its place in the page, as for the boundaries
    if not source.cache_path.exists() and source.url not in failed:
        with slot.status(i18n.t("municipalities.loading", lang), expanded=True) as status:
            try:
                lau.fetch(source, _progress_bar(source.url))
                status.update(label=i18n.t("municipalities.loaded", lang), state="complete",
                              expanded=False)
            except gisco.GiscoError as exc:
                failed[source.url] = lau.unavailable_message(source, str(exc))
                status.update(state="error", expanded=False)
        if source.cache_path.exists():
            st.rerun()
    if source.cache_path.exists():
        return True
    slot.warning(f"{i18n.t('municipalities.unavailable', lang)}\n\n"
                 f"{failed.get(source.url, '')}".strip())
    return False


@st.cache_resource(show_spinner=False, max_entries=2, hash_funcs=SETTINGS_KEY)
def _statistics(current: Settings, fetched: tuple[float, ...]) -> Statistics:
    return Statistics(eurostat.load_all(current, cached_only=True))


def statistics(lang: str, slot=None) -> Statistics | None:
    """The Eurostat figures, the datasets downloaded once (with a progress bar) when they
    are not cached. Without them (not cached, no network) says so (in ``slot``, a
    container, when given) and returns None: the rest of the page renders as before,
    and the app starts without them."""
    current = settings()
    failed = _failed_downloads()
    slot = slot if slot is not None else st.container()
    missing = [s for s in eurostat.sources(current)
               if not s.cache_path.exists() and s.url not in failed]
    if missing:
        with slot.status(i18n.t("stats.loading", lang), expanded=True) as status:
            for source in missing:
                try:
                    eurostat.fetch(source, _progress_bar(source.url))
                except gisco.GiscoError as exc:
                    failed[source.url] = eurostat.unavailable_message(source, str(exc))
            done = all(s.url not in failed for s in missing)
            status.update(label=i18n.t("stats.loaded" if done else "stats.unavailable", lang),
                          state="complete" if done else "error", expanded=False)
    paths = [s.cache_path for s in eurostat.sources(current)]
    try:
        # Keyed by the caches' times too: a fetch from the command line is read anew.
        return _statistics(current, tuple(p.stat().st_mtime for p in paths))
    except (OSError, eurostat.EurostatError):
        reasons = [failed[s.url] for s in eurostat.sources(current) if s.url in failed]
        slot.warning("\n\n".join([i18n.t("stats.unavailable", lang), *reasons]))
        return None


@st.cache_resource(show_spinner=False, hash_funcs=SETTINGS_KEY)
def _store(url_settings: Settings) -> ProjectStore:
    return open_store(url_settings)


def store() -> ProjectStore:
    """The project store, created and seeded on first use.

    A database that cannot be opened or brought up to date stops the page with the
    reason, which names it; nothing is cached, so the next rerun tries again.
    """
    try:
        return _store(settings())
    except SchemaError as exc:
        st.error(str(exc))
        st.stop()


def layers_key(layers: RegionLayers | None) -> tuple:
    """What identifies a set of boundary layers in a cache key."""
    if layers is None:
        return ()
    return (layers.nuts_year, layers.nuts_scale, layers.nuts_fetched, layers.outline,
            (layers.lau or {}).get("fetched"), id(layers.municipal))


@st.cache_resource(show_spinner=False, max_entries=4)
def _projects(_store: ProjectStore, _layers: RegionLayers | None, revision: int,
              layers_key: tuple) -> Catalogue:
    return Catalogue(project_catalogue(_store, _layers), revision)


def projects(layers: RegionLayers | None) -> Catalogue:
    """The catalogue at the store's current revision, with what is derived from it (the
    filters' domain, filtered frames, the project layer's data), each computed once per
    revision. A run that asks for it once asks the database once."""
    current = store()
    return _projects(current, layers, current.revision(), layers_key(layers))


def catalogue(layers: RegionLayers | None) -> gpd.GeoDataFrame:
    """Every project with its regions; recomputed only when the store changes."""
    return projects(layers).frame


def domain(layers: RegionLayers | None) -> FilterDomain:
    """What the filter widgets offer for the current catalogue."""
    return projects(layers).domain


def filtered(layers: RegionLayers | None, wanted: ProjectFilter) -> gpd.GeoDataFrame:
    """The catalogue's projects that ``wanted`` selects."""
    return projects(layers).filtered(wanted)
