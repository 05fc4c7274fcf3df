"""The files the import benchmark reads (benchmarks/imports.py), written fast and streamed.

Workbooks are written as XML by hand, not with openpyxl, so that a million cells take
seconds instead of minutes: one-line projects (as a person's own spreadsheet has them, at
their smallest), a CSV of the same, a zip bomb (one sheet of the same short row over and
over), a keep.eu-like export (projects, partners and calls with the columns and cell values
keep.eu writes), a sheet of many columns and a workbook of many shared texts.
"""

from __future__ import annotations

import itertools
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

# One-line projects: what a person's own spreadsheet of projects looks like at its smallest.
HEADER = ("title", "themes", "source", "lat", "lon")
BOMB_BYTES = 1024 * 1024 * 1024  # what the bomb's sheet inflates to
PROJECT_COLUMNS = (
    "Programme", "Acronym", "Project Name", "Project Name language 2",
    "Project Name language 3", "Lead Partner", "Period", "Street", "Postal code", "Town",
    "Country", "Budget", "Project total expenditure", "EU Funding",
    "Project EU Funding expenditure", "ERDF budget", "ENI budget", "IPA budget",
    "ERDF eq. budget", "Co-Financing sources", "Website", "Thematic1", "Thematic2", "Thematic3",
    "Specific Obj", "Thematic Obj", "Inv. Priority",
    "Thematic Priorities (Interreg-IPA CBC specific)", "Description 1", "Description 2",
    "Description EN", "Expected Results 1", "Expected Results 2", "Expected Results EN",
    "Achievements 1", "Achievements 2", "Achievements EN", "Expected Outputs 1",
    "Expected Outputs 2", "Expected Outputs EN", "Delivered Outputs 1", "Delivered Outputs 2",
    "Delivered Outputs EN", "Project start", "Project end", "Priority Area", "Degree of comp.",
    "Strategy", "Call SN")
PARTNER_COLUMNS = (
    "Programme", "Acronym", "Project Partner", "Lead Partner (Yes/No)", "Street", "Postal code",
    "Town", "Country", "Website", "Department", "Legal Status", "Country code",
    "NUTS1 (or equivalent)", "NUTS2 (or equivalent)", "NUTS3 (or equivalent)")
# Programmes in and out of the area, and a partner region of each (code, label, country).
PROGRAMMES = (
    ("2014 - 2020 INTERREG V-A Germany - The Netherlands",
     ("DEA34", "Borken", "DE Germany / DEUTSCHLAND"),
     ("NL226", "Achterhoek", "NL Netherlands / NEDERLAND")),
    ("2014 - 2020 INTERREG V-A Belgium - The Netherlands (Vlaanderen - Nederland)",
     ("BE213", "Arr. Antwerpen", "BE Belgium / BELGIQUE-BELGIË"),
     ("NL111", "Oost-Groningen", "NL Netherlands / NEDERLAND")),
    ("2014 - 2020 INTERREG V-A Poland - Saxony",
     ("PL518", "Wrocławski", "PL Poland / POLSKA"),
     ("CZ042", "Ústecký kraj", "CZ Czech Republic / ČESKÁ REPUBLIKA")),
)
# Where the worker places the keep.eu-like projects' regions (lon, lat), as the CLI would.
NUTS3_POINTS = {"DEA34": (6.86, 51.84), "NL226": (6.6, 51.95), "BE213": (4.6, 51.25),
                "NL111": (7.0, 53.1)}
TEXT = ("Cross-border cooperation of hospitals, schools and municipalities along the "
        "border, with a common plan, shared staff and a yearly conference. ") * 3


# --- building the files --------------------------------------------------------------------

