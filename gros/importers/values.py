"""Values from cells: amounts, dates, countries, NUTS-3 codes, themes and project ids.

Each parser takes what a cell holds (text, a number, a date) and either returns the
value the project model wants or raises :class:`ValueError` whose message shows the
value as given.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

from gros import themes
from gros.importers.cells import fold, trimmed
from gros.importers.vocabulary import COUNTRY_NAMES, MONTHS

# --- amounts --------------------------------------------------------------------------------

_AMOUNT_WORDS = re.compile(r"(?i)^(eur(os?)?\b|€)\s*|\s*(eur(os?)?|€)$")


def parse_amount(value: Any) -> float:
    """An amount in euro from a number or text in either convention.

    ``2,347,070.39``, ``2.347.070,39``, ``1 234,50``, ``€ 1.000`` and ``1.000,-`` all
    work; a single ``.`` or ``,`` followed by exactly three digits groups thousands.

    Raises
    ------
    ValueError
        Showing the value, when it is not an amount or its marks are ambiguous.
    """
    if isinstance(value, bool):
        raise ValueError(f"expected an amount in EUR, got {value!r}")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ValueError(f"expected an amount in EUR, got {value!r}")
        return float(value)
    text = re.sub(r"[\u00a0\u2009\u202f]", " ", str(value)).strip()
    text = _AMOUNT_WORDS.sub("", text).strip()
    text = _AMOUNT_WORDS.sub("", text).strip()
    text = re.sub(r"[.,]-{1,2}$", "", text)  # "1.000,-" is Dutch for a round amount
    sign = -1.0 if text.startswith("-") else 1.0
    text = text.lstrip("+-").strip()
    if " " in text:
        if not re.fullmatch(r"\d{1,3}( \d{3})+([.,]\d+)?", text):
            raise ValueError(f"expected an amount in EUR with spaces between groups of three "
                             f"digits, got {value!r}")
        text = text.replace(" ", "")
    if not re.fullmatch(r"\d[\d.,]*", text) or not text[-1].isdigit():
        raise ValueError(f"expected an amount in EUR such as 1.234.567,89 or 1,234,567.89, "
                         f"got {value!r}")
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        group = "," if decimal == "." else "."
        if not re.fullmatch(rf"\d{{1,3}}(\{group}\d{{3}})*\{decimal}\d+", text):
            raise ValueError(f"expected thousands groups of three digits before the decimal "
                             f"mark, got {value!r}")
        return sign * float(text.replace(group, "").replace(decimal, "."))
    mark = "." if dots else "," if commas else ""
    if not mark:
        return sign * float(text)
    if text.count(mark) > 1:
        if not re.fullmatch(rf"\d{{1,3}}(\{mark}\d{{3}})+", text):
            raise ValueError(f"{mark!r} appears more than once but not between groups of three "
                             f"digits in {value!r}")
        return sign * float(text.replace(mark, ""))
    whole, fraction = text.split(mark)
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and whole[0] != "0":
        return sign * float(whole + fraction)  # 1.500 and 1,500 are both fifteen hundred
    return sign * float(f"{whole}.{fraction}")


# --- dates ----------------------------------------------------------------------------------

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_YMD = re.compile(rf"^(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}}){_TIME}$")
_DMY = re.compile(rf"^(\d{{1,2}})([-/.])(\d{{1,2}})\2(\d{{4}}){_TIME}$")
_YM = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_MY = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
_NAMED = re.compile(r"^(?:(\d{1,2})\.?\s+)?([^\W\d_]+)\.?\s+(\d{4})$")
_EXCEL_EPOCH = date(1899, 12, 30)
_MONTH_KEYS = {fold(name): month for name, month in MONTHS.items()}


def parse_date(value: Any) -> str:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` from a date, an Excel date or text.

    Text may be ``2015-11-20``, ``2016/01/01``, ``20.11.2015``, ``20-11-2015``,
    ``20 november 2015``, ``11/2015`` or ``2015``; day and month are read day first.

    Raises
    ------
    ValueError
        Showing the value, when it is not a date or not a real one.
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if math.isfinite(value) and float(value).is_integer() and 1000 <= value <= 2999:
            return str(int(value))
        if math.isfinite(value) and 20_000 <= value <= 80_000:  # an Excel serial date
            return (_EXCEL_EPOCH + timedelta(days=int(value))).isoformat()
        raise ValueError(f"expected a year or a date, got {value!r}")
    text = " ".join(str(value).split())
    if re.fullmatch(r"\d{4}", text):
        return _year(text, value)
    if match := _YMD.match(text):
        return _ymd(match.group(1), match.group(3), match.group(4), value)
    if match := _DMY.match(text):
        day, month, year = match.group(1), match.group(3), match.group(4)
        if int(month) > 12 >= int(day):
            raise ValueError(f"dates are read day first (DD-MM-YYYY), and {value!r} has no "
                             f"month {int(month)}; is it written month first?")
        return _ymd(year, month, day, value)
    if match := _YM.match(text):
        return _ymd(match.group(1), match.group(2), None, value)
    if match := _MY.match(text):
        return _ymd(match.group(2), match.group(1), None, value)
    if (match := _NAMED.match(text)) and fold(match.group(2)) in _MONTH_KEYS:
        month = str(_MONTH_KEYS[fold(match.group(2))])
        return _ymd(match.group(3), month, match.group(1), value)
    raise ValueError(f"expected a year or a date such as 2015-11-20, 20.11.2015 or 2016/01/01, "
                     f"got {value!r}")


def _year(text: str, value: Any) -> str:
    if not 1000 <= int(text) <= 2999:
        raise ValueError(f"expected a year between 1000 and 2999, got {value!r}")
    return text


def _ymd(year: str, month: str, day: str | None, value: Any) -> str:
    _year(year, value)
    try:
        parsed = date(int(year), int(month), int(day or 1))
    except ValueError:
        raise ValueError(f"not a real date: {value!r}") from None
    return parsed.isoformat() if day else parsed.isoformat()[:7]


def _period_bounds(period: str) -> tuple[date, date]:
    """First and last day of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    parts = [int(p) for p in period.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        start = date(parts[0], parts[1], 1)
        return start, (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def status_from_dates(start: str | None, end: str | None, today: date) -> str | None:
    """``planned``, ``ongoing`` or ``completed`` as of ``today``; None without dates.

    ``start`` and ``end`` are what :func:`parse_date` returns; a period counts from
    its first day to its last.
    """
    if start and _period_bounds(start)[0] > today:
        return "planned"
    if end and _period_bounds(end)[1] < today:
        return "completed"
    return "ongoing" if start or end else None


# --- countries and regions ------------------------------------------------------------------

_COUNTRIES = {fold(name): code for code, names in COUNTRY_NAMES.items() for name in names}


def parse_country(value: Any) -> str:
    """A two-letter country code from a code (kept as given), a country name, or a code
    followed by names as keep.eu writes them (``DE Germany / DEUTSCHLAND``).

    Raises
    ------
    ValueError
        Showing the value, when it is none of these.
    """
    text = trimmed(value)
    if re.fullmatch(r"[A-Za-z]{2}", text):
        return text.upper()
    if named := re.fullmatch(r"([A-Z]{2})\s+[^\W\d_].*", text):
        return named.group(1)
    code = _COUNTRIES.get(fold(text))
    if code is None and "/" in text:  # bilingual names such as "België / Belgique"
        found = {_COUNTRIES.get(fold(part)) for part in text.split("/")}
        code = found.pop() if len(found) == 1 else None
    if code is None:
        raise ValueError(f"expected a two-letter country code or a country name such as "
                         f"Nederland, Deutschland or Belgique, got {value!r}")
    return code


# A NUTS code of level 1 to 3, and what may follow it: "DEA34  / Borken", "BE221 - Arr. Hasselt".
_NUTS = re.compile(r"([A-Za-z]{2}[A-Za-z0-9]{1,3})(?:(?:\s*[/–-]\s*|\s+)(.*?))?\s*")


def nuts_value(value: Any) -> tuple[str, str | None]:
    """The NUTS code and the name after it: ``("DEA34", "Borken")`` from ``"DEA34  / Borken"``.

    Level-1 codes (``DEG  / THÜRINGEN``) may be letters only when written in capitals;
    longer codes have a digit, so that a town such as ``Essen`` is not read as one.

    Raises
    ------
    ValueError
        Showing the value, when it does not start with a NUTS code.
    """
    text = trimmed(value)
    match = _NUTS.fullmatch(text)
    code = match.group(1) if match else ""
    if not match or not (any(c.isdigit() for c in code) or
                         (len(code) == 3 and code.isupper())):
        raise ValueError(f"expected a NUTS code such as 'DEA34' or 'DEA34 / Borken', got "
                         f"{value!r}")
    return code.upper(), match.group(2) or None


def nuts3_code(value: Any) -> str:
    """``DEA34`` from ``"DEA34  / Borken"``, ``"BE221 - Arr. Hasselt"`` or ``"nl423"``.

    Raises
    ------
    ValueError
        Showing the value, when it does not start with a NUTS-3 code.
    """
    try:
        code, _ = nuts_value(value)
    except ValueError:
        code = ""
    if len(code) != 5:
        raise ValueError(f"expected a NUTS-3 code such as 'DEA34', got {value!r}")
    return code


# --- themes ---------------------------------------------------------------------------------

def theme_ids(item: str) -> list[str]:
    """Our theme ids for a theme id or label, a keep.eu keyword or an Interreg objective."""
    theme = themes.parse_theme(item)
    if theme is not None:
        return [theme]
    ids, _ = themes.keep_themes([item])
    return ids or list(themes.INTERREG_OBJECTIVES.get(fold(item), ()))


def theme_items(value: Any) -> list[str]:
    """Theme words from a list or a cell separated by ``;``, ``|``, new lines or commas.

    Commas split only between themes: some names contain one ("Milieu, klimaat, water
    en energie", "Governance, partnership"), and splitting them there would make two
    unknown themes, so the longest run of pieces that names a theme stays together.
    """
    if isinstance(value, (list, tuple)):
        return [trimmed(v) for v in value if trimmed(v)]
    items: list[str] = []
    for part in re.split(r"[;|\n]", trimmed(value)):
        pieces = [p.strip() for p in part.split(",")]
        start = 0
        while start < len(pieces):
            end = next((e for e in range(len(pieces), start + 1, -1)
                        if theme_ids(", ".join(pieces[start:e]))), start + 1)
            if joined := ", ".join(pieces[start:end]).strip():
                items.append(joined)
            start = end
    return items


# --- ids ------------------------------------------------------------------------------------

def _slug(text: str, limit: int) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:limit].rstrip("-")


def _digest(*texts: str) -> str:
    """Eight hex digits of the texts, blind to case and runs of spaces."""
    normal = "|".join(" ".join(t.split()).casefold() for t in texts)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]


def derived_id(title: str, programme: str | None = None) -> str:
    """A stable id from the title and programme: the same row gets the same id every time."""
    return f"{_slug(title, 60) or 'project'}-{_digest(title, programme or '')}"


def keep_id(acronym: str, programme: str | None = None) -> str:
    """The id of a keep.eu project: ``keep-`` and the slug of its acronym (or name), and
    with ``programme`` a digest of it (for an acronym that two programmes use)."""
    base = f"keep-{_slug(acronym, 100) or derived_id(acronym)}"
    return f"{base}-{_digest(programme)}" if programme is not None else base
