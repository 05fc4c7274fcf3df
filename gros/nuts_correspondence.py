"""Build ``geodata/nuts3_history.csv`` from Eurostat's NUTS correspondence tables.

    python -m gros.nuts_correspondence [--source URL] [--out geodata/nuts3_history.csv]

``--source`` is the base of Eurostat's site (default: the official one); a ``file://``
mirror laid out the same way works. Two workbooks are read from ``documents/345175/629341/``:

- ``NUTS2021.xlsx``, sheet "Changes detailed NUTS 2016-2021": every NUTS 2016 code with
  its NUTS 2021 code and the change;
- ``NUTS2021-NUTS2024.xlsx``, sheets "NUTS2024" (the regions), "NUTS2021- NUTS2024" (every
  NUTS 2021 code with its 2024 code and the change), "Changes NUTS-3" and "Changes NUTS-2"
  (which municipalities moved where, in words).

Only NL, BE, DE and LU are kept, without their Extra-Regio codes (no territory, no
boundary). Whatever the tables say that this module does not understand stops the build
with the text in question; nothing is guessed.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gros.nuts_history import (
    COLUMNS,
    COUNTRIES,
    CURRENT,
    EXACT_KINDS,
    KINDS,
    NUTS_HISTORY_CSV,
    nuts_level,
)

OFFICIAL_URL = "https://ec.europa.eu/eurostat"
DOCUMENTS = "documents/345175/629341"
FILE_2021 = "NUTS2021.xlsx"
FILE_2024 = "NUTS2021-NUTS2024.xlsx"
SHEET_2016_2021 = "Changes detailed NUTS 2016-2021"
SHEET_2021_2024 = "NUTS2021- NUTS2024"
SHEET_2024 = "NUTS2024"
NOTE_SHEETS = {2: "Changes NUTS-2", 3: "Changes NUTS-3"}
NAME_COLUMNS = ("NUTS level 3", "NUTS level 2", "NUTS level 1")
TIMEOUT_S = 60

# Eurostat's explanations say which municipalities went where, e.g. "Former LAU Haaren
# (0788, ex-NL413) was divided among Oisterwijk (0824, ex-NL412), …": the regions named
# before the verb gave land, those after it received it.
_VERB = re.compile(r"\b(?:merged (?:to|into)|integrated into|(?:was )?d[ei]vided among)\b")
_MOVED = re.compile(r"moved from ex-([A-Z]{2}[0-9A-Z]{1,3}) to ex-([A-Z]{2}[0-9A-Z]{1,3})")
_EX_CODE = re.compile(r"\bex-([A-Z]{2}[0-9A-Z]{1,3})\b")
_ANY_CODE = re.compile(r"\b[A-Z]{2}[0-9A-Z]{1,3}\b")


class CorrespondenceError(ValueError):
    """Eurostat's files cannot be read, or say something the build does not understand."""


@dataclass(frozen=True)
class StepRow:
    """What became of one code between one NUTS version and the next."""

    code: str
    name: str
    successors: tuple[str, ...]
    kind: str
    change: str
    explanations: tuple[str, ...]
    sources: tuple[str, ...]


def _text(cell: Any) -> str:
    """A cell as text, its spaces (no-break ones too) collapsed."""
    return "" if cell is None else " ".join(str(cell).split())


def _ours(code: str) -> bool:
    """A region of NL, BE, DE or LU below the country, not an Extra-Regio code."""
    return len(code) >= 3 and code[:2] in COUNTRIES and set(code[2:]) != {"Z"}


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def read_workbook(base_url: str, name: str) -> Any:
    """The workbook ``name`` below Eurostat's documents folder at ``base_url``.

    Raises
    ------
    CorrespondenceError
        When it cannot be downloaded or opened, naming the URL.
    """
    import openpyxl  # only the build needs it

    url = f"{base_url.rstrip('/')}/{DOCUMENTS}/{name}"
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:
            data = response.read()
    except (OSError, ValueError) as exc:
        raise CorrespondenceError(f"cannot read {url} ({exc})") from None
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of error on damaged files
        raise CorrespondenceError(f"{url} is not a readable workbook ({exc})") from None


