"""What an import gives back: the projects, every row refused and why, and the warnings."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

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


@dataclass
class ImportResult:
    """The projects read from one file, the rows refused and what the reader noticed."""

    source_name: str
    format: str
    rows: int
    accepted: list[Project] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def rejected_rows(self) -> set[int]:
        """Numbers of the rows with at least one rejection."""
        return {rejection.row for rejection in self.rejected}

    def to_json(self) -> dict:
        """A JSON-ready summary: counts, every rejection and every warning."""
        return {
            "rows": self.rows,
            "accepted": len(self.accepted),
            "rejected": [{"row": r.row, "column": r.column, "reason": r.reason}
                         for r in self.rejected],
            "warnings": list(self.warnings),
        }

    def rejected_csv(self) -> bytes:
        """The rejections as UTF-8 CSV with a BOM (so Excel reads it as UTF-8).

        Columns: ``row``, ``column``, ``reason``, then the original columns of the rows.
        """
        originals: list[str] = []
        for rejection in self.rejected:
            originals.extend(name for name in rejection.values if name not in originals)
        own = ("row", "column", "reason")
        # A file may have its own "reason" column; keep it apart from ours.
        names = [f"{name} (original)" if name in own else name for name in originals]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([*own, *names])
        for rejection in self.rejected:
            # Cells come from the uploaded file: never let them run as formulas.
            writer.writerow([spreadsheet_safe(cell) for cell in (
                rejection.row, rejection.column, rejection.reason,
                *(rejection.values.get(name, "") for name in originals))])
        return buffer.getvalue().encode("utf-8-sig")
