"""keep.eu workbooks: the projects sheet, its rows joined with those of the partners sheet on
the 2021–2027 project id, else on Programme and Acronym.

Both known layouts are read: ``Projects (lead partners)`` with ``Partners`` and ``Calls``,
and ``Search results, projects`` with ``Search results, partners``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from gros.importers.cells import fold, quoted, trimmed
from gros.importers.keep_fields import calls_index
from gros.importers.notes import PARTNERS, Notes, unnamed_partners, unused_partners
from gros.importers.partners import PartnerIndex, partner_index
from gros.importers.records import Reading, Row
from gros.importers.result import ImportFileError, ImportResult
from gros.importers.rows import finish, table_rows
from gros.importers.tables import Sheet, table_of
from gros.importers.vocabulary import KEEP_ALIASES


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


def calls_sheet(names: Iterable[str]) -> str | None:
    """The sheet named ``Calls``, if any."""
    return next((n for n in names if fold(n) == "calls"), None)


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
                   "lead partner's NUTS-3 region come from the projects sheet only", PARTNERS)
    calls = calls_sheet(names)
    if calls is not None and any(trimmed(c) for _, cells in by_name[calls] for c in cells):
        reading = replace(reading, calls=calls_index(
            table_of(by_name[calls], reading.name, f" (sheet {calls!r})", strict=False)))
    skipped = [n for n in names if n not in (projects, partners, calls)]
    if skipped:
        notes.warn(f"Sheets not read: {quoted(skipped)}")
    columns, rows = table_rows(table, KEEP_ALIASES, reading, notes)
    if index is not None:
        rows = [replace(row, links=index.links(row.fields)) for row in rows]
        _tally_partner_rows(index, rows, notes)
    return finish(rows, "keep", columns, reading, notes)


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
