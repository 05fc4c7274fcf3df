"""Themes page: figures for every theme, and a panel with chart, map and list per theme."""

import pandas as pd
import streamlit as st

from gros import i18n, stats, themes
from gros.labels import euregio_name, euregio_names, theme_label
from gros.numbers import money, number
from gros.tables import project_table, readable
from pages._ui import cached, render, sidebar, state, url

lang = url.current_language()
st.title(i18n.t("nav.themes", lang))
layers = cached.region_layers(lang)
everything, shown, wanted = sidebar.filtered_projects(layers, lang)
url.write_url(wanted, lang)

summary = stats.theme_summary(shown)
st.subheader(i18n.t("themes.overview", lang))
overview = pd.DataFrame({
    i18n.t("column.themes", lang): [themes.BY_ID[t].label(lang) for t in summary["theme"]],
    i18n.t("column.projects", lang): summary["projects"],
    i18n.t("column.budget", lang): summary["budget_eur"],
    i18n.t("column.budget_known", lang): summary["budget_known"],
    i18n.t("column.eu", lang): summary["eu_contribution_eur"],
    i18n.t("column.eu_known", lang): summary["eu_known"],
    i18n.t("column.euregios", lang): summary["euregios"].map(len),
})
st.dataframe(readable(overview, lang), hide_index=True, width="stretch")

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
budget = stats.known_total(subset["budget_eur"])
eu = stats.known_total(subset["eu_contribution_eur"])
columns = st.columns(4)
columns[0].metric(i18n.t("column.projects", lang), number(len(subset), lang))
columns[1].metric(i18n.t("detail.budget", lang), money(budget.total, lang))
columns[2].metric(i18n.t("detail.eu", lang), money(eu.total, lang))
columns[3].metric(i18n.t("column.euregios", lang), number(len(figures["euregios"]), lang))
st.caption(f"{i18n.t('detail.budget', lang)}: {stats.describe_total(budget, lang)} · "
           f"{i18n.t('detail.eu', lang)}: {stats.describe_total(eu, lang, 'eu')}")

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
st.dataframe(readable(project_table(subset, euregio_names(layers, lang), lang), lang),
             hide_index=True, width="stretch")
render.footer(lang)