def sheet_rows(book: Any, file: str, sheet: str, columns: Sequence[str]) -> list[dict[str, str]]:
    """The rows of ``sheet`` as {column: text}, columns found by the header's first line."""
    if sheet not in book.sheetnames:
        raise CorrespondenceError(f"{file} has no sheet {sheet!r} (it has {book.sheetnames})")
    rows = book[sheet].iter_rows(values_only=True)
    header = [_text(str(cell or "").split("\n")[0]) for cell in next(rows, ())]
    missing = [column for column in columns if column not in header]
    if missing:
        raise CorrespondenceError(f"{file}, sheet {sheet!r}: no column {missing!r} in {header}")
    where = {column: header.index(column) for column in columns}
    return [{column: _text(row[i]) if i < len(row) else "" for column, i in where.items()}
            for row in rows]


def _name(row: Mapping[str, str]) -> str:
    return next((row[column] for column in NAME_COLUMNS if row[column]), "")


def territory_flows(text: str) -> list[tuple[str, str]]:
    """(giving, receiving) pairs of old codes for the municipalities an explanation moves.

    Raises
    ------
    CorrespondenceError
        When the text names regions but not in a way that says which way land moved.
    """
    flows = _MOVED.findall(text)
    rest = _MOVED.sub("", text)
    if not _EX_CODE.search(rest):
        return flows
    verbs = list(_VERB.finditer(rest))
    if len(verbs) != 1:
        raise CorrespondenceError(f"cannot tell which way land moved in {text!r}")
    givers = _unique(_EX_CODE.findall(rest[: verbs[0].start()]))
    takers = _unique(_EX_CODE.findall(rest[verbs[0].end():]))
    if not givers or not takers:
        raise CorrespondenceError(f"cannot tell which regions gave and took land in {text!r}")
    return flows + [(giver, taker) for giver in givers for taker in takers if giver != taker]


def change_kind(change: str, code: str) -> str:
    """The kind of change (one of :data:`gros.nuts_history.KINDS`) Eurostat's words name."""
    words = change.casefold()
    for kind, markers in (("merged", ("merge",)), ("split", ("split",)),
                          ("boundary shift", ("boundary",)), ("recoded", ("recode", "code change")),
                          ("renamed", ("rename", "name change"))):
        if any(marker in words for marker in markers):
            return kind
    if words:
        raise CorrespondenceError(f"unknown kind of change {change!r} for {code!r}")
    return "unchanged"


def _successors(olds: Sequence[Mapping[str, str]], continuation: Mapping[str, str],
                receivers: Mapping[str, Sequence[str]], sheet: str) -> dict[str, tuple[str, ...]]:
    """Each old code's newer codes: NUTS-3 from the sheets, levels 1–2 from their NUTS-3."""
    found: dict[str, tuple[str, ...]] = {}
    for old in (row for row in olds if nuts_level(row["code"]) == 3):
        code = old["code"]
        found[code] = _unique([continuation[code]] * bool(continuation[code])
                              + sorted(receivers.get(code, ())))
        if not found[code]:
            raise CorrespondenceError(f"{sheet}: no newer region for {code!r} ({old['change']!r})")
    for old in (row for row in olds if nuts_level(row["code"]) < 3):
        code, level = old["code"], nuts_level(old["code"])
        # A region is the union of its NUTS-3 regions, so it lies where they lie.
        derived = sorted({new[: level + 2] for child, news in found.items()
                          if child.startswith(code) for new in news})
        if continuation[code] and continuation[code] not in derived:
            raise CorrespondenceError(f"{sheet}: {code!r} becomes {continuation[code]!r}, but "
                                      f"its NUTS-3 regions lie in {derived}")
        found[code] = _unique([continuation[code]] * bool(continuation[code]) + derived)
    return found


def _step(olds: Sequence[Mapping[str, str]], successors: Mapping[str, tuple[str, ...]],
          explanations: Mapping[str, Sequence[str]], sources: Sequence[str],
          note_source: Mapping[int, str]) -> dict[str, StepRow]:
    """The step rows, each kind checked against its number of successors."""
    step = {}
    for old in olds:
        code = old["code"]
        kind, news, notes = change_kind(old["change"], code), successors[code], explanations[code]
        if kind in EXACT_KINDS and len(news) != 1:
            raise CorrespondenceError(f"{code!r} is {kind} ({old['change']!r}) yet lies in {news}")
        note_sheet = note_source.get(nuts_level(code))
        extra = (note_sheet,) if notes and note_sheet else ()
        step[code] = StepRow(code, old["name"], news, kind, old["change"], tuple(notes),
                             (*sources, *extra))
    return step


