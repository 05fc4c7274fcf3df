"""Fitting the live map to what a filter is about, in the browser, without a rerun.

:class:`FitToFilter` gives a map the function ``grosFit``; :func:`fit_script`, sent with
a rerun, calls it with the extent of :func:`gros.extent.filter_extent`.
"""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template


class FitToFilter(MacroElement):
    """``grosFit(map, bounds)``: fit the map to a filter's extent, once per extent.

    The live map runs :func:`fit_script` with every rerun, so a pan or a zoom of one's
    own stays until the filter asks for another part of the map; until then, a map
    whose frame changes size (the window's) fits the extent again."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        window.grosFit = function (map, bounds) {
          var key = JSON.stringify(bounds);
          if (map.grosFitted === key) return;
          map.grosFitted = key;
          map.grosTouched = false;
          // At once: a fit that keeps the zoom level would otherwise slide there for a
          // quarter of a second (Leaflet's pan animation; maps with projects zoom
          // without animation, gros/js/flat.js) and draw everything again at its end.
          map.fitBounds(bounds, {animate: false});
          if (map.grosFitWatch) return;
          map.grosFitWatch = true;
          ["mousedown", "wheel", "touchstart", "keydown"].forEach(function (name) {
            map.getContainer().addEventListener(name, function () {
              map.grosTouched = true; }, {passive: true});
          });
          map.on("resize", function () {
            if (!map.grosTouched) map.fitBounds(JSON.parse(map.grosFitted));
          });
        };
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "FitToFilter"


def fit_script(extent: tuple[float, float, float, float], map_name: str = "map_div") -> str:
    """Script that fits a map made by :func:`build_region_map` to ``extent``
    (lon_min, lat_min, lon_max, lat_max); nothing happens for the extent it has."""
    lon_min, lat_min, lon_max, lat_max = (round(float(v), 4) for v in extent)
    return f"grosFit({map_name}, [[{lat_min}, {lon_min}], [{lat_max}, {lon_max}]]);\n"
