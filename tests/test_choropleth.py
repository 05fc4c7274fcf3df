"""The statistics layer: classes, colours, tooltips and legend, rendered to HTML."""

from __future__ import annotations

import pytest

from gros import choropleth, eurostat
from gros.choropleth import StatisticsChoice, class_bounds, class_of, statistics_layer
from gros.indicators import Statistics
from gros.live_map import BaseMap, plan_live_map
from gros.nuts_history import NutsHistory

CODES = ("NL111", "NL112", "DE111", "DE112")


def _stats() -> Statistics:
    """Population of the synthetic regions: one provisional, one not published."""
    rows = [{"code": c, "nuts_year": "2024", "level": "3", "country": c[:2], "name": c,
             "nuts2024": c, "kind": "current", "change": "", "explanation": "",
             "source": "test"} for c in CODES]
    text = ("freq,unit,sex,age,geo\\TIME_PERIOD\t2024 \t2025 \r\n"
            "A,NR,T,TOTAL,NL111\t1000 \t1100 p\r\n"
            "A,NR,T,TOTAL,NL112\t2000 \t2100 \r\n"
            "A,NR,T,TOTAL,DE111\t3000 \t3100 \r\n"
            "A,NR,T,TOTAL,DE112\t4000 \t: \r\n")

    def table(dataset: str, body: str) -> eurostat.Table:
        return eurostat.Table(dataset, eurostat.parse_tsv(body, eurostat.DATASETS[dataset], "t"),
                              "test", "")
    area = "freq,landuse,unit,geo\\TIME_PERIOD\t2025 \r\n" + "".join(
        f"A,TOTAL,KM2,{c}\t10 \r\n" for c in CODES)
    gdp = "freq,unit,geo\\TIME_PERIOD\t2021 \r\nA,MIO_EUR,NL111\t5 \r\n"
    return Statistics({"demo_r_pjanaggr3": table("demo_r_pjanaggr3", text),
                       "reg_area3": table("reg_area3", area),
                       "nama_10r_3gdp": table("nama_10r_3gdp", gdp)},
                      NutsHistory.from_rows(rows))


@pytest.mark.parametrize(("values", "scheme", "expected"), [
    (list(range(1, 11)), "quantiles", [2.8, 4.6, 6.4, 8.2, 10.0]),
    ([1, 2, 3, 10, 11, 12, 50, 51, 90, 100], "natural_breaks", [3.0, 12.0, 51.0, 90.0, 100.0]),
    ([5, 5, 7], "quantiles", [5.0, 7.0]),
    ([4], "natural_breaks", [4.0]),
    ([], "quantiles", []),
])
def test_class_bounds(values, scheme, expected):
    assert class_bounds(values, scheme) == pytest.approx(expected)


def test_class_of_puts_a_bound_in_its_own_class_and_missing_in_none():
    bounds = [10.0, 20.0, 30.0]
    assert [class_of(v, bounds) for v in (1, 10, 10.5, 30, None)] == [0, 0, 1, 2, None]


def test_a_choice_is_checked():
    with pytest.raises(ValueError, match="expected an indicator"):
        StatisticsChoice("inhabitants")
    with pytest.raises(ValueError, match="expected a scheme"):
        StatisticsChoice("population", scheme="equal")


def test_the_layer_colours_regions_and_has_a_legend_with_unit_year_and_source(
        synthetic_layers):
    assert choropleth.shown_regions(synthetic_layers) == sorted(CODES)
    stats = _stats()
    # By default the latest year (nearly) every region has: 2025 lacks DE112.
    assert stats.latest_common_year("population", CODES) == 2024
    group, legend = statistics_layer(synthetic_layers, stats,
                                     StatisticsChoice("population", 2025), "en")
    base = BaseMap("none", "en", ("euregios",), None)
    m = base.build(synthetic_layers)
    group.add_to(m)
    legend.add_to(m)
    page = m.get_root().render()
    # DE112 has no 2025 figure and is grey.
    assert "Population (2025)" in page and "inhabitants" in page
    assert "Source: Eurostat" in page and "no figure" in page
    assert "gros-stat-none" in page and "gros-stat-0" in page
    assert "1,100 inhabitants (2025, provisional)" in page
    assert choropleth.PALETTE[0] in page and choropleth.NO_FIGURE in page


def test_the_live_map_draws_the_layer_only_when_chosen(synthetic_layers):
    stats = _stats()
    shown = synthetic_layers.euregios.iloc[0:0]
    off = plan_live_map(shown, None, "nl", "none", ("euregios",), None)
    assert off.base.statistics is None
    assert "gros-stat" not in off.base.build(synthetic_layers, stats).get_root().render()
    on = plan_live_map(shown, None, "nl", "none", ("euregios",), None,
                       statistics=StatisticsChoice("density", 2025, "natural_breaks"))
    page = on.base.build(synthetic_layers, stats).get_root().render()
    assert "gros-stat-legend" in page and "Bevolkingsdichtheid (2025)" in page
    assert "Bron: Eurostat" in page
    assert off.base != on.base  # a base map of its own, rendered once