def _correspondence(book: Any, file: str, sheet: str, old: str, new: str,
                    change: str) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """A correspondence sheet's rows for our countries, and its old codes (code, name, change)."""
    rows = [row for row in sheet_rows(book, file, sheet, (old, new, *NAME_COLUMNS, change))
            if _ours(row[old] or row[new])]
    olds = [{"code": row[old], "name": _name(row), "change": row[change]}
            for row in rows if row[old]]
    return rows, olds


def step_2016_2021(book: Any) -> dict[str, StepRow]:
    """What became of each NUTS 2016 code in NUTS 2021 (``NUTS2021.xlsx``)."""
    rows, olds = _correspondence(book, FILE_2021, SHEET_2016_2021, "Code 2016", "Code 2021",
                                 "Change comments")
    continuation = {row["Code 2016"]: row["Code 2021"] for row in rows if row["Code 2016"]}
    receivers: dict[str, list[str]] = {}
    explanations: dict[str, list[str]] = {old["code"]: [] for old in olds}
    # A new region's comment names the old ones it was made from ("merge of ex-BE327 and BE324").
    for row in (row for row in rows if not row["Code 2016"]):
        for code in _unique(_ANY_CODE.findall(row["Change comments"])):
            if code in continuation:
                receivers.setdefault(code, []).append(row["Code 2021"])
                explanations[code].append(f"{row['Code 2021']}: {row['Change comments']}")
    successors = _successors(olds, continuation, receivers, SHEET_2016_2021)
    return _step(olds, successors, explanations, (f"{FILE_2021}: {SHEET_2016_2021}",), {})


def _notes(book: Any) -> dict[int, list[dict[str, str]]]:
    """The rows of "Changes NUTS-2" and "Changes NUTS-3" for our countries."""
    columns = ("Country Code", "Code 2021", "Change", "Explanation (new = old)")
    return {level: [row for row in sheet_rows(book, FILE_2024, sheet, columns)
                    if row["Country Code"] in COUNTRIES]
            for level, sheet in NOTE_SHEETS.items()}


def _explanations(code: str, notes: Sequence[Mapping[str, str]]) -> list[str]:
    """Eurostat's texts on ``code``'s own row, and those naming it as ``ex-CODE``."""
    named = re.compile(rf"\bex-{re.escape(code)}\b")
    texts = [text for row in notes for text in (row["Change"], row["Explanation (new = old)"])
             if text and (row["Code 2021"] == code or named.search(text))]
    return list(_unique(texts))


def step_2021_2024(book: Any) -> dict[str, StepRow]:
    """What became of each NUTS 2021 code in NUTS 2024 (``NUTS2021-NUTS2024.xlsx``)."""
    rows, olds = _correspondence(book, FILE_2024, SHEET_2021_2024, "Code 2021", "Code 2024",
                                 "Change")
    # A region whose boundary moved ends on one row and starts again, with a new code and
    # the same name, on the next ("Boundary shift", then "New region").
    restarts: dict[tuple[str, int, str], str] = {}
    for row in (row for row in rows if not row["Code 2021"]):
        key = (row["Code 2024"][:2], nuts_level(row["Code 2024"]), _name(row))
        if key in restarts:
            raise CorrespondenceError(f"{SHEET_2021_2024}: two new regions named {key}")
        restarts[key] = row["Code 2024"]
    continuation = {row["Code 2021"]: row["Code 2024"] or restarts.get(
        (row["Code 2021"][:2], nuts_level(row["Code 2021"]), _name(row)), "")
        for row in rows if row["Code 2021"]}
    notes = _notes(book)
    receivers: dict[str, list[str]] = {}
    for row in notes[3]:
        for giver, taker in territory_flows(row["Change"]):
            if giver not in continuation or not continuation.get(taker):
                raise CorrespondenceError(f"{NOTE_SHEETS[3]}: {giver!r} or {taker!r} is no NUTS "
                                          f"2021 region with a successor ({row['Change']!r})")
            receivers.setdefault(giver, []).append(continuation[taker])
    explanations = {old["code"]: _explanations(old["code"], notes.get(nuts_level(old["code"]), []))
                    for old in olds}
    successors = _successors(olds, continuation, receivers, SHEET_2021_2024)
    return _step(olds, successors, explanations, (f"{FILE_2024}: {SHEET_2021_2024}",),
                 {level: f"{FILE_2024}: {sheet}" for level, sheet in NOTE_SHEETS.items()})


def current_regions(book: Any) -> dict[str, str]:
    """NUTS 2024 code → name, for our countries (sheet "NUTS2024")."""
    rows = sheet_rows(book, FILE_2024, SHEET_2024, ("NUTS Code", "NUTS label"))
    return {row["NUTS Code"]: row["NUTS label"] for row in rows if _ours(row["NUTS Code"])}


