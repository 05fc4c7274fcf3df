"""Figures for the theme and Euregio panels, computed from a project catalogue.

A total over amounts is honest about what it covers: :class:`KnownTotal` keeps the sum
of the known amounts with how many projects had one and how many were counted, and a
total with no known amount is unknown, never 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from gros import i18n, numbers, themes


@dataclass(frozen=True)
class KnownTotal:
    """The sum of the known amounts (None when none is known), and of how many."""

    total: float | None
    known: int
    count: int

    @property
    def complete(self) -> bool:
        return self.known == self.count


def known_total(values: pd.Series) -> KnownTotal:
    """Sum the known values of ``values``; unknown ones (NaN, None) are left out."""
    known = values.dropna()
    return KnownTotal(float(known.sum()) if len(known) else None, len(known), len(values))


def describe_total(total: KnownTotal, language: str, what: str = "budget") -> str:
    """``€ 809.500 — 3 van 23 projecten met een bekend budget`` in ``language``.

    ``what`` is ``budget`` or ``eu``; an unknown total reads as unknown, never 0, and a
    total every project contributes to is the amount alone.
    """
    amount = (numbers.money(total.total, language) if total.total is not None
              else i18n.t("euregio.unknown", language))
    if total.count == 0 or total.complete:
        return amount
    coverage = i18n.t(f"total.known.{what}", language, known=numbers.number(total.known, language),
                      count=numbers.number(total.count, language))
    return f"{amount} — {coverage}"


def theme_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Per theme: projects, total budget, EU contribution and the Euregios involved.

    A project with several themes counts under each. Amounts sum the known ones only
    (NaN where none is known, never 0); ``budget_known`` and ``eu_known`` say how many
    projects had one.
    """
    rows = []
    for theme in themes.THEMES:
        subset = frame[frame["themes"].map(lambda ids, t=theme.id: t in ids)]
        euregios = sorted({e for found in subset["euregios"] for e in found})
        budget = known_total(subset["budget_eur"])
        eu = known_total(subset["eu_contribution_eur"])
        rows.append({
            "theme": theme.id,
            "projects": len(subset),
            "budget_eur": budget.total,
            "budget_known": budget.known,
            "eu_contribution_eur": eu.total,
            "eu_known": eu.known,
            "euregios": euregios,
        })
    summary = pd.DataFrame(rows)
    for column in ("budget_eur", "eu_contribution_eur"):
        summary[column] = summary[column].astype(float)
    return summary


def projects_per_euregio(frame: pd.DataFrame, euregio_ids: list[str]) -> pd.Series:
    """How many of the projects touch each Euregio (a project may touch several)."""
    return pd.Series({e: int(frame["euregios"].map(lambda found, e=e: e in found).sum())
                      for e in euregio_ids}, name="projects")


def projects_per_theme(frame: pd.DataFrame) -> pd.Series:
    """How many of the projects carry each theme."""
    return pd.Series({t: int(frame["themes"].map(lambda ids, t=t: t in ids).sum())
                      for t in themes.THEME_IDS}, name="projects")
