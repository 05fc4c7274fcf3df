"""A view as a map to take away: the extent it shows, its filters in words, and a
self-contained HTML map that opens offline (PNG pictures of it: :mod:`gros.png`)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

import folium
import geopandas as gpd

from gros import agenda, agenda_map, agenda_tables, assets, i18n, maps, numbers, stats, themes
from gros.extent import filter_extent
from gros.filters import apply_filter
from gros.gisco import ATTRIBUTION
from gros.layers import RegionLayers
from gros.view import Extent, ViewState

INLINE_BASE = "gros-inline-assets"  # a placeholder base URL, replaced by the files' text


def view_extent(frame: gpd.GeoDataFrame, layers: RegionLayers, view: ViewState,
                margin: float = 0.05) -> Extent:
    """The extent a view shows: its own, else its regions, else its projects, else all
    (see :func:`gros.extent.filter_extent`)."""
    if view.extent:
        return view.extent
    return filter_extent(frame, layers, view.filter, margin)


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


def view_figures(shown: gpd.GeoDataFrame, language: str) -> str:
    """How many projects a view shows and their budget, saying how many have one:
    ``23 projecten · Budget: € 809.500 — 3 van 23 projecten met een bekend budget``."""
    budget = stats.describe_total(stats.known_total(shown["budget_eur"]), language)
    return (f"{i18n.t('meeting.count', language, count=numbers.number(len(shown), language))}"
            f" · {i18n.t('detail.budget', language)}: {budget}")


def _header(export: MapExport, layers: RegionLayers, shown: gpd.GeoDataFrame) -> str:
    lang = export.view.language
    lines = [
        f"<div class='gros-export-title'>{html.escape(export.title)}</div>",
        f"<div>{html.escape(describe_filter(export.view, layers))} · "
        f"{html.escape(view_figures(shown, lang))}</div>",
        f"<div class='gros-export-source'>{html.escape(numbers.date(export.generated, lang))} · "
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
.gros-agenda-panel { position: absolute; z-index: 1000; bottom: 24px; left: 10px;
  max-width: 45%; max-height: 32%; overflow: auto; background: rgba(255,255,255,0.95);
  padding: 6px 10px; border-radius: 4px; font: 12px/1.35 sans-serif;
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); }
.gros-agenda-panel summary { font-weight: 700; cursor: pointer; }
.gros-agenda-panel td, .gros-agenda-panel th { text-align: left; vertical-align: top;
  padding: 2px 6px; border-bottom: 1px solid #ddd; }
</style>
"""


def export_map(layers: RegionLayers, catalogue: gpd.GeoDataFrame, export: MapExport,
               asset_base: str = INLINE_BASE) -> folium.Map:
    """The map of a view with its title, filters, date and sources on it."""
    view = export.view
    shown = apply_filter(catalogue, view.filter)
    m = maps.build_region_map(layers, basemap=view.basemap, language=view.language,
                              visible=view.layers, projects=shown, legend=True,
                              agenda_themes=view.filter.themes)
    lon_min, lat_min, lon_max, lat_max = view_extent(shown, layers, view)
    m.fit_bounds([[lat_min, lon_min], [lat_max, lon_max]])
    m.get_root().header.add_child(folium.Element(EXPORT_CSS), name="gros_export_css")
    m.get_root().html.add_child(folium.Element(
        f"<div class='gros-export-header'>{_header(export, layers, shown)}</div>"))
    if view.agenda:
        m.get_root().html.add_child(folium.Element(action_list_panel(view)))
    return assets.use_local_assets(m, asset_base)


PANEL_COLUMNS = ("title", "status", "status_date", "source_title")


def action_list_panel(view: ViewState) -> str:
    """The action list of the view's partner region (of its themes) as an HTML panel."""
    lang = view.language
    data = agenda.agenda()
    actions = agenda_tables.filter_actions(data.actions, view.agenda, view.filter.themes)
    table = agenda_tables.action_table(data, actions, lang)
    table = table[[i18n.t(f"agenda.column.{key}", lang) for key in PANEL_COLUMNS]]
    partner = agenda_tables.partner_names().get(view.agenda, view.agenda)
    return agenda_map.action_panel(table, f"{i18n.t('agenda.actions', lang)}: {partner}")


def standalone_html(layers: RegionLayers, catalogue: gpd.GeoDataFrame,
                    export: MapExport) -> str:
    """One HTML file that opens offline: Leaflet, plugins and data inlined, no CDN.

    Tiles are requested only when the view's basemap has them.
    """
    m = export_map(layers, catalogue, export)
    page = m.get_root().render()
    page = page.replace("<head>", f"<head><title>{html.escape(export.title)}</title>", 1)
    return assets.inline_assets(page, INLINE_BASE)


def export_title(view: ViewState, layers: RegionLayers, title: str | None = None) -> str:
    """``title``, or the app's name and the view's filters when there is none."""
    return title or f"{i18n.t('app.title', view.language)} — {describe_filter(view, layers)}"
