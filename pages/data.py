"""Data page: import a file with a validation report, edit one project, the audit trail."""

import pandas as pd
import streamlit as st

from gros import i18n, importers, themes
from gros.coords import CRS_LABELS, SUPPORTED_CRS
from gros.database import WriterBusy
from gros.labels import euregio_names
from gros.layers import nuts3_names, nuts3_points
from gros.loaders import preview_frame
from gros.project_form import form_values, project_from_form
from gros.projects import PRECISIONS, PROJECT_COUNTRIES, STATUSES, ProjectInvalid
from gros.store import VersionConflict
from gros.tables import project_table, readable
from gros.text import markdown_escape
from pages._ui import cached, editor, render, report, state, url

lang = url.current_language()
st.title(i18n.t("data.title", lang))
layers = cached.region_layers(lang)
store = cached.store()
actor = editor.editor(lang)
max_mb = cached.settings().max_upload_mb

import_tab, edit_tab, audit_tab = st.tabs([
    i18n.t("data.tab.import", lang), i18n.t("data.tab.edit", lang),
    i18n.t("data.tab.audit", lang)])

with import_tab:
    # Anyone may check a file; only an editor imports it.
    if actor is None:
        st.caption(i18n.t("data.check", lang))
    upload = st.file_uploader(i18n.t("data.upload", lang, mb=f"{max_mb:g}"),
                              type=["csv", "xlsx", "geojson", "json"], key=state.UPLOAD)
    left, right = st.columns(2)
    fmt = left.selectbox(i18n.t("data.format", lang), ("", *importers.FORMATS),
                         format_func=lambda f: f or i18n.t("data.auto", lang),
                         placeholder=i18n.t("placeholder.one", lang))
    crs = right.selectbox(i18n.t("data.crs", lang), ("", *SUPPORTED_CRS),
                          format_func=lambda c: f"{c} {CRS_LABELS[c]}" if c
                          else i18n.t("data.auto", lang),
                          placeholder=i18n.t("placeholder.one", lang))
    include_outside = st.checkbox(i18n.t("report.outside.include", lang),
                                  key=state.INCLUDE_OUTSIDE)
    if upload is not None:
        try:
            result = importers.read_projects(
                upload.getvalue(), upload.name, fmt or None,
                max_bytes=int(max_mb * 1024 * 1024), crs=crs or None,
                max_rows=cached.settings().max_import_rows,
                nuts3_points=nuts3_points(layers) if layers is not None else None,
                nuts_names=nuts3_names(layers) if layers is not None else None,
                include_outside=include_outside, progress=report.reading_progress(lang))
        except importers.ImportFileError as exc:
            st.error(i18n.t("data.file_error", lang, error=markdown_escape(exc)))
            result = None
        if result is not None:
            report.import_report(result, lang)
            if result.accepted:
                preview = preview_frame(result.accepted, layers)
                st.dataframe(readable(project_table(preview, euregio_names(layers, lang),
                                                    lang), lang),
                             hide_index=True, width="stretch")
            report.row_lists(result, lang)
        if result is not None and actor is not None:
            partial = bool(result.rejected) and st.checkbox(i18n.t("data.partial", lang))
            if st.button(i18n.t("data.confirm", lang), type="primary",
                         disabled=not result.accepted):
                if result.rejected and not partial:
                    st.error(i18n.t("data.blocked", lang,
                                    count=len(result.rejected_rows())))
                else:
                    try:
                        summary = store.upsert_many(result.accepted, source=upload.name,
                                                    actor=actor)
                        st.success(i18n.t("data.imported", lang, created=summary.created,
                                          updated=summary.updated,
                                          unchanged=summary.unchanged))
                    except WriterBusy as exc:
                        st.error(i18n.t("data.busy", lang, error=markdown_escape(exc)))

