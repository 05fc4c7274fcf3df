"""Figures per NUTS-3 region and per Euregio, in NUTS 2024, from Eurostat's datasets.

Eurostat publishes reference years from 2024 under NUTS 2024 codes and leaves older
years under the codes of their time, so a region's series may stop under its old code
and go on under its new one. A NUTS 2024 region's figure for a year is therefore taken
from its own code, else from the codes it was before (``geodata/nuts3_history.csv``,
through :mod:`gros.nuts_history`) where those cover exactly its area: a recoded or
renamed region, or regions merged into it. Where its area was redrawn (a boundary
shift, a split) there is *no comparable figure*, and the :class:`Figure` says which
codes were affected, rather than showing a figure of another area.

A Euregio's figures are sums over the NUTS-3 regions given (:func:`area_profile`), the
per-head and per-km² figures derived from those sums; the method says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from gros import eurostat
from gros.nuts_history import EXACT_KINDS, NutsHistory, load_history, normal_code, nuts_level

SUMMED = ("population", "area_km2", "gdp_mio_eur", "gdp_mio_pps")


@dataclass(frozen=True)
class Indicator:
    """A figure the dashboard shows: where it comes from and how it is written.

    ``series`` selects the dataset's rows (dimension → code); ``ratio`` names the two
    summed indicators a derived figure divides (numerator, denominator, factor).
    """

    id: str
    unit: str
    decimals: int
    dataset: str = ""
    series: Mapping[str, str] = field(default_factory=dict)
    ratio: tuple[str, str, float] | None = None


INDICATORS: dict[str, Indicator] = {
    "population": Indicator("population", "persons", 0, "demo_r_pjanaggr3"),
    "area_km2": Indicator("area_km2", "km2", 0, "reg_area3"),
    "density": Indicator("density", "per_km2", 1, ratio=("population", "area_km2", 1.0)),
    "gdp_mio_eur": Indicator("gdp_mio_eur", "mio_eur", 0, "nama_10r_3gdp",
                             {"unit": "MIO_EUR"}),
    "gdp_eur_per_head": Indicator("gdp_eur_per_head", "eur_per_head", 0, "nama_10r_3gdp",
                                  {"unit": "EUR_HAB"},
                                  ratio=("gdp_mio_eur", "population", 1e6)),
    "gdp_pps_per_head": Indicator("gdp_pps_per_head", "pps_per_head", 0, "nama_10r_3gdp",
                                  {"unit": "PPS_EU27_2020_HAB"},
                                  ratio=("gdp_mio_pps", "population", 1e6)),
    # Only summed into a Euregio's GDP per head in purchasing power standards.
    "gdp_mio_pps": Indicator("gdp_mio_pps", "mio_pps", 0, "nama_10r_3gdp",
                             {"unit": "MIO_PPS_EU27_2020"}),
}
SHOWN = ("population", "area_km2", "density", "gdp_mio_eur", "gdp_eur_per_head",
         "gdp_pps_per_head")
"""The indicators people see, in the order they are listed."""


@dataclass(frozen=True)
class Figure:
    """A value with its reference year and Eurostat flags (``p`` provisional, ``e``
    estimated, ``b`` break in series…); ``value`` None with a ``note`` saying why."""

    value: float | None
    year: int | None
    flags: str = ""
    note: str | None = None
    codes: tuple[str, ...] = ()
    """The codes Eurostat publishes the figure under (or the affected codes)."""
    redrawn: tuple[str, ...] = ()
    """The NUTS 2024 regions without a comparable figure, when that is why it is None."""

    def to_json(self, unit: str) -> dict[str, object]:
        entry: dict[str, object] = {"value": self.value, "year": self.year,
                                    "flags": self.flags, "unit": unit}
        if self.note:
            entry["note"] = self.note
        return entry


def _flags(figures: Iterable[Figure]) -> str:
    return "".join(sorted({flag for figure in figures for flag in figure.flags}))


Series = dict[str, dict[int, tuple[float, str]]]
"""code → year → (value, flags), the values Eurostat published (missing ones left out)."""


def _series(table: eurostat.Table, selection: Mapping[str, str]) -> Series:
    frame = table.frame
    for column, code in selection.items():
        frame = frame[frame[column] == code]
    frame = frame[frame["value"].notna()]
    series: Series = {}
    for geo, year, value, flags in zip(frame["geo"], frame["year"], frame["value"],
                                       frame["flags"], strict=True):
        series.setdefault(geo, {})[int(year)] = (float(value), flags)
    return series


@dataclass(frozen=True)
class _Predecessor:
    code: str
    vintage: int  # the newest NUTS year the code belongs to
    comparable: bool  # its area lies wholly in the one successor


def _predecessors(history: NutsHistory) -> dict[str, list[_Predecessor]]:
    found: dict[str, list[_Predecessor]] = {}
    for code, rows in history.changes.items():
        if code in history.current:
            continue
        change = rows[0]
        comparable = (len(change.nuts2024) == 1
                      and (change.kind in EXACT_KINDS or change.kind == "merged"))
        for target in change.nuts2024:
            found.setdefault(target, []).append(
                _Predecessor(code, max(row.nuts_year for row in rows), comparable))
    return found


class Statistics:
    """The datasets as figures of NUTS 2024 regions (:meth:`figure`, :meth:`latest`)."""

    def __init__(self, tables: Mapping[str, eurostat.Table],
                 history: NutsHistory | None = None):
        self.history = history if history is not None else load_history()
        self.tables = dict(tables)
        self._series = {key: _series(self.tables[ind.dataset], ind.series)
                        for key, ind in INDICATORS.items() if ind.dataset}
        self._predecessors = _predecessors(self.history)
        self._cache: dict[tuple[str, str], dict[int, Figure]] = {}

    def name(self, code: str) -> str:
        """The NUTS 2024 name of a region ('' when unknown)."""
        return self.history.current.get(code, "")

    def years(self, indicator: str) -> list[int]:
        """Every year with a figure of ``indicator`` for some region, ascending."""
        base = INDICATORS[indicator].ratio[0] if indicator == "density" else indicator
        return sorted({year for by_year in self._series[base].values() for year in by_year})

    def _published(self, indicator: str, code: str) -> dict[int, Figure]:
        """Figures of ``code`` (NUTS 2024) by year, own or through its old codes."""
        key = (indicator, code)
        if key in self._cache:
            return self._cache[key]
        series = self._series[indicator]
        figures = {year: Figure(value, year, flags, codes=(code,))
                   for year, (value, flags) in series.get(code, {}).items()}
        earlier = self._predecessors.get(code, [])
        years = {year for p in earlier for year in series.get(p.code, {})} - set(figures)
        for year in sorted(years):
            figures[year] = self._from_predecessors(code, year, earlier, series)
        self._cache[key] = figures
        return figures

    @staticmethod
    def _from_predecessors(code: str, year: int, earlier: list[_Predecessor],
                           series: Series) -> Figure:
        redrawn = [p for p in earlier if not p.comparable]
        if redrawn:
            codes = tuple(sorted(p.code for p in earlier))
            return Figure(None, year, note=(
                f"no comparable figure: {code} (NUTS 2024) was redrawn from "
                f"{', '.join(codes)}; Eurostat gives {year} only for those codes"), codes=codes,
                redrawn=(code,))
        # The newest codes first; a merge is summed only when every part has the year.
        for vintage in sorted({p.vintage for p in earlier}, reverse=True):
            parts = [p.code for p in earlier if p.vintage == vintage]
            if all(year in series.get(part, {}) for part in parts):
                values = [series[part][year] for part in parts]
                return Figure(sum(v for v, _ in values), year,
                              "".join(sorted({f for _, flags in values for f in flags})),
                              note=f"{code} given as {' + '.join(parts)} (NUTS {vintage})",
                              codes=tuple(parts))
        return Figure(None, year, note=f"no figure for {code} in {year}")

    def figure(self, indicator: str, code: str, year: int) -> Figure:
        """The figure of one region and year, derived ones (density) computed."""
        spec = INDICATORS[indicator]
        if spec.dataset:
            found = self._published(indicator, code).get(year)
            return found or Figure(None, year, note=f"no figure for {code} in {year}")
        top, bottom, factor = spec.ratio  # type: ignore[misc]
        return _divide(self.figure(top, code, year), self.figure(bottom, code, year), factor)

    def latest(self, indicator: str, code: str) -> Figure:
        """The newest figure with a value, or the newest reason there is none."""
        figures = [self.figure(indicator, code, year) for year in reversed(self.years(indicator))]
        for figure in figures:
            if figure.value is not None:
                return figure
        reasons = [figure for figure in figures if figure.redrawn]
        return reasons[0] if reasons else Figure(None, None, note=f"no figure for {code}")

    def region(self, code: str) -> dict[str, Figure]:
        """Every shown indicator's latest figure for one NUTS-3 region."""
        return {indicator: self.latest(indicator, code) for indicator in SHOWN}

    def layer_values(self, indicator: str, year: int, codes: Iterable[str]) -> dict[str, Figure]:
        """The figure of each region in ``codes`` for one year (the map's classes)."""
        return {code: self.figure(indicator, code, year) for code in codes}

    def latest_common_year(self, indicator: str, codes: Sequence[str]) -> int | None:
        """The newest year in which most of ``codes`` have a figure (the map's default)."""
        for year in reversed(self.years(indicator)):
            known = sum(self.figure(indicator, code, year).value is not None for code in codes)
            if codes and known >= 0.9 * len(codes):
                return year
        return None


