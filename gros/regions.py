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
    stated_members: int | None = None  # how many members a source says it has
    stated_members_source: str = ""

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
               "stated_area_km2", "source", "stated_members", "stated_members_source")
    euregios = []
    for number, row in _rows(path, columns):
        euregio_id = _require(path, number, "id", row["id"])
        if euregio_id not in EUREGIO_IDS:
            raise CuratedDataError(
                path, number, "id", f"expected one of {', '.join(EUREGIO_IDS)}, got {euregio_id!r}"
            )
        founded = _optional_number(path, number, "founded", row["founded"])
        stated = _optional_number(path, number, "stated_members", row["stated_members"])
        if stated is not None and not row["stated_members_source"]:
            raise CuratedDataError(path, number, "stated_members_source",
                                   "a stated member count needs its source")
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
                stated_members=int(stated) if stated is not None else None,
                stated_members_source=row["stated_members_source"],
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


MUNICIPAL_MEMBERS_CSV = GEODATA_DIR / "euregio_members_municipal.csv"
STATUS_CSV = GEODATA_DIR / "euregio_status.csv"
MUNICIPAL_LAU_YEAR = 2024  # the LAU year of the table's GISCO_IDs
MUNICIPAL_NUTS_YEAR = 2024  # the NUTS year of its district codes
MEMBER_KINDS = ("municipality", "district", "other")
MUNICIPAL_MEMBER_COLUMNS = ("euregio_id", "member_kind", "member_name", "country", "gisco_id",
                            "nuts_id", "note", "source_url", "source_title", "source_date")


def _nuts3_codes(path: Path, row: int, country: str, value: str) -> tuple[str, ...]:
    codes = tuple(code.strip().upper() for code in value.split(";") if code.strip())
    wrong = [code for code in codes if len(code) != 5 or not code.startswith(country)]
    if not codes or wrong:
        raise CuratedDataError(path, row, "nuts_id",
                               f"expected one or more NUTS-3 codes of {country} joined by ';' "
                               f"(such as 'DEA1B'), got {value!r}")
    return codes


def _municipal_member(path: Path, row: int, values: dict[str, str]) -> dict[str, object]:
    """One row of the municipal membership table, checked (see geodata/README.md).

    A municipality row without a GISCO_ID passes here: it is listed with every code
    unknown in the LAU year when the members are resolved
    (:func:`gros.memberships.member_municipalities`), all in one message.
    """
    kind = values["member_kind"]
    if kind not in MEMBER_KINDS:
        raise CuratedDataError(path, row, "member_kind",
                               f"expected {', '.join(MEMBER_KINDS)}, got {kind!r}")
    country = values["country"]
    if country not in COUNTRIES:
        raise CuratedDataError(path, row, "country",
                               f"expected one of {', '.join(COUNTRIES)}, got {country!r}")
    gisco_id = values["gisco_id"]
    if gisco_id and not gisco_id.startswith(f"{country}_"):
        raise CuratedDataError(path, row, "gisco_id",
                               f"expected a GISCO_ID such as 'NL_GM0935' ({country}_ and the "
                               f"national code), got {gisco_id!r}")
    nuts_ids = (_nuts3_codes(path, row, country, values["nuts_id"]) if kind == "district"
                else ())
    return {
        "row": row,
        "euregio_id": _euregio_id(path, row, values["euregio_id"]),
        "member_kind": kind,
        "member_name": _require(path, row, "member_name", values["member_name"]),
        "country": country,
        "gisco_id": gisco_id,
        "nuts_ids": nuts_ids,
        "note": values["note"],
        "source_url": _require(path, row, "source_url", values["source_url"]),
        "source_title": _require(path, row, "source_title", values["source_title"]),
        "source_date": _require(path, row, "source_date", values["source_date"]),
    }


def read_municipal_memberships(path: Path = MUNICIPAL_MEMBERS_CSV) -> pd.DataFrame:
    """One row per (Euregio, member) as the sources name it: a ``municipality`` (its
    GISCO_ID), a ``district`` (whole NUTS-3 regions, ``nuts_ids``: every municipality in
    them counts) or ``other`` (a chamber, a water board: a member, not drawn).

    Columns: ``row`` (as a spreadsheet shows it), the table's columns with ``nuts_id``
    as the tuple ``nuts_ids``. Several rows may share a GISCO_ID (municipalities merged
    since the source was written; the note says so); the same name twice for one
    Euregio is an error. The codes are checked against the boundaries later
    (:func:`gros.memberships.member_municipalities`), where they are known.
    """
    records = []
    first_row: dict[tuple[object, object], int] = {}
    for number, values in _rows(path, MUNICIPAL_MEMBER_COLUMNS):
        record = _municipal_member(path, number, values)
        key = (record["euregio_id"], record["member_name"])
        if key in first_row:
            raise CuratedDataError(path, number, "member_name",
                                   f"{key[1]!r} is listed for {key[0]!r} already in row "
                                   f"{first_row[key]}")
        first_row[key] = number
        records.append(record)
    columns = ["row", *MUNICIPAL_MEMBER_COLUMNS]
    columns[columns.index("nuts_id")] = "nuts_ids"
    return pd.DataFrame.from_records(records, columns=columns)


STATUSES = ("active", "merged", "dissolved")
STATUS_COLUMNS = ("euregio_id", "status", "since", "successor", "note", "source_url")


def read_euregio_status(path: Path = STATUS_CSV) -> pd.DataFrame:
    """The status of each cooperation body: ``active``, ``merged`` or ``dissolved``,
    since when (a year; for an active body its founding), its successor and the source.

    Columns: :data:`STATUS_COLUMNS`, ``since`` a nullable integer.
    """
    records = []
    for number, row in _rows(path, STATUS_COLUMNS):
        if row["status"] not in STATUSES:
            raise CuratedDataError(path, number, "status",
                                   f"expected {', '.join(STATUSES)}, got {row['status']!r}")
        since = _optional_number(path, number, "since", row["since"])
        records.append({
            "euregio_id": _euregio_id(path, number, row["euregio_id"]),
            "status": row["status"],
            "since": int(since) if since is not None else None,
            "successor": row["successor"],
            "note": row["note"],
            "source_url": _require(path, number, "source_url", row["source_url"]),
        })
    table = pd.DataFrame.from_records(records, columns=list(STATUS_COLUMNS))
    table["since"] = table["since"].astype("Int64")
    return table


class UnknownMunicipalities(UnknownCodes):
    """Municipality rows of the membership table that name no municipality of the LAU
    year: without a GISCO_ID, or with one the year does not have. ``codes`` describes
    each row (name, Euregio, row number and what is wrong)."""

    message = ("{count} municipality row(s) of the membership table (GISCO_IDs of LAU "
               "{table}) are not municipalities of LAU {boundaries}: {codes}. A municipality "
               "merged since its source was written takes the code of the one it is part of "
               "now (the row's note says so); a member that is not a municipality (a "
               "Samtgemeinde, an association) is listed as its member municipalities or as a "
               "district with its NUTS-3 codes. Use LAU {table} boundaries "
               "(GROS_LAU_YEAR={table}) or correct these rows. No member is dropped.")


def check_codes(codes: Iterable[str], table_year: int, available: set[str],
                boundaries_year: int) -> None:
    """Raise :class:`UnknownNutsCodes` unless every code exists in the boundaries."""
    unknown = [code for code in codes if code not in available]
    if unknown:
        raise UnknownNutsCodes(unknown, table_year, boundaries_year)
