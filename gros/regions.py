"""Curated region data from ``geodata/``: Euregios, their NUTS-3 members, border provinces.

Every reader checks each row and raises :class:`CuratedDataError` naming the file,
row and column of the first problem; nothing is dropped silently.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from gros.i18n import LANGUAGES

GEODATA_DIR = Path(__file__).resolve().parent.parent / "geodata"
EUREGIOS_CSV = GEODATA_DIR / "euregios.csv"
MEMBERS_CSV = GEODATA_DIR / "euregio_members.csv"
BORDER_PROVINCES_CSV = GEODATA_DIR / "border_provinces.csv"

EUREGIO_IDS = (
    "edr",
    "euregio",
    "rhein-waal",
    "rhein-maas-nord",
    "maas-rijn",
    "scheldemond",
    "benelux-middengebied",
)
# The countries of the cooperation; their neighbours appear on the map only for context.
COUNTRIES = ("NL", "BE", "DE")


class CuratedDataError(ValueError):
    """A curated file has a row the dashboard cannot use."""

    def __init__(self, path: Path, row: int | None, column: str | None, reason: str):
        self.path, self.row, self.column, self.reason = path, row, column, reason
        where = path.name
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {reason}")


class UnknownNutsCodes(ValueError):
    """Membership codes that do not exist in the boundaries' NUTS year."""

    def __init__(self, codes: Iterable[str], table_year: int, boundaries_year: int):
        self.codes = sorted(set(codes))
        self.table_year, self.boundaries_year = table_year, boundaries_year
        super().__init__(
            f"{len(self.codes)} member code(s) of the NUTS {table_year} membership table do not "
            f"exist in the NUTS {boundaries_year} boundaries: {', '.join(self.codes)}. "
            f"Use NUTS {table_year} boundaries (GROS_NUTS_YEAR={table_year}) or add these codes "
            "to a documented correspondence; no member is dropped."
        )


@dataclass(frozen=True)
class Euregio:
    id: str
    names: dict[str, str]
    seat: str
    founded: int | None
    website: str
    stated_area_km2: float | None
    source: str

    def name(self, language: str = "nl") -> str:
        """The name in ``language``, falling back to English, German, Dutch, then the id."""
        for lang in (language, "en", "de", "nl", "fr"):
            if self.names.get(lang):
                return self.names[lang]
        return self.id


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(row number as a spreadsheet shows it, row) pairs, after checking the header."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [name for name in columns if name not in (reader.fieldnames or [])]
            if missing:
                raise CuratedDataError(path, 1, None, f"missing columns {', '.join(missing)}")
            return [
                (number, {key: (value or "").strip() for key, value in row.items() if key})
                for number, row in enumerate(reader, start=2)
            ]
    except OSError as exc:
        raise CuratedDataError(path, None, None, f"cannot read the file ({exc})") from None


def _optional_number(path: Path, row: int, column: str, value: str) -> float | None:
    if value == "":
        return None
    try:
        return float(value)
    except ValueError:
        raise CuratedDataError(path, row, column, f"expected a number, got {value!r}") from None


def _require(path: Path, row: int, column: str, value: str) -> str:
    if not value:
        raise CuratedDataError(path, row, column, "a value is required")
    return value


def read_euregios(path: Path = EUREGIOS_CSV) -> list[Euregio]:
    """The Euregios, in the order of :data:`EUREGIO_IDS`."""
    columns = ("id", *(f"name_{lang}" for lang in LANGUAGES), "seat", "founded", "website",
               "stated_area_km2", "source")
    euregios = []
    for number, row in _rows(path, columns):
        euregio_id = _require(path, number, "id", row["id"])
        if euregio_id not in EUREGIO_IDS:
            raise CuratedDataError(
                path, number, "id", f"expected one of {', '.join(EUREGIO_IDS)}, got {euregio_id!r}"
            )
        founded = _optional_number(path, number, "founded", row["founded"])
        euregios.append(
            Euregio(
                id=euregio_id,
                names={lang: row[f"name_{lang}"] for lang in LANGUAGES if row[f"name_{lang}"]},
                seat=row["seat"],
                founded=int(founded) if founded is not None else None,
                website=row["website"],
                stated_area_km2=_optional_number(path, number, "stated_area_km2",
                                                 row["stated_area_km2"]),
                source=_require(path, number, "source", row["source"]),
            )
        )
    return sorted(euregios, key=lambda e: EUREGIO_IDS.index(e.id))


