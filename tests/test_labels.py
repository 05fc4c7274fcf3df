"""Names of projects, themes and Euregios in the reader's language; tables and facts."""

from __future__ import annotations

import math

import pandas as pd
import pytest
import shapely

from gros import i18n, labels, tables
from gros.importers import Rejection
from gros.projects import Partner, Project, projects_frame


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    """Two projects: one titled in German too, one with nothing but its own title."""
    frame = projects_frame([
        Project(id="fire", title="Grensbrandweer", titles={"de": "Grenzfeuerwehr"},
                themes=("safety", "health"), geometry=shapely.Point(6, 51),
                sources=("https://example.org/fire",), start="2023", end="2027",
                budget_eur=1.5e6, countries=("NL", "DE"), status="ongoing",
                lead_partner=Partner("Gemeente Venlo", "NL")),
        Project(id="plan", title="Plan", themes=("economy",), geometry=shapely.Point(5, 50),
                sources=("https://example.org/plan",), countries=("BE",)),
    ])
    frame["euregios"] = [["rhein-maas-nord"], []]
    return frame


@pytest.mark.parametrize(("language", "expected"), [
    ("de", ["Grenzfeuerwehr", "Plan"]),
    ("nl", ["Grensbrandweer", "Plan"]),
    ("en", ["Grensbrandweer", "Plan"]),
])
def test_titles_fall_back_to_the_project_s_own(frame, language, expected):
    assert list(labels.title_column(frame, language)) == expected
    assert [labels.project_title(row, language) for _, row in frame.iterrows()] == expected


@pytest.mark.parametrize(("ids", "icons", "expected"), [
    (("transport",), True, ":material/train: Public transport and mobility"),
    (("labour", "education"), False, "Labour market · Education"),
    ((), True, ""),
])
def test_theme_labels(ids, icons, expected):
    assert labels.theme_labels(ids, "en", icons=icons) == expected


def test_euregio_names_without_layers_are_the_ids():
    assert labels.euregio_names(None, "nl") == {}
    assert labels.euregio_name(None, "maas-rijn", "nl") == "maas-rijn"


def test_the_project_table_keeps_unknown_budgets_empty(frame):
    table = tables.project_table(frame, {"rhein-maas-nord": "euregio rhein-maas-nord"}, "en")
    assert list(table.columns) == [i18n.t(f"column.{key}", "en") for key in (
        "title", "themes", "status", "period", "programme", "budget", "eu", "lead",
        "countries", "euregios")]
    first, second = table.to_dict("records")
    assert first[table.columns[0]] == "Grensbrandweer"
    assert first[table.columns[1]] == "Disaster management and public safety, Health care"
    assert first[table.columns[3]] == "2023 – 2027"
    assert first[table.columns[9]] == "euregio rhein-maas-nord"
    assert first[table.columns[5]] == 1.5e6
    assert math.isnan(second[table.columns[5]])
    assert second[table.columns[3]] == "" and second[table.columns[2]] == ""


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2016", "2021", "2016 – 2021"), ("2016", None, "2016"), (None, "2021", "2021"),
    (None, None, ""),
])
def test_periods(start, end, expected):
    assert tables.period(start, end) == expected


def test_facts_say_unknown_with_a_dash(frame):
    facts = dict(tables.project_facts(frame.iloc[1], {}, "en"))
    assert facts[i18n.t("detail.period", "en")] == "—"
    assert facts[i18n.t("detail.budget", "en")] == "—"
    assert facts[i18n.t("detail.lead", "en")] == "—"
    known = dict(tables.project_facts(frame.iloc[0], {"rhein-maas-nord": "RMN"}, "nl"))
    assert known[i18n.t("detail.budget", "nl")] == "€\u00a01.500.000"
    assert known[i18n.t("detail.euregios", "nl")] == "RMN"
    assert known[i18n.t("detail.lead", "nl")] == "Gemeente Venlo (NL)"


@pytest.mark.parametrize("language", ["nl", "de", "fr", "en"])
def test_facts_say_when_a_line_is_schematic(language):
    lines = projects_frame([Project(
        id="rail", title="Rail", themes=("transport",), precision="schematic",
        geometry=shapely.LineString([(5.7, 50.85), (6.09, 50.77)]),
        sources=("https://example.org/rail",))])
    lines["euregios"] = [["maas-rijn"]]
    facts = dict(tables.project_facts(lines.iloc[0], {}, language))
    shown = facts[i18n.t("detail.precision", language)]
    assert shown == i18n.t("precision.schematic", language)
    assert shown != i18n.t("precision.exact", language)


def test_rejections_read_as_row_column_reason():
    rejected = [Rejection(4, "budget", "expected an amount, got 'veel'"),
                Rejection(9, "geometry", "a location is required")]
    table = tables.rejections_table(rejected, "de")
    assert list(table.columns) == [i18n.t(f"data.{key}", "de")
                                   for key in ("row", "column", "reason")]
    assert table.values.tolist() == [[4, "budget", "expected an amount, got 'veel'"],
                                     [9, "geometry", "a location is required"]]
