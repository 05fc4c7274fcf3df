"""Euregios page: a profile per Euregio with members, facts, its projects and a map."""

import pandas as pd
import streamlit as st

from gros import i18n, numbers, profile, themes
from gros import stats as project_stats
from gros.labels import euregio_name, euregio_names
from gros.numbers import money, number
from gros.regions import EUREGIO_IDS
from gros.tables import project_table, readable
from gros.text import markdown_escape
from pages._ui import cached, live, render, state, statistics, url

lang = url.current_language()
live.watch_store()
layers = cached.region_layers(lang)
if layers is None:
    st.stop()

requested = st.query_params.get("euregio", "").split(",")[0]
if state.EUREGIO_PROFILE not in st.session_state or requested in EUREGIO_IDS:
    st.session_state[state.EUREGIO_PROFILE] = (requested if requested in EUREGIO_IDS
                                                else EUREGIO_IDS[0])
chosen = st.selectbox(i18n.t("euregio.choose", lang), EUREGIO_IDS, key=state.EUREGIO_PROFILE,
                      format_func=lambda e: euregio_name(layers, e, lang),
                      placeholder=i18n.t("placeholder.one", lang))
st.query_params["euregio"] = chosen

row = layers.euregios.set_index("id").loc[chosen]
st.title(markdown_escape(euregio_name(layers, chosen, lang)))
names = " · ".join(dict.fromkeys(row[f"name_{code}"] for code in i18n.LANGUAGES
                                 if row[f"name_{code}"]))
st.caption(markdown_escape(names))

unknown = i18n.t("euregio.unknown", lang)
catalogue = cached.catalogue(layers)
own = catalogue[catalogue["euregios"].map(lambda found: chosen in found)]
budget = project_stats.known_total(own["budget_eur"])


def km2(value) -> str:
    return unknown if numbers.is_unknown(value) else f"{number(value, lang)} km²"


metrics = st.columns(5)
metrics[0].metric(i18n.t("column.founded", lang),
                  str(int(row["founded"])) if pd.notna(row["founded"]) else unknown)
metrics[1].metric(i18n.t("euregio.status", lang), profile.status_text(row, lang) or unknown)
metrics[2].metric(i18n.t("euregio.area", lang), km2(row["area_km2"]))
metrics[3].metric(i18n.t("euregio.stated_area", lang), km2(row["stated_area_km2"]))
metrics[4].metric(i18n.t("euregio.budget", lang), money(budget.total, lang),
                  help=project_stats.describe_total(budget, lang))
if row["outline"] == "lau":
    population = st.columns(3)
    population[0].metric(i18n.t("euregio.population", lang), number(row["population"], lang))
    population[1].metric(i18n.t("column.municipality_count", lang),
                         number(len(row["municipalities"]), lang))
    population[2].metric(i18n.t("euregio.nuts3_area", lang), km2(row["nuts3_area_km2"]))
# The seat is a line of text, not a metric: a metric cuts a long name ("Bad Nieuwe…").
st.markdown(f"**{i18n.t('column.seat', lang)}:** {markdown_escape(row['seat'] or unknown)}  \n"
            f"**{i18n.t('column.countries', lang)}:** "
            + ", ".join(i18n.t(f"country.{c}", lang) for c in row["countries"]) + "  \n"
            f"**{i18n.t('euregio.budget', lang)}:** "
            f"{markdown_escape(project_stats.describe_total(budget, lang))}")
if row["successor"]:
    st.markdown(f"**{i18n.t('euregio.successor', lang)}:** {markdown_escape(row['successor'])}")
if row["website"]:
    st.link_button(row["website"], row["website"])
if profile.not_current_text(row, lang):
    st.warning(markdown_escape(profile.not_current_text(row, lang)))
if row["outline"] == "lau":
    st.info(i18n.t("outline.lau", lang, count=number(len(row["municipalities"]), lang),
                   year=layers.lau["year"] if layers.lau else ""))
else:
    st.info(i18n.t("approximation", lang))
if profile.area_note(layers, chosen, lang):
    st.caption(markdown_escape(profile.area_note(layers, chosen, lang)))

left, right = st.columns([1, 1])
with left:
    st.subheader(i18n.t("euregio.projects", lang))
    counts = project_stats.projects_per_theme(own)
    counts.index = [themes.BY_ID[t].label(lang) for t in counts.index]
    st.bar_chart(counts, horizontal=True)
with right:
    render.small_map(layers, own, lang, key=state.small_map("euregio", chosen),
                      euregio_id=chosen)

if layers.municipal is not None:
    st.subheader(i18n.t("euregio.member_list", lang))
    found = profile.completeness(layers, chosen)
    if found is not None:
        st.warning(markdown_escape(i18n.t("euregio.completeness", lang, found=found[0],
                                          stated=found[1], source=found[2])))
    if row["population_missing"]:
        st.caption(i18n.t("euregio.population_missing", lang,
                          missing=number(row["population_missing"], lang),
                          count=number(len(row["municipalities"]), lang)))
    # st.dataframe shows cells as text, never as HTML.
    st.dataframe(profile.member_table(layers, chosen, lang), hide_index=True, width="stretch")
else:  # the NUTS-3 table the outlines come from without the municipalities
    st.subheader(i18n.t("euregio.members", lang,
                        year=int(layers.memberships["nuts_year"].iloc[0])))
    members = layers.memberships[layers.memberships["euregio_id"] == chosen]
    st.dataframe(pd.DataFrame({
        i18n.t("column.region", lang): members["nuts_id"] + " " + members["nuts_name"],
        i18n.t("column.partial", lang): members["partial"],
        i18n.t("column.members", lang): members["listed_members"],
        i18n.t("column.source", lang): members["source"],
    }), hide_index=True, width="stretch")

stats = cached.statistics(lang)
if stats is not None:
    statistics.euregio_statistics(stats, layers, chosen, lang)

st.subheader(i18n.t("projects.title", lang))
st.dataframe(readable(project_table(own, euregio_names(layers, lang), lang), lang),
             hide_index=True, width="stretch")
st.caption(f"{i18n.t('column.source', lang)}: {row['source']}")
render.footer(lang)