def _divide(top: Figure, bottom: Figure, factor: float) -> Figure:
    if top.value is None or bottom.value is None or not bottom.value:
        why = top if top.value is None else bottom
        return Figure(None, top.year, note=why.note, codes=why.codes, redrawn=why.redrawn)
    return Figure(top.value * factor / bottom.value, top.year, _flags((top, bottom)),
                  codes=tuple(dict.fromkeys(top.codes + bottom.codes)))


@dataclass(frozen=True)
class Member:
    """A NUTS-3 region of an area and whether the area covers only part of it."""

    nuts_id: str
    country: str
    partial: bool = False


@dataclass(frozen=True)
class Profile:
    """An area's figures: in total, per country part, the population by year, and how."""

    total: dict[str, Figure]
    parts: dict[str, dict[str, Figure]]
    population: dict[int, Figure]
    method: str
    members: tuple[Member, ...]


def _sum(stats: Statistics, indicator: str, codes: Sequence[str], year: int) -> Figure:
    figures = [stats.figure(indicator, code, year) for code in codes]
    lacking = [figure for figure in figures if figure.value is None]
    if lacking:
        redrawn = [figure for figure in lacking if figure.redrawn]
        if redrawn:
            return Figure(None, year, note="; ".join(dict.fromkeys(f.note or "" for f in redrawn)),
                          codes=tuple(dict.fromkeys(c for f in redrawn for c in f.codes)),
                          redrawn=tuple(dict.fromkeys(c for f in redrawn for c in f.redrawn)))
        absent = [code for code, figure in zip(codes, figures, strict=True) if figure.value is None]
        return Figure(None, year, note=f"no figure in {year} for {', '.join(absent)}")
    return Figure(sum(f.value for f in figures), year, _flags(figures),  # type: ignore[misc]
                  codes=tuple(codes))


