"""Agenda page: per GROS partner region the action list with its status, the obstacles it
addresses, the projects of its themes in the border area, and where people get help."""

from dataclasses import replace
from pathlib import Path

import streamlit as st

from gros import agenda_tables as tables
from gros import basemaps, exports, i18n
from gros.agenda import ACTION_STATUSES, agenda
from gros.labels import euregio_name, euregio_names
from gros.tables import project_table, readable
from gros.text import markdown_escape
from gros.view import PARTNER_IDS, ViewState
from pages._ui import cached, live, render, sidebar, state, url

PAGES = Path(__file__).resolve().parent
MAP_PAGE, EUREGIOS_PAGE = PAGES / "map.py", PAGES / "euregios.py"
FORMATS = {"csv": ("text/csv", exports.table_csv),
           "xlsx": (exports.MEDIA_TYPES["xlsx"], lambda table: exports.table_xlsx(table, "agenda"))}

lang = url.current_language()
live.watch_store()
st.title(i18n.t("agenda.title", lang))
st.caption(i18n.t("agenda.intro", lang))
layers = cached.region_layers(lang)
data = agenda()
names = tables.partner_names()

partner = st.segmented_control(
    i18n.t("agenda.partner", lang), PARTNER_IDS, format_func=names.__getitem__,
    **state.persistent(state.AGENDA_PARTNER, PARTNER_IDS[0])) or PARTNER_IDS[0]
chosen_themes = sidebar.theme_chips(lang)
statuses = tuple(st.pills(
    i18n.t("agenda.statuses", lang), ACTION_STATUSES, selection_mode="multi",
    format_func=lambda status: tables.status_label(status, lang),
    **state.persistent(state.AGENDA_STATUSES, [])) or ())
wanted = replace(sidebar.filter_from_state(cached.domain(layers)), themes=chosen_themes)
url.keep_current_filter(wanted)
url.write_url(wanted, lang)

of_themes = tables.filter_actions(data.actions, partner, chosen_themes)
actions = tables.filter_actions(of_themes, statuses=statuses)
counts = tables.status_counts(of_themes)
for column, status in zip(st.columns(len(counts)), counts, strict=True):
    column.metric(tables.status_label(status, lang), counts[status])

st.subheader(i18n.t("agenda.actions", lang))
st.caption(i18n.t("agenda.count", lang, shown=len(actions),
                  total=len(tables.filter_actions(data.actions, partner))))
listed = tables.action_table(data, actions, lang)
if actions.empty:
    st.info(i18n.t("agenda.none", lang))
else:
    # Cells are data, never HTML or Markdown; the source column is a link.
    st.dataframe(listed, hide_index=True, width="stretch", column_config={
        i18n.t("agenda.column.source", lang): st.column_config.LinkColumn()})
for column, (fmt, (media, writer)) in zip(st.columns(len(FORMATS) + 2), FORMATS.items(),
                                          strict=False):
    column.download_button(i18n.t("agenda.download", lang, fmt=fmt.upper()), writer(listed),
                           file_name=f"gros-agenda-{partner}.{fmt}", mime=media,
                           key=state.export_button(fmt, "agenda"))

st.subheader(i18n.t("agenda.obstacles", lang))
addressed = tables.addressed_obstacles(data, actions)
source_link = {i18n.t("agenda.column.source", lang): st.column_config.LinkColumn()}
if addressed.empty:
    st.caption(i18n.t("agenda.obstacles_none", lang))
else:
    st.dataframe(tables.obstacle_table(addressed, lang), hide_index=True, width="stretch",
                 column_config=source_link)
with st.expander(i18n.t("agenda.all_obstacles", lang)):
    st.dataframe(tables.obstacle_table(tables.filter_obstacles(data.obstacles, chosen_themes),
                                       lang), hide_index=True, width="stretch",
                 column_config=source_link)

area = tables.border_area_filter(partner, tables.partner_provinces(), chosen_themes)
st.subheader(i18n.t("agenda.projects", lang, partner=names[partner]))
if layers is not None:
    projects = cached.filtered(layers, area)
    st.caption(i18n.t("agenda.projects_count", lang, count=len(projects),
                      regions=", ".join(names.get(p, p) for p in area.provinces)))
    if st.button(i18n.t("agenda.map_link", lang), icon=":material/map:", key=state.AGENDA_TO_MAP):
        url.keep_view(ViewState(filter=area, language=lang, agenda=partner,
                                layers=(*basemaps.LAYERS, "obstacles")))
        st.switch_page(MAP_PAGE)
    st.dataframe(readable(project_table(projects, euregio_names(layers, lang), lang), lang),
                 hide_index=True, width="stretch")

st.subheader(i18n.t("agenda.bodies", lang))
st.dataframe(tables.body_table(data, euregio_names(layers, lang), lang), hide_index=True,
             width="stretch", column_config={
                 i18n.t("agenda.column.source", lang): st.column_config.LinkColumn(),
                 i18n.t("agenda.column.website", lang): st.column_config.LinkColumn()})
st.caption(i18n.t("agenda.no_point", lang))
if layers is not None:
    for column, euregio_id in zip(st.columns(4) * 2, tables.euregio_ids(data), strict=False):
        # A link to the Euregio's profile page (its name is data: shown as plain text).
        column.page_link(EUREGIOS_PAGE, icon=":material/explore:",
                         query_params={"euregio": euregio_id},
                         label=markdown_escape(euregio_name(layers, euregio_id, lang)))
render.footer(lang)
