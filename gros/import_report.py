"""An import's report as people read it, on the command line and the Data page: the summary
first, then the notes grouped by kind with their counts and example rows, then the lists
of rejected rows and of rows outside the area.

Texts from the file are returned as they are; the page escapes them before Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass

from gros import i18n
from gros.importers import ImportResult
from gros.importers.notes import KINDS
from gros.numbers import number

EXAMPLE_ROWS = 5  # rows named after a group's count
LINES_SHOWN = 3  # a group's notes on the command line; the rest are in the JSON
LIST_SHOWN = 50  # rejected or outside rows listed on the command line
LINE_LENGTH = 200  # a note's characters on the command line


@dataclass(frozen=True)
class NoteGroup:
    """The notes of one kind: the rows they concern and their texts."""

    kind: str
    rows: tuple[int, ...]
    lines: tuple[str, ...]


def summary(result: ImportResult, language: str) -> str:
    """``1,891 rows: 51 accepted, 1,820 outside the area, 20 rejected``."""
    return i18n.t("report.summary", language, rows=number(result.rows, language),
                  accepted=number(len(result.accepted), language),
                  outside=number(len(result.outside_area), language),
                  rejected=number(len(result.rejected_rows()), language))


def note_groups(result: ImportResult) -> list[NoteGroup]:
    """The result's notes by kind, in the order of :data:`KINDS`."""
    groups = []
    for kind in KINDS:
        notes = [n for n in result.notes if n.kind == kind]
        if notes:
            rows = tuple(sorted({row for n in notes for row in n.rows}))
            groups.append(NoteGroup(kind, rows, tuple(n.text for n in notes)))
    return groups


def group_heading(group: NoteGroup, language: str) -> str:
    """``Partners: 12 row(s), e.g. 4, 9, 17``, or only the kind for notes on the file."""
    kind = i18n.t(f"report.kind.{group.kind}", language)
    if not group.rows:
        return kind
    examples = ", ".join(number(row, language) for row in group.rows[:EXAMPLE_ROWS])
    if len(group.rows) > EXAMPLE_ROWS:
        examples += f" {more(len(group.rows) - EXAMPLE_ROWS, language)}"
    return i18n.t("report.group", language, kind=kind, count=number(len(group.rows), language),
                  rows=examples)


def more(count: int, language: str) -> str:
    """``… and 12 more``."""
    return i18n.t("report.more", language, count=number(count, language))


def report_lines(result: ImportResult, language: str = "en") -> list[str]:
    """The report for a terminal: summary, grouped notes (the first few of each, cut
    short), then the rejected and outside rows (the first :data:`LIST_SHOWN` of each)."""
    lines = [f"{result.source_name}: {summary(result, language)}"]
    for group in note_groups(result):
        lines.append(f"  {group_heading(group, language)}")
        lines.extend(f"    - {_cut(text)}" for text in group.lines[:LINES_SHOWN])
        if len(group.lines) > LINES_SHOWN:
            lines.append(f"    {more(len(group.lines) - LINES_SHOWN, language)}")
    row = i18n.t("data.row", language)
    rejected = [f"  {row} {r.row}, {r.column!r}: {r.reason}" for r in result.rejected]
    outside = [f"  {row} {o.row}: {o.title} — {o.programme} ({', '.join(o.countries)})"
               for o in result.outside_area]
    for heading, rows, listed in (("report.rejected", len(result.rejected_rows()), rejected),
                                  ("report.outside", len(outside), outside)):
        if listed:
            lines.append(f"{i18n.t(heading, language)} ({number(rows, language)})")
            lines.extend(listed[:LIST_SHOWN])
            if len(listed) > LIST_SHOWN:
                lines.append(f"  {more(len(listed) - LIST_SHOWN, language)}")
    return lines


def _cut(text: str) -> str:
    return text if len(text) <= LINE_LENGTH else f"{text[:LINE_LENGTH - 1]}…"
