"""Which column feeds which record key: a file's headers matched to the vocabulary's aliases."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gros.importers.cells import fold, fold_index, quoted, trimmed
from gros.importers.notes import COLUMNS, Notes
from gros.importers.result import ImportFileError
from gros.importers.tables import Table
from gros.importers.vocabulary import MULTI_COLUMN_KEYS, TITLE_KEYS


@dataclass(frozen=True)
class Columns:
    """Which header feeds which record key, and the headers nothing reads.

    ``doubles`` describes the headers left out because an earlier one gives their key.
    """

    headers: tuple[str, ...]
    by_key: Mapping[str, tuple[int, ...]]
    ignored: tuple[str, ...] = ()
    doubles: tuple[str, ...] = ()

    def header(self, key: str) -> str:
        """The header that feeds ``key`` (the first, for several), else ``key`` itself."""
        indexes = self.by_key.get(key)
        return self.headers[indexes[0]] if indexes else key

    def fields(self, cells: Sequence[Any]) -> dict[str, list[Any]]:
        """The cells of one row by record key, each key with the values of its columns."""
        return {key: [cells[i] for i in indexes] for key, indexes in self.by_key.items()}


def match_columns(headers: Sequence[str], aliases: Mapping[str, Iterable[str]]) -> Columns:
    """The :class:`Columns` of ``headers`` under ``aliases`` (key → names it may have)."""
    index = fold_index(aliases)
    by_key: dict[str, list[int]] = {}
    ignored: list[str] = []
    doubles: list[str] = []
    for i, header in enumerate(headers):
        key = index.get(fold(header))
        if key is None:
            ignored.append(header)
        elif key in by_key and key not in MULTI_COLUMN_KEYS:
            doubles.append(f"{header!r} ({key} is read from {headers[by_key[key][0]]!r})")
        else:
            by_key.setdefault(key, []).append(i)
    return Columns(tuple(headers), {k: tuple(v) for k, v in by_key.items()}, tuple(ignored),
                   tuple(doubles))


def require_title(columns: Columns, name: str, *, keep: bool, what: str = "columns") -> None:
    """Refuse a file none of whose columns gives a title (or, for keep.eu, an acronym)."""
    keys = (*TITLE_KEYS, "acronym") if keep else TITLE_KEYS
    if not any(k in columns.by_key for k in keys):
        found = quoted(columns.headers[:40]) or "(none)"
        raise ImportFileError(f"{name!r} has no recognisable title column (such as "
                              f"'title', 'titel', 'naam', 'Projektname' or 'Project Name'); "
                              f"{what} found: {found}")


def warn_ignored(columns: Columns, what: str, notes: Notes, table: Table | None = None) -> None:
    """Warn of the columns not imported: unknown ones and second ones for the same key.

    With ``table``, a header-less column (``(column N)``) counts only if it has a value.
    """
    ignored = columns.ignored
    # A header-less column with nothing in it is layout, not data.
    if table is not None:
        filled = {h for _, cells in table.rows
                  for h, c in zip(table.headers, cells, strict=True) if trimmed(c)}
        ignored = tuple(h for h in ignored if not h.startswith("(column ") or h in filled)
    if ignored:
        notes.warn(f"{what} not imported: {quoted(ignored)}", COLUMNS)
    if columns.doubles:
        notes.warn(f"{what} not imported because another column already gives the same "
                   f"field: {', '.join(columns.doubles)}", COLUMNS)