def _column_name(index: int) -> str:
    """``A`` for 0, ``AA`` for 26: a column's letters."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _cell(ref: str, value: Any) -> str:
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def sheet_rows_xml(rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The ``<row>`` elements of a sheet, numbered from 1, cells with inline strings."""
    letters = [_column_name(i) for i in range(64)]
    for number, row in enumerate(rows, start=1):
        cells = "".join(_cell(f"{letters[i]}{number}", v) for i, v in enumerate(row)
                        if v is not None and v != "")
        yield f'<row r="{number}">{cells}</row>'


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_SHEET_HEAD = f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{_MAIN}">'
_SHEET_TAIL = "</sheetData></worksheet>"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_TEXTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def _package(names: Sequence[str], texts: bool) -> dict[str, str]:
    """The small parts of a workbook of sheets ``names`` (and of shared texts)."""
    numbers = range(1, len(names) + 1)
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                        f'ContentType="{_SHEET_TYPE}"/>' for i in numbers)
    relations = "".join(f'<Relationship Id="rId{i}" Type="{_RELS}/worksheet" '
                        f'Target="worksheets/sheet{i}.xml"/>' for i in numbers)
    if texts:
        overrides += f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_TEXTS_TYPE}"/>'
        relations += (f'<Relationship Id="rIdTexts" Type="{_RELS}/sharedStrings" '
                      'Target="sharedStrings.xml"/>')
    head = '<?xml version="1.0" encoding="UTF-8"?>'
    return {
        "[Content_Types].xml": (
            f'{head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            f'officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>'),
        "_rels/.rels": (
            f'{head}<Relationships xmlns="{_PACKAGE_RELS}"><Relationship Id="rId1" '
            f'Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'{head}<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><sheets>'
            + "".join(f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, n in zip(numbers, names, strict=True)) + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": (
            f'{head}<Relationships xmlns="{_PACKAGE_RELS}">{relations}</Relationships>'),
    }


def _stream(archive: zipfile.ZipFile, part: str, pieces: Iterable[str]) -> None:
    """Write ``pieces`` of text into ``part``, a megabyte at a time (far fewer calls)."""
    with archive.open(part, "w", force_zip64=True) as out:
        batch: list[str] = []
        size = 0
        for piece in pieces:
            batch.append(piece)
            size += len(piece)
            if size >= 1024 * 1024:
                out.write("".join(batch).encode())
                batch.clear()
                size = 0
        out.write("".join(batch).encode())


def write_workbook(path: Path, sheets: dict[str, Iterable[str]], level: int = 1,
                   dimensions: Mapping[str, str] | None = None,
                   texts: Iterable[str] | None = None) -> None:
    """A minimal .xlsx whose sheets have the given ``<row>`` elements, streamed to disk.

    ``level`` is deflate's: 1 is fast and near what Excel gets on such rows.
    ``dimensions`` gives a sheet's ``<dimension>`` (``A1:E50001``), as Excel and openpyxl
    write it; without one, openpyxl parses the whole sheet to find its size when it opens
    the workbook. ``texts`` are shared strings, as Excel keeps every distinct text.
    """
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for part, text in _package(list(sheets), texts is not None).items():
            archive.writestr(part, text)
        for i, (name, rows) in enumerate(sheets.items(), start=1):
            ref = (dimensions or {}).get(name)
            head = _SHEET_HEAD + (f'<dimension ref="{ref}"/>' if ref else "") + "<sheetData>"
            _stream(archive, f"xl/worksheets/sheet{i}.xml",
                    itertools.chain([head], rows, [_SHEET_TAIL]))
        if texts is not None:
            items = (f"<si><t>{escape(t)}</t></si>" for t in texts)
            _stream(archive, "xl/sharedStrings.xml",
                    itertools.chain([f'<sst xmlns="{_MAIN}">'], items, ["</sst>"]))


def write_one_line_workbook(path: Path, count: int, dimension: bool = True) -> None:
    """A workbook of :func:`one_line_rows`, with its ``<dimension>`` unless told otherwise."""
    ref = f"A1:{_column_name(len(HEADER) - 1)}{count + 1}"
    write_workbook(path, {"Projects": sheet_rows_xml(one_line_rows(count))},
                   dimensions={"Projects": ref} if dimension else None)


def one_line_rows(count: int) -> Iterator[tuple[Any, ...]]:
    """The header and ``count`` valid one-line projects with coordinates in the area."""
    yield HEADER
    for i in range(1, count + 1):
        yield f"P{i}", "transport", f"https://e.org/{i}", 51.37, 6.17


def write_csv(path: Path, count: int) -> None:
    """A CSV of :func:`one_line_rows`, written line by line."""
    with path.open("w", encoding="utf-8", newline="") as out:
        for row in one_line_rows(count):
            out.write(",".join(map(str, row)) + "\r\n")


def bomb_rows(inflated: int = BOMB_BYTES) -> Iterator[str]:
    """A sheet's rows: a header, then ``inflated`` bytes of the same short row (in 1 MiB
    pieces), which deflate squeezes about a thousand to one."""
    yield '<row><c t="inlineStr"><is><t>title</t></is></c></row>'
    row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    piece = row * (1024 * 1024 // len(row))
    for _ in range(inflated // len(piece)):
        yield piece


def keep_rows(projects: int, partners: int) -> tuple[list[tuple], list[tuple]]:
    """A keep.eu-like export's projects and partners rows, each with its header.

    Partners are spread evenly over the projects (the first of each is the lead); the
    cells are written as keep.eu writes them (text budgets, ``DEA34  / Borken``).
    """
    project_rows: list[tuple] = [PROJECT_COLUMNS]
    partner_rows: list[tuple] = [PARTNER_COLUMNS]
    per_project, extra = divmod(partners, projects)
    for i in range(projects):
        programme, home, away = PROGRAMMES[i % len(PROGRAMMES)]
        acronym = f'"Grenzenlos {i}"/"Bez granic {i}"'
        values = {"Programme": programme, "Acronym": acronym,
                  "Project Name": f"Cross-border project {i}",
                  "Project Name language 2": f"Grenzüberschreitendes Projekt {i}",
                  "Project Name language 3": f"Grensoverschrijdend project {i}",
                  "Lead Partner": f"Partner {i}-0", "Period": "2014-2020", "Town": home[1],
                  # The lead partner's country, as keep.eu names it ("Germany").
                  "Country": home[2].split(" / ")[0].split(" ", 1)[1],
                  "Budget": "2,347,070.39", "EU Funding": 911338.2,
                  "Website": "www.deutschland-nederland.eu", "Thematic1": "Health",
                  "Thematic2": "Knowledge and technology transfer", "Description EN": TEXT,
                  "Description 1": TEXT, "Expected Results EN": TEXT, "Achievements EN": TEXT,
                  "Project start": "2016/01/01", "Project end": "2020/12/31", "Call SN": "1"}
        project_rows.append(tuple(values.get(c) for c in PROJECT_COLUMNS))
        for j in range(per_project + (i < extra)):
            code, label, country = home if j % 2 == 0 else away
            partner = {"Programme": programme, "Acronym": acronym,
                       "Project Partner": f"Partner {i}-{j}",
                       "Lead Partner (Yes/No)": "Yes" if j == 0 else "No",
                       "Town": label, "Country code": country,
                       "NUTS1 (or equivalent)": f"{code[:3]}  / {label}",
                       "NUTS2 (or equivalent)": f"{code[:4]}  / {label}",
                       "NUTS3 (or equivalent)": f"{code}  / {label}"}
            partner_rows.append(tuple(partner.get(c) for c in PARTNER_COLUMNS))
    return project_rows, partner_rows


def write_keep(path: Path, projects: int, partners: int) -> None:
    """A keep.eu-like workbook: the projects, the partners and a small calls sheet.

    keep.eu keeps its text in a shared-strings part and this file inline; openpyxl reads
    both alike.
    """
    project_rows, partner_rows = keep_rows(projects, partners)
    calls = [("Programme", "Serial Number", "Start Date", "End Date", "Budget"),
             *((PROGRAMMES[0][0], n, "2015/01/01", "2015/06/30", 1_000_000) for n in range(138))]
    sheets = {"Projects (lead partners)": project_rows, "Partners": partner_rows, "Calls": calls}
    write_workbook(path, {n: sheet_rows_xml(rows) for n, rows in sheets.items()},
                   dimensions={n: f"A1:{_column_name(len(rows[0]) - 1)}{len(rows)}"
                               for n, rows in sheets.items()})


def wide_rows(count: int, columns: int) -> Iterator[tuple[Any, ...]]:
    """:func:`one_line_rows` with notes up to ``columns`` columns, each note its own."""
    notes = range(1, columns - len(HEADER) + 1)
    yield (*HEADER, *(f"note {j}" for j in notes))
    for i, row in enumerate(itertools.islice(one_line_rows(count), 1, None), start=1):
        yield (*row, *(f"n{i}.{j}" for j in notes))


def write_wide(path: Path, count: int, columns: int) -> None:
    """A workbook of :func:`wide_rows`, with its ``<dimension>``."""
    ref = f"A1:{_column_name(columns - 1)}{count + 1}"
    write_workbook(path, {"Projects": sheet_rows_xml(wide_rows(count, columns))},
                   dimensions={"Projects": ref})


def write_texts(path: Path, count: int) -> None:
    """A workbook of one project and ``count`` shared texts nothing uses (a texts bomb)."""
    write_workbook(path, {"Projects": sheet_rows_xml(one_line_rows(1))},
                   texts=(f"{i:x}" for i in range(count)))
