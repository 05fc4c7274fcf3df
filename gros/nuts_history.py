"""Old NUTS codes in NUTS 2024, after Eurostat's correspondence tables.

keep.eu and older Eurostat datasets give NUTS codes of 2016 or 2021 (``NL412``); the
dashboard's boundaries are NUTS 2024 (``NL415``). :func:`resolve_nuts` says which NUTS
2024 region an old code stands for and how exactly. It reads ``geodata/nuts3_history.csv``,
which :mod:`gros.nuts_correspondence` builds from Eurostat's own files; this module only
reads it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gros.regions import GEODATA_DIR, CuratedDataError, _rows

NUTS_HISTORY_CSV = GEODATA_DIR / "nuts3_history.csv"
COLUMNS = ("code", "nuts_year", "level", "country", "name", "nuts2024", "kind", "change",
           "explanation", "source")
# The countries of the cooperation and Luxembourg, whose regions touch Maas-Rijn's.
COUNTRIES = ("NL", "BE", "DE", "LU")
YEARS = (2016, 2021, 2024)
CURRENT = "current"
# What became of a region, in Eurostat's terms; the first four keep its area as it was.
KINDS = (CURRENT, "unchanged", "renamed", "recoded", "boundary shift", "merged", "split")
EXACT_KINDS = frozenset(KINDS[:4])


@dataclass(frozen=True)
class NutsResolution:
    """The NUTS 2024 region to use for a code, and how exactly it stands for the old one.

    Attributes
    ----------
    code
        The NUTS 2024 region to use, or None when there is none.
    level
        3 when the code maps onto one NUTS-3 region; 2, 1 (or 0, a country) for a parent.
    exact
        True when the old region is the new one (same area, perhaps a new code or name).
    note
        What was done and why, naming the input; None only for a current NUTS 2024 code.
    """

    code: str | None
    level: int | None
    exact: bool
    note: str | None


@dataclass(frozen=True)
class NutsChange:
    """One row of the table: a code of one NUTS year and where its area lies in NUTS 2024."""

    code: str
    nuts_year: int
    level: int
    country: str
    name: str
    nuts2024: tuple[str, ...]
    kind: str
    change: str
    explanation: str
    source: str

    @property
    def exact(self) -> bool:
        """True when the region's area is the same in NUTS 2024."""
        return self.kind in EXACT_KINDS


@dataclass(frozen=True)
class NutsHistory:
    """The correspondence: each code's rows (oldest NUTS year first) and the 2024 names."""

    changes: Mapping[str, tuple[NutsChange, ...]]
    current: Mapping[str, str]

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, str]],
                  origin: Path = Path("nuts history rows")) -> NutsHistory:
        """The history of ``rows`` (dicts with :data:`COLUMNS`), each row checked.

        Parameters
        ----------
        rows
            The table's rows, as ``csv.DictReader`` gives them.
        origin
            What errors name as the file.

        Raises
        ------
        CuratedDataError
            On the first row the dashboard cannot use, naming row and column.
        """
        parsed = [(number, _parse(origin, number, row))
                  for number, row in enumerate(rows, start=2)]
        current = {change.code: change.name for _, change in parsed if change.kind == CURRENT}
        changes: dict[str, list[NutsChange]] = {}
        for number, change in parsed:
            _check_against(origin, number, change, current, changes.get(change.code, []))
            changes.setdefault(change.code, []).append(change)
        ordered = {code: tuple(sorted(rows_, key=lambda c: c.nuts_year))
                   for code, rows_ in changes.items()}
        return cls(ordered, current)

    def successors(self, code: str) -> tuple[str, ...]:
        """The NUTS 2024 regions the area of ``code`` lies in; () when it is unknown."""
        wanted = normal_code(code)
        if wanted in self.current:
            return (wanted,)
        rows = self.changes.get(wanted)
        return rows[0].nuts2024 if rows else ()


