"""keep.eu workbooks: the projects sheet, its rows joined with those of the partners sheet on
the 2021–2027 project id, else on Programme and Acronym.

Both known layouts are read: ``Projects (lead partners)`` with ``Partners``, and
``Search results, projects`` with ``Search results, partners``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from gros.importers.cells import first, fold, quoted, trimmed
from gros.importers.columns import match_columns, warn_ignored
from gros.importers.notes import Notes, unnamed_partners, unused_partners
from gros.importers.records import Links, Reading, Row
from gros.importers.result import ImportFileError, ImportResult
from gros.importers.rows import finish, table_rows
from gros.importers.tables import Sheet, Table, table_of
from gros.importers.values import parse_country
from gros.importers.vocabulary import KEEP_ALIASES, KEEP_PARTNER_ALIASES, TRUE_WORDS
from gros.projects import Problem

# A partner row: its number and its values by KEEP_PARTNER_ALIASES key.
_PartnerRow = tuple[int, dict[str, Any]]


def projects_sheet(names: Iterable[str]) -> str | None:
    """The first sheet named like projects, not partners (unless lead partners)."""
    for name in names:
        key = fold(name)
        if "project" in key and ("partner" not in key or "leadpartner" in key):
            return name
    return None


def partners_sheet(names: Iterable[str], projects: str | None) -> str | None:
    """The first sheet other than ``projects`` named like partners."""
    return next((n for n in names if n != projects and "partner" in fold(n)), None)


def looks_like_keep(sheets: list[Sheet]) -> bool:
    """Whether a workbook is a keep.eu export, by its sheet names or its projects header."""
    names = [name for name, _ in sheets]
    if any(fold(n).startswith(("projectsleadpartner", "searchresultsproject")) for n in names):
        return True
    projects = projects_sheet(names)
    if projects is None or partners_sheet(names, projects) is None:
        return False
    rows = dict(sheets)[projects]
    header = next((cells for _, cells in rows if any(trimmed(c) for c in cells)), ())
    keys = {fold(trimmed(c)) for c in header}
    return bool(keys & {"acronym", "projectacronym"}) and bool(
        keys & {"thematic1", "theme1", "programme"})


def read_keep(sheets: list[Sheet], reading: Reading, notes: Notes) -> ImportResult:
    """The result of a keep.eu workbook: one row per project of its projects sheet."""
    reading = replace(reading, keep=True)
    names = [name for name, _ in sheets]
    projects = projects_sheet(names)
    if projects is None:
        raise ImportFileError(f"{reading.name!r} has no keep.eu projects sheet (such as "
                              f"'Projects (lead partners)'); sheets: {quoted(names)}")
    partners = partners_sheet(names, projects)
    by_name = dict(sheets)
    table = table_of(by_name[projects], reading.name, f" (sheet {projects!r})", strict=False)
    index = None
    if partners is not None and any(trimmed(c) for _, cells in by_name[partners] for c in cells):
        index = partner_index(table_of(by_name[partners], reading.name,
                                       f" (sheet {partners!r})", strict=False), partners, notes)
    else:
        notes.warn("The keep.eu export has no partners sheet, or it is empty; partners and the "
                   "lead partner's NUTS-3 region come from the projects sheet only")
    skipped = [n for n in names if n not in (projects, partners)]
    if skipped:
        notes.warn(f"Sheets not read: {quoted(skipped)}")
    columns, rows = table_rows(table, KEEP_ALIASES, reading, notes)
    if index is not None:
        rows = [replace(row, links=index.links(row.fields)) for row in rows]
        _tally_partner_rows(index, rows, notes)
    return finish(rows, "keep", columns, reading, notes)


@dataclass(frozen=True)
class PartnerIndex:
    """The rows of a keep.eu partners sheet, by the project they belong to."""

    sheet: str
    rows: tuple[int, ...]  # every partner row's number
    by_id: Mapping[str, tuple[_PartnerRow, ...]]  # folded 2021–2027 project id
    by_acronym: Mapping[tuple[str, str], tuple[_PartnerRow, ...]]  # (programme, acronym)
    has_programme: bool = False  # the sheet has a programme column

    def links(self, fields: Mapping[str, list[Any]]) -> Links:
        """What the sheet says about the project whose row has ``fields``."""
        pid = fold(trimmed(first(fields.get("keep_project_id"))))
        acronym = fold(trimmed(first(fields.get("acronym"))))
        programme = fold(trimmed(first(fields.get("programme"))))
        rows = self.by_id.get(pid, ()) if pid else ()
        if not rows and acronym:
            rows = self.by_acronym.get((programme if self.has_programme else "", acronym), ())
        lead_row = _lead_row(rows, fold(trimmed(first(fields.get("lead_partner")))))
        lead, lead_nuts3 = None, None
        partners: list[dict[str, Any]] = []
        countries: list[str] = []
        problems: list[Problem] = []
        unnamed: list[int] = []
        for number, f in rows:
            name = trimmed(f.get("name"))
            if not name:
                unnamed.append(number)
                continue
            partner: dict[str, Any] = {"name": name, "country": None}
            country = f.get("country_code") if trimmed(f.get("country_code")) else f.get("country")
            if trimmed(country):
                try:
                    partner["country"] = parse_country(country)
                    countries.append(partner["country"])
                except ValueError as exc:
                    problems.append(Problem(
                        "partners", f"partner {name!r} ({self.sheet!r} row {number}): {exc}"))
            if number == lead_row:
                lead = partner
                lead_nuts3 = f.get("nuts3") if trimmed(f.get("nuts3")) else None
            elif partner not in partners:
                partners.append(partner)
        return Links(lead, lead_nuts3, tuple(partners), tuple(countries), tuple(problems),
                     tuple(number for number, _ in rows), tuple(unnamed))


def _lead_row(rows: Iterable[_PartnerRow], lead_name: str) -> int | None:
    """The lead partner's row: the one flagged as lead, else the one named as the lead."""
    leads = [r for r in rows if trimmed(r[1].get("lead")).casefold() in TRUE_WORDS]
    if not leads and lead_name:
        leads = [r for r in rows if fold(trimmed(r[1].get("name"))) == lead_name]
    return leads[0][0] if leads else None


