"""Meeting page: saved views (save, order, rename, share, hand over) and offline exports."""

from datetime import date
from urllib.parse import urlencode

import streamlit as st

from gros import exports, i18n, map_export, png, saved_views
from gros.filters import apply_filter
from gros.store import SavedView, ViewNameTaken
from gros.text import markdown_escape
from pages._ui import cached, render, state, url

lang = url.current_language()
st.title(i18n.t("meeting.title", lang))
layers = cached.region_layers(lang)
store = cached.store()
view = url.current_view(lang)
catalogue = cached.catalogue(layers)
shown = apply_filter(catalogue, view.filter)

if st.button(i18n.t("meeting.present", lang), type="primary", icon=":material/play_arrow:"):
    st.query_params.from_dict({"mode": "present", "lang": lang})
    st.rerun()

st.subheader(i18n.t("meeting.current", lang))
if layers is not None:
    st.caption(f"{map_export.describe_filter(view, layers)} · "
               f"{map_export.view_figures(shown, lang)}")
with st.form("save_view", clear_on_submit=True):
    name = st.text_input(i18n.t("meeting.name", lang), max_chars=200)
    replace = st.checkbox(i18n.t("meeting.replace", lang))
    if st.form_submit_button(i18n.t("meeting.save", lang)) and name.strip() and layers:
        extent = map_export.view_extent(shown, layers, view)
        try:
            store.save_view(SavedView(name.strip(), saved_views.query_for(view, extent)),
                            replace=replace)
            st.success(i18n.t("meeting.saved", lang, name=name.strip()))
        except ViewNameTaken:
            st.error(i18n.t("meeting.taken", lang, name=name.strip()))

if layers is not None:
    export = map_export.MapExport(map_export.export_title(view, layers), view, date.today())
    columns = st.columns(4)
    columns[0].download_button(
        i18n.t("meeting.html", lang), map_export.standalone_html(layers, catalogue, export),
        file_name="gros-map.html", mime="text/html", width="stretch")
    if columns[1].button(i18n.t("meeting.png", lang), width="stretch"):
        try:
            with st.spinner(i18n.t("meeting.png.drawing", lang)):
                st.session_state[state.MEETING_PNG] = png.png_bytes(
                    map_export.standalone_html(layers, catalogue, export))
        except RuntimeError as exc:  # ChromiumMissing included: it says what to install
            st.error(str(exc))
    if st.session_state.get(state.MEETING_PNG):
        columns[1].download_button(i18n.t("meeting.png.download", lang),
                                   st.session_state[state.MEETING_PNG], file_name="gros-map.png",
                                   mime="image/png", width="stretch")
    for column, fmt in zip(columns[2:], ("csv", "geojson"), strict=True):
        column.download_button(fmt.upper(), exports.export(shown, fmt),
                               file_name=f"gros-projects.{fmt}", mime=exports.MEDIA_TYPES[fmt],
                               width="stretch", key=state.export_button(fmt, "meeting"))

st.subheader(i18n.t("meeting.views", lang))
views = store.views()
if not views:
    st.info(i18n.t("meeting.none", lang))
for number, saved in enumerate(views, start=1):
    def control(action: str, name: str = saved.name) -> str:
        return state.saved_view_control(action, name)

    row = st.columns([5, 1, 1, 1, 3], vertical_alignment="center")
    link = "./map?" + urlencode(saved.query)
    row[0].markdown(f"{number}. [{markdown_escape(saved.name)}]({link})")
    if row[1].button(":material/arrow_upward:", key=control("up"), disabled=number == 1):
        store.move_view(saved.name, -1)
        st.rerun()
    if row[2].button(":material/arrow_downward:", key=control("down"),
                     disabled=number == len(views)):
        store.move_view(saved.name, 1)
        st.rerun()
    if row[3].button(":material/delete:", key=control("delete"),
                     help=i18n.t("meeting.delete", lang)):
        store.delete_view(saved.name)
        st.rerun()
    with row[4].popover(i18n.t("meeting.rename", lang)):
        new_name = st.text_input(i18n.t("meeting.name", lang), saved.name,
                                 key=control("rename"), max_chars=200)
        if st.button(i18n.t("meeting.rename", lang), key=control("do_rename")):
            try:
                store.rename_view(saved.name, new_name.strip())
                st.rerun()
            except ViewNameTaken:
                st.error(i18n.t("meeting.taken", lang, name=new_name.strip()))

st.subheader(i18n.t("meeting.handover", lang))
st.download_button(i18n.t("meeting.views.download", lang), saved_views.views_to_json(views),
                   file_name="gros-views.json", mime="application/json",
                   disabled=not views)
upload = st.file_uploader(i18n.t("meeting.views.upload", lang), type=["json"],
                          key=state.VIEWS_UPLOAD)
if upload is not None:
    try:
        incoming, notes = saved_views.views_from_json(upload.getvalue())
    except saved_views.ViewsFileInvalid as exc:
        st.error(i18n.t("meeting.views.invalid", lang, error=str(exc)))
        incoming, notes = [], []
    existing = {v.name for v in views}
    clashes = [v.name for v in incoming if v.name in existing]
    for note in notes:
        st.warning(markdown_escape(note))
    if incoming:
        st.write(i18n.t("meeting.views.found", lang, count=len(incoming)))
        overwrite = bool(clashes) and st.checkbox(i18n.t(
            "meeting.views.overwrite", lang, names=", ".join(clashes)))
        if st.button(i18n.t("meeting.views.import", lang)):
            added, skipped = saved_views.import_views(store, incoming, overwrite)
            st.success(i18n.t("meeting.views.imported", lang, added=added, skipped=skipped))
render.footer(lang)
