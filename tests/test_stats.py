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
    assert summary.loc["health", "eu_contribution_eur"] == 0.0


def test_counts_per_euregio_and_theme():
    assert stats.projects_per_euregio(_frame(), ["maas-rijn", "euregio", "edr"]).to_dict() == {
        "maas-rijn": 2, "euregio": 1, "edr": 0}
    assert stats.projects_per_theme(_frame())["transport"] == 2
