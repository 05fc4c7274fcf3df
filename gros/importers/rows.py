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
from gros.importers.placement import keep_location, outside_area, outside_entry, row_countries
from gros.importers.records import Reading, Row, build_record
from gros.importers.result import ImportResult, OutsideArea, Rejection
from gros.importers.tables import Table
from gros.projects import Problem, Project, ProjectInvalid, project_from_record

PROGRESS_EVERY = 250  # rows between two reports of progress


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
    """Every row accepted as a project, outside the area or rejected with its reasons."""
    located = [row if row.broken else _located(row, columns, reading) for row in rows]
    file_crs = choose_crs(located, reading.crs, notes)
    seen: dict[str, tuple[int, str]] = {}
    result = ImportResult(reading.name, fmt, len(rows))
    for done, row in enumerate(located, start=1):
        if reading.progress is not None and (done % PROGRESS_EVERY == 0 or done == len(rows)):
            reading.progress(done, len(rows))
        try:
            outcome = _outcome(row, columns, reading, file_crs, notes, seen)
        except Exception as exc:  # a bug must cost one row, not the whole import
            outcome = [*row.problems, _internal_error(exc, reading.noun)]
        if isinstance(outcome, Project):
            result.accepted.append(outcome)
        elif isinstance(outcome, OutsideArea):
            result.outside_area.append(outcome)
        else:
            result.rejected.extend(Rejection(row.number, _column(p.column, columns), p.reason,
                                             row.values) for p in outcome)
    result.notes = notes.entries(reading.noun)
    return result


def _located(row: Row, columns: Columns, reading: Reading) -> Row:
    try:
        return with_raw_location(row, columns)
    except Exception as exc:  # a bug must cost one row, not the whole import
        return replace(row, problems=(*row.problems, _internal_error(exc, reading.noun)))


def _outcome(row: Row, columns: Columns, reading: Reading, file_crs: str | None, notes: Notes,
             seen: dict[str, tuple[int, str]]) -> Project | OutsideArea | list[Problem]:
    """The row's project, its listing outside the area, or every reason it was refused."""
    problems = list(row.problems)
    if row.broken:
        return problems
    outside = reading.keep and outside_area(row_countries(row))
    if outside and not reading.include_outside:
        return outside_entry(row)
    if row.links is not None:
        for tally, item in row.links.notes:
            notes.group(tally, item, row.number)
    record, found = build_record(row, columns, reading, notes, seen)
    problems.extend(found)
    geometry = None
    located = not any(p.column in LOCATION_KEYS for p in problems)
    if located:
        try:
            geometry, precision = _place(row, reading, file_crs, notes, outside)
            if precision:
                record["precision"] = precision
        except RowProblem as exc:
            if outside:  # asked for "where they can be placed": this one cannot
                return outside_entry(row)
            problems.append(Problem(exc.column, exc.reason))
            located = False
    # The model would repeat what was already said in its own words.
    reported = {p.column for p in problems}
    if not located:
        reported.add("geometry")
    if not record["id"]:
        reported.add("id")  # no title to derive it from, and that is reported
    project = None
    try:
        project = project_from_record(record, geometry)
    except ProjectInvalid as exc:
        problems.extend(p for p in exc.problems if p.column not in reported)
    return problems or project


def _place(row: Row, reading: Reading, file_crs: str | None, notes: Notes,
           outside: bool) -> tuple[Any, str | None]:
    """The row's geometry and precision: as given, else (keep.eu) at a partner's region."""
    if reading.keep and row.location is None:
        return keep_location(row, reading, notes, anywhere=outside)
    return place(row, reading, file_crs, notes)


def _internal_error(exc: Exception, noun: str) -> Problem:
    return Problem("row", f"internal error while reading this {noun} "
                          f"({type(exc).__name__}: {exc}); please report it")


def _column(key: str, columns: Columns) -> str:
    """The header a problem's record key came from, as the person knows it."""
    return key if key in ("row", "geometry") else columns.header(key)