def _aggregate(stats: Statistics, indicator: str, codes: Sequence[str]) -> Figure:
    """The newest year in which every region has a figure, summed or divided."""
    spec = INDICATORS[indicator]
    years = list(reversed(stats.years(spec.ratio[0] if spec.ratio else indicator)))
    first_reason: Figure | None = None
    for year in years:
        if spec.ratio:
            top, bottom, factor = spec.ratio
            found = _divide(_sum(stats, top, codes, year), _sum(stats, bottom, codes, year),
                            factor)
        else:
            found = _sum(stats, indicator, codes, year)
        if found.value is not None:
            return found
        # A redrawn region (it names codes) says more than a year not yet published.
        if first_reason is None or (found.redrawn and not first_reason.redrawn):
            first_reason = found
    return first_reason or Figure(None, None, note="no figure")


def _method(members: Sequence[Member]) -> str:
    partial = [m.nuts_id for m in members if m.partial]
    text = (f"sum of the {len(members)} NUTS-3 regions (NUTS 2024) the area is made of: "
            f"{', '.join(m.nuts_id for m in members)}; each figure is of the newest year in "
            "which every region has one. Density is population ÷ area, GDP per head is GDP ÷ "
            "population on 1 January, both of the summed regions.")
    if partial:
        text += (f" {', '.join(partial)} lie only partly in the area and are counted whole, "
                 "so the figures overstate it there.")
    return text


