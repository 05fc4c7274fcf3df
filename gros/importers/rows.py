"""Rows into an :class:`ImportResult`: each row located, the file's coordinate system chosen,
then each row built into a project or refused with every reason.

Every row ends up accepted or rejected, never both and never lost: an unexpected error
costs its row (as an "internal error" rejection), not the whole import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from gros.importers.cells import cell_text
from gros.importers.columns import Columns, match_columns, require_title, warn_ignored
from gros.importers.location import (
    LOCATION_KEYS,
    RowProblem,
    choose_crs,
    place,
    with_raw_location,
)
from gros.importers.notes import Notes
from gros.importers.records import Reading, Row, build_record
from gros.importers.result import ImportResult, Rejection
from gros.importers.tables import Table
from gros.projects import Problem, Project, ProjectInvalid, project_from_record


def read_table(table: Table, fmt: str, aliases: Mapping[str, Iterable[str]], reading: Reading,
               notes: Notes) -> ImportResult:
    """The result of a CSV file or a workbook sheet whose headers follow ``aliases``."""
    columns, rows = table_rows(table, aliases, reading, notes)
    return finish(rows, fmt, columns, reading, notes)


def table_rows(table: Table, aliases: Mapping[str, Iterable[str]], reading: Reading,
               notes: Notes) -> tuple[Columns, list[Row]]:
    """The table's columns and rows, warning of the columns nothing reads.

    Raises
    ------
    ImportFileError
        When no column gives a title.
    """
    columns = match_columns(table.headers, aliases)
    require_title(columns, reading.name, keep=reading.keep)
    warn_ignored(columns, "Columns that are not project fields (kept in the rejected-rows "
                          "export)", notes, table)
    rows = [_table_row(number, cells, table, columns) for number, cells in table.rows]
    if not rows:
        notes.warn(f"{reading.name!r} has a header but no data rows")
    return columns, rows


def _table_row(number: int, cells: Sequence[Any], table: Table, columns: Columns) -> Row:
    values = {h: cell_text(c) for h, c in zip(table.headers, cells, strict=True)}
    extra = table.surplus.get(number)
    if not extra:
        return Row(number, columns.fields(cells), values)
    values.update({h: cell_text(c) for h, c in extra})
    problem = Problem("row", f"has values in {len(extra)} column(s) without a header, such as "
                             f"{extra[0][1]!r}; is a value missing its quotes?")
    # The values have shifted: any other reason would mislead.
    return Row(number, columns.fields(cells), values, problems=(problem,), broken=True)


def finish(rows: Sequence[Row], fmt: str, columns: Columns, reading: Reading,
           notes: Notes) -> ImportResult:
    """Every row accepted as a project or rejected with its reasons, and the notes."""
    located = [row if row.broken else _located(row, columns, reading) for row in rows]
    file_crs = choose_crs(located, reading.crs, notes)
    seen: dict[str, int] = {}
    accepted: list[Project] = []
    rejected: list[Rejection] = []
    for row in located:
        try:
            project, problems = _project(row, columns, reading, file_crs, notes, seen)
        except Exception as exc:  # a bug must cost one row, not the whole import
            project, problems = None, [*row.problems, _internal_error(exc, reading.noun)]
        if project is not None:
            accepted.append(project)
        rejected.extend(Rejection(row.number, _column(problem.column, columns), problem.reason,
                                  row.values) for problem in problems)
    return ImportResult(reading.name, fmt, len(rows), accepted, rejected,
                        notes.entries(reading.noun))


def _located(row: Row, columns: Columns, reading: Reading) -> Row:
    try:
        return with_raw_location(row, columns)
    except Exception as exc:  # a bug must cost one row, not the whole import
        return replace(row, problems=(*row.problems, _internal_error(exc, reading.noun)))


def _project(row: Row, columns: Columns, reading: Reading, file_crs: str | None, notes: Notes,
             seen: dict[str, int]) -> tuple[Project | None, list[Problem]]:
    problems = list(row.problems)
    if row.broken:
        return None, problems
    record, found = build_record(row, columns, reading, notes, seen)
    problems.extend(found)
    geometry = None
    located = not any(p.column in LOCATION_KEYS for p in problems)
    if located:
        try:
            geometry, precision = place(row, reading, file_crs, notes)
            if precision:
                record["precision"] = precision
        except RowProblem as exc:
            problems.append(Problem(exc.column, exc.reason))
            located = False
    # The model would repeat what was already said in its own words.
    reported = {p.column for p in problems}
    if not located:
        reported.add("geometry")
    if not record["id"]:
        reported.add("id")  # no title to derive it from, and that is reported
    try:
        project = project_from_record(record, geometry)
    except ProjectInvalid as exc:
        problems.extend(p for p in exc.problems if p.column not in reported)
        project = None
    if problems:
        return None, problems
    return project, []


def _internal_error(exc: Exception, noun: str) -> Problem:
    return Problem("row", f"internal error while reading this {noun} "
                          f"({type(exc).__name__}: {exc}); please report it")


def _column(key: str, columns: Columns) -> str:
    """The header a problem's record key came from, as the person knows it."""
    return key if key in ("row", "geometry") else columns.header(key)