def _record(code: str, year: int, name: str, successors: Iterable[str], kind: str, change: str,
            explanations: Iterable[str], sources: Iterable[str]) -> dict[str, str]:
    return {"code": code, "nuts_year": str(year), "level": str(nuts_level(code)),
            "country": code[:2], "name": name, "nuts2024": " ".join(successors), "kind": kind,
            "change": change, "explanation": " | ".join(_unique(explanations)),
            "source": " | ".join(_unique(sources))}


def _compose(first: StepRow, then: Mapping[str, StepRow]) -> dict[str, str]:
    """A NUTS 2016 row: its 2021 successors' 2024 successors, both changes told."""
    middles = [then[code] for code in first.successors]
    # The larger change names the kind: a recode after a boundary shift is still a shift.
    kind = max([first.kind, *(m.kind for m in middles)], key=KINDS.index)
    later = [m.change if len(middles) == 1 else f"{m.code} {m.change}"
             for m in middles if m.change]
    change = "; ".join([f"2016-2021: {first.change}"] * bool(first.change)
                       + [f"2021-2024: {text}" for text in later])
    return _record(first.code, 2016, first.name,
                   _unique(s for m in middles for s in m.successors), kind, change,
                   [*first.explanations, *(e for m in middles for e in m.explanations)],
                   [*first.sources, *(s for m in middles for s in m.sources)])


def build_rows(base_url: str = OFFICIAL_URL) -> list[dict[str, str]]:
    """The table's rows (:data:`gros.nuts_history.COLUMNS`), from Eurostat's files at ``base_url``.

    Every NUTS 2024 region of NL, BE, DE and LU (levels 1–3), and one row per code and NUTS
    year (2016, 2021) of every region that changed since, sorted by code and year.
    """
    book_2024 = read_workbook(base_url, FILE_2024)
    current = current_regions(book_2024)
    later = step_2021_2024(book_2024)
    earlier = step_2016_2021(read_workbook(base_url, FILE_2021))
    missing = sorted({code for row in later.values() for code in row.successors} - set(current))
    if missing:
        raise CorrespondenceError(f"{SHEET_2021_2024} names codes not in {SHEET_2024}: {missing}")
    records = [_record(code, 2024, name, [code], CURRENT, "", [], [f"{FILE_2024}: {SHEET_2024}"])
               for code, name in current.items()]
    records += [_record(row.code, 2021, row.name, row.successors, row.kind,
                        f"2021-2024: {row.change}" * bool(row.change), row.explanations,
                        row.sources) for row in later.values()]
    for row in earlier.values():
        unknown = [code for code in row.successors if code not in later]
        if unknown:
            raise CorrespondenceError(f"{row.code!r} becomes {unknown} in NUTS 2021, codes "
                                      f"{SHEET_2021_2024} does not list")
        records.append(_compose(row, later))
    for record in records:
        if record["kind"] == "unchanged" and record["nuts2024"] != record["code"]:
            raise CorrespondenceError(f"{record['code']!r} (NUTS {record['nuts_year']}) is "
                                      f"unchanged yet becomes {record['nuts2024']!r}")
    # An unchanged code is its own NUTS 2024 row; repeating it per year would say nothing more.
    kept = [record for record in records if record["kind"] != "unchanged"]
    return sorted(kept, key=lambda record: (record["code"], record["nuts_year"]))


def write_table(rows: Iterable[Mapping[str, str]], path: Path) -> None:
    """Write ``rows`` as the CSV the dashboard reads (UTF-8, ``\\n`` line ends)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m gros.nuts_correspondence``: rebuild the table; 0 on success, 1 on error."""
    parser = argparse.ArgumentParser(
        prog="python -m gros.nuts_correspondence",
        description="Rebuild the NUTS code history from Eurostat's correspondence tables.")
    parser.add_argument("--source", default=OFFICIAL_URL,
                        help=f"base URL of Eurostat's site (default {OFFICIAL_URL}; "
                             "file:// works)")
    parser.add_argument("--out", type=Path, default=NUTS_HISTORY_CSV,
                        help="CSV file to write (default geodata/nuts3_history.csv)")
    args = parser.parse_args(argv)
    try:
        rows = build_rows(args.source)
    except CorrespondenceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    write_table(rows, args.out)
    print(f"Wrote {len(rows)} rows to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
