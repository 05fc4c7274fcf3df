"""The project catalogue at one revision of the store, and what is derived from it.

A page's run reads the store's revision once and takes this object for it: what the
filters offer, the filtered frames and the project layer's data then agree with one
another and are each computed once per revision, however many runs and sessions ask.
Shared read-only between threads: the derived values are computed under a lock.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import cached_property
from typing import TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd

from gros.filters import (
    FilterDomain,
    MembershipIndex,
    ProjectFilter,
    filter_domain,
    filter_mask,
)
from gros.i18n import LANGUAGES
from gros.prepared import PreparedProjects, prepare_projects

Kept = TypeVar("Kept")

KEPT_FILTERS = 16
"""Filtered frames kept per catalogue: going back and forth between a few filters (a
theme chip on and off) then filters nothing again."""
MAP_COLUMNS = ("id", "title", *(f"title_{language}" for language in LANGUAGES), "geometry")
"""What the map page reads of the rows of the projects it lists
(:meth:`ShownProjects.rows`): copying only these is several times quicker than copying
whole rows."""


class ShownProjects:
    """The projects a filter keeps (:meth:`Catalogue.on_map`), by their place in the
    catalogue: how many, their row labels and their extent, which is what the map takes
    of them, without copying their rows; :meth:`rows` copies the :data:`MAP_COLUMNS`
    when a page lists them. At 100,000 projects, for a new filter, the copy took 6-18 ms
    on its own (36-59 ms in a server busy with a browser), the labels and the extent
    2-4 ms."""

    def __init__(self, catalogue: Catalogue, mask: np.ndarray):
        if mask.shape != (len(catalogue),) or mask.dtype != bool:
            raise ValueError(f"a selection of the {len(catalogue)} projects needs one flag "
                             f"per project; got an array of {mask.dtype} shaped {mask.shape}")
        self._catalogue = catalogue
        self._mask = mask
        self._count = int(mask.sum())
        self.index: pd.Index = catalogue.frame.index[mask]
        """The row labels of the projects kept, as in the catalogue's frame."""

    def __len__(self) -> int:
        return self._count

    @property
    def empty(self) -> bool:
        return self._count == 0

    @property
    def total_bounds(self) -> np.ndarray:
        """``[lon_min, lat_min, lon_max, lat_max]`` of the projects kept, as
        GeoDataFrame.total_bounds gives it (NaN for none, or none with a geometry)."""
        bounds = self._catalogue.bounds[self._mask]
        if not np.isfinite(bounds).any():
            return np.full(4, np.nan)
        return np.array([np.nanmin(bounds[:, 0]), np.nanmin(bounds[:, 1]),
                         np.nanmax(bounds[:, 2]), np.nanmax(bounds[:, 3])])

    @cached_property
    def _rows(self) -> gpd.GeoDataFrame:
        return self._catalogue.map_rows[self._mask]

    def rows(self) -> gpd.GeoDataFrame:
        """The projects kept with the :data:`MAP_COLUMNS` and their row labels (copied
        once; do not modify it)."""
        return self._rows


class Catalogue:
    """Every project of the store at ``revision`` (``frame``, see :mod:`gros.loaders`)."""

    def __init__(self, frame: gpd.GeoDataFrame, revision: int):
        if not frame.index.is_unique:
            raise ValueError("a catalogue's rows need unique labels: its filtered frames "
                             "and the map's selection find projects by them")
        self.frame = frame
        self.revision = revision
        self._lock = threading.Lock()
        self._filtered: OrderedDict[ProjectFilter, gpd.GeoDataFrame] = OrderedDict()
        self._shown: OrderedDict[ProjectFilter, ShownProjects] = OrderedDict()
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
    def map_rows(self) -> gpd.GeoDataFrame:
        """Every project with only the :data:`MAP_COLUMNS` (do not modify it)."""
        return self.frame[list(MAP_COLUMNS)]

    @cached_property
    def bounds(self) -> np.ndarray:
        """Each project's ``[lon_min, lat_min, lon_max, lat_max]``, one row per project
        (NaN where it has no geometry)."""
        return self.frame.geometry.bounds.to_numpy()

    def filtered(self, wanted: ProjectFilter) -> gpd.GeoDataFrame:
        """The projects ``wanted`` keeps, with their row labels (do not modify it)."""
        return self._kept(self._filtered, wanted,
                          lambda: self.frame[self.mask(wanted)])

    def on_map(self, wanted: ProjectFilter) -> ShownProjects:
        """The projects ``wanted`` keeps, for the map (:class:`ShownProjects`);
        :meth:`find` gives a project's whole row."""
        return self._kept(self._shown, wanted,
                          lambda: ShownProjects(self, self.mask(wanted)))

    def mask(self, wanted: ProjectFilter) -> np.ndarray:
        """One flag per project: whether ``wanted`` keeps it (made anew on every call;
        :meth:`filtered` and :meth:`on_map` keep theirs)."""
        return np.asarray(filter_mask(self.frame, wanted, self.membership), dtype=bool)

    def _kept(self, kept: OrderedDict[ProjectFilter, Kept], wanted: ProjectFilter,
              make: Callable[[], Kept]) -> Kept:
        """``kept[wanted]``, made by ``make()`` when it is not kept; the latest
        :data:`KEPT_FILTERS` are kept."""
        with self._lock:
            if wanted in kept:
                kept.move_to_end(wanted)
                return kept[wanted]
        value = make()
        with self._lock:
            kept[wanted] = value
            while len(kept) > KEPT_FILTERS:
                kept.popitem(last=False)
        return value

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

    def find(self, frame: gpd.GeoDataFrame | ShownProjects, project_id: str | None):
        """The whole row of ``project_id`` when it is in ``frame`` (a part of this
        catalogue with its row labels, such as :meth:`filtered` or :meth:`on_map`), else
        None."""
        label = self.row_label(project_id)
        if label is None or label not in frame.index:
            return None
        return self.frame.loc[label]
