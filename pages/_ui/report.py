"""An import's report on the Data page: the summary and counts, the notes grouped by kind
(one expander each, so the report fits on one screen), the rejected and outside rows with
their downloads. Texts from the file are escaped before Streamlit renders them.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from gros import i18n
from gros.import_report import group_heading, note_groups, summary
from gros.importers import ImportResult
from gros.numbers import number
from gros.tables import outside_table, rejections_table
from gros.text import markdown_escape


def reading_progress(lang: str) -> Callable[[int, int], None]:
    """A progress bar that an import tells (rows done, rows in all) as it reads a file."""
    bar = st.empty()

    def update(done: int, total: int) -> None:
        text = i18n.t("report.reading", lang, done=number(done, lang), total=number(total, lang))
        if done >= total:
            bar.empty()
        else:
            bar.progress(done / total, text=text)

    return update


def import_report(result: ImportResult, lang: str) -> None:
    """The summary, the counts and the grouped notes of ``result``."""
    st.markdown(f"**{markdown_escape(summary(result, lang))}**")
    counts = st.columns(4)
    for column, key, count in ((counts[0], "data.rows", result.rows),
                               (counts[1], "data.accepted", len(result.accepted)),
                               (counts[2], "report.outside", len(result.outside_area)),
                               (counts[3], "data.rejected", len(result.rejected_rows()))):
        column.metric(i18n.t(key, lang), number(count, lang))
    groups = note_groups(result)
    if groups:
        st.markdown(f"**{i18n.t('data.warnings', lang)}**")
    for group in groups:
        with st.expander(group_heading(group, lang)):
            st.markdown("\n".join(f"- {markdown_escape(line)}" for line in group.lines))


def row_lists(result: ImportResult, lang: str) -> None:
    """The rejected rows and the rows outside the area, each with its CSV download."""
    if result.rejected:
        st.markdown(f"**{i18n.t('report.rejected', lang)}**")
        st.dataframe(rejections_table(result.rejected, lang), hide_index=True, width="stretch")
        st.download_button(i18n.t("data.rejected.download", lang), result.rejected_csv(),
                           file_name="rejected-rows.csv", mime="text/csv")
    if result.outside_area:
        st.markdown(f"**{i18n.t('report.outside', lang)}**")
        st.dataframe(outside_table(result.outside_area, lang), hide_index=True,
                     width="stretch")
        st.download_button(i18n.t("report.outside.download", lang), result.outside_csv(),
                           file_name="outside-the-area.csv", mime="text/csv")
