"""The theme tables (gros.themes): every keep.eu keyword and every objective maps onto a theme."""

from __future__ import annotations

import pytest

from gros import themes
from gros.importers.values import theme_ids

# keep.eu's 42 thematic keywords as it writes them, from its own list
# (https://keep.eu/thematics-what-are-they-how-are-they-assigned-to-projects/).
KEEP_EU_KEYWORDS = (
    "Agriculture and fisheries and forestry", "Climate change and biodiversity",
    "Clustering and economic cooperation", "Coastal management and maritime issues",
    "Community integration and common identity", "Construction and renovation",
    "Cooperation between emergency services", "Cultural heritage and arts",
    "Demographic change and immigration", "Education and training", "Energy efficiency",
    "Evaluation systems and results", "Governance, partnership", "Green technologies",
    "Health and social services", "ICT and digital society", "Improving transport connections",
    "Infrastructure", "Innovation capacity and awareness-raising",
    "Institutional cooperation and cooperation networks", "Knowledge and technology transfer",
    "Labour market and employment", "Logistics and freight transport",
    "Managing natural and man-made threats, risk management", "Multimodal transport",
    "New products and services", "Regional planning and development", "Renewable energy",
    "Rural and peripheral development", "Safety", "Scientific cooperation",
    "SME and entrepreneurship", "Social inclusion and equal opportunities",
    "Soil and air quality", "Sustainable management of natural resources", "Tourism",
    "Traditional energy", "Transport and mobility", "Urban development", "Waste and pollution",
    "Water management", "Waterways, lakes and rivers")


def test_the_source_list_has_keep_eu_s_42_keywords():
    assert len(set(KEEP_EU_KEYWORDS)) == 42


@pytest.mark.parametrize("keyword", KEEP_EU_KEYWORDS)
def test_every_keep_eu_keyword_maps_onto_a_theme(keyword):
    ids, unknown = themes.keep_themes([keyword])
    assert ids and not unknown
    assert set(ids) <= set(themes.THEME_IDS)
    assert theme_ids(keyword) == ids


def test_the_table_holds_nothing_but_keep_eu_s_keywords():
    assert set(themes.KEEP_THEMES) == {k.lower() for k in KEEP_EU_KEYWORDS}
    assert all(set(v) <= set(themes.THEME_IDS) for v in themes.KEEP_THEMES.values())


@pytest.mark.parametrize(("keyword", "expected"), [
    ("Knowledge and technology transfer", ["economy", "education"]),
    ("Evaluation systems and results", ["governance"]),
    ("Rural and peripheral development", ["governance"]),
    ("Innovation capacity and awareness-raising", ["economy"]),
])
def test_the_four_keywords_that_mapped_onto_nothing_do_now(keyword, expected):
    assert themes.keep_themes([keyword]) == (expected, [])


def test_every_thematic_objective_maps_onto_a_theme():
    assert sorted(themes.THEMATIC_OBJECTIVES) == list(range(1, 12))
    for number, (title, ids) in themes.THEMATIC_OBJECTIVES.items():
        assert ids and set(ids) <= set(themes.THEME_IDS), number
        assert themes.objective_themes(title, "thematic") == ids


@pytest.mark.parametrize(("value", "kind", "expected"), [
    ("TO1", "thematic", ("economy",)),
    ("07 - Promoting sustainable transport", "thematic", ("transport",)),
    ("Thematic objective 11", "thematic", ("governance",)),
    ("12", "thematic", ()),                # there are eleven
    ("1.1 Research", "thematic", ()),      # a specific objective's number, not a TO
    ("1b", "investment", ("economy",)),
    ("IP 6c - natural and cultural heritage", "investment", ("environment",)),
    ("8a", "investment", ("labour",)),
    ("11b", "investment", ("governance",)),
    ("Tourism", "investment", ()),
    ("RSO2.4", "specific", ("environment",)),
    ("PO3", "specific", ("transport",)),
    ("ISO1", "specific", ("governance",)),
    ("SO 1.1", "specific", ()),            # numbered by the programme's own axes
])
def test_objective_codes(value, kind, expected):
    assert themes.objective_themes(value, kind) == expected