def _flag(path: Path, row: int, column: str, value: str) -> bool:
    lowered = value.lower()
    if lowered in ("true", "1", "yes"):
        return True
    if lowered in ("false", "0", "no"):
        return False
    raise CuratedDataError(path, row, column, f"expected true or false, got {value!r}")


def read_memberships(path: Path = MEMBERS_CSV) -> pd.DataFrame:
    """One row per (Euregio, NUTS-3 region); a region may belong to several Euregios.

    Columns: euregio_id, nuts_year, nuts_id, nuts_name, country, partial, listed_members, source.
    """
    columns = ("euregio_id", "nuts_year", "nuts_id", "nuts_name", "country", "partial",
               "listed_members", "source")
    records = []
    seen: set[tuple[str, str]] = set()
    for number, row in _rows(path, columns):
        if row["euregio_id"] not in EUREGIO_IDS:
            raise CuratedDataError(path, number, "euregio_id",
                                   f"unknown Euregio {row['euregio_id']!r}")
        year = _optional_number(path, number, "nuts_year", _require(path, number, "nuts_year",
                                                                      row["nuts_year"]))
        nuts_id = _require(path, number, "nuts_id", row["nuts_id"]).upper()
        if len(nuts_id) != 5:
            raise CuratedDataError(path, number, "nuts_id",
                                   f"expected a NUTS-3 code such as 'NL423', got {nuts_id!r}")
        if row["country"] not in COUNTRIES or not nuts_id.startswith(row["country"]):
            raise CuratedDataError(path, number, "country",
                                   f"expected the country of {nuts_id!r}, got {row['country']!r}")
        if (row["euregio_id"], nuts_id) in seen:
            raise CuratedDataError(path, number, "nuts_id",
                                   f"{nuts_id!r} is listed twice for {row['euregio_id']!r}")
        seen.add((row["euregio_id"], nuts_id))
        records.append({
            "euregio_id": row["euregio_id"],
            "nuts_year": int(year),
            "nuts_id": nuts_id,
            "nuts_name": row["nuts_name"],
            "country": row["country"],
            "partial": _flag(path, number, "partial", row["partial"]),
            "listed_members": row["listed_members"],
            "source": _require(path, number, "source", row["source"]),
        })
    table = pd.DataFrame.from_records(records, columns=list(columns))
    years = sorted(table["nuts_year"].unique())
    if len(years) > 1:
        raise CuratedDataError(path, None, "nuts_year",
                               f"one NUTS year per table expected, got {years}")
    return table


def read_border_provinces(path: Path = BORDER_PROVINCES_CSV) -> pd.DataFrame:
    """The border provinces and Länder, and the GROS partner regions.

    Columns: nuts_id, nuts_year, name, country, kind, border, gros_partner, source.
    """
    columns = ("nuts_id", "nuts_year", "name", "country", "kind", "border", "gros_partner",
               "source")
    records = []
    for number, row in _rows(path, columns):
        nuts_id = _require(path, number, "nuts_id", row["nuts_id"]).upper()
        if row["country"] not in COUNTRIES or not nuts_id.startswith(row["country"]):
            raise CuratedDataError(path, number, "country",
                                   f"expected the country of {nuts_id!r}, got {row['country']!r}")
        records.append({
            "nuts_id": nuts_id,
            "nuts_year": int(_optional_number(path, number, "nuts_year", row["nuts_year"]) or 0),
            "name": _require(path, number, "name", row["name"]),
            "country": row["country"],
            "kind": _require(path, number, "kind", row["kind"]),
            "border": _flag(path, number, "border", row["border"]),
            "gros_partner": _flag(path, number, "gros_partner", row["gros_partner"]),
            "source": _require(path, number, "source", row["source"]),
        })
    return pd.DataFrame.from_records(records, columns=list(columns))


def check_codes(codes: Iterable[str], table_year: int, available: set[str],
                boundaries_year: int) -> None:
    """Raise :class:`UnknownNutsCodes` unless every code exists in the boundaries."""
    unknown = [code for code in codes if code not in available]
    if unknown:
        raise UnknownNutsCodes(unknown, table_year, boundaries_year)