def area_profile(stats: Statistics, members: Sequence[Member]) -> Profile:
    """The figures of an area made of NUTS-3 regions (a Euregio), total and per country.

    This is the one place that aggregates: it takes the regions, however they were
    found (membership table, municipalities), and sums their figures.
    """
    codes = [m.nuts_id for m in members]
    total = {indicator: _aggregate(stats, indicator, codes) for indicator in SHOWN}
    parts = {}
    for country in sorted({m.country for m in members}):
        own = [m.nuts_id for m in members if m.country == country]
        parts[country] = {indicator: _aggregate(stats, indicator, own) for indicator in SHOWN}
    population = {year: _sum(stats, "population", codes, year)
                  for year in stats.years("population")}
    return Profile(total, parts, population, _method(members), tuple(members))


def euregio_members(memberships: pd.DataFrame, euregio_id: str) -> list[Member]:
    """The NUTS-3 regions of a Euregio in a membership table (``regions.read_memberships``)."""
    rows = memberships[memberships["euregio_id"] == euregio_id]
    return [Member(row.nuts_id, row.country, bool(row.partial)) for row in rows.itertuples()]


def figures_of(stats: Statistics, memberships: pd.DataFrame, pick: str) -> dict[str, Figure]:
    """The latest figures of a Euregio (its id: summed over its regions) or a NUTS-3
    region (its NUTS 2024 code), for comparing them side by side."""
    if pick in set(memberships["euregio_id"]):
        return area_profile(stats, euregio_members(memberships, pick)).total
    return stats.region(pick)


def figures_json(figures: Mapping[str, Figure]) -> dict[str, dict[str, object]]:
    """Figures as the command line's JSON writes them (value, year, flags, unit)."""
    return {key: figure.to_json(INDICATORS[key].unit) for key, figure in figures.items()}


def region_json(stats: Statistics, code: str) -> dict[str, object]:
    """What ``stats region CODE --json`` prints: the region's latest figures.

    Raises
    ------
    ValueError
        For a code that is not a NUTS-3 region of NUTS 2024; an old code's message says
        which NUTS 2024 region(s) its area lies in.
    """
    wanted = normal_code(code)
    if wanted not in stats.history.current or nuts_level(wanted) != 3:
        found = stats.history.successors(wanted)
        hint = (f"; in NUTS 2024 its area lies in {', '.join(found)}" if found and
                found != (wanted,) else "")
        raise ValueError(f"{code!r} is not a NUTS-3 region of NUTS 2024 (e.g. 'NL423'){hint}")
    return {"nuts_id": wanted, "name": stats.name(wanted),
            "indicators": figures_json(stats.region(wanted))}


def profile_json(profile: Profile) -> dict[str, object]:
    """A profile as ``stats euregio ID --json`` prints it (besides the id and name)."""
    return {
        "indicators": figures_json(profile.total),
        "parts": {country: figures_json(figures) for country, figures in profile.parts.items()},
        "method": profile.method,
        "members": [{"nuts_id": m.nuts_id, "country": m.country, "partial": m.partial}
                    for m in profile.members],
    }
