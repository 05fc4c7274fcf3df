"""Meeting mode: saved view sets as JSON, the extent of a view, and exports that work
offline — a self-contained HTML map and a PNG made with headless Chromium."""

from __future__ import annotations

import html
import json
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd

from gros import assets, i18n, maps, themes
from gros.chromium import CHROMIUM_ARGS, find_chromium
from gros.filters import apply_filter
from gros.gisco import ATTRIBUTION
from gros.layers import RegionLayers
from gros.store import ProjectStore, SavedView
from gros.view import Extent, ViewState, view_from_query, view_to_query

VIEWS_FORMAT = "gros-saved-views"
VIEWS_VERSION = 1
MAX_VIEWS = 200
INLINE_BASE = "gros-inline-assets"  # a placeholder base URL, replaced by the files' text


class ViewsFileInvalid(ValueError):
    """A saved-views file that cannot be imported; nothing was changed."""


class ChromiumMissing(RuntimeError):
    """No headless Chromium to draw a PNG with."""


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


def view_extent(frame: gpd.GeoDataFrame, layers: RegionLayers, view: ViewState,
                margin: float = 0.05) -> Extent:
    """The extent a view shows: its own, else its Euregios, else its projects, else all."""
    if view.extent:
        return view.extent
    shapes = []
    if view.filter.euregios:
        chosen = layers.euregios_display[layers.euregios_display["id"].isin(view.filter.euregios)]
        shapes.append(chosen.total_bounds)
    elif not view.filter.is_empty and len(frame):
        shapes.append(frame.total_bounds)
    if not shapes:
        shapes.append(layers.euregios_display.total_bounds)
    lon_min, lat_min, lon_max, lat_max = shapes[0]
    pad_x = max((lon_max - lon_min) * margin, 0.02)
    pad_y = max((lat_max - lat_min) * margin, 0.02)
    return (lon_min - pad_x, lat_min - pad_y, lon_max + pad_x, lat_max + pad_y)


def describe_filter(view: ViewState, layers: RegionLayers) -> str:
    """The filters of a view as one line of text, in the view's language."""
    lang = view.language
    f = view.filter
    names = layers.euregios.set_index("id")
    parts = []
    if f.themes:
        parts.append(", ".join(themes.BY_ID[t].label(lang) for t in f.themes))
    if f.euregios:
        parts.append(", ".join(names.loc[e, f"name_{lang}"] or names.loc[e, "name"]
                               for e in f.euregios))
    if f.countries:
        parts.append(", ".join(i18n.t(f"country.{c}", lang) for c in f.countries))
    if f.statuses:
        parts.append(", ".join(i18n.t(f"status.{s}", lang) for s in f.statuses))
    if f.years:
        parts.append(f"{f.years[0]}–{f.years[1]}")
    if f.query:
        parts.append(f"“{f.query}”")
    return " · ".join(parts) or i18n.t("meeting.all_projects", lang)


@dataclass(frozen=True)
class MapExport:
    """What an exported map shows, stated on the page itself."""

    title: str
    view: ViewState
    generated: date


def _header(export: MapExport, layers: RegionLayers, shown: int) -> str:
    lang = export.view.language
    lines = [
        f"<div class='gros-export-title'>{html.escape(export.title)}</div>",
        f"<div>{html.escape(describe_filter(export.view, layers))} · "
        f"{html.escape(i18n.t('meeting.count', lang, count=shown))}</div>",
        f"<div class='gros-export-source'>{html.escape(export.generated.isoformat())} · "
        f"{html.escape(ATTRIBUTION)} (Eurostat GISCO, NUTS {layers.nuts_year}) · "
        f"{html.escape(i18n.t('meeting.sources', lang))}</div>",
    ]
    return "".join(lines)


