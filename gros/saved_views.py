"""Saved views: the URL parameters a saved view keeps, and the JSON file that hands a set
of them to a colleague."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from gros.store import ProjectStore, SavedView
from gros.view import Extent, ViewState, view_from_query, view_to_query

VIEWS_FORMAT = "gros-saved-views"
VIEWS_VERSION = 1
MAX_VIEWS = 200


class ViewsFileInvalid(ValueError):
    """A saved-views file that cannot be imported; nothing was changed."""


def query_for(view: ViewState, extent: Extent | None) -> dict[str, Any]:
    """The URL parameters of ``view`` with its extent fixed, as a saved view keeps them."""
    return view_to_query(replace(view, extent=extent))


def views_to_json(views: list[SavedView]) -> str:
    """A file to hand to a colleague: the views in order, with their URL parameters."""
    return json.dumps({"format": VIEWS_FORMAT, "version": VIEWS_VERSION,
                       "views": [{"name": v.name, "query": v.query} for v in views]},
                      ensure_ascii=False, indent=2)


def views_from_json(text: str | bytes) -> tuple[list[SavedView], list[str]]:
    """The views of a saved-views file, and a note for every parameter that was dropped.

    Raises
    ------
    ViewsFileInvalid
        Naming the problem (and the view number) if the file is not one.
    """
    try:
        data = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ViewsFileInvalid(f"not a JSON file ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != VIEWS_FORMAT:
        raise ViewsFileInvalid(f"expected a file with \"format\": {VIEWS_FORMAT!r}")
    entries = data.get("views")
    if not isinstance(entries, list):
        raise ViewsFileInvalid("expected a list under \"views\"")
    if len(entries) > MAX_VIEWS:
        raise ViewsFileInvalid(f"at most {MAX_VIEWS} views, got {len(entries)}")
    views, notes, names = [], [], set()
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise ViewsFileInvalid(f"view {number}: expected an object, got {entry!r:.60}")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip() or len(name) > 200:
            raise ViewsFileInvalid(f"view {number}: expected a name of 1–200 characters, "
                                   f"got {name!r:.60}")
        name = name.strip()
        if name in names:
            raise ViewsFileInvalid(f"view {number}: the name {name!r} appears twice")
        names.add(name)
        query = entry.get("query")
        if not isinstance(query, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in query.items()):
            raise ViewsFileInvalid(f"view {number} ({name!r}): expected \"query\" to map "
                                   "parameter names to text")
        # Re-derive the parameters: only what the dashboard understands is kept.
        view, ignored = view_from_query(query)
        notes.extend(f"{name}: {part}" for part in ignored)
        views.append(SavedView(name, view_to_query(view)))
    return views, notes


def import_views(store: ProjectStore, incoming: list[SavedView], overwrite: bool
                 ) -> tuple[int, int]:
    """Add the views of a hand-over file; a name that exists is replaced only when
    ``overwrite``, else skipped. Returns (added or replaced, skipped)."""
    existing = {view.name for view in store.views()}
    added = skipped = 0
    for view in incoming:
        if view.name in existing and not overwrite:
            skipped += 1
            continue
        store.save_view(view, replace=True)
        added += 1
    return added, skipped
