"""Curated region data from ``geodata/``: Euregios, their NUTS-3 members, border provinces.

Every reader checks each row and raises :class:`CuratedDataError` naming the file,
row and column of the first problem; nothing is dropped silently.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pandas as pd

from gros.i18n import LANGUAGES

GEODATA_DIR = Path(__file__).resolve().parent.parent / "geodata"
EUREGIOS_CSV = GEODATA_DIR / "euregios.csv"
MEMBERS_CSV = GEODATA_DIR / "euregio_members_nuts3.csv"
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


class UnknownCodes(ValueError):
    """Codes of a membership table that do not exist in the boundaries of their year.

    Every code is listed; a subclass's ``message`` says which codes and what to do.
    """

    message: ClassVar[str]  # with {count}, {codes}, {table} and {boundaries} (the years)

    def __init__(self, codes: Iterable[str], table_year: int, boundaries_year: int):
        self.codes = sorted(set(codes))
        self.table_year, self.boundaries_year = table_year, boundaries_year
        super().__init__(self.message.format(count=len(self.codes), codes=", ".join(self.codes),
                                             table=table_year, boundaries=boundaries_year))


class UnknownNutsCodes(UnknownCodes):
    """Membership codes that do not exist in the boundaries' NUTS year."""

    message = ("{count} member code(s) of the NUTS {table} membership table do not exist in the "
               "NUTS {boundaries} boundaries: {codes}. Use NUTS {table} boundaries "
               "(GROS_NUTS_YEAR={table}) or add these codes to a documented correspondence; "
               "no member is dropped.")


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


def _euregio_id(path: Path, row: int, value: str) -> str:
    if value not in EUREGIO_IDS:
        raise CuratedDataError(path, row, "euregio_id", f"unknown Euregio {value!r}")
    return value


def _year(path: Path, row: int, column: str, value: str) -> int:
    return int(_optional_number(path, row, column, _require(path, row, column, value)) or 0)


def _one_year(path: Path, table: pd.DataFrame, column: str, label: str) -> None:
    """A table's codes all belong to one classification year."""
    years = sorted(table[column].unique())
    if len(years) > 1:
        raise CuratedDataError(path, None, column,
                               f"one {label} year per table expected, got {years}")


def read_memberships(path: Path = MEMBERS_CSV) -> pd.DataFrame:
    """One row per (Euregio, NUTS-3 region); a region may belong to several Euregios.

    Columns: euregio_id, nuts_year, nuts_id, nuts_name, country, partial, listed_members, source.
    """
    columns = ("euregio_id", "nuts_year", "nuts_id", "nuts_name", "country", "partial",
               "listed_members", "source")
    records = []
    seen: set[tuple[str, str]] = set()
    for number, row in _rows(path, columns):
        _euregio_id(path, number, row["euregio_id"])
        year = _year(path, number, "nuts_year", row["nuts_year"])
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
            "nuts_year": year,
            "nuts_id": nuts_id,
            "nuts_name": row["nuts_name"],
            "country": row["country"],
            "partial": _flag(path, number, "partial", row["partial"]),
            "listed_members": row["listed_members"],
            "source": _require(path, number, "source", row["source"]),
        })
    table = pd.DataFrame.from_records(records, columns=list(columns))
    _one_year(path, table, "nuts_year", "NUTS")
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


MEMBER_KINDS = ("municipality", "nuts3")
MUNICIPAL_MEMBER_COLUMNS = ("euregio_id", "member_kind", "member_id", "member_name", "country",
                            "nuts_id", "lau_year", "nuts_year", "listed_as", "source")


def _municipal_member(path: Path, row: int, values: dict[str, str]) -> dict[str, object]:
    """One row of a municipal membership table, checked (see geodata/README.md)."""
    kind = values["member_kind"]
    if kind not in MEMBER_KINDS:
        raise CuratedDataError(path, row, "member_kind",
                               f"expected {' or '.join(MEMBER_KINDS)}, got {kind!r}")
    country = values["country"]
    if country not in COUNTRIES:
        raise CuratedDataError(path, row, "country",
                               f"expected one of {', '.join(COUNTRIES)}, got {country!r}")
    nuts_id = _require(path, row, "nuts_id", values["nuts_id"]).upper()
    if len(nuts_id) != 5 or not nuts_id.startswith(country):
        raise CuratedDataError(path, row, "nuts_id", f"expected the NUTS-3 code of a region in "
                                                     f"{country}, got {nuts_id!r}")
    member_id = _require(path, row, "member_id", values["member_id"])
    if kind == "nuts3" and member_id.upper() != nuts_id:
        raise CuratedDataError(path, row, "member_id",
                               f"a whole NUTS-3 region is its own nuts_id {nuts_id!r}, "
                               f"got {member_id!r}")
    if kind == "municipality" and not member_id.startswith(f"{country}_"):
        raise CuratedDataError(path, row, "member_id",
                               f"expected a GISCO_ID such as 'NL_GM0935' ({country}_ and the "
                               f"national code), got {member_id!r}")
    return {
        "euregio_id": _euregio_id(path, row, values["euregio_id"]),
        "member_kind": kind,
        "member_id": member_id.upper() if kind == "nuts3" else member_id,
        "member_name": _require(path, row, "member_name", values["member_name"]),
        "country": country,
        "nuts_id": nuts_id,
        "lau_year": _year(path, row, "lau_year", values["lau_year"]),
        "nuts_year": _year(path, row, "nuts_year", values["nuts_year"]),
        "listed_as": values["listed_as"],
        "source": _require(path, row, "source", values["source"]),
    }


def read_municipal_memberships(path: Path) -> pd.DataFrame:
    """One row per (Euregio, member), where a member is a municipality or a whole NUTS-3
    region; a member may belong to several Euregios.

    Columns: :data:`MUNICIPAL_MEMBER_COLUMNS`; ``geodata/README.md`` describes them.
    The codes are checked against the boundaries later
    (:func:`gros.memberships.euregio_outlines`), where they are known.
    """
    records = []
    first_row: dict[tuple[object, object], int] = {}
    for number, values in _rows(path, MUNICIPAL_MEMBER_COLUMNS):
        record = _municipal_member(path, number, values)
        key = (record["euregio_id"], record["member_id"])
        if key in first_row:
            raise CuratedDataError(path, number, "member_id",
                                   f"{key[1]!r} is listed for {key[0]!r} already in row "
                                   f"{first_row[key]}")
        first_row[key] = number
        records.append(record)
    table = pd.DataFrame.from_records(records, columns=list(MUNICIPAL_MEMBER_COLUMNS))
    _one_year(path, table, "lau_year", "LAU")
    _one_year(path, table, "nuts_year", "NUTS")
    return table


class UnknownMunicipalities(UnknownCodes):
    """Municipality codes of a membership table that do not exist in the LAU year."""

    message = ("{count} municipality code(s) of the LAU {table} membership table do not exist "
               "in the LAU {boundaries} municipalities: {codes}. A municipality merged since its "
               "source was written is listed as the municipality it is part of now, its row's "
               "listed_as naming the former one; use LAU {table} boundaries "
               "(GROS_LAU_YEAR={table}) or correct these rows. No member is dropped.")


def check_codes(codes: Iterable[str], table_year: int, available: set[str],
                boundaries_year: int) -> None:
    """Raise :class:`UnknownNutsCodes` unless every code exists in the boundaries."""
    unknown = [code for code in codes if code not in available]
    if unknown:
        raise UnknownNutsCodes(unknown, table_year, boundaries_year)
