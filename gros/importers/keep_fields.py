"""What keep.eu's text columns give a project: its names in the programme's languages, a
description with the expected results and achievements, and the period and call.

The texts are kept as keep.eu gives them; the headings added between them are keep.eu's
own column names, so that a reader knows where each part comes from.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gros.importers.cells import first, fold, trimmed
from gros.importers.notes import TITLE_LANGUAGES, Notes
from gros.importers.tables import Table
from gros.importers.values import parse_date
from gros.importers.vocabulary import KEEP_TITLE_LANGUAGES

Fields = Mapping[str, list[Any]]
# A call by (folded programme, serial number): its dates as "2016-01-15 – 2016-04-30".
Calls = Mapping[tuple[str, str], str]


def title_languages(programme: str) -> tuple[str, ...]:
    """The languages of a programme's "Project Name language 2" and "3"; () when unknown."""
    name = fold(programme)
    for groups, languages in KEEP_TITLE_LANGUAGES:
        if all(any(fold(word) in name for word in group) for group in groups):
            return languages
    return ()


def keep_titles(f: Fields, number: int, notes: Notes) -> dict[str, str]:
    """``title_de``, ``title_nl``… from the names in the programme's other languages."""
    programme = trimmed(first(f.get("programme")))
    names = [trimmed(first(f.get(key))) for key in ("keep_title_2", "keep_title_3")]
    if not any(names):
        return {}
    languages = title_languages(programme)
    if not languages:
        notes.group(TITLE_LANGUAGES, programme or "(no programme)", number)
    return {f"title_{language}": name for language, name in zip(languages, names, strict=False)
            if name}


def keep_description(f: Fields, calls: Calls) -> str:
    """The description (English, else the programme's languages), the expected results and
    achievements under their headings, and a last line with the period and call."""
    parts = [_english_or_other(f, "description", "keep_description_other")]
    for heading, english, other in (("Expected results", "keep_results_en", "keep_results_other"),
                                    ("Achievements", "keep_achievements_en",
                                     "keep_achievements_other")):
        if text := _english_or_other(f, english, other):
            parts.append(f"{heading}: {text}")
    parts.append(_period_and_call(f, calls))
    return "\n\n".join(part for part in parts if part)


def _english_or_other(f: Fields, english: str, other: str) -> str:
    return trimmed(first(f.get(english))) or trimmed(first(f.get(other)))


def _period_and_call(f: Fields, calls: Calls) -> str:
    period = trimmed(first(f.get("keep_period")))
    call = trimmed(first(f.get("keep_call")))
    said = [f"Period: {period}"] if period else []
    if call:
        dates = calls.get((fold(trimmed(first(f.get("programme")))), fold(call)))
        said.append(f"Call: {call}" + (f" ({dates})" if dates else ""))
    return ". ".join(said) + ("." if said else "")


def calls_index(table: Table) -> dict[tuple[str, str], str]:
    """keep.eu's Calls sheet (Programme, Serial Number, Start Date, End Date) by call."""
    column = {fold(h): i for i, h in enumerate(table.headers)}
    wanted = [column.get(k) for k in ("programme", "serialnumber", "startdate", "enddate")]
    if wanted[0] is None or wanted[1] is None:
        return {}
    calls: dict[tuple[str, str], str] = {}
    for _, cells in table.rows:
        programme, serial, start, end = (cells[i] if i is not None else None for i in wanted)
        dates = " – ".join(d for d in (_date(start), _date(end)) if d)
        if trimmed(serial) and dates:
            calls[(fold(trimmed(programme)), fold(trimmed(serial)))] = dates
    return calls


def _date(value: Any) -> str:
    try:
        return parse_date(value) if trimmed(value) else ""
    except ValueError:  # a call's dates are shown, never relied upon
        return trimmed(value)
