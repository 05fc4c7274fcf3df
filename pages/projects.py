"""Projects page: the filtered table, a project's details, exports of the filtered set."""

import streamlit as st

from gros import exports, i18n
from gros.labels import euregio_names
from gros.tables import project_table, readable
from pages._ui import cached, render, sidebar, state, url

EXPORT_FORMATS = ("csv", "xlsx", "geojson")

lang = url.current_language()
st.title(i18n.t("projects.title", lang))
layers = cached.region_layers(lang)
everything, shown, wanted = sidebar.filtered_projects(layers, lang)
url.write_url(wanted, lang)

st.caption(i18n.t("filter.count", lang, shown=len(shown), total=len(everything)))
event = st.dataframe(
    readable(project_table(shown, euregio_names(layers, lang), lang), lang), hide_index=True,
    width="stretch", on_select="rerun", selection_mode="single-row", key=state.PROJECT_TABLE,
)
rows = event.selection.rows if event and event.selection else []

st.subheader(i18n.t("projects.export", lang))
for column, fmt in zip(st.columns(len(EXPORT_FORMATS)), EXPORT_FORMATS, strict=True):
    column.download_button(
        fmt.upper(), data=exports.export(shown, fmt), file_name=f"gros-projects.{fmt}",
        mime=exports.MEDIA_TYPES[fmt], width="stretch", key=state.export_button(fmt))

if rows:
    st.divider()
    render.project_details(shown.iloc[rows[0]], layers, lang)
else:
    st.caption(i18n.t("projects.select", lang))
render.footer(lang)
