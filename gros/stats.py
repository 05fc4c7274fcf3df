"""Figures for the theme and Euregio panels, computed from a project catalogue."""

from __future__ import annotations

import pandas as pd

from gros import themes


def theme_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Per theme: projects, total budget, EU contribution and the Euregios involved.

    A project with several themes counts under each. Budgets sum the known
    amounts only; ``budget_known`` says how many projects had one.
    """
    rows = []
    for theme in themes.THEMES:
        subset = frame[frame["themes"].map(lambda ids, t=theme.id: t in ids)]
        euregios = sorted({e for found in subset["euregios"] for e in found})
        rows.append({
            "theme": theme.id,
            "projects": len(subset),
            "budget_eur": float(subset["budget_eur"].sum()),
            "budget_known": int(subset["budget_eur"].notna().sum()),
            "eu_contribution_eur": float(subset["eu_contribution_eur"].sum()),
            "euregios": euregios,
        })
    return pd.DataFrame(rows)


def projects_per_euregio(frame: pd.DataFrame, euregio_ids: list[str]) -> pd.Series:
    """How many of the projects touch each Euregio (a project may touch several)."""
    return pd.Series({e: int(frame["euregios"].map(lambda found, e=e: e in found).sum())
                      for e in euregio_ids}, name="projects")


def projects_per_theme(frame: pd.DataFrame) -> pd.Series:
    """How many of the projects carry each theme."""
    return pd.Series({t: int(frame["themes"].map(lambda ids, t=t: t in ids).sum())
                      for t in themes.THEME_IDS}, name="projects")
