"""Eurostat figures as people read them: numbers in their language, unit, year, flags.

Every figure shown (tooltip, table, export, command line) carries its year and its
flags in words; a missing one says why ("no comparable figure: … redrawn from …").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from gros import numbers
from gros.i18n import STRINGS, t
from gros.indicators import INDICATORS, SHOWN, Figure, Member, Profile


def indicator_label(indicator: str, language: str) -> str:
    return t(f"indicator.{indicator}", language)


def unit_label(indicator: str, language: str) -> str:
    return t(f"unit.{INDICATORS[indicator].unit}", language)


def flags_text(flags: str, language: str) -> str:
    """Eurostat's flag letters in words: ``"ep"`` → ``"estimated, provisional"``."""
    words = []
    for flag in flags:
        key = f"flag.{flag.lower()}"
        words.append(t(key, language) if key in STRINGS else t("flag.other", language, flag=flag))
    return ", ".join(words)


def value_text(figure: Figure, indicator: str, language: str) -> str:
    """The value alone, in the language's number format (:data:`numbers.UNKNOWN` if None)."""
    return numbers.number(figure.value, language, INDICATORS[indicator].decimals)


def note_text(figure: Figure, language: str) -> str:
    """Why a figure is missing, or how it was found ('' for a plain published figure)."""
    if figure.value is None and figure.redrawn:
        return t("stats.no_comparable", language, code=", ".join(figure.redrawn),
                 codes=", ".join(figure.codes), year=figure.year)
    if figure.value is None:
        return t("stats.no_figure", language)
    return figure.note or ""


def figure_text(figure: Figure, indicator: str, language: str) -> str:
    """``600.149 inwoners (2025)``, ``40.600 euro per inwoner (2020, voorlopig)``, or why not."""
    if figure.value is None:
        return note_text(figure, language)
    when = ", ".join(part for part in (str(figure.year), flags_text(figure.flags, language))
                     if part)
    return f"{value_text(figure, indicator, language)} {unit_label(indicator, language)} ({when})"


def method_text(members: Sequence[Member], language: str) -> str:
    """How an area's figures were put together, with its regions and the partial ones."""
    text = t("stats.method", language, count=len(members),
             codes=", ".join(m.nuts_id for m in members))
    partial = [m.nuts_id for m in members if m.partial]
    if partial:
        text += " " + t("stats.method.partial", language, codes=", ".join(partial))
    return text


def figures_frame(areas: Mapping[str, Mapping[str, Figure]], language: str) -> pd.DataFrame:
    """One row per (area, indicator): value, unit, year, flags in words, note — for
    tables and exports. Values stay numbers (None when missing), never 0."""
    rows = []
    for area, figures in areas.items():
        for indicator in SHOWN:
            figure = figures[indicator]
            rows.append({
                t("stats.column.area", language): area,
                t("stats.column.indicator", language): indicator_label(indicator, language),
                t("stats.column.value", language): figure.value,
                t("stats.column.unit", language): unit_label(indicator, language),
                t("stats.year", language): figure.year,
                t("stats.flags", language): flags_text(figure.flags, language),
                t("stats.column.note", language): note_text(figure, language),
            })
    return pd.DataFrame(rows)


def profile_table(profile: Profile, language: str, countries: Mapping[str, str]) -> pd.DataFrame:
    """Indicators down, the total and each country part across, as text people read."""
    columns = {t("stats.total", language): profile.total}
    for country, figures in profile.parts.items():
        columns[t("stats.part", language, country=countries.get(country, country))] = figures
    return pd.DataFrame(
        {name: [figure_text(figures[i], i, language) for i in SHOWN]
         for name, figures in columns.items()},
        index=[indicator_label(i, language) for i in SHOWN])


def figure_lines(figures: Mapping[str, Figure], language: str) -> list[str]:
    """The command line's text: one indicator a line."""
    width = max(len(indicator_label(i, language)) for i in figures)
    return [f"  {indicator_label(i, language):<{width}}  {figure_text(f, i, language)}"
            for i, f in figures.items()]


def part_lines(profile: Profile, language: str) -> list[str]:
    """The command line's text after an area's totals: each country part, then the method."""
    lines = [line for country, figures in profile.parts.items()
             for line in (f"{country}:", *figure_lines(figures, language))]
    return [*lines, method_text(profile.members, language)]


def population_series(profile: Profile) -> pd.Series:
    """An area's population on 1 January by year, where every region has a figure."""
    known = {year: figure.value for year, figure in profile.population.items()
             if figure.value is not None}
    return pd.Series(known, name=t("stats.population_series", "en"), dtype=float)


def comparison_chart(areas: Mapping[str, Mapping[str, Figure]], indicator: str) -> pd.Series:
    """One indicator's value per area (NaN where there is none), for a bar chart."""
    return pd.Series({area: figures[indicator].value for area, figures in areas.items()},
                     dtype=float)
