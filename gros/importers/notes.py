"""What the reader of one file tells: warnings in the order they arose, then the notes
that many rows share, each said once with the rows it concerns.

Every note has a *kind* (:data:`KINDS`), so that a report can group them: what concerns
the file, its columns, the partners, the regions, themes, sources, status or coordinates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from gros.importers.vocabulary import KEEP_URL

MAX_LISTED = 10

# The kinds of note, in the order a report gives them: the columns nothing reads last.
FILE, PARTNERS, REGIONS, THEMES, SOURCES, STATUS, COORDINATES, COLUMNS = KINDS = (
    "file", "partners", "regions", "themes", "sources", "status", "coordinates", "columns")


@dataclass(frozen=True)
class Note:
    """One warning: its kind, its text and the rows it concerns (none for the file)."""

    kind: str
    text: str
    rows: tuple[int, ...] = ()


@dataclass(frozen=True)
class Tally:
    """A note that many rows may share, said once after the warnings.

    Its line is ``before``, the rows (``rows 2, 5``; with ``count``, how many) and
    ``after``; tallies are said in the order of their ``rank``.
    """

    rank: int
    kind: str
    before: str
    after: str = ""
    count: bool = False
    of_other_sheet: bool = False  # the rows are a keep.eu partners sheet's, not projects'


# The tallies, in the order they are said.
SWAPPED = Tally(0, COORDINATES, "Latitude and longitude were swapped in ",
                ": only the other order lies in the border region")
SCHEMELESS_SOURCES = Tally(2, SOURCES, "Source addresses without http:// or https:// were read as "
                                "https:// in ")
KEEP_SOURCES = Tally(3, SOURCES, "The keep.eu export has no per-project keep.eu links (no "
                                 "keep.eu id column); ",
                     f" project(s) cite {KEEP_URL} as their source", count=True)
UNKNOWN_KEEP_THEMES = Tally(4, THEMES, "keep.eu themes that map onto no dashboard theme: ")
OBJECTIVE_THEMES = Tally(5, THEMES, "Themes taken from the programme's objectives and "
                                    "priorities, as Thematic1–3 are empty, in ")
PARTNER_COUNTRIES = Tally(8, PARTNERS, "Partner countries that could not be read: ")
PARTNER_REGIONS = Tally(9, PARTNERS, "Partner NUTS regions that could not be read (the "
                                     "partners are kept, not used to place the project): ")
RESOLVED_REGIONS = Tally(10, REGIONS, "NUTS codes that are not NUTS 2024, resolved: ")
UNKNOWN_REGIONS = Tally(11, REGIONS, "NUTS codes that match no NUTS 2024 region (not used to "
                                     "place the project): ")
TITLE_LANGUAGES = Tally(12, COLUMNS, "Project names in other languages were not imported, as "
                                     "the languages of these programmes are not known: ")


def derived_status(today: date) -> Tally:
    """Rows whose missing status was derived from their dates as of ``today``."""
    return Tally(1, STATUS, f"Status was not given; derived from the start and end dates as "
                            f"of {today.isoformat()} for ")


def unused_partners(sheet: str) -> Tally:
    """Rows of a keep.eu partners sheet that no project row joined."""
    return Tally(6, PARTNERS, f"Partner rows that name no project in the projects sheet were "
                              f"not imported: sheet {sheet!r} ", of_other_sheet=True)


def unnamed_partners(sheet: str) -> Tally:
    """Rows of a keep.eu partners sheet that name no partner."""
    return Tally(7, PARTNERS, f"Partner rows without a partner name were not imported: sheet "
                              f"{sheet!r} ", of_other_sheet=True)


def rows_text(numbers: Iterable[int], noun: str) -> str:
    """``rows 2, 3, 7`` style text, each number once and at most ten of them."""
    unique = sorted(set(numbers))
    shown = ", ".join(map(str, unique[:MAX_LISTED]))
    more = f" and {len(unique) - MAX_LISTED} more" if len(unique) > MAX_LISTED else ""
    return f"{noun}{'s' if len(unique) > 1 else ''} {shown}{more}"


class Notes:
    """Collects what the reader of one file noticed, for ``ImportResult.notes``.

    :meth:`warn` says one thing about the file; :meth:`tally` and :meth:`group` count
    the rows a :class:`Tally` concerns, to say it once in :meth:`entries`.
    """

    def __init__(self) -> None:
        self._warnings: list[Note] = []
        self._rows: dict[Tally, list[int]] = {}
        self._groups: dict[Tally, dict[str, list[int]]] = {}

    def warn(self, line: str, kind: str = FILE) -> None:
        """Say ``line`` once, after the warnings before it."""
        self._warnings.append(Note(kind, line))

    def tally(self, note: Tally, number: int) -> None:
        """Count row ``number`` under ``note``."""
        self._rows.setdefault(note, []).append(number)

    def group(self, note: Tally, item: str, number: int) -> None:
        """Count row ``number`` under ``item`` of ``note`` (such as an unknown theme)."""
        self._groups.setdefault(note, {}).setdefault(item, []).append(number)

    def entries(self, noun: str = "row") -> list[Note]:
        """The warnings, then one note per tally; rows are called ``noun`` (or features)."""
        entries = list(self._warnings)
        for note in sorted({*self._rows, *self._groups}, key=lambda n: (n.rank, n.before)):
            numbers = list(self._rows.get(note, ()))
            if note in self._groups:
                items = self._groups[note]
                said = "; ".join(f"{item!r} ({rows_text(rows, noun)})"
                                 for item, rows in items.items())
                numbers = [n for rows in items.values() for n in rows]
            elif note.count:
                said = str(len(numbers))
            else:
                said = rows_text(numbers, noun)
            rows = () if note.of_other_sheet else tuple(sorted(set(numbers)))
            entries.append(Note(note.kind, f"{note.before}{said}{note.after}", rows))
        return entries

    def lines(self, noun: str = "row") -> list[str]:
        """The text of :meth:`entries`."""
        return [entry.text for entry in self.entries(noun)]