def partner_index(table: Table, sheet: str, notes: Notes) -> PartnerIndex:
    """The partners sheet by project; empty, with a warning, without name or project column."""
    columns = match_columns(table.headers, KEEP_PARTNER_ALIASES)
    if "name" not in columns.by_key or not (
            {"acronym", "keep_project_id"} & columns.by_key.keys()):
        notes.warn(f"The partners sheet {sheet!r} has no partner name or project column; it "
                   f"was not read (columns: {quoted(table.headers)})")
        return PartnerIndex(sheet, (), {}, {})
    warn_ignored(columns, f"Partners sheet {sheet!r} columns", notes, table)
    by_id: dict[str, list[_PartnerRow]] = {}
    by_acronym: dict[tuple[str, str], list[_PartnerRow]] = {}
    for number, cells in table.rows:
        f = {k: first(v) for k, v in columns.fields(cells).items()}
        pid, acronym = fold(trimmed(f.get("keep_project_id"))), fold(trimmed(f.get("acronym")))
        if pid:
            by_id.setdefault(pid, []).append((number, f))
        if acronym:
            by_acronym.setdefault((fold(trimmed(f.get("programme"))), acronym),
                                  []).append((number, f))
            by_acronym.setdefault(("", acronym), []).append((number, f))
    return PartnerIndex(sheet, tuple(n for n, _ in table.rows),
                        {k: tuple(v) for k, v in by_id.items()},
                        {k: tuple(v) for k, v in by_acronym.items()},
                        "programme" in columns.by_key)


def _tally_partner_rows(index: PartnerIndex, rows: Iterable[Row], notes: Notes) -> None:
    """Count the partner rows no project joined, and those without a partner name."""
    used: set[int] = set()
    for row in rows:
        if row.links is not None:
            used.update(row.links.used)
            for number in row.links.unnamed:
                notes.tally(unnamed_partners(index.sheet), number)
    for number in index.rows:
        if number not in used:
            notes.tally(unused_partners(index.sheet), number)
