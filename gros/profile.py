"""What the Euregio page says about one Euregio beyond its facts: its cooperation-body
status, its members with their figures, how complete the member list is, and why
its area on the map differs from the stated one.

Texts in the reader's language; numbers through :mod:`gros.numbers`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from gros import i18n, numbers
from gros.layers import RegionLayers
from gros.map_extras import NOT_CURRENT
from gros.memberships import NUTS3_OUTLINE

AREA_TOLERANCE = 0.10  # a difference beyond this share of the stated area is explained


def euregio_row(layers: RegionLayers, euregio_id: str) -> pd.Series:
    return layers.euregios.set_index("id").loc[euregio_id]


def status_text(row: pd.Series, language: str) -> str:
    """``active since 1977``, ``merged since 2007``; empty where the status is unknown."""
    if not row["status"]:
        return ""
    status = i18n.t(f"status.{row['status']}", language)
    if numbers.is_unknown(row["status_since"]):
        return status
    return i18n.t("euregio.status_line", language, status=status,
                  since=int(row["status_since"]))


def not_current_text(row: pd.Series, language: str) -> str:
    """Why the map draws a merged or dissolved body in grey; empty for the others."""
    if row["status"] not in NOT_CURRENT:
        return ""
    return i18n.t("euregio.not_current", language, status=status_text(row, language))


def listed_members(layers: RegionLayers, euregio_id: str) -> pd.DataFrame:
    """The table's rows of one Euregio with their figures; empty in the NUTS-3 fallback."""
    if layers.municipal is None:
        return pd.DataFrame()
    members = layers.municipal.members
    return members[members["euregio_id"] == euregio_id]


def member_table(layers: RegionLayers, euregio_id: str, language: str) -> pd.DataFrame:
    """The members as people read them: name, kind, municipalities, population, area,
    note and source. Unknown figures are a dash, never 0."""
    members = listed_members(layers, euregio_id)

    def column(key: str) -> str:
        return i18n.t(key, language)

    return pd.DataFrame({
        column("column.member"): members["member_name"],
        column("column.kind"): [column(f"member_kind.{kind}") for kind in members["member_kind"]],
        column("column.countries"): members["country"],
        column("column.municipality_count"): [
            numbers.number(count, language) if kind != "other" else numbers.UNKNOWN
            for count, kind in zip(members["municipality_count"], members["member_kind"],
                                   strict=True)],
        column("column.population"): [numbers.number(value, language)
                                      for value in members["population"]],
        column("column.area_km2"): [numbers.number(value, language)
                                    for value in members["area_km2"]],
        column("column.note"): members["note"],
        column("column.source"): members["source_url"],
        column("column.source_date"): members["source_date"],
    })


def completeness(layers: RegionLayers, euregio_id: str) -> tuple[int, int, str] | None:
    """(members in the table, members a source states, that source) where the table
    has fewer than stated; None where it is complete, no count is stated or the Euregio
    is drawn from the NUTS-3 table."""
    row = euregio_row(layers, euregio_id)
    stated = row.get("stated_members")
    if numbers.is_unknown(stated) or layers.municipal is None or row["outline"] != "lau":
        return None
    found = int(row["member_count"])  # as the sources count: a Samtgemeinde is one
    if found >= int(stated):
        return None
    return found, int(stated), str(row["stated_members_source"])


def _km2(value: Any, language: str) -> str:
    return f"{numbers.number(value, language)} km²"


def area_note(layers: RegionLayers, euregio_id: str, language: str) -> str:
    """Where the area on the map differs from the stated one by more than
    :data:`AREA_TOLERANCE`: by how much and why; empty otherwise."""
    row = euregio_row(layers, euregio_id)
    stated, drawn = row["stated_area_km2"], row["area_km2"]
    if numbers.is_unknown(stated) or not stated or numbers.is_unknown(drawn):
        return ""
    share = (drawn - stated) / stated
    if abs(share) <= AREA_TOLERANCE:
        return ""
    difference = i18n.t("euregio.area_differs", language, drawn=_km2(drawn, language),
                        stated=_km2(stated, language),
                        percent=numbers.percent(abs(share), language))
    if row["outline"] == NUTS3_OUTLINE:
        why = "euregio.area_why_nuts3"
    elif completeness(layers, euregio_id) is not None:
        why = "euregio.area_why_partial"
    else:
        why = "euregio.area_why_other"
    return f"{difference} {i18n.t(why, language)}"
