"""About page: sources, licences, attributions and how Euregio outlines are approximated."""

import pandas as pd
import streamlit as st

from gros import gisco, i18n, numbers, profile
from gros.tables import readable
from pages._ui import cached, render, url

lang = url.current_language()
st.title(i18n.t("about.title", lang))
st.subheader(i18n.t("about.sources", lang))
st.markdown(f"**{gisco.ATTRIBUTION}**")

layers = cached.region_layers(lang)
if layers is not None:
    st.write(i18n.t("about.boundaries", lang, year=layers.nuts_year, scale=layers.nuts_scale,
                    fetched=numbers.date(layers.nuts_fetched, lang), url=layers.nuts_source))
    cached.fetch_municipalities(lang)  # says so when they are unavailable
    cut = layers.lau  # what the outlines were drawn from: no parse of the cut here
    if cut is not None:
        st.write(i18n.t("about.municipalities", lang, year=cut["year"],
                        fetched=numbers.date(cut["fetched"], lang), url=cut["source"],
                        count=numbers.number(cut["municipalities"], lang)))
    if layers.outline == "lau":
        st.write(i18n.t("about.outline_lau", lang, year=(layers.lau or {}).get("year", "")))
    else:
        st.write(i18n.t("about.euregios", lang,
                        year=int(layers.memberships["nuts_year"].iloc[0])))
        st.info(i18n.t("approximation", lang))
    table = pd.DataFrame({
        i18n.t("column.euregio", lang): [
            row[f"name_{lang}"] or row["name"] for _, row in layers.euregios.iterrows()
        ],
        i18n.t("column.seat", lang): layers.euregios["seat"],
        # Years as text: a number column would write 1.976; unknown as the word.
        i18n.t("column.founded", lang): [
            str(int(year)) if not numbers.is_unknown(year) else i18n.t("euregio.unknown", lang)
            for year in layers.euregios["founded"]],
        i18n.t("column.area", lang): layers.euregios["area_km2"],
        i18n.t("euregio.status", lang): [profile.status_text(row, lang)
                                         for _, row in layers.euregios.iterrows()],
        i18n.t("column.countries", lang): [", ".join(c) for c in layers.euregios["countries"]],
        i18n.t("column.nuts3", lang): [", ".join(c) for c in layers.euregios["nuts3"]],
        i18n.t("about.partial", lang): [", ".join(c) for c in layers.euregios["partial_nuts3"]],
        i18n.t("column.website", lang): layers.euregios["website"],
        i18n.t("column.source", lang): layers.euregios["source"],
    })
    # st.dataframe shows cells as text, never as HTML.
    st.dataframe(readable(table, lang), hide_index=True, width="stretch")

catalogue = cached.catalogue(layers)
verified = sorted(d for d in catalogue["last_verified"] if d)
st.write(i18n.t("about.projects", lang, count=numbers.number(len(catalogue), lang),
                first=numbers.date(verified[0] if verified else None, lang),
                last=numbers.date(verified[-1] if verified else None, lang)))
st.write(i18n.t("about.precision", lang))
st.markdown("\n".join(f"- {i18n.t(key, lang)}" for key in (
    "about.keep", "about.statistics", "about.tiles", "about.leaflet")))
render.footer(lang)
