"""What the Agenda page, the exports and the command line make of the agenda tables:
a partner region's action list filtered by theme and status, its status counts, the
obstacles it addresses, the projects of its border area and the link to them on the map.

Plain text, not escaped: whoever puts it into HTML or Markdown escapes it there.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlencode

import pandas as pd

from gros import i18n
from gros.agenda import ACTION_STATUSES, Agenda
from gros.basemaps import LAYERS
from gros.filters import ProjectFilter
from gros.labels import theme_labels
from gros.regions import read_border_provinces
from gros.view import ViewState, view_to_query

MAP_PAGE = "map"


def _overlaps(values: pd.Series, wanted: Iterable[str]) -> pd.Series:
    chosen = set(wanted)
    return values.map(lambda items: bool(chosen.intersection(items)))


def filter_actions(actions: pd.DataFrame, partner: str | None = None,
                   themes: tuple[str, ...] = (), statuses: tuple[str, ...] = ()
                   ) -> pd.DataFrame:
    """The items of ``partner``'s lists (all partners for None) with one of ``themes``
    and one of ``statuses``; an empty tuple means no restriction."""
    keep = pd.Series(True, index=actions.index)
    if partner:
        keep &= actions["partner"] == partner
    if themes:
        keep &= _overlaps(actions["themes"], themes)
    if statuses:
        keep &= actions["status"].isin(statuses)
    return actions[keep]


def filter_obstacles(obstacles: pd.DataFrame, themes: tuple[str, ...] = (),
                     ids: Iterable[str] | None = None) -> pd.DataFrame:
    """The obstacles with one of ``themes`` (all for none), among ``ids`` if given."""
    keep = pd.Series(True, index=obstacles.index)
    if themes:
        keep &= _overlaps(obstacles["themes"], themes)
    if ids is not None:
        keep &= obstacles["id"].isin(set(ids))
    return obstacles[keep]


def status_counts(actions: pd.DataFrame) -> dict[str, int]:
    """How many items have each status, every status listed (0 where none has it)."""
    counts = actions["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in ACTION_STATUSES}


def addressed_obstacles(agenda: Agenda, actions: pd.DataFrame) -> pd.DataFrame:
    """The obstacles the items of ``actions`` name, in the obstacles' order."""
    named = {obstacle_id for ids in actions["obstacles"] for obstacle_id in ids}
    return agenda.obstacles[agenda.obstacles["id"].isin(named)]


def border_area_provinces(partner: str, provinces: pd.DataFrame) -> tuple[str, ...]:
    """The border provinces or Länder that make up ``partner``'s side of the border:
    the partner itself where it is on the border, else its provinces that are."""
    on_border = provinces[provinces["border"]]
    inside = on_border[on_border["nuts_id"].str.startswith(partner)]
    return tuple(inside["nuts_id"])


def border_area_filter(partner: str, provinces: pd.DataFrame,
                       themes: tuple[str, ...] = ()) -> ProjectFilter:
    """The projects of ``themes`` that touch ``partner``'s border area."""
    return ProjectFilter(themes=themes, provinces=border_area_provinces(partner, provinces))


def map_link(wanted: ProjectFilter, language: str, partner: str = "",
             layers: tuple[str, ...] = LAYERS) -> str:
    """The map page's address (relative) showing ``wanted``."""
    view = ViewState(filter=wanted, language=language, layers=layers, agenda=partner)
    return f"{MAP_PAGE}?{urlencode(view_to_query(view))}"


def listing(agenda: Agenda) -> dict[str, list[dict[str, object]]]:
    """The agenda for the command line and for checks: the names the issue gives."""
    def source(row: pd.Series) -> str:
        return str(row["source_url"])

    def number(value: object) -> float | None:
        return None if pd.isna(value) else float(value)  # type: ignore[arg-type]

    return {
        "actions": [{"id": row["id"], "partner": row["partner"], "title": row["title"],
                     "theme": list(row["themes"]), "status": row["status"],
                     "status_date": row["status_date"] or None, "source": source(row)}
                    for _, row in agenda.actions.iterrows()],
        "obstacles": [{"id": row["id"], "title": row["title"], "theme": list(row["themes"]),
                       "borders": list(row["borders"]), "status": row["status"],
                       "source": source(row)} for _, row in agenda.obstacles.iterrows()],
        "bodies": [{"id": row["id"], "name": row["name"] or row["euregio_id"],
                    "kind": row["kind"], "lat": number(row["lat"]), "lon": number(row["lon"]),
                    "source": source(row)} for _, row in agenda.bodies.iterrows()],
    }


