"""What the filter widgets offer for a catalogue, and the filter their values make."""

from __future__ import annotations

import pandas as pd
import pytest

from gros.filters import (
    DEFAULT_YEARS,
    FILTER_FIELDS,
    FilterDomain,
    ProjectFilter,
    clamp_budget,
    clamp_years,
    filter_domain,
    filter_from_widgets,
)

DOMAIN = FilterDomain(programmes=("CEF", "Interreg VI-A"), years=(2010, 2027),
                      top_budget_eur=28e6)


def test_the_domain_spans_the_catalogue():
    frame = pd.DataFrame({
        "start_year": [2018, 2010, None], "end_year": [None, 2014, 2027],
        "budget_eur": [28e6, None, 5e5], "programme": ["CEF", "", "Interreg VI-A"],
    })
    assert filter_domain(frame) == DOMAIN


def test_an_empty_catalogue_has_a_default_span_and_no_budget():
    frame = pd.DataFrame({"start_year": [], "end_year": [], "budget_eur": [], "programme": []})
    assert filter_domain(frame) == FilterDomain((), DEFAULT_YEARS, 0.0)


@pytest.mark.parametrize(("top_eur", "top_m"), [
    (28e6, 28.0), (28.6e6, 29.0), (1.2e5, 1.0), (0.0, 1.0), (3e6, 3.0),
])
def test_the_budget_slider_ends_above_the_largest_budget(top_eur, top_m):
    assert FilterDomain((), (2000, 2001), top_eur).top_budget_m == top_m


@pytest.mark.parametrize(("values", "expected"), [
    ({}, ProjectFilter()),
    ({name: None for name in FILTER_FIELDS}, ProjectFilter()),
    ({"themes": ["transport"], "countries": ["NL", "DE"]},
     ProjectFilter(themes=("transport",), countries=("NL", "DE"))),
    ({"euregios": ["maas-rijn"], "provinces": ["NL42"], "statuses": ["ongoing"],
      "programmes": ["CEF"]},
     ProjectFilter(euregios=("maas-rijn",), provinces=("NL42",), statuses=("ongoing",),
                   programmes=("CEF",))),
    # A slider left at the whole span is no restriction: undated projects stay in.
    ({"years": (2010, 2027)}, ProjectFilter()),
    ({"years": (2015, 2027)}, ProjectFilter(years=(2015, 2027))),
    ({"budget": (0.0, 28.0)}, ProjectFilter()),
    ({"budget": (1.0, 28.0)}, ProjectFilter(budget=(1e6, 28e6))),
    ({"budget": (0.0, 2.5)}, ProjectFilter(budget=(0.0, 2.5e6))),
    ({"query": "  rail  "}, ProjectFilter(query="rail")),
])
def test_widget_values_make_the_filter(values, expected):
    assert filter_from_widgets(values, DOMAIN) == expected


def test_without_budgets_the_budget_widget_is_ignored():
    domain = FilterDomain((), (2010, 2027), 0.0)
    assert filter_from_widgets({"budget": (1.0, 2.0)}, domain) == ProjectFilter()


@pytest.mark.parametrize(("kept", "expected"), [
    ((2012, 2020), (2012, 2020)),
    ((2000, 2030), (2010, 2027)),
    ((2030, 2035), (2027, 2027)),
    ((2001, 2005), (2010, 2010)),
])
def test_kept_years_fit_into_the_catalogue(kept, expected):
    assert clamp_years(kept, DOMAIN) == expected


@pytest.mark.parametrize(("kept", "expected"), [
    ((1.0, 5.0), (1.0, 5.0)),
    ((0.0, 100.0), (0.0, 28.0)),
    ((40.0, 100.0), (28.0, 28.0)),
])
def test_kept_budgets_fit_under_the_largest(kept, expected):
    assert clamp_budget(kept, DOMAIN) == expected
