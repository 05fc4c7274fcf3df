"""The project layer's data: every project of a catalogue serialised once per language,
and which of them to show as a bitmap of a few kilobytes (the map builds them once in the
browser, ``gros/js/projects.js``). Pure: no folium, no Streamlit."""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gros import themes
from gros.labels import title_column

if TYPE_CHECKING:  # the catalogue imports this module
    from gros.catalogue import ShownProjects

COORDINATE_DECIMALS = 5  # about 1 m: finer digits only make the page heavier


@dataclass(frozen=True)
class PreparedProjects:
    """The project layer's data, serialised once per catalogue and language.

    Each project becomes one JSON fragment: a point ``[lat, lon, theme, "title",
    position, ended]`` or a GeoJSON feature with short property names (``e``: ended,
    ``s``: a schematic line). The browser builds
    them all once (``gros/js/projects.js``); a filter then only sends which positions
    to show (:meth:`selection`), and an exported map joins the chosen fragments.
    """

    ids: list[str]
    is_point: list[bool]
    fragments: list[str]
    theme_labels: list[str]
    colours: list[str]
    rows: pd.Index | None = field(default=None, compare=False)
    """The catalogue's row labels, in the order of ``ids``: what :meth:`selection_of`
    looks the rows of a filtered frame up by."""

    def data(self, ids: Iterable[str] | None = None) -> str:
        """The layer's data as JSON: every project, or those of ``ids``."""
        wanted = None if ids is None else set(ids)
        points, shapes = [], []
        for project_id, point, fragment in zip(self.ids, self.is_point, self.fragments,
                                               strict=True):
            if wanted is None or project_id in wanted:
                (points if point else shapes).append(fragment)
        return (f'{{"count":{len(self.ids)},"colours":{json.dumps(self.colours)},'
                f'"labels":{json.dumps(self.theme_labels, ensure_ascii=False)},'
                f'"points":[{",".join(points)}],"shapes":[{",".join(shapes)}]}}')

    def selection(self, ids: Iterable[str]) -> str:
        """The positions of ``ids`` as a base64 bitmap (least significant bit first)."""
        wanted = set(ids)
        chosen = np.fromiter((project_id in wanted for project_id in self.ids), dtype=bool,
                             count=len(self.ids))
        return base64.b64encode(np.packbits(chosen, bitorder="little").tobytes()).decode()

    def selection_of(self, frame: gpd.GeoDataFrame | ShownProjects) -> str:
        """:meth:`selection` of the rows of ``frame``, a part of the catalogue this was
        prepared from that keeps its row labels (a filter's result, or the
        :class:`~gros.catalogue.ShownProjects` of one): looked up by label,
        which at 10,000 projects takes a fraction of a millisecond where the ids take
        several."""
        if self.rows is None:
            return self.selection(frame["id"].tolist())
        positions = self.rows.get_indexer(frame.index)
        if (positions < 0).any():
            raise ValueError(f"{int((positions < 0).sum())} rows of the frame are not rows of "
                             "the catalogue these projects were prepared from")
        chosen = np.zeros(len(self.ids), dtype=bool)
        chosen[positions] = True
        return base64.b64encode(np.packbits(chosen, bitorder="little").tobytes()).decode()

    def selected(self, selection: str) -> list[str]:
        """The ids a bitmap from :meth:`selection` stands for."""
        bits = np.unpackbits(np.frombuffer(base64.b64decode(selection), dtype=np.uint8),
                             bitorder="little")[:len(self.ids)]
        return [project_id for project_id, bit in zip(self.ids, bits, strict=True) if bit]


def _rounded(geometry: Any) -> Any:
    factor = 10**COORDINATE_DECIMALS
    return shapely.transform(geometry, lambda coords: np.round(coords * factor) / factor)


ENDED_STATUSES = frozenset({"completed"})


def _looks(frame: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Which projects have ended (drawn pale, beneath the others) and which lines are not
    drawn where they run (dashed): every precision but ``exact`` on a line."""
    ended = frame["status"].isin(ENDED_STATUSES).to_numpy()
    schematic = ((frame["geometry_type"] == "line") & (frame["precision"] != "exact")).to_numpy()
    return ended, schematic


def prepare_projects(frame: gpd.GeoDataFrame, language: str = "nl") -> PreparedProjects:
    """Serialise every project of ``frame`` for the map; titles are HTML-escaped."""
    theme_index = {theme.id: number for number, theme in enumerate(themes.THEMES)}
    titles = title_column(frame, language)
    main_themes = frame["main_theme"].map(theme_index).to_numpy()
    is_point = (frame["geometry_type"] == "point").to_numpy()
    ended, schematic = _looks(frame)
    geometries = frame.geometry.to_numpy()
    fragments = []
    for position, (title, theme, point, geometry, kind, over, dashed) in enumerate(zip(
            titles, main_themes, is_point, geometries, frame["geometry_type"], ended,
            schematic, strict=True)):
        text = json.dumps(html.escape(str(title)), ensure_ascii=False)
        if point:
            fragments.append(f"[{round(geometry.y, COORDINATE_DECIMALS)},"
                             f"{round(geometry.x, COORDINATE_DECIMALS)},{int(theme)},{text},"
                             f"{position},{int(over)}]")
        else:
            # Outer rings one way round and holes the other: the browser fills many areas
            # as one path, where that keeps holes open and overlapping areas filled.
            shape = shapely.to_geojson(shapely.orient_polygons(_rounded(geometry)))
            looks = (',"e":1' if over else "") + (',"s":1' if dashed else "")
            fragments.append(f'{{"type":"Feature","geometry":{shape},"properties":'
                             f'{{"t":{text},"k":{int(theme)},"g":"{kind}","i":{position}'
                             f'{looks}}}}}')
    return PreparedProjects(
        ids=list(frame["id"]), is_point=list(is_point), fragments=fragments,
        theme_labels=[html.escape(f"{theme.label(language)}") for theme in themes.THEMES],
        colours=[theme.colour for theme in themes.THEMES], rows=frame.index,
    )
