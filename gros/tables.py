"""Projects as tables for people to read: text and numbers, one column per fact."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
from pandas.io.formats.style import Styler

from gros import i18n
from gros.importers import OutsideArea, Rejection
from gros.labels import theme_labels, title_column
from gros.numbers import is_unknown, money, number


def period(start: str | None, end: str | None) -> str:
    """``"2016 – 2021"``, one side only where the other is unknown, else empty."""
    return " – ".join(part for part in (start, end) if part)


def project_table(frame: pd.DataFrame, euregio_names: Mapping[str, str], language: str
                  ) -> pd.DataFrame:
    """The projects of a catalogue frame with column names in ``language``.

    Cells are plain text and numbers: ``st.dataframe`` never renders them as HTML,
    and unknown budgets stay empty, never 0.
    """
    def column(key: str) -> str:
        return i18n.t(f"column.{key}", language)

    return pd.DataFrame({
        column("title"): title_column(frame, language),
        column("themes"): frame["themes"].map(
            lambda ids: theme_labels(ids, language, icons=False, separator=", ")),
        column("status"): frame["status"].map(
            lambda s: i18n.t(f"status.{s}", language) if s else ""),
        column("period"): [period(start, end)
                           for start, end in zip(frame["start"], frame["end"], strict=True)],
        column("programme"): frame["programme"],
        column("budget"): frame["budget_eur"],
        column("eu"): frame["eu_contribution_eur"],
        column("lead"): frame["lead_partner"],
        column("countries"): frame["countries"].map(", ".join),
        column("euregios"): frame["euregios"].map(
            lambda ids: ", ".join(euregio_names.get(e, e) for e in ids)),
    }).reset_index(drop=True)


UNKNOWN = "—"


def readable(table: pd.DataFrame, language: str, money_columns: Sequence[str] = ()
             ) -> Styler:
    """``table`` for ``st.dataframe`` with its numbers written in ``language``.

    ``money_columns`` are written as euros, the other numeric columns as numbers; the
    budget and EU columns of :func:`project_table` are amounts without being named. A
    column without unknown values keeps its numbers (it still sorts by amount) and only
    its display is formatted; a column with unknown values becomes text, because
    ``st.dataframe`` writes a missing number as "None" whatever display it is given:
    unknown is a dash, never "None" or 0.
    """
    amounts = set(money_columns) | {i18n.t("column.budget", language),
                                    i18n.t("column.eu", language)}
    table = table.copy()
    formats = {}
    for column in table.columns:
        values = table[column]
        if pd.api.types.is_bool_dtype(values):
            continue
        if not pd.api.types.is_numeric_dtype(values):
            if values.map(is_unknown).any():  # a text column's None as well
                table[column] = values.map(lambda v: UNKNOWN if is_unknown(v) else v)
            continue
        write = money if column in amounts else number
        if values.isna().any():
            table[column] = [write(value, language) for value in values]
        else:
            formats[column] = lambda value, write=write: write(value, language)
    return table.style.format(na_rep=UNKNOWN).format(formats)


def project_facts(row: Mapping, euregio_names: Mapping[str, str], language: str
                  ) -> list[tuple[str, str]]:
    """A project's facts as (label, text) pairs for its details; unknown is a dash."""
    def label(key: str) -> str:
        return i18n.t(f"detail.{key}", language)

    return [
        (label("status"), i18n.t(f"status.{row['status']}", language) if row["status"]
         else UNKNOWN),
        (label("period"), period(row["start"], row["end"]) or UNKNOWN),
        (label("programme"), row["programme"] or UNKNOWN),
        (label("budget"), money(row["budget_eur"], language)),
        (label("eu"), money(row["eu_contribution_eur"], language)),
        (label("lead"), row["lead_partner"] or UNKNOWN),
        (label("partners"), "; ".join(row["partners"]) or UNKNOWN),
        (label("countries"), ", ".join(row["countries"]) or UNKNOWN),
        (label("euregios"),
         ", ".join(euregio_names.get(e, e) for e in row["euregios"]) or UNKNOWN),
        (label("precision"), i18n.t(f"precision.{row['precision']}", language)),
    ]


def rejections_table(rejected: Sequence[Rejection], language: str) -> pd.DataFrame:
    """An import's rejected values as row, column and reason, headed in ``language``."""
    return pd.DataFrame({
        i18n.t("data.row", language): [r.row for r in rejected],
        i18n.t("data.column", language): [r.column for r in rejected],
        i18n.t("data.reason", language): [r.reason for r in rejected],
    })


def outside_table(outside: Sequence[OutsideArea], language: str) -> pd.DataFrame:
    """An import's rows outside the area as row, title, programme and countries."""
    return pd.DataFrame({
        i18n.t("data.row", language): [o.row for o in outside],
        i18n.t("column.title", language): [o.title for o in outside],
        i18n.t("column.programme", language): [o.programme for o in outside],
        i18n.t("column.countries", language): [", ".join(o.countries) for o in outside],
    })
