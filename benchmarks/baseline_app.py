"""The naive baseline for ``python -m benchmarks``: a first streamlit-folium app.

It reads the same layers and synthetic projects as the dashboard (from the file in
``GROS_BENCH_DATA``, written by benchmarks.server), offers a theme filter, and on every
run builds the whole map again with :func:`benchmarks.baseline.baseline_map` and hands
it to ``st_folium``. Start it through ``python -m benchmarks``, which sets that variable.
"""

import os
import pickle
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from benchmarks.baseline import BASELINE_ST_FOLIUM_KWARGS, baseline_map
from gros import assets, themes

st.set_page_config(page_title="Baseline map", layout="wide")
# Leaflet from this app's own static/ folder, like the dashboard: no CDN on either side.
assets.install_static(Path(__file__).resolve().parent / "static")


@st.cache_data
def load_data():
    with open(os.environ["GROS_BENCH_DATA"], "rb") as file:
        return pickle.load(file)  # noqa: S301 - written by benchmarks.server for this app


layers, projects = load_data()
chosen = st.sidebar.multiselect("Themes", themes.THEME_IDS,
                                format_func=lambda tid: themes.BY_ID[tid].label("en"))
if chosen:
    projects = projects[projects["themes"].map(lambda ids: bool(set(chosen) & set(ids)))]
st.sidebar.caption(f"{len(projects)} projects")
st.title("Cross-border projects")
st_folium(baseline_map(layers, projects), **BASELINE_ST_FOLIUM_KWARGS)
