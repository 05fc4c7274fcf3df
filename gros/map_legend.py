"""The project layer's legend: theme colours, and how schematic lines and ended projects look.

Its styles are in :data:`gros.maps.LABEL_CSS`; the look itself is drawn by
``gros/js/projects.js``.
"""

from __future__ import annotations

import html
import json

import folium
from branca.element import MacroElement
from jinja2 import Template

from gros import themes
from gros.i18n import t


class LegendControl(MacroElement):
    """A box of (already escaped) HTML in a corner of the map, styled as ``.gros-legend``
    and the classes ``css`` adds."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var legend = L.control({position: {{ this.position }}});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", {{ this.css }});
                div.innerHTML = {{ this.html }};
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, markup: str, position: str = "bottomright", css: str = ""):
        super().__init__()
        self._name = "Legend"
        self.html = json.dumps(markup)
        self.position = json.dumps(position)
        self.css = json.dumps(f"gros-legend {css}".strip())


class _Legend(LegendControl):
    """The theme colours and how lines and ended projects look, in the map's corner."""

    def __init__(self, entries: list[tuple[str, str]], title: str,
                 looks: tuple[tuple[str, str], ...] = ()):
        rows = "".join(
            f'<div><span class="gros-swatch" style="background:{colour}"></span>'
            f"{html.escape(label)}</div>" for colour, label in entries)
        rows += "".join(
            f'<div class="gros-legend-look"><span class="{swatch}"></span>'
            f"{html.escape(label)}</div>" for swatch, label in looks)
        # A <details> element: people can fold the legend away from what it covers.
        super().__init__(f"<details open><summary><strong>{html.escape(title)}</strong>"
                         f"</summary>{rows}</details>")


def add_legend(m: folium.Map, language: str, shown_themes: tuple[str, ...] | None = None
               ) -> folium.Map:
    """The legend of the project layer: the colours of ``shown_themes`` (default: all),
    then the dashed line of a schematic route and the pale mark of an ended project."""
    # No icons here: they are emoji, which machines without an emoji font (servers
    # drawing PNG exports) show as empty boxes.
    entries = [(theme.colour, theme.label(language)) for theme in themes.THEMES
               if shown_themes is None or theme.id in shown_themes]
    looks = (("gros-swatch-line gros-swatch-schematic", t("legend.schematic", language)),
             ("gros-swatch gros-swatch-ended", t("legend.completed", language)))
    _Legend(entries, t("layer.projects", language), looks).add_to(m)
    return m


def add_layer_legend(m: folium.Map, entries: list[tuple[str, str]], title: str) -> folium.Map:
    """A legend of (colour, label) entries under ``title``: another layer's, such as the
    GROS agenda's (:func:`gros.agenda_map.legend_entries`)."""
    _Legend(entries, title).add_to(m)
    return m
