"""The view state carried in the URL, and the modules that read it without folium."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gros.filters import ProjectFilter
from gros.view import ViewState, view_from_query, view_to_query
from tests.conftest import REPO


def test_a_url_restores_the_view():
    view, notes = view_from_query({
        "theme": "transport,labour", "euregio": "maas-rijn", "country": "nl,DE",
        "status": "ongoing", "q": " trein ", "years": "2015-2024", "lang": "de",
        "basemap": "none", "layers": "euregios,projects", "extent": "5.5,50.6,6.2,51.1"})
    assert notes == []
    assert view.filter == ProjectFilter(themes=("transport", "labour"), countries=("NL", "DE"),
                                        euregios=("maas-rijn",), statuses=("ongoing",),
                                        years=(2015, 2024), query="trein")
    assert (view.language, view.basemap, view.layers) == ("de", "none",
                                                          ("euregios", "projects"))
    assert view.extent == (5.5, 50.6, 6.2, 51.1)
    assert view_from_query(view_to_query(view))[0] == view


def test_unknown_values_are_reported_not_fatal():
    view, notes = view_from_query({"theme": "transport,sports", "years": "2024-2015",
                                   "basemap": "satellite", "country": "FR",
                                   "extent": "7,52,6,51"})
    assert view.filter.themes == ("transport",)
    assert view.filter.years is None and view.basemap == "light"
    assert notes == ["years='2024-2015'", "theme='sports'", "country='FR'",
                     "basemap='satellite'", "extent='7,52,6,51'"]
    assert view.extent is None


def test_default_view_makes_an_empty_query():
    assert view_to_query(ViewState()) == {}


@pytest.mark.parametrize("module", ["gros.view", "gros.filters", "gros.basemaps"])
def test_reading_a_link_needs_no_folium(module):
    # A fresh interpreter: this one has imported folium for other tests already.
    code = f"import sys, {module}; print('folium' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "False"