def _parse(origin: Path, number: int, row: Mapping[str, str]) -> NutsChange:
    """One row as a :class:`NutsChange`, its own fields checked."""
    def value(column: str, required: bool = True) -> str:
        text = (row.get(column) or "").strip()
        if required and not text:
            raise CuratedDataError(origin, number, column, "a value is required")
        return text

    code, year, kind = value("code").upper(), value("nuts_year"), value("kind")
    if year not in {str(y) for y in YEARS}:
        raise CuratedDataError(origin, number, "nuts_year",
                               f"expected one of {', '.join(map(str, YEARS))}, got {year!r}")
    if kind not in KINDS:
        raise CuratedDataError(origin, number, "kind",
                               f"expected one of {', '.join(KINDS)}, got {kind!r}")
    level = value("level")
    if level != str(nuts_level(code)):
        raise CuratedDataError(origin, number, "level",
                               f"{code!r} is a level {nuts_level(code)} code, got {level!r}")
    if value("country") != code[:2] or code[:2] not in COUNTRIES:
        raise CuratedDataError(origin, number, "country",
                               f"expected the country of {code!r}, got {value('country')!r}")
    targets = tuple(value("nuts2024").upper().split())
    if kind in EXACT_KINDS and len(targets) != 1:
        raise CuratedDataError(origin, number, "nuts2024",
                               f"a {kind} region has one NUTS 2024 code, got {targets!r}")
    return NutsChange(code, int(year), nuts_level(code), code[:2], value("name", False), targets,
                      kind, value("change", False), value("explanation", False),
                      value("source"))


def _check_against(origin: Path, number: int, change: NutsChange, current: Mapping[str, str],
                   earlier: list[NutsChange]) -> None:
    """Check ``change`` against the NUTS 2024 codes and the code's other rows."""
    unknown = [code for code in change.nuts2024 if code not in current]
    if unknown:
        raise CuratedDataError(origin, number, "nuts2024",
                               f"not NUTS 2024 codes of the table: {', '.join(unknown)}")
    if change.kind == CURRENT and (change.nuts_year != 2024 or change.nuts2024 != (change.code,)):
        raise CuratedDataError(origin, number, "kind",
                               f"{change.code!r} is current only as a NUTS 2024 row of itself")
    for other in earlier:
        if other.nuts_year == change.nuts_year:
            raise CuratedDataError(origin, number, "code",
                                   f"{change.code!r} is listed twice for NUTS {change.nuts_year}")
        # A code is never reused for another area, so its rows must agree.
        if other.nuts2024 != change.nuts2024:
            raise CuratedDataError(
                origin, number, "nuts2024",
                f"{change.code!r} lies in {' '.join(change.nuts2024)} here but in "
                f"{' '.join(other.nuts2024)} as a NUTS {other.nuts_year} code")


def read_history(path: Path = NUTS_HISTORY_CSV) -> NutsHistory:
    """The table at ``path``, every row checked (:class:`CuratedDataError` otherwise)."""
    return NutsHistory.from_rows((row for _, row in _rows(path, COLUMNS)), path)


@lru_cache(maxsize=4)
def load_history(path: Path = NUTS_HISTORY_CSV) -> NutsHistory:
    """:func:`read_history`, read once per path for the life of the process."""
    return read_history(path)


def normal_code(code: str) -> str:
    """A NUTS code as the tables write it: upper case, no spaces (``"dea34 "`` → ``DEA34``)."""
    return "".join(code.split()).upper()


def nuts_level(code: str) -> int:
    """The NUTS level of a code: 0 for ``NL``, 3 for ``NL415``."""
    return len(code) - 2


def normal_name(name: str) -> str:
    """A region name for comparing: no accents, case or punctuation (``Liège`` = ``LIEGE``)."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", name)
                    if not unicodedata.combining(char))
    return " ".join(re.sub(r"\W+", " ", plain.casefold()).split())


def _shared_start(codes: Iterable[str]) -> str:
    """The longest text all ``codes`` start with."""
    start = ""
    for chars in zip(*codes, strict=False):
        if len(set(chars)) > 1:
            break
        start += chars[0]
    return start


def common_parent(codes: Iterable[str]) -> str:
    """The smallest region containing all of ``codes``: their common prefix (``NL41``)."""
    prefix = _shared_start(codes)
    # NUTS codes nest by prefix; shorter than a country code there is no common region.
    return prefix if len(prefix) >= 2 else ""


def _names(history: NutsHistory, known: Mapping[str, str] | None) -> list[tuple[str, str]]:
    """(NUTS 2024 code, normalised name) pairs from the table and the caller's boundaries."""
    pairs = [(code, normal_name(name)) for code, name in history.current.items()]
    pairs += [(code, normal_name(name)) for code, name in (known or {}).items()]
    return pairs


