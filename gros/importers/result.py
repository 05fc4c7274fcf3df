"""What an import gives back: the projects, the rows outside the dashboard's area, every row
refused and why, and the notes.

Every row has one of three outcomes: accepted, outside the area (a keep.eu project none of
whose partners is in the Netherlands, Belgium or Germany) or rejected, so that
``len(accepted) + len(outside_area) + len(rejected_rows())`` is always ``rows``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from gros.importers.notes import Note
from gros.projects import Project
from gros.text import spreadsheet_safe


class ImportFileError(ValueError):
    """A file that cannot be imported at all; the message names the file and says why."""


@dataclass(frozen=True)
class Rejection:
    """One reason one row was not imported, with the row's values to export and fix."""

    row: int
    column: str
    reason: str
    values: dict[str, str] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class OutsideArea:
    """A row not imported because none of its partners is in the dashboard's area."""

    row: int
    title: str
    programme: str
    countries: tuple[str, ...]
    values: dict[str, str] = field(default_factory=dict, hash=False)


@dataclass
class ImportResult:
    """The projects read from one file, the rows left out or refused and what was noticed."""

    source_name: str
    format: str
    rows: int
    accepted: list[Project] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    outside_area: list[OutsideArea] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        """The text of every note, in order."""
        return [note.text for note in self.notes]

    def rejected_rows(self) -> set[int]:
        """Numbers of the rows with at least one rejection."""
        return {rejection.row for rejection in self.rejected}

    def to_json(self) -> dict:
        """A JSON-ready summary: counts, each rejected and outside row, every warning.

        ``rejected`` has one entry per row: its first column and reason, every problem
        under ``problems``; ``accepted + len(outside_area) + len(rejected) == rows``.
        """
        by_row: dict[int, list[Rejection]] = {}
        for rejection in self.rejected:
            by_row.setdefault(rejection.row, []).append(rejection)
        return {
            "rows": self.rows,
            "accepted": len(self.accepted),
            "rejected": [{"row": row, "column": found[0].column, "reason": found[0].reason,
                          "problems": [{"column": r.column, "reason": r.reason} for r in found]}
                         for row, found in by_row.items()],
            "outside_area": [{"row": o.row, "title": o.title, "programme": o.programme,
                              "countries": list(o.countries)} for o in self.outside_area],
            "warnings": self.warnings,
        }

    def rejected_csv(self) -> bytes:
        """The rejections as UTF-8 CSV with a BOM (so Excel reads it as UTF-8).

        Columns: ``row``, ``column``, ``reason``, then the original columns of the rows.
        """
        return table_csv(("row", "column", "reason"),
                         [((r.row, r.column, r.reason), r.values) for r in self.rejected])

    def outside_csv(self) -> bytes:
        """The rows outside the area as :meth:`rejected_csv` writes rejections.

        Columns: ``row``, ``title``, ``programme``, ``countries``, then the original ones.
        """
        return table_csv(("row", "title", "programme", "countries"),
                         [((o.row, o.title, o.programme, ", ".join(o.countries)), o.values)
                          for o in self.outside_area])


def table_csv(own: Sequence[str], lines: Iterable[tuple[Sequence[Any], dict[str, str]]]
              ) -> bytes:
    """UTF-8 CSV with a BOM: the ``own`` columns of each line, then its row's original values.

    A file's own column named like one of ``own`` is headed ``… (original)``.
    """
    lines = list(lines)
    originals: list[str] = []
    for _, values in lines:
        originals.extend(name for name in values if name not in originals)
    names = [f"{name} (original)" if name in own else name for name in originals]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([*own, *names])
    for cells, values in lines:
        # Cells come from the uploaded file: never let them run as formulas.
        writer.writerow([spreadsheet_safe(cell) for cell in (
            *cells, *(values.get(name, "") for name in originals))])
    return buffer.getvalue().encode("utf-8-sig")
