import pandas as pd

from gros import stats


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "themes": [["transport"], ["transport", "economy"], ["health"]],
        "budget_eur": [10.0, None, 5.0],
        "eu_contribution_eur": [4.0, 1.0, None],
        "euregios": [["maas-rijn"], ["maas-rijn", "euregio"], []],
    })


def test_theme_summary_counts_multi_theme_projects_under_each():
    summary = stats.theme_summary(_frame()).set_index("theme")
    assert summary.loc["transport", "projects"] == 2
    assert summary.loc["transport", "budget_eur"] == 10.0
    assert summary.loc["transport", "budget_known"] == 1
    assert summary.loc["transport", "eu_contribution_eur"] == 5.0
    assert summary.loc["transport", "euregios"] == ["euregio", "maas-rijn"]
    assert summary.loc["labour", "projects"] == 0
    # No health project has a known EU contribution: the total is unknown, not 0.
    assert pd.isna(summary.loc["health", "eu_contribution_eur"])
    assert summary.loc["health", "eu_known"] == 0
    assert pd.isna(summary.loc["labour", "budget_eur"])


def test_a_known_total_says_how_many_projects_it_covers():
    total = stats.known_total(pd.Series([500_000.0, None, 309_500.0, None]))
    assert total == stats.KnownTotal(809_500.0, 2, 4)
    assert stats.describe_total(total, "nl") == (
        "€\u00a0809.500 — 2 van 4 projecten met een bekend budget")
    assert stats.describe_total(total, "en") == "€809,500 — 2 of 4 projects with a known budget"
    assert stats.describe_total(total, "de", "eu") == (
        "809.500\u00a0€ — 2 von 4 Projekten mit bekannter EU-Förderung")


def test_an_unknown_total_is_never_zero():
    nothing = stats.known_total(pd.Series([None, None], dtype=float))
    assert nothing.total is None
    assert stats.describe_total(nothing, "nl") == (
        "onbekend — 0 van 2 projecten met een bekend budget")


def test_a_complete_total_is_the_amount_alone():
    assert stats.describe_total(stats.known_total(pd.Series([1_000.0, 2_000.0])), "fr") == (
        "3\u202f000\u00a0€")


def test_counts_per_euregio_and_theme():
    assert stats.projects_per_euregio(_frame(), ["maas-rijn", "euregio", "edr"]).to_dict() == {
        "maas-rijn": 2, "euregio": 1, "edr": 0}
    assert stats.projects_per_theme(_frame())["transport"] == 2
