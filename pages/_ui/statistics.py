"""The Euregio page's regional statistics: the profile in figures and the comparison."""

from __future__ import annotations

import streamlit as st

from gros import exports, i18n, stat_text
from gros.choropleth import shown_regions
from gros.indicators import SHOWN, Statistics, area_profile, euregio_members, figures_of
from gros.labels import euregio_names
from gros.layers import RegionLayers
from pages._ui import state


def euregio_statistics(stats: Statistics, layers: RegionLayers, chosen: str, lang: str) -> None:
    """Population, area, density and GDP of ``chosen`` in total and per country part,
    its population over the years, and a comparison with other areas."""
    st.subheader(i18n.t("stats.profile", lang))
    figures = area_profile(stats, euregio_members(layers.memberships, chosen))
    country_names = {c: i18n.t(f"country.{c}", lang) for c in figures.parts}
    st.dataframe(stat_text.profile_table(figures, lang, country_names), width="stretch")
    st.caption(f"{stat_text.method_text(figures.members, lang)} {i18n.t('stats.source', lang)}")
    st.markdown(f"**{i18n.t('stats.population_series', lang)}**")
    st.line_chart(stat_text.population_series(figures))

    st.subheader(i18n.t("stats.compare", lang))
    names = {**euregio_names(layers, lang),
             **{code: f"{code} {stats.name(code)}" for code in shown_regions(layers)}}
    picks = st.multiselect(i18n.t("stats.compare.pick", lang), list(names),
                           format_func=names.__getitem__, max_selections=4,
                           placeholder=i18n.t("placeholder.many", lang),
                           **state.persistent(state.COMPARE_AREAS, [chosen]))
    if len(picks) < 2:
        st.info(i18n.t("stats.compare.more", lang))
    else:
        areas = {names[p]: figures_of(stats, layers.memberships, p) for p in picks}
        table = stat_text.figures_frame(areas, lang)
        st.dataframe(table, hide_index=True, width="stretch")
        indicator = st.selectbox(i18n.t("stats.compare.indicator", lang), SHOWN,
                                 format_func=lambda i: stat_text.indicator_label(i, lang),
                                 placeholder=i18n.t("placeholder.one", lang),
                                 **state.persistent(state.COMPARE_INDICATOR, SHOWN[0]))
        st.bar_chart(stat_text.comparison_chart(areas, indicator), horizontal=True)
        for fmt, data in (("csv", exports.table_csv(table)),
                          ("xlsx", exports.table_xlsx(table, "figures"))):
            st.download_button(fmt.upper(), data, f"gros-figures.{fmt}",
                               mime=exports.MEDIA_TYPES[fmt],
                               key=state.export_button(fmt, "compare"))
