"""What the reader of one file tells: warnings in the order they arose, then the notes
that many rows share, each said once with the rows it concerns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from gros.importers.vocabulary import KEEP_URL

MAX_LISTED = 10


@dataclass(frozen=True)
class Tally:
    """A note that many rows may share, said once after the warnings.

    Its line is ``before``, the rows (``rows 2, 5``; with ``count``, how many) and
    ``after``; tallies are said in the order of their ``rank``.
    """

    rank: int
    before: str
    after: str = ""
    count: bool = False


# The tallies, in the order they are said.
SWAPPED = Tally(0, "Latitude and longitude were swapped in ",
                ": only the other order lies in the border region")
WWW_SOURCES = Tally(2, "Source addresses starting with 'www.' were read as https:// in ")
KEEP_SOURCES = Tally(3, "The keep.eu export has no per-project keep.eu links (no keep.eu id "
                        "column); ", f" project(s) cite {KEEP_URL} as their source", count=True)
UNKNOWN_KEEP_THEMES = Tally(4, "keep.eu themes that map onto no dashboard theme: ")


def derived_status(today: date) -> Tally:
    """Rows whose missing status was derived from their dates as of ``today``."""
    return Tally(1, f"Status was not given; derived from the start and end dates as of "
                    f"{today.isoformat()} for ")


def unused_partners(sheet: str) -> Tally:
    """Rows of a keep.eu partners sheet that no project row joined."""
    return Tally(5, f"Partner rows that name no project in the projects sheet were not "
                    f"imported: sheet {sheet!r} ")


def unnamed_partners(sheet: str) -> Tally:
    """Rows of a keep.eu partners sheet that name no partner."""
    return Tally(6, f"Partner rows without a partner name were not imported: sheet {sheet!r} ")


def rows_text(numbers: Iterable[int], noun: str) -> str:
    """``rows 2, 3, 7`` style text, each number once and at most ten of them."""
    unique = sorted(set(numbers))
    shown = ", ".join(map(str, unique[:MAX_LISTED]))
    more = f" and {len(unique) - MAX_LISTED} more" if len(unique) > MAX_LISTED else ""
    return f"{noun}{'s' if len(unique) > 1 else ''} {shown}{more}"


class Notes:
    """Collects what the reader of one file noticed, for ``ImportResult.warnings``.

    :meth:`warn` says one thing about the file; :meth:`tally` and :meth:`group` count
    the rows a :class:`Tally` concerns, to say it once in :meth:`lines`.
    """

    def __init__(self) -> None:
        self._warnings: list[str] = []
        self._rows: dict[Tally, list[int]] = {}
        self._groups: dict[Tally, dict[str, list[int]]] = {}

    def warn(self, line: str) -> None:
        """Say ``line`` once, after the warnings before it."""
        self._warnings.append(line)

    def tally(self, note: Tally, number: int) -> None:
        """Count row ``number`` under ``note``."""
        self._rows.setdefault(note, []).append(number)

    def group(self, note: Tally, item: str, number: int) -> None:
        """Count row ``number`` under ``item`` of ``note`` (such as an unknown theme)."""
        self._groups.setdefault(note, {}).setdefault(item, []).append(number)

    def lines(self, noun: str = "row") -> list[str]:
        """The warnings, then one line per tally; rows are called ``noun`` (or features)."""
        lines = list(self._warnings)
        for note in sorted({*self._rows, *self._groups}, key=lambda n: (n.rank, n.before)):
            if note in self._groups:
                said = "; ".join(f"{item!r} ({rows_text(numbers, noun)})"
                                 for item, numbers in self._groups[note].items())
            elif note.count:
                said = str(len(self._rows[note]))
            else:
                said = rows_text(self._rows[note], noun)
            lines.append(f"{note.before}{said}{note.after}")
        return lines
