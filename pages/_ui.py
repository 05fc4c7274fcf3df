"""Page furniture shared by every page: language, settings, cached data, footer.

Pages import this module; it is the only place that caches data for Streamlit.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from gros import assets, gisco, i18n
from gros.data import load_region_layers
from gros.layers import RegionLayers
from gros.settings import Settings, load_settings

LANGUAGE_KEY = "lang"
BASEMAP_KEY = "basemap"
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


@st.cache_resource(show_spinner=False)
def install_assets() -> Path:
    """Copy Leaflet and its plugins into the app's static folder, once per process."""
    return assets.install_static(STATIC_DIR)


def settings() -> Settings:
    return load_settings()


def language() -> str:
    """The language chosen in the sidebar, initialised from ``?lang=``."""
    if LANGUAGE_KEY not in st.session_state:
        st.session_state[LANGUAGE_KEY] = i18n.parse_language(st.query_params.get("lang"))
    chosen = st.sidebar.selectbox(
        i18n.t("sidebar.language", st.session_state[LANGUAGE_KEY]),
        i18n.LANGUAGES,
        format_func=i18n.LANGUAGE_NAMES.__getitem__,
        key=LANGUAGE_KEY,
    )
    st.query_params["lang"] = chosen
    return chosen


@st.cache_data(show_spinner=False)
def _region_layers(current: Settings) -> RegionLayers:
    return load_region_layers(current)


def region_layers(lang: str) -> RegionLayers | None:
    """The region layers, downloading the boundaries with a progress bar when needed.

    Shows a clear error and returns None when the boundaries are unavailable, so
    the rest of the page still renders.
    """
    current = settings()
    source = gisco.NutsSource.from_settings(current)
    try:
        if not source.cache_path.exists():
            with st.status(i18n.t("boundaries.loading", lang), expanded=True) as status:
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


def footer(lang: str) -> None:
    st.caption(f"{gisco.ATTRIBUTION} · {i18n.t('approximation', lang)}")