def _narrowest(codes: list[str], wanted: str) -> list[str]:
    """Of several regions a label names, those nearest the code, then those of its level."""
    # Even an unknown code's first letters say where to look: its country, its province.
    nearest = max((len(_shared_start([code, wanted])) for code in codes), default=0)
    codes = [code for code in codes if code.startswith(wanted[:nearest])]
    return [code for code in codes if nuts_level(code) == nuts_level(wanted)] or codes


def _by_label(code: str, label: str | None,
              names: list[tuple[str, str]]) -> NutsResolution:
    """An unknown code's region found by its label, when exactly one region has that name."""
    unknown = f"unknown NUTS code {code!r}"
    if not label or not normal_name(label):
        return NutsResolution(None, None, False, unknown)
    wanted = normal_name(label)
    matches = _narrowest(sorted({c for c, name in names if name == wanted}), normal_code(code))
    if len(matches) == 1:
        return NutsResolution(matches[0], nuts_level(matches[0]), False,
                              f"{unknown}; its label {label!r} is the name of {matches[0]}")
    if not matches:
        return NutsResolution(None, None, False,
                              f"{unknown}; no NUTS 2024 region is named {label!r}")
    return NutsResolution(None, None, False, f"{unknown}; its label {label!r} names several "
                                             f"regions ({', '.join(matches)})")


def _from_change(code: str, rows: tuple[NutsChange, ...], label: str | None,
                 names: list[tuple[str, str]]) -> NutsResolution:
    """The NUTS 2024 region for an old code, by the rules of :func:`resolve_nuts`."""
    # The oldest row's kind sums up every change since; all rows name the same regions.
    change = rows[0]
    targets = change.nuts2024
    old = f"{code!r} (NUTS {'/'.join(str(row.nuts_year) for row in rows)})"
    if len(targets) == 1:
        how = {"boundary shift": ", with a changed boundary",
               "merged": ", merged with a neighbour"}.get(change.kind, f" ({change.kind})")
        return NutsResolution(targets[0], nuts_level(targets[0]), change.exact,
                              f"{old} is {targets[0]} in NUTS 2024{how}")
    past = {"merged": "was merged", "split": "was split"}.get(change.kind, f"had a {change.kind}")
    where = f"{old} {past}: its area lies in {', '.join(targets)} in NUTS 2024"
    wanted = normal_name(label) if label else ""
    named = sorted({c for c, name in names if c in targets and wanted and name == wanted})
    if len(named) == 1:
        return NutsResolution(named[0], nuts_level(named[0]), False,
                              f"{where}; its label {label!r} is the name of {named[0]}")
    parent = common_parent(targets)
    if not parent:
        return NutsResolution(None, None, False, f"{where}; they share no parent region")
    return NutsResolution(parent, nuts_level(parent), False,
                          f"{where}; its parent {parent} is used")


def resolve_nuts(code: str, label: str | None = None, *, known: Mapping[str, str] | None = None,
                 history: NutsHistory | None = None) -> NutsResolution:
    """The NUTS 2024 region for a NUTS code of 2016, 2021 or 2024.

    A current code is itself; a recoded or renamed one its successor (exact). A region
    that was split or whose boundary moved is the successor named ``label`` if there is
    one, else the smallest region containing all its successors (not exact). An unknown
    code is the region named ``label``, if exactly one is. Every answer but a current
    code carries a note naming the input; nothing is dropped silently.

    Parameters
    ----------
    code
        The NUTS code as given (case and spaces do not matter).
    label
        The region's name as the source writes it (keep.eu: the text after the slash).
    known
        NUTS 2024 code → name of the loaded boundaries; their codes count as current and
        their names are matched besides the table's (accents and case do not matter).
    history
        The correspondence to use; by default the committed table, read once.

    Returns
    -------
    NutsResolution
    """
    table = history if history is not None else load_history()
    wanted = normal_code(code)
    if wanted in table.current or (known is not None and wanted in known):
        return NutsResolution(wanted, nuts_level(wanted), True, None)
    rows = table.changes.get(wanted)
    names = _names(table, known)
    return _from_change(code, rows, label, names) if rows else _by_label(code, label, names)


def successors(code: str, *, history: NutsHistory | None = None) -> tuple[str, ...]:
    """The NUTS 2024 regions the area of ``code`` lies in (itself when current); () if unknown."""
    return (history if history is not None else load_history()).successors(code)
