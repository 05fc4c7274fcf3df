"""Numbers, amounts and dates written the way the reader's language writes them (Babel/CLDR).

Dutch writes ``€ 12.728.604``, German ``12.728.604 €``, French ``12 728 604 €`` and
English ``€12,728,604``; the CLDR data behind Babel knows these rules, so no format is
spelt out by hand here. Unknown values are written as :data:`UNKNOWN`, never as 0.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from gros.i18n import DEFAULT_LANGUAGE, LANGUAGES

# The dashboard's readers: Dutch in the Netherlands, German in Germany, French in
# Belgium (Wallonia, the German-speaking Community's neighbours), English as in the EU.
LOCALES = {"nl": "nl_NL", "de": "de_DE", "fr": "fr_BE", "en": "en_IE"}
UNKNOWN = "—"


def locale_of(language: str) -> str:
    """The CLDR locale for one of the dashboard's languages (the default for others)."""
    return LOCALES[language if language in LANGUAGES else DEFAULT_LANGUAGE]


def web_locale(language: str) -> str:
    """The locale as a browser's ``Intl`` takes it: ``nl-NL``."""
    return locale_of(language).replace("_", "-")


def is_unknown(value: object) -> bool:
    """True for None, NaN and pandas' missing values."""
    if value is None:
        return True
    try:
        return bool(math.isnan(value))  # type: ignore[arg-type]
    except TypeError:
        return str(value) in {"<NA>", "NaT"}


def number(value: float | None, language: str = "nl", decimals: int = 0) -> str:
    """``value`` with the language's separators and ``decimals`` digits after the point."""
    if is_unknown(value):
        return UNKNOWN
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return babel_numbers.format_decimal(value, format=pattern, locale=locale_of(language),
                                        decimal_quantization=True)


def money(value: float | None, language: str = "nl", decimals: int = 0) -> str:
    """An amount in euros, in whole euros unless ``decimals`` asks for cents."""
    if is_unknown(value):
        return UNKNOWN
    locale = Locale.parse(locale_of(language))
    # The locale's own currency pattern (sign, spacing, placement), with its fraction
    # digits set to ``decimals``: budgets are read in whole euros.
    pattern = locale.currency_formats["standard"].pattern
    pattern = re.sub(r"\.0+", "." + "0" * decimals if decimals else "", pattern)
    return babel_numbers.format_currency(value, "EUR", format=pattern, locale=locale,
                                         currency_digits=False, decimal_quantization=True)


def date(value: dt.date | str | None, language: str = "nl") -> str:
    """A date in the language's medium form: ``1 mrt 2024``, ``01.03.2024``, ``1 Mar 2024``.

    An ISO text (``2024-03-01``) is read as that date; an empty one is unknown.
    """
    if is_unknown(value) or value == "":
        return UNKNOWN
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return babel_dates.format_date(value, format="medium", locale=locale_of(language))
