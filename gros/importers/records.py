"""One row's cells as a project record: titles, themes, dates, amounts, status, partners,
countries, sources and id, each refused value a :class:`Problem` naming its key.

The record is what :func:`gros.projects.project_from_record` checks; the location is
read apart (:mod:`gros.importers.location`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gros import themes
from gros.importers.cells import first, fold, fold_index, quoted, split_items, trimmed
from gros.importers.columns import Columns
from gros.importers.keep_fields import Calls, keep_description, keep_titles
from gros.importers.notes import (
    KEEP_SOURCES,
    OBJECTIVE_THEMES,
    PARTNER_COUNTRIES,
    SCHEMELESS_SOURCES,
    UNKNOWN_KEEP_THEMES,
    Notes,
    derived_status,
)
from gros.importers.partners import Links
from gros.importers.values import (
    derived_id,
    keep_id,
    parse_amount,
    parse_country,
    parse_date,
    status_from_dates,
    theme_ids,
    theme_items,
)
from gros.importers.vocabulary import KEEP_URL, PRECISION_WORDS, STATUS_WORDS, TITLE_KEYS
from gros.projects import Problem

_WORD_INDEXES: dict[str, dict[str, str]] = {"status": fold_index(STATUS_WORDS),
                                             "precision": fold_index(PRECISION_WORDS)}
# keep.eu's objective columns, in the order they are asked for a theme, with their kind.
_OBJECTIVES = (("keep_specific_objective", "specific"), ("keep_thematic_objective", "thematic"),
               ("keep_investment_priority", "investment"))
_URL_SPLIT = re.compile(r"[\s;|]+|,(?=\s*(?:https?://|www\.))")
# An address without its scheme, as keep.eu gives websites: "centralbaltic.eu/projects".
_SCHEMELESS = re.compile(r"(?i)^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?"
                         r"(?:[/?#]\S*)?$")


@dataclass(frozen=True)
class Reading:
    """What holds for every row of one file: its name and how to read it."""

    name: str
    today: date  # decides a missing status from the dates
    crs: str | None = None  # chosen by the caller or by a GeoJSON crs member
    nuts3_points: Mapping[str, tuple[float, float]] | None = None
    nuts_names: Mapping[str, str] | None = None  # NUTS 2024 code → name, to match names
    keep: bool = False  # a keep.eu export
    include_outside: bool = False  # import keep.eu projects outside the area too
    calls: Calls = field(default_factory=dict)  # keep.eu's calls, to say a project's
    # The NUTS regions resolved so far, by (code, name): many partners share a region.
    regions: dict[tuple[str, str | None], Any] = field(default_factory=dict, compare=False,
                                                       repr=False)
    noun: str = "row"  # what messages call a row: "row" or "feature"
    # Told (rows done, rows in all) as the rows are read: a long file shows its progress.
    progress: Callable[[int, int], None] | None = field(default=None, compare=False,
                                                        repr=False)


@dataclass(frozen=True)
class Row:
    """One data row before it becomes a project."""

    number: int
    fields: Mapping[str, list[Any]]  # record key → the values of its columns
    values: dict[str, str]  # header → cell text, for the export
    geometry: Any = None  # a GeoJSON feature's geometry member, if any
    links: Links | None = None
    problems: tuple[Problem, ...] = ()
    location: tuple[str, Any] | None = None  # (kind, raw shapely geometry) once located
    broken: bool = False  # its cells cannot be trusted: report only its problems


def build_record(row: Row, columns: Columns, reading: Reading, notes: Notes,
                 seen: dict[str, tuple[int, str]]) -> tuple[dict[str, Any], list[Problem]]:
    """The row's record and the problems of its values (its location aside).

    ``seen`` maps the ids of earlier rows to their numbers and programmes; the row's id is
    added, and a row whose id is there already gets a problem naming the earlier row.
    """
    f = row.fields
    problems: list[Problem] = []
    record: dict[str, Any] = {}
    for key in ("title", "title_nl", "title_de", "title_fr", "title_en", "description",
                "programme", "stations"):
        value = first(f.get(key))
        record[key] = value if key == "stations" and isinstance(value, list) else trimmed(value)
    acronym = trimmed(first(f.get("acronym")))
    if reading.keep:
        titles = keep_titles(f, row.number, notes)
        record.update({k: v for k, v in titles.items() if not record.get(k)})
        record["description"] = keep_description(f, reading.calls)
    if not record["title"]:
        record["title"] = next((record[k] for k in TITLE_KEYS if record[k]), "") or (
            acronym if reading.keep else "")
    record["themes"] = _themes(row, reading.keep, notes, problems)
    for key in ("start", "end", "last_verified"):
        record[key] = _parsed(f, key, parse_date, problems)
    for key in ("budget_eur", "eu_contribution_eur"):
        record[key] = _parsed(f, key, parse_amount, problems)
    record["status"] = _status(row, record, reading.today, notes, problems)
    record["precision"] = _word_value(f, "precision", problems)
    record.update(_partners(row, reading.keep, notes, problems))
    record["sources"] = _sources(row, columns, reading.keep, notes, problems)
    record["id"] = _id(row, record, acronym, reading, seen, problems)
    return record, problems


def _parsed(f: Mapping[str, list[Any]], key: str, parse: Callable[[Any], Any],
            problems: list[Problem]) -> Any:
    value = first(f.get(key))
    if value is None:
        return None
    try:
        return parse(value)
    except ValueError as exc:
        problems.append(Problem(key, str(exc)))
        return None


def _word_value(f: Mapping[str, list[Any]], key: str, problems: list[Problem]) -> str | None:
    value = first(f.get(key))
    if value is None:
        return None
    word = _WORD_INDEXES[key].get(fold(trimmed(value)))
    if word is None:
        examples = ", ".join(dict.fromkeys(_WORD_INDEXES[key].values()))
        problems.append(Problem(key, f"expected one of {examples} (or the same in Dutch, "
                                     f"German or French), got {value!r}"))
    return word


def _status(row: Row, record: Mapping[str, Any], today: date, notes: Notes,
            problems: list[Problem]) -> str | None:
    if first(row.fields.get("status")) is not None:
        return _word_value(row.fields, "status", problems)
    status = status_from_dates(record["start"], record["end"], today)
    if status is not None:
        notes.tally(derived_status(today), row.number)
    return status


def _themes(row: Row, keep: bool, notes: Notes, problems: list[Problem]) -> list[str]:
    ids: list[str] = []
    unknown: list[str] = []
    for value in row.fields.get("themes", []):
        for item in theme_items(value):
            found = theme_ids(item)
            ids.extend(i for i in found if i not in ids)
            if not found:
                unknown.append(item)
    if keep:
        # keep.eu has many more keywords than the dashboard has themes: one that maps
        # onto none costs the project only when no other does.
        for item in unknown:
            notes.group(UNKNOWN_KEEP_THEMES, item, row.number)
        if not ids:
            ids, objectives = _objective_themes(row)
            if ids:
                notes.tally(OBJECTIVE_THEMES, row.number)
        if not ids:
            reason = (f"none of its keep.eu themes ({quoted(unknown)}) maps onto a "
                      "dashboard theme" if unknown else "has no keep.eu theme")
            if objectives:
                reason += (f"; its objectives and priorities ({quoted(objectives)}) map onto "
                           "none either")
            problems.append(Problem("themes", reason))
    elif unknown:
        problems.extend(Problem("themes", f"unknown theme {item!r}; expected one of "
                                          f"{', '.join(themes.THEME_IDS)} or their names")
                        for item in unknown)
    elif not ids:
        problems.append(Problem("themes", "at least one theme is required"))
    return ids


def _objective_themes(row: Row) -> tuple[list[str], list[str]]:
    """Themes from a keep.eu row's Specific Obj, else Thematic Obj, else Inv. Priority,
    and the values those columns hold."""
    values: list[str] = []
    for key, kind in _OBJECTIVES:
        value = trimmed(first(row.fields.get(key)))
        if value:
            values.append(value)
            found = list(themes.objective_themes(value, kind)) or theme_ids(value)
            if found:
                return found, values
    return [], values


def _partners(row: Row, keep: bool, notes: Notes, problems: list[Problem]) -> dict[str, Any]:
    """The record's ``lead_partner``, ``partners`` and ``countries``.

    In a keep.eu export a partner's country that cannot be read is a note, not a problem.
    """
    f = row.fields
    lead = None
    name = first(f.get("lead_partner"))
    country = first(f.get("lead_partner_country"))
    if isinstance(name, dict):
        lead = _partner(name, "lead_partner", problems)
    elif name is not None:
        lead = _partner(trimmed(name), "lead_partner", problems)
        if lead is not None and country is not None:
            try:
                lead["country"] = parse_country(country)
            except ValueError as exc:
                if keep:
                    notes.group(PARTNER_COUNTRIES, trimmed(country), row.number)
                else:
                    problems.append(Problem("lead_partner_country", str(exc)))
    partners = [p for v in _split_partners(first(f.get("partners")))
                if (p := _partner(v, "partners", problems)) is not None]
    countries = []
    for value in split_items(first(f.get("countries")), ";|,\n"):
        try:
            countries.append(parse_country(value))
        except ValueError as exc:
            problems.append(Problem("countries", str(exc)))
    links = row.links
    if links is not None:
        lead = links.lead or lead
        partners = partners + [p for p in links.partners if p not in partners]
        countries = countries + list(links.countries)
    if keep or (links is not None) or not countries:
        # A project's countries are at least those of its partners.
        for partner in ([lead] if lead else []) + partners:
            countries.append(partner.get("country") or "")
    return {"lead_partner": lead, "partners": partners,
            "countries": list(dict.fromkeys(c for c in countries if c))}


def _partner(value: Any, key: str, problems: list[Problem]) -> dict[str, Any] | None:
    """``{"name", "country"}`` from a dict or from text such as ``Stadt Aachen (DE)``."""
    if isinstance(value, dict):
        name, country = trimmed(value.get("name")), value.get("country")
    else:
        text = trimmed(value)
        match = re.match(r"^(.*?)\s*\(([^()]+)\)$", text)
        name, country = (match.group(1), match.group(2)) if match else (text, None)
        if match:
            try:
                parse_country(country)
            except ValueError:  # "(oud)" or "(ZLTO)" is part of the name
                name, country = text, None
    if not name:
        return None
    partner: dict[str, Any] = {"name": name, "country": None}
    if trimmed(country):
        try:
            partner["country"] = parse_country(country)
        except ValueError as exc:
            problems.append(Problem(key, f"partner {name!r}: {exc}"))
    return partner


def _split_partners(value: Any) -> list[Any]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict) or trimmed(v)]
    return split_items(value) if value is not None else []


def _sources(row: Row, columns: Columns, keep: bool, notes: Notes,
             problems: list[Problem]) -> list[str]:
    sources: list[str] = []
    for value in row.fields.get("sources", []):
        text = trimmed(value)
        if isinstance(value, list):
            items = value
        elif "://" in text or "www." in text.lower():
            items = _URL_SPLIT.split(text)
        else:
            items = [text]  # "Provinciale Staten" is one wrong source, not two
        for item in (trimmed(i) for i in items):
            if _SCHEMELESS.match(item):
                notes.tally(SCHEMELESS_SOURCES, row.number)
                item = f"https://{item}"
            if item and item not in sources:
                sources.append(item)
    if keep:
        # Rejecting every keep.eu row for want of a link would make the export useless.
        page = trimmed(first(row.fields.get("keep_page_id")))
        if re.fullmatch(r"\d+", page):
            sources.insert(0, f"{KEEP_URL}/projects/{page}/")
        else:
            sources.insert(0, KEEP_URL)
            notes.tally(KEEP_SOURCES, row.number)
    elif not sources:
        column = columns.header("sources")
        where = f"column {column!r} is empty" if "sources" in columns.by_key else (
            "the file has no source column such as 'bron', 'Quelle' or 'url'")
        problems.append(Problem("sources", f"a public source URL is required; {where}"))
    return sources


def _id(row: Row, record: Mapping[str, Any], acronym: str, reading: Reading,
        seen: dict[str, tuple[int, str]], problems: list[Problem]) -> str:
    given = trimmed(first(row.fields.get("id")))
    programme = record["programme"]
    if given:
        project_id = given.lower()
    elif reading.keep:
        project_id = keep_id(acronym or record["title"])
        earlier, its_programme = seen.get(project_id, (row.number, programme))
        if earlier != row.number and fold(its_programme) != fold(programme):
            # Partners join on programme and acronym: in another programme it is another
            # project, which keeps the acronym's id with the programme's digest.
            project_id = keep_id(acronym or record["title"], programme)
    elif record["title"]:
        project_id = derived_id(record["title"], programme)
    else:
        return ""
    earlier, _ = seen.setdefault(project_id, (row.number, programme))
    if earlier != row.number:
        problems.append(Problem("id", f"duplicate id {project_id!r}: {reading.noun} {earlier} "
                                      "has the same id"))
    return project_id