with edit_tab:
    if actor is not None:
        stored = {s.project.id: s for s in store.all()}
        choice = st.selectbox(i18n.t("data.choose", lang), ["", *stored],
                              format_func=lambda pid: stored[pid].project.title if pid
                              else i18n.t("data.new", lang), key=state.EDIT_CHOICE,
                              placeholder=i18n.t("placeholder.one", lang))
        current = stored.get(choice)
        project = current.project if current else None
        shown = form_values(project)
        if current is not None:
            render.last_change(store.audit(current.project.id, limit=1), lang)
        with st.form(state.project_form(choice)):
            values = {
                "id": st.text_input(i18n.t("field.id", lang), shown["id"],
                                    disabled=project is not None),
                "title": st.text_input(i18n.t("field.title", lang), shown["title"]),
                "description": st.text_area(i18n.t("field.description", lang),
                                            shown["description"]),
                "themes": st.multiselect(i18n.t("column.themes", lang), themes.THEME_IDS,
                                         default=shown["themes"],
                                         format_func=lambda t: themes.BY_ID[t].label(lang),
                                         placeholder=i18n.t("placeholder.many", lang)),
                "status": st.selectbox(
                    i18n.t("column.status", lang), ("", *STATUSES),
                    index=("", *STATUSES).index(shown["status"]),
                    format_func=lambda s: i18n.t(f"status.{s}", lang) if s else "—",
                    placeholder=i18n.t("placeholder.one", lang)),
                "start": st.text_input(i18n.t("field.start", lang), shown["start"]),
                "end": st.text_input(i18n.t("field.end", lang), shown["end"]),
                "programme": st.text_input(i18n.t("column.programme", lang),
                                           shown["programme"]),
                "budget_eur": st.text_input(i18n.t("column.budget", lang),
                                            shown["budget_eur"]),
                "eu_contribution_eur": st.text_input(i18n.t("column.eu", lang),
                                                     shown["eu_contribution_eur"]),
                "lead_name": st.text_input(i18n.t("field.lead", lang), shown["lead_name"]),
                "lead_country": st.text_input(i18n.t("field.lead_country", lang),
                                              shown["lead_country"], max_chars=2),
                "partners": st.text_input(i18n.t("field.partners", lang), shown["partners"]),
                "countries": st.multiselect(i18n.t("column.countries", lang),
                                            PROJECT_COUNTRIES, default=shown["countries"],
                                            placeholder=i18n.t("placeholder.many", lang)),
                "precision": st.selectbox(
                    i18n.t("detail.precision", lang), PRECISIONS,
                    index=PRECISIONS.index(shown["precision"]) if shown["precision"] else 0,
                    format_func=lambda p: i18n.t(f"precision.{p}", lang),
                    placeholder=i18n.t("placeholder.one", lang)),
                "sources": st.text_area(i18n.t("field.sources", lang), shown["sources"]),
                "lat": st.text_input(i18n.t("field.lat", lang), shown["lat"]),
                "lon": st.text_input(i18n.t("field.lon", lang), shown["lon"]),
                "wkt": st.text_area(i18n.t("field.wkt", lang), shown["wkt"]),
            }
            saved = st.form_submit_button(i18n.t("data.save", lang), type="primary")
        if saved:
            try:
                edited = project_from_form(values, project)
                version = store.save(edited, current.version if current else None,
                                     source="form", actor=actor)
                st.success(i18n.t("data.saved", lang, version=version))
            except ProjectInvalid as exc:
                st.error(i18n.t("data.invalid", lang) + "\n\n" + "\n".join(
                    f"- **{p.column}**: {markdown_escape(p.reason)}" for p in exc.problems))
            except ValueError as exc:
                st.error(f"{i18n.t('data.invalid', lang)} {markdown_escape(exc)}")
            except VersionConflict as exc:
                st.error(i18n.t("data.conflict", lang, error=str(exc)))
            except WriterBusy as exc:
                st.error(i18n.t("data.busy", lang, error=markdown_escape(exc)))
        if current is not None and st.button(i18n.t("data.delete", lang),
                                             key=state.DELETE_PROJECT):
            try:
                store.delete(current.project.id, current.version, source="form", actor=actor)
                st.success(i18n.t("data.deleted", lang))
            except VersionConflict as exc:
                st.error(i18n.t("data.conflict", lang, error=str(exc)))
            except WriterBusy as exc:
                st.error(i18n.t("data.busy", lang, error=markdown_escape(exc)))

with audit_tab:
    entries = store.audit(limit=500)
    st.dataframe(pd.DataFrame({
        i18n.t("audit.at", lang): [e.at for e in entries],
        i18n.t("audit.action", lang): [e.action for e in entries],
        i18n.t("data.choose", lang): [e.project_id for e in entries],
        i18n.t("audit.version", lang): [e.version for e in entries],
        i18n.t("column.source", lang): [e.source for e in entries],
        i18n.t("audit.actor", lang): [e.actor or "" for e in entries],
    }), hide_index=True, width="stretch")
render.footer(lang)
