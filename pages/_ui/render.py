"""What several pages show alike: a project's details, a small map, the footer.

Every value from data is escaped before Streamlit renders it as Markdown.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from gros import gisco, i18n, maps, numbers
from gros.labels import euregio_names, project_title, theme_labels
from gros.layers import RegionLayers
from gros.tables import project_facts
from gros.text import markdown_escape

LINK_LABEL_CHARS = 80


def project_details(row: pd.Series, layers: RegionLayers | None, lang: str) -> None:
    """A project's details as text."""
    st.subheader(markdown_escape(project_title(row, lang)))
    st.markdown(markdown_escape(theme_labels(row["themes"], lang)))
    if row["description"]:
        st.markdown(markdown_escape(row["description"]))
    facts = project_facts(row, euregio_names(layers, lang), lang)
    st.markdown("  \n".join(f"**{label}:** {markdown_escape(value)}" for label, value in facts))
    st.markdown(f"**{i18n.t('detail.sources', lang)}:**")
    for url in row["sources"]:
        # A link button takes the URL as data, never as Markdown.
        st.link_button(url[:LINK_LABEL_CHARS], url)
    if row["last_verified"]:
        st.caption(i18n.t("detail.verified", lang, date=numbers.date(row["last_verified"], lang)))


def footer(lang: str) -> None:
    st.caption(f"{gisco.ATTRIBUTION} · {i18n.t('approximation', lang)}")


def small_map(layers: RegionLayers, projects: gpd.GeoDataFrame, lang: str, key: str,
              euregio_id: str | None = None, height: int = 380) -> None:
    """A compact map of some projects (and one highlighted Euregio), without basemap tiles."""
    region_map = maps.build_region_map(layers, basemap="none", language=lang,
                                       visible=("countries", "euregios", "projects"),
                                       projects=projects, legend=False)
    if euregio_id is not None:
        maps.fit_to_euregio(region_map, layers, euregio_id)
    st_folium(region_map, height=height, use_container_width=True, returned_objects=[],
              key=key)


def last_change(entries: list, lang: str) -> None:
    """Who changed a project last, and when (its newest audit entry), as a caption."""
    if entries:
        entry = entries[0]
        st.caption(i18n.t("data.last_change", lang,
                          actor=markdown_escape(entry.actor or i18n.t("audit.unknown", lang)),
                          at=markdown_escape(entry.at), version=entry.version))
