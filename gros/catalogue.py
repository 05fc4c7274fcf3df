"""The project catalogue at one revision of the store, and what is derived from it.

A page's run reads the store's revision once and takes this object for it: what the
filters offer, the filtered frames and the project layer's data then agree with one
another and are each computed once per revision, however many runs and sessions ask.
Shared read-only between threads: the derived values are computed under a lock.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import cached_property

import geopandas as gpd

from gros.filters import (
    FilterDomain,
    MembershipIndex,
    ProjectFilter,
    filter_domain,
    filter_mask,
)
from gros.i18n import LANGUAGES
from gros.prepared import PreparedProjects, prepare_projects

KEPT_FILTERS = 16
"""Filtered frames kept per catalogue: going back and forth between a few filters (a
theme chip on and off) then filters nothing again."""
MAP_COLUMNS = ("id", "title", *(f"title_{language}" for language in LANGUAGES), "geometry")
"""What the map page reads of the projects it shows (:meth:`Catalogue.on_map`): copying
only these makes a new filter's rows several times quicker than copying whole rows."""


class Catalogue:
    """Every project of the store at ``revision`` (``frame``, see :mod:`gros.loaders`)."""

    def __init__(self, frame: gpd.GeoDataFrame, revision: int):
        if not frame.index.is_unique:
            raise ValueError("a catalogue's rows need unique labels: its filtered frames "
                             "and the map's selection find projects by them")
        self.frame = frame
        self.revision = revision
        self._lock = threading.Lock()
        self._filtered: OrderedDict[tuple[bool, ProjectFilter], gpd.GeoDataFrame] = (
            OrderedDict())
        self._prepared: dict[str, PreparedProjects] = {}
        self._rows = {project_id: label for label, project_id in zip(
            frame.index, frame["id"].tolist(), strict=True)}

    def __len__(self) -> int:
        return len(self.frame)

    @cached_property
    def domain(self) -> FilterDomain:
        """What the filter widgets offer for these projects."""
        return filter_domain(self.frame)

    @cached_property
    def membership(self) -> MembershipIndex:
        """Which projects hold each theme, country, Euregio and province."""
        return MembershipIndex(self.frame)

    @cached_property
    def _map_rows(self) -> gpd.GeoDataFrame:
        return self.frame[list(MAP_COLUMNS)]

    def filtered(self, wanted: ProjectFilter) -> gpd.GeoDataFrame:
        """The projects ``wanted`` keeps, with their row labels (do not modify it)."""
        return self._kept(wanted, whole=True)

    def on_map(self, wanted: ProjectFilter) -> gpd.GeoDataFrame:
        """:meth:`filtered` with only the :data:`MAP_COLUMNS`; :meth:`find` gives a
        project's whole row."""
        return self._kept(wanted, whole=False)

    def _kept(self, wanted: ProjectFilter, whole: bool) -> gpd.GeoDataFrame:
        key = (whole, wanted)
        with self._lock:
            if key in self._filtered:
                self._filtered.move_to_end(key)
                return self._filtered[key]
        mask = filter_mask(self.frame, wanted, self.membership)
        shown = (self.frame if whole else self._map_rows)[mask]
        with self._lock:
            self._filtered[key] = shown
            while len(self._filtered) > KEPT_FILTERS:
                self._filtered.popitem(last=False)
        return shown

    def prepared(self, language: str) -> PreparedProjects:
        """The project layer's data in ``language``, serialised once."""
        with self._lock:
            if language not in self._prepared:
                self._prepared[language] = prepare_projects(self.frame, language)
            return self._prepared[language]

    def row_label(self, project_id: str | None) -> object | None:
        """The row label of the project ``project_id``, None for an unknown id: finding one
        project in a frame of the catalogue then takes no pass over the frame."""
        return self._rows.get(project_id) if project_id is not None else None

    def find(self, frame: gpd.GeoDataFrame, project_id: str | None):
        """The whole row of ``project_id`` when it is in ``frame`` (a part of this
        catalogue with its row labels, such as :meth:`on_map`), else None."""
        label = self.row_label(project_id)
        if label is None or label not in frame.index:
            return None
        return self.frame.loc[label]
