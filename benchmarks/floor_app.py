"""The floor for ``python -m benchmarks``: the smallest Streamlit app of the dashboard's shape.

A theme list in the sidebar, a country list, and one streamlit-folium map with the
boundaries only; a change reruns the script, which updates nothing but a count (on
the page and in the map). See :mod:`benchmarks.floor`. It reads the same layers and
synthetic projects as the baseline (``GROS_BENCH_DATA``, written by benchmarks.server);
start it through ``python -m benchmarks``, which sets that variable.
"""

import os
import pickle
from pathlib import Path

import streamlit as st

from benchmarks import LANGUAGE
from benchmarks.floor import FloorCounts, count_script, floor_map
from gros import assets, i18n, themes
from gros.regions import COUNTRIES
from pages._ui import folium_component

st.set_page_config(page_title="Floor map", layout="wide")
# Leaflet from this app's own static/ folder, like the dashboard: no CDN on either side.
assets.install_static(Path(__file__).resolve().parent / "static")


@st.cache_resource
def load_data() -> tuple:
    with open(os.environ["GROS_BENCH_DATA"], "rb") as file:
        layers, frame = pickle.load(file)  # noqa: S301 - written by benchmarks.server
    # The map is rendered once: a run hands the component the same map and a new count.
    return FloorCounts.of(frame), folium_component.component_arguments(floor_map(layers))


counts, base = load_data()
chosen_themes = st.sidebar.multiselect(
    i18n.t("filter.themes", LANGUAGE), themes.THEME_IDS,
    format_func=lambda theme_id: themes.BY_ID[theme_id].label(LANGUAGE))
chosen_countries = st.sidebar.multiselect(
    i18n.t("filter.countries", LANGUAGE), COUNTRIES,
    format_func=lambda country: i18n.t(f"country.{country}", LANGUAGE))
shown = counts.count(chosen_themes, chosen_countries)
st.caption(f"{shown} / {counts.total}")
folium_component.show(base, count_script(shown), "floor-map", 640, [])
