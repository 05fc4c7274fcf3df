"""Projects page: the filtered table, a project's details, exports of the filtered set."""

import streamlit as st

from gros import exports, i18n
from pages import _ui

_ui.run_inside_frame()

lang = _ui.current_language()
st.title(i18n.t("projects.title", lang))
layers = _ui.region_layers(lang)
everything, shown, wanted = _ui.filtered_projects(layers, lang)
_ui.write_url(wanted, lang)

st.caption(i18n.t("filter.count", lang, shown=len(shown), total=len(everything)))
table = _ui.project_table(shown, layers, lang)
event = st.dataframe(
    table, hide_index=True, width="stretch", on_select="rerun",
    selection_mode="single-row", key="project_table",
    column_config={
        i18n.t("column.budget", lang): st.column_config.NumberColumn(format="€ %.0f"),
        i18n.t("column.eu", lang): st.column_config.NumberColumn(format="€ %.0f"),
    },
)
rows = event.selection.rows if event and event.selection else []

st.subheader(i18n.t("projects.export", lang))
columns = st.columns(3)
for column, fmt in zip(columns, ("csv", "xlsx", "geojson"), strict=True):
    column.download_button(
        fmt.upper(), data=exports.export(shown, fmt), file_name=f"gros-projects.{fmt}",
        mime=exports.MEDIA_TYPES[fmt], width="stretch", key=f"export_{fmt}")

if rows:
    st.divider()
    _ui.project_details(shown.iloc[rows[0]], layers, lang)
else:
    st.caption(i18n.t("projects.select", lang))
_ui.footer(lang)
