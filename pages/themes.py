"""Themes page: figures for every theme, and a panel with chart, map and list per theme."""

import pandas as pd
import streamlit as st

from gros import i18n, stats, themes
from gros.labels import euregio_name, euregio_names, theme_label
from gros.numbers import money
from gros.tables import project_table
from pages._ui import cached, render, sidebar, state, url

lang = url.current_language()
st.title(i18n.t("nav.themes", lang))
layers = cached.region_layers(lang)
everything, shown, wanted = sidebar.filtered_projects(layers, lang)
url.write_url(wanted, lang)

summary = stats.theme_summary(shown)
st.subheader(i18n.t("themes.overview", lang))
st.dataframe(pd.DataFrame({
    i18n.t("column.themes", lang): [theme_label(t, lang) for t in summary["theme"]],
    i18n.t("column.projects", lang): summary["projects"],
    i18n.t("column.budget", lang): summary["budget_eur"],
    i18n.t("column.eu", lang): summary["eu_contribution_eur"],
    i18n.t("column.euregios", lang): summary["euregios"].map(len),
}), hide_index=True, width="stretch",
    column_config={i18n.t("column.budget", lang): st.column_config.NumberColumn(format="€ %.0f"),
                   i18n.t("column.eu", lang): st.column_config.NumberColumn(format="€ %.0f")})

if state.THEME_PANEL not in st.session_state:
    st.session_state[state.THEME_PANEL] = (wanted.themes or themes.THEME_IDS)[0]
chosen = st.segmented_control(
    i18n.t("themes.choose", lang), themes.THEME_IDS, key=state.THEME_PANEL,
    format_func=lambda t: theme_label(t, lang),
) or themes.THEME_IDS[0]

theme = themes.BY_ID[chosen]
figures = summary.set_index("theme").loc[chosen]
subset = shown[shown["themes"].map(lambda ids: chosen in ids)]
st.header(theme_label(chosen, lang))
columns = st.columns(4)
columns[0].metric(i18n.t("column.projects", lang), int(figures["projects"]))
columns[1].metric(i18n.t("detail.budget", lang), money(figures["budget_eur"], lang))
columns[2].metric(i18n.t("detail.eu", lang), money(figures["eu_contribution_eur"], lang))
columns[3].metric(i18n.t("column.euregios", lang), len(figures["euregios"]))
st.caption(i18n.t("themes.budget_note", lang, known=int(figures["budget_known"]),
                  count=int(figures["projects"])))

left, right = st.columns([1, 1])
with left:
    st.subheader(i18n.t("themes.by_euregio", lang))
    if layers is not None:
        per_euregio = stats.projects_per_euregio(subset, list(layers.euregios["id"]))
        per_euregio.index = [euregio_name(layers, e, lang) for e in per_euregio.index]
        st.bar_chart(per_euregio, horizontal=True, color=theme.colour)
with right:
    if layers is not None:
        render.small_map(layers, subset, lang, key=state.small_map("theme", chosen))
st.dataframe(project_table(subset, euregio_names(layers, lang), lang), hide_index=True,
             width="stretch")
render.footer(lang)