def status_label(status: str, language: str) -> str:
    return i18n.t(f"agenda.status.{status}", language)


def obstacle_status_label(status: str, language: str) -> str:
    return i18n.t(f"agenda.obstacle_status.{status}", language)


def action_table(agenda: Agenda, actions: pd.DataFrame, language: str) -> pd.DataFrame:
    """The action list as people read and export it, headed in ``language``.

    Unknown stays empty (a date) or says so (a status); nothing is filled in.
    """
    titles = dict(zip(agenda.obstacles["id"], agenda.obstacles["title"], strict=True))

    def column(key: str) -> str:
        return i18n.t(f"agenda.column.{key}", language)

    return pd.DataFrame({
        column("list"): actions["list"],
        column("item"): actions["item"],
        column("title"): actions["title"],
        column("themes"): [theme_labels(ids, language, icons=False) for ids in actions["themes"]],
        column("status"): [status_label(s, language) for s in actions["status"]],
        column("status_text"): actions["status_text"],
        column("status_date"): actions["status_date"],
        column("responsible"): actions["responsible"],
        column("obstacles"): ["; ".join(titles[i] for i in ids) for ids in actions["obstacles"]],
        column("source"): actions["source_url"],
        column("source_title"): actions["source_title"],
        column("source_date"): actions["source_date"],
    })


def obstacle_table(obstacles: pd.DataFrame, language: str) -> pd.DataFrame:
    """The obstacles as people read them, headed in ``language``."""
    def column(key: str) -> str:
        return i18n.t(f"agenda.column.{key}", language)

    return pd.DataFrame({
        column("title"): obstacles["title"],
        column("description"): obstacles["description"],
        column("themes"): [theme_labels(ids, language, icons=False)
                           for ids in obstacles["themes"]],
        column("borders"): [", ".join(b) for b in obstacles["borders"]],
        column("status"): [obstacle_status_label(s, language) for s in obstacles["status"]],
        column("status_date"): obstacles["status_date"],
        column("solution"): obstacles["solution"],
        column("source"): obstacles["source_url"],
        column("source_title"): obstacles["source_title"],
    })


@lru_cache(maxsize=1)
def partner_provinces() -> pd.DataFrame:
    """``border_provinces.csv``, read once."""
    return read_border_provinces()


def partner_names() -> dict[str, str]:
    """NUTS id → name of every region in ``border_provinces.csv`` (partners included)."""
    provinces = partner_provinces()
    return dict(zip(provinces["nuts_id"], provinces["name"], strict=True))


def euregio_ids(agenda: Agenda) -> list[str]:
    """The Euregios the cooperation table lists, in its order."""
    rows = agenda.bodies[agenda.bodies["kind"] == "euregio"]
    return list(dict.fromkeys(rows["euregio_id"]))


def body_table(agenda: Agenda, euregio_names: dict[str, str], language: str) -> pd.DataFrame:
    """Help points and cooperation bodies as people read them, headed in ``language``;
    a Euregio is named as its profile names it."""
    bodies = agenda.bodies

    def column(key: str) -> str:
        return i18n.t(f"agenda.column.{key}", language)

    return pd.DataFrame({
        column("name"): [name or euregio_names.get(euregio, euregio)
                         for name, euregio in zip(bodies["name"], bodies["euregio_id"],
                                                  strict=True)],
        column("kind"): [i18n.t(f"agenda.kind.{kind}", language) for kind in bodies["kind"]],
        column("town"): bodies["town"],
        column("founded"): bodies["founded"].astype("Int64"),
        column("members"): ["; ".join(members) for members in bodies["members"]],
        column("precision"): [i18n.t(f"agenda.precision.{p or 'none'}", language)
                              for p in bodies["precision"]],
        column("website"): bodies["website"],
        column("source"): bodies["source_url"],
        column("source_title"): bodies["source_title"],
    })
