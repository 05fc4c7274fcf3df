"""A keep.eu partners sheet: its rows by project, and what each row says of its partner.

Partners join their project on the 2021–2027 project id, else on Programme and Acronym.
A partner's value that cannot be read (a country, a NUTS code) is a note on its
project, never a reason to refuse it: the partner is kept with what could be read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from gros.importers.cells import first, fold, quoted, trimmed
from gros.importers.columns import match_columns, warn_ignored
from gros.importers.notes import PARTNER_COUNTRIES, PARTNER_REGIONS, PARTNERS, Notes, Tally
from gros.importers.tables import Table
from gros.importers.values import nuts_value, parse_country
from gros.importers.vocabulary import KEEP_PARTNER_ALIASES, NUTS_COUNTRIES, TRUE_WORDS

# A partner row: its number and its values by KEEP_PARTNER_ALIASES key.
PartnerRow = tuple[int, dict[str, Any]]
# The NUTS columns of a partner row, the most detailed first.
NUTS_KEYS = ("nuts3", "nuts2", "nuts1")


@dataclass(frozen=True)
class PartnerPlace:
    """Where one partner is: its country and NUTS regions (code, name), most detailed first."""

    name: str
    country: str | None
    regions: tuple[tuple[str, str | None], ...]
    row: int  # on the partners sheet
    lead: bool = False


@dataclass(frozen=True)
class Links:
    """What a keep.eu partners sheet says about one project, and which of its rows said it.

    ``places`` has the lead partner first, then the others in the sheet's order;
    ``notes`` are the values that could not be read, said once the project's fate is known.
    """

    lead: dict[str, Any] | None = None
    partners: tuple[dict[str, Any], ...] = ()
    countries: tuple[str, ...] = ()
    places: tuple[PartnerPlace, ...] = ()
    notes: tuple[tuple[Tally, str], ...] = ()
    used: tuple[int, ...] = ()  # partner rows joined to the project
    unnamed: tuple[int, ...] = ()  # of those, the ones without a partner name


@dataclass(frozen=True)
class PartnerIndex:
    """The rows of a keep.eu partners sheet, by the project they belong to."""

    sheet: str
    rows: tuple[int, ...]  # every partner row's number
    by_id: Mapping[str, tuple[PartnerRow, ...]]  # folded 2021–2027 project id
    by_acronym: Mapping[tuple[str, str], tuple[PartnerRow, ...]]  # (programme, acronym)
    has_programme: bool = False  # the sheet has a programme column

    def links(self, fields: Mapping[str, list[Any]]) -> Links:
        """What the sheet says about the project whose row has ``fields``."""
        pid = fold(trimmed(first(fields.get("keep_project_id"))))
        acronym = fold(trimmed(first(fields.get("acronym"))))
        programme = fold(trimmed(first(fields.get("programme"))))
        rows = self.by_id.get(pid, ()) if pid else ()
        if not rows and acronym:
            rows = self.by_acronym.get((programme if self.has_programme else "", acronym), ())
        lead_row = _lead_row(rows, fold(trimmed(first(fields.get("lead_partner")))))
        places: list[PartnerPlace] = []
        notes: list[tuple[Tally, str]] = []
        unnamed: list[int] = []
        for number, f in rows:
            if not trimmed(f.get("name")):
                unnamed.append(number)
                continue
            place, said = partner_place(number, f, number == lead_row)
            notes.extend(said)
            places.append(place)
        places.sort(key=lambda p: not p.lead)  # stable: the others keep the sheet's order
        return links_of(places, notes, tuple(number for number, _ in rows), tuple(unnamed))


def links_of(places: list[PartnerPlace], notes: list[tuple[Tally, str]],
             used: tuple[int, ...], unnamed: tuple[int, ...]) -> Links:
    """The :class:`Links` of a project's partner places (the lead, if any, first)."""
    lead = None
    partners: list[dict[str, Any]] = []
    for place in places:
        partner = {"name": place.name, "country": place.country}
        if place.lead and lead is None:
            lead = partner
        elif partner not in partners:
            partners.append(partner)
    countries = tuple(dict.fromkeys(p.country for p in places if p.country))
    return Links(lead, tuple(partners), countries, tuple(places), tuple(notes), used, unnamed)


def partner_place(number: int, f: Mapping[str, Any], lead: bool
                  ) -> tuple[PartnerPlace, list[tuple[Tally, str]]]:
    """One partner row's place, and the notes on the values it could not read.

    The country comes from ``Country code``, else ``Country``, else the NUTS code.
    """
    notes: list[tuple[Tally, str]] = []
    country = None
    for key in ("country_code", "country"):
        value = f.get(key)
        if country is None and trimmed(value):
            try:
                country = parse_country(value)
            except ValueError:
                notes.append((PARTNER_COUNTRIES, trimmed(value)))
    regions: list[tuple[str, str | None]] = []
    for key in NUTS_KEYS:
        value = f.get(key)
        if trimmed(value):
            try:
                regions.append(nuts_value(value))
            except ValueError:
                notes.append((PARTNER_REGIONS, trimmed(value)))
    if country is None and regions:
        code = regions[0][0][:2]
        country = NUTS_COUNTRIES.get(code, code)
    return PartnerPlace(trimmed(f.get("name")), country, tuple(regions), number, lead), notes


def _lead_row(rows: Iterable[PartnerRow], lead_name: str) -> int | None:
    """The lead partner's row: the one flagged as lead, else the one named as the lead."""
    leads = [r for r in rows if trimmed(r[1].get("lead")).casefold() in TRUE_WORDS]
    if not leads and lead_name:
        leads = [r for r in rows if fold(trimmed(r[1].get("name"))) == lead_name]
    return leads[0][0] if leads else None


def partner_index(table: Table, sheet: str, notes: Notes) -> PartnerIndex:
    """The partners sheet by project; empty, with a warning, without name or project column."""
    columns = match_columns(table.headers, KEEP_PARTNER_ALIASES)
    if "name" not in columns.by_key or not (
            {"acronym", "keep_project_id"} & columns.by_key.keys()):
        notes.warn(f"The partners sheet {sheet!r} has no partner name or project column; it "
                   f"was not read (columns: {quoted(table.headers)})", PARTNERS)
        return PartnerIndex(sheet, (), {}, {})
    warn_ignored(columns, f"Partners sheet {sheet!r} columns", notes, table)
    by_id: dict[str, list[PartnerRow]] = {}
    by_acronym: dict[tuple[str, str], list[PartnerRow]] = {}
    for number, cells in table.rows:
        f = {k: first(v) for k, v in columns.fields(cells).items()}
        pid, acronym = fold(trimmed(f.get("keep_project_id"))), fold(trimmed(f.get("acronym")))
        if pid:
            by_id.setdefault(pid, []).append((number, f))
        if acronym:
            by_acronym.setdefault((fold(trimmed(f.get("programme"))), acronym),
                                  []).append((number, f))
            by_acronym.setdefault(("", acronym), []).append((number, f))
    return PartnerIndex(sheet, tuple(n for n, _ in table.rows),
                        {k: tuple(v) for k, v in by_id.items()},
                        {k: tuple(v) for k, v in by_acronym.items()},
                        "programme" in columns.by_key)
