"""The statistics layer: NUTS-3 regions coloured by a Eurostat indicator of one year.

Five classes from ``mapclassify`` (quantiles, or Fisher-Jenks natural breaks) in a
sequential palette that stays readable with the common colour-vision deficiencies; a
region without a figure is grey and its tooltip says why. The legend names the
indicator, unit, year and "Source: Eurostat". Builders return folium objects and call
no Streamlit; every text from data is escaped.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import folium
import mapclassify
import numpy as np

from gros import numbers
from gros.i18n import t
from gros.indicators import INDICATORS, SHOWN, Statistics
from gros.layers import RegionLayers
from gros.map_legend import LegendControl
from gros.maps import escaped_features
from gros.stat_text import figure_text, flags_text, indicator_label, unit_label

SCHEMES = ("quantiles", "natural_breaks")
CLASSES = 5
# ColorBrewer YlGnBu, 5 classes: sequential and marked colour-blind safe by ColorBrewer.
PALETTE = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
NO_FIGURE = "#bdbdbd"


@dataclass(frozen=True)
class StatisticsChoice:
    """What the layer shows: an indicator of :data:`gros.indicators.SHOWN`, a year (None:
    the latest year most regions have) and a class scheme of :data:`SCHEMES`."""

    indicator: str
    year: int | None = None
    scheme: str = "quantiles"

    def __post_init__(self) -> None:
        if self.indicator not in SHOWN:
            raise ValueError(f"expected an indicator of {', '.join(SHOWN)}, "
                             f"got {self.indicator!r}")
        if self.scheme not in SCHEMES:
            raise ValueError(f"expected a scheme of {', '.join(SCHEMES)}, got {self.scheme!r}")


def class_bounds(values: Sequence[float], scheme: str, k: int = CLASSES) -> list[float]:
    """The upper bound of each class (the last is the largest value); fewer classes than
    ``k`` when there are fewer distinct values."""
    data = np.asarray([v for v in values if v is not None], dtype=float)
    distinct = len(np.unique(data))
    if distinct == 0:
        return []
    k = min(k, distinct)
    if k < 2:
        return [float(data.max())]
    with warnings.catch_warnings():
        # Without numba mapclassify says it runs in plain Python: a few hundred regions
        # take milliseconds either way.
        warnings.filterwarnings("ignore", "Numba not installed", UserWarning)
        classifier = (mapclassify.Quantiles(data, k=k) if scheme == "quantiles"
                      else mapclassify.FisherJenks(data, k=k))
    return [float(bound) for bound in classifier.bins]


def class_of(value: float | None, bounds: Sequence[float]) -> int | None:
    """The class index of ``value`` (None for a missing one)."""
    if value is None or not bounds:
        return None
    return min(int(np.searchsorted(bounds, value, side="left")), len(bounds) - 1)


def shown_regions(layers: RegionLayers) -> list[str]:
    """The NUTS-3 regions of the border provinces and Länder: the area the map is about."""
    prefixes = tuple(layers.border_provinces["nuts_id"])
    return sorted(code for code in layers.nuts3_display["NUTS_ID"] if code.startswith(prefixes))


def _legend(title: str, unit: str, rows: list[tuple[str, str]], source: str) -> LegendControl:
    """The layer's legend: indicator and year, unit, one row per class, the source."""
    body = "".join(
        f'<div><span style="display:inline-block;width:14px;height:11px;'
        f'margin-right:6px;background:{colour}"></span>{html.escape(label)}</div>'
        for colour, label in rows)
    return LegendControl(f"<strong>{html.escape(title)}</strong><div>{html.escape(unit)}</div>"
                         f"{body}<div><em>{html.escape(source)}</em></div>", "bottomleft",
                         "gros-stat-legend")


def _class_labels(bounds: Sequence[float], low: float, indicator: str, language: str
                  ) -> list[str]:
    decimals = INDICATORS[indicator].decimals
    edges = [low, *bounds]
    return [f"{numbers.number(edges[i], language, decimals)} – "
            f"{numbers.number(edges[i + 1], language, decimals)}" for i in range(len(bounds))]


def statistics_layer(layers: RegionLayers, stats: Statistics, choice: StatisticsChoice,
                     language: str = "nl") -> tuple[folium.FeatureGroup, LegendControl]:
    """The coloured regions and their legend, to add to a map (the group first)."""
    codes = shown_regions(layers)
    year = choice.year or stats.latest_common_year(choice.indicator, codes)
    figures = ({} if year is None else stats.layer_values(choice.indicator, year, codes))
    values = [f.value for f in figures.values() if f.value is not None]
    bounds = class_bounds(values, choice.scheme)
    frame = layers.nuts3_display[layers.nuts3_display["NUTS_ID"].isin(codes)].copy()
    rows = [figures.get(code) for code in frame["NUTS_ID"]]
    frame["region"] = frame["NUTS_ID"] + " " + frame["NAME_LATN"]
    frame["figure"] = [figure_text(f, choice.indicator, language) if f else "" for f in rows]
    frame["flags"] = [flags_text(f.flags, language) if f else "" for f in rows]
    frame["klass"] = [class_of(f.value if f else None, bounds) for f in rows]
    frame["source"] = t("stats.source", language)
    features = escaped_features(frame, ["NUTS_ID", "region", "figure", "flags", "klass",
                                        "source"])

    def style(feature: dict) -> dict:
        klass = feature["properties"]["klass"]
        colour = NO_FIGURE if klass is None else PALETTE[int(klass)]
        return {"color": "#ffffff", "weight": 0.6, "fillColor": colour, "fillOpacity": 0.75,
                "className": f"gros-stat gros-stat-{'none' if klass is None else int(klass)}"}

    title = indicator_label(choice.indicator, language)
    group = folium.FeatureGroup(name="statistics")
    folium.GeoJson(
        features, name="statistics", style_function=style,
        highlight_function=lambda _: {"weight": 2, "color": "#333333"},
        tooltip=folium.GeoJsonTooltip(
            fields=["region", "figure", "source"],
            aliases=[t("tooltip.name", language), title, ""]),
    ).add_to(group)
    palette = PALETTE if len(bounds) == CLASSES else PALETTE[:len(bounds)]
    legend_rows = list(zip(palette, _class_labels(bounds, min(values, default=0.0),
                                                  choice.indicator, language), strict=True))
    legend_rows.append((NO_FIGURE, t("stats.no_figure", language)))
    legend = _legend(f"{title} ({year if year else numbers.UNKNOWN})",
                               unit_label(choice.indicator, language), legend_rows,
                               t("stats.source", language))
    return group, legend
