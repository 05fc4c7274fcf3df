"""Project filters, table-driven."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from gros.filters import MembershipIndex, ProjectFilter, apply_filter
from gros.projects import Partner, Project, projects_frame


@pytest.fixture(scope="module")
def catalogue() -> gpd.GeoDataFrame:
    """Four projects with their (pretend) regions joined, as gros.loaders builds them."""
    def project(pid, themes, start, end, budget, countries, status, **extra):
        return Project(id=pid, title=extra.pop("title", pid.title()), themes=themes,
                       geometry=shapely.Point(6, 51), sources=("https://example.org",),
                       start=start, end=end, budget_eur=budget, countries=countries,
                       status=status, **extra)

    frame = projects_frame([
        project("rail", ("transport",), "2018", None, 28e6, ("NL", "DE"), "ongoing",
                programme="CEF", description="Three-country train"),
        project("school", ("education", "culture"), "2010", "2014", 1e6, ("NL", "BE"),
                "completed", partners=(Partner("Université de Liège", "BE"),)),
        project("fire", ("safety",), "2023", "2027", None, ("NL", "DE"), "ongoing",
                titles={"de": "Grenzfeuerwehr"}),
        project("plan", ("transport", "economy"), None, None, 5e5, ("BE",), "planned"),
    ])
    frame["euregios"] = [["maas-rijn"], ["maas-rijn", "scheldemond"], ["euregio"], []]
    frame["border_provinces"] = [["NL42"], ["BE33"], ["DEA"], []]
    return frame


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (ProjectFilter(), ["rail", "school", "fire", "plan"]),
        (ProjectFilter(themes=("transport",)), ["rail", "plan"]),
        (ProjectFilter(themes=("culture", "safety")), ["school", "fire"]),
        (ProjectFilter(countries=("BE",)), ["school", "plan"]),
        (ProjectFilter(euregios=("maas-rijn",)), ["rail", "school"]),
        (ProjectFilter(provinces=("DEA",)), ["fire"]),
        (ProjectFilter(statuses=("planned", "completed")), ["school", "plan"]),
        (ProjectFilter(programmes=("CEF",)), ["rail"]),
        # Overlapping periods; an open start or end counts as open.
        (ProjectFilter(years=(2019, 2020)), ["rail", "plan"]),
        (ProjectFilter(years=(2012, 2012)), ["school", "plan"]),
        (ProjectFilter(budget=(1e6, 3e7)), ["rail", "school"]),
        (ProjectFilter(query="three-country"), ["rail"]),
        (ProjectFilter(query="liège"), ["school"]),
        (ProjectFilter(query="grenzfeuerwehr"), ["fire"]),
        (ProjectFilter(themes=("transport",), countries=("DE",)), ["rail"]),
    ],
)
def test_filters_keep_the_right_projects(catalogue, wanted, expected):
    assert list(apply_filter(catalogue, wanted)["id"]) == expected
    # The same with the catalogue's membership index, which the dashboard filters with.
    indexed = apply_filter(catalogue, wanted, MembershipIndex(catalogue))
    assert list(indexed["id"]) == expected


def test_the_membership_index_knows_values_nobody_holds(catalogue):
    index = MembershipIndex(catalogue)
    assert not index.any_of("themes", ("no-such-theme",)).any()
    assert list(index.any_of("border_provinces", ("NL42", "DEA", "XX"))) == [
        True, False, True, False]
