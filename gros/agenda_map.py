"""The GROS agenda on the map: help points, cooperation bodies and border obstacles.

Three layers, off unless a view turns them on (``basemaps.AGENDA_LAYERS``). Help points
and bodies are points where their row has coordinates (a row without them is listed on
the Agenda page, not drawn). An obstacle is a marker on the border it affects, in its
status colour: on the stretch between the regions it names (whose outlines are drawn
too) or, where it names none, spread along the whole border. Every text from the
tables is HTML-escaped before it reaches a tooltip or popup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import folium
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from gros import i18n
from gros.agenda import HELP_KINDS, Agenda
from gros.agenda_tables import filter_obstacles, obstacle_status_label
from gros.labels import euregio_names, theme_labels
from gros.layers import RegionLayers

# Colour-blind-safe (IBM design library palette), distinct from the Euregio colours.
STATUS_COLOURS = {"open": "#DC267F", "partly_solved": "#FFB000", "solved": "#648FFF",
                  "unknown": "#7F7F7F"}
HELP_COLOUR, BODY_COLOUR = "#004D40", "#5D3A9B"
# How far (degrees) a country's outline may lie from its neighbour's and still count as
# their common border: the generalised outlines of one GISCO file meet exactly, but
# rounding for display may move them a little.
BORDER_TOLERANCE = 0.01
REGION_MARGIN = 0.05


def border_line(layers: RegionLayers, border: str) -> BaseGeometry:
    """The border ``"NL-BE"`` or ``"NL-DE"`` as lines: where the two countries meet."""
    first, second = border.split("-")
    shapes = layers.countries.set_index("country").geometry
    if first not in shapes.index or second not in shapes.index:
        return shapely.LineString()
    return shapes[first].boundary.intersection(shapes[second].buffer(BORDER_TOLERANCE))


def _longest(line: BaseGeometry) -> BaseGeometry:
    merged = shapely.line_merge(line) if not line.is_empty else line
    parts = [part for part in getattr(merged, "geoms", [merged])
             if isinstance(part, shapely.LineString) and not part.is_empty]
    return max(parts, key=lambda part: part.length) if parts else shapely.LineString()


def _regions(layers: RegionLayers, nuts_ids: Iterable[str]) -> BaseGeometry:
    chosen = layers.border_provinces[layers.border_provinces["nuts_id"].isin(list(nuts_ids))]
    return shapely.union_all(chosen.geometry.to_numpy())


def obstacle_positions(layers: RegionLayers, obstacles: pd.DataFrame
                       ) -> list[tuple[str, str, float, float]]:
    """(obstacle id, border, lat, lon) of each obstacle's marker on each of its borders.

    The markers of one stretch are spread evenly along it, so that none hides another.
    """
    stretches: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for _, row in obstacles.iterrows():
        for border in row["borders"]:
            stretches.setdefault((border, tuple(row["regions"])), []).append(row["id"])
    positions = []
    for (border, regions), ids in stretches.items():
        line = border_line(layers, border)
        if regions:
            area = _regions(layers, regions).buffer(REGION_MARGIN)
            near = line.intersection(area)
            line = near if not near.is_empty else line
        line = _longest(line)
        if line.is_empty:
            continue
        for number, obstacle_id in enumerate(ids, start=1):
            point = line.interpolate(number / (len(ids) + 1), normalized=True)
            positions.append((obstacle_id, border, point.y, point.x))
    return positions


def _link(url: str, text: str) -> str:
    """A link to a source: the address was checked to be http(s) when the table was read."""
    if not url.startswith(("http://", "https://")):
        return html.escape(text)
    return (f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener">'
            f"{html.escape(text)}</a>")


def _popup(lines: list[str]) -> folium.Popup:
    return folium.Popup("<br>".join(lines), max_width=320)


def _obstacle_popup(row: pd.Series, language: str) -> folium.Popup:
    status = obstacle_status_label(row["status"], language)
    if row["status_date"]:
        status += f" ({row['status_date']})"
    lines = [f"<strong>{html.escape(row['title'])}</strong>",
             html.escape(theme_labels(row["themes"], language, icons=False)),
             f"{html.escape(i18n.t('agenda.column.status', language))}: {html.escape(status)}"]
    if row["solution"]:
        lines.append(f"{html.escape(i18n.t('agenda.column.solution', language))}: "
                     f"{html.escape(row['solution'])}")
    lines.append(_link(row["source_url"], row["source_title"]))
    return _popup(lines)


def add_obstacles(m: folium.Map, layers: RegionLayers, agenda: Agenda, language: str,
                  themes: tuple[str, ...] = ()) -> folium.FeatureGroup:
    """The obstacles with one of ``themes`` (all for none) on their borders."""
    group = folium.FeatureGroup(name="obstacles")
    shown = filter_obstacles(agenda.obstacles, themes)
    by_id = shown.set_index("id")
    outlined: set[tuple[str, ...]] = set()
    for _, row in shown.iterrows():
        regions = tuple(row["regions"])
        if regions and regions not in outlined:
            outlined.add(regions)
            folium.GeoJson(
                shapely.to_geojson(_regions(layers, regions)), interactive=False,
                style_function=lambda _, colour=STATUS_COLOURS[row["status"]]: {
                    "color": colour, "weight": 2, "dashArray": "2 4", "fill": False,
                    "className": "gros-obstacle-area"},
            ).add_to(group)
    for obstacle_id, _border, lat, lon in obstacle_positions(layers, shown):
        row = by_id.loc[obstacle_id]
        folium.CircleMarker(
            (lat, lon), radius=8, color="#222222", weight=1.5, fill=True,
            fill_color=STATUS_COLOURS[row["status"]], fill_opacity=0.95,
            className=f"gros-obstacle gros-obstacle-{row['status']}",
            tooltip=html.escape(row["title"]), popup=_obstacle_popup(row, language),
        ).add_to(group)
    return group.add_to(m)


def _body_name(row: pd.Series, names: dict[str, str]) -> str:
    return row["name"] or names.get(row["euregio_id"], row["euregio_id"])


def add_bodies(m: folium.Map, layers: RegionLayers, agenda: Agenda, language: str,
               help_points: bool) -> folium.FeatureGroup:
    """The help points (``help_points``) or the other cooperation bodies, as points."""
    names = euregio_names(layers, language)
    chosen = agenda.bodies["kind"].isin(HELP_KINDS)
    rows = agenda.bodies[chosen if help_points else ~chosen].dropna(subset=["lat", "lon"])
    name, colour, css = (("helppoints", HELP_COLOUR, "gros-helppoint") if help_points
                         else ("bodies", BODY_COLOUR, "gros-body"))
    group = folium.FeatureGroup(name=name)
    for _, row in rows.iterrows():
        title = _body_name(row, names)
        lines = [f"<strong>{html.escape(title)}</strong>",
                 html.escape(i18n.t(f"agenda.kind.{row['kind']}", language))]
        if row["town"]:
            lines.append(html.escape(row["town"]))
        if row["founded"] and not pd.isna(row["founded"]):
            lines.append(f"{html.escape(i18n.t('agenda.column.founded', language))}: "
                         f"{int(row['founded'])}")
        precision = row["precision"] or "none"
        lines.append(html.escape(i18n.t(f"agenda.precision.{precision}", language)))
        if row["website"]:
            lines.append(_link(row["website"], row["website"]))
        lines.append(_link(row["source_url"], row["source_title"]))
        folium.CircleMarker(
            (row["lat"], row["lon"]), radius=6 if help_points else 7, color="#ffffff",
            weight=1.5, fill=True, fill_color=colour, fill_opacity=0.95,
            className=f"{css} {css}-{row['kind']}", tooltip=html.escape(title),
            popup=_popup(lines),
        ).add_to(group)
    return group.add_to(m)


def legend_entries(visible: Iterable[str], language: str) -> list[tuple[str, str]]:
    """(colour, label) of what the visible agenda layers draw."""
    entries = []
    if "obstacles" in visible:
        entries += [(colour, i18n.t("agenda.obstacle", language) + ": "
                     + obstacle_status_label(status, language))
                    for status, colour in STATUS_COLOURS.items()]
    if "bodies" in visible:
        entries.append((BODY_COLOUR, i18n.t("layer.bodies", language)))
    if "helppoints" in visible:
        entries.append((HELP_COLOUR, i18n.t("layer.helppoints", language)))
    return entries


def add_agenda_layers(m: folium.Map, layers: RegionLayers, agenda: Agenda,
                      visible: Iterable[str], language: str, themes: tuple[str, ...] = ()
                      ) -> list[tuple[str, str]]:
    """Draw the visible agenda layers; return their legend entries."""
    visible = tuple(visible)
    if "obstacles" in visible:
        add_obstacles(m, layers, agenda, language, themes)
    if "bodies" in visible:
        add_bodies(m, layers, agenda, language, help_points=False)
    if "helppoints" in visible:
        add_bodies(m, layers, agenda, language, help_points=True)
    return legend_entries(visible, language)


def action_panel(table: pd.DataFrame, title: str) -> str:
    """An action list as an HTML panel for an exported map, every cell escaped."""
    head = "".join(f"<th>{html.escape(str(name))}</th>" for name in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape('' if pd.isna(value) else str(value))}</td>"
                         for value in row) + "</tr>"
        for row in table.itertuples(index=False))
    return (f"<details class='gros-agenda-panel' open><summary>{html.escape(title)}</summary>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></details>")
