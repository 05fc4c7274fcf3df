"""How a project, a theme or a Euregio is named for a reader of a given language.

Plain text, not escaped: whoever puts a label into HTML or Markdown escapes it there.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from gros import themes
from gros.layers import RegionLayers

THEME_SEPARATOR = " · "


def title_column(frame: pd.DataFrame, language: str) -> pd.Series:
    """Each project's title in ``language``, its own title where it has none there."""
    local = frame[f"title_{language}"]
    return local.where(local.notna() & (local != ""), frame["title"])


def project_title(row: Mapping | pd.Series, language: str) -> str:
    """One project's title in ``language``, its own title where it has none there."""
    return row[f"title_{language}"] or row["title"]


def theme_label(theme_id: str, language: str) -> str:
    """A theme with its icon, as the chips and headings show it: the icon is Streamlit
    Markdown (``:material/train:``), so only labels Streamlit reads as Markdown carry it;
    plain lists (a multiselect's options, tables) use ``Theme.label``."""
    theme = themes.BY_ID[theme_id]
    return f"{theme.icon} {theme.label(language)}"


def theme_labels(theme_ids: Iterable[str], language: str, icons: bool = True,
                 separator: str = THEME_SEPARATOR) -> str:
    """Several themes in one line, with or without their icons."""
    return separator.join(
        theme_label(t, language) if icons else themes.BY_ID[t].label(language)
        for t in theme_ids)


def euregio_names(layers: RegionLayers | None, language: str) -> dict[str, str]:
    """Euregio id → its name in ``language`` (the usual name where there is none)."""
    if layers is None:
        return {}
    frame = layers.euregios
    return {euregio_id: local or name for euregio_id, local, name
            in zip(frame["id"], frame[f"name_{language}"], frame["name"], strict=True)}


def euregio_name(layers: RegionLayers | None, euregio_id: str, language: str) -> str:
    """One Euregio's name in ``language``; its id where it is not known."""
    return euregio_names(layers, language).get(euregio_id, euregio_id)