EXPORT_CSS = """
<style>
html, body { margin: 0; height: 100%; }
.gros-export-header { position: absolute; z-index: 1000; top: 10px; left: 60px; right: 10px;
  max-width: 70%; background: rgba(255,255,255,0.93); padding: 8px 12px; border-radius: 4px;
  font: 14px/1.4 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,0.3); }
.gros-export-title { font-size: 22px; font-weight: 700; }
.gros-export-source { color: #555; font-size: 12px; }
</style>
"""


def export_map(layers: RegionLayers, catalogue: gpd.GeoDataFrame, export: MapExport,
               asset_base: str = INLINE_BASE) -> folium.Map:
    """The map of a view with its title, filters, date and sources on it."""
    view = export.view
    shown = apply_filter(catalogue, view.filter)
    m = maps.build_region_map(layers, basemap=view.basemap, language=view.language,
                              visible=view.layers, projects=shown, legend=True)
    lon_min, lat_min, lon_max, lat_max = view_extent(shown, layers, view)
    m.fit_bounds([[lat_min, lon_min], [lat_max, lon_max]])
    m.get_root().header.add_child(folium.Element(EXPORT_CSS), name="gros_export_css")
    m.get_root().html.add_child(folium.Element(
        f"<div class='gros-export-header'>{_header(export, layers, len(shown))}</div>"))
    return assets.use_local_assets(m, asset_base)


def standalone_html(layers: RegionLayers, catalogue: gpd.GeoDataFrame,
                    export: MapExport) -> str:
    """One HTML file that opens offline: Leaflet, plugins and data inlined, no CDN.

    Tiles are requested only when the view's basemap has them.
    """
    m = export_map(layers, catalogue, export)
    page = m.get_root().render()
    page = page.replace("<head>", f"<head><title>{html.escape(export.title)}</title>", 1)
    return assets.inline_assets(page, INLINE_BASE)


def render_png(page_html: str, out: Path, width: int = 1600, height: int = 900,
               chromium: str | None = None, timeout_s: float = 120) -> Path:
    """Draw ``page_html`` into a PNG of ``width`` × ``height`` pixels.

    Raises
    ------
    ChromiumMissing
        Saying what to install, when no Chromium is found.
    RuntimeError
        If Chromium fails, with what it printed.
    """
    chromium = chromium or find_chromium()
    if chromium is None:
        raise ChromiumMissing(
            "PNG export needs a headless Chromium: install it (Debian/Ubuntu: `apt-get install "
            "chromium`; other systems: Chromium or Google Chrome) or set GROS_CHROMIUM to its "
            "path. The HTML export works without it.")
    out = Path(out)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "map.html"
        source.write_text(page_html, encoding="utf-8")
        command = [chromium, "--headless", "--hide-scrollbars", *CHROMIUM_ARGS,
                   f"--user-data-dir={folder}/profile",
                   f"--window-size={width},{height}", f"--screenshot={out.resolve()}",
                   # Lets the map's scripts run (and draw) before the picture is taken.
                   "--virtual-time-budget=5000", source.as_uri()]
        # The command is a list (no shell) of a configured browser and our own file.
        result = subprocess.run(command, capture_output=True, text=True,  # noqa: S603
                                timeout=timeout_s, check=False)
    if result.returncode != 0 or not out.exists():
        raise RuntimeError(f"Chromium could not draw the map (exit {result.returncode}): "
                           f"{result.stderr.strip()[-500:]}")
    return out


def png_bytes(page_html: str, width: int = 1600, height: int = 900) -> bytes:
    """The PNG of ``page_html`` as bytes (see :func:`render_png` for the errors)."""
    with tempfile.TemporaryDirectory() as folder:
        return render_png(page_html, Path(folder) / "map.png", width, height).read_bytes()


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


def export_title(view: ViewState, layers: RegionLayers, title: str | None = None) -> str:
    return title or f"{i18n.t('app.title', view.language)} — {describe_filter(view, layers)}"


def query_for(view: ViewState, extent: Extent | None) -> dict[str, Any]:
    """The URL parameters of ``view`` with its extent fixed, as a saved view keeps them."""
    from dataclasses import replace

    return view_to_query(replace(view, extent=extent))
