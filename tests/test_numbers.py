import datetime as dt

import pandas as pd
import pytest

from gros import numbers

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(("language", "expected"), [
    ("nl", f"€{NBSP}12.728.604"),
    ("de", f"12.728.604{NBSP}€"),
    ("fr", f"12{NNBSP}728{NNBSP}604{NBSP}€"),
    ("en", "€12,728,604"),
    ("xx", f"€{NBSP}12.728.604"),
])
def test_money_is_written_as_the_language_writes_it(language, expected):
    assert numbers.money(12728604.4, language) == expected


def test_money_keeps_cents_when_asked():
    assert numbers.money(5499017.40, "nl", decimals=2) == f"€{NBSP}5.499.017,40"
    assert numbers.money(5499017.40, "en", decimals=2) == "€5,499,017.40"


@pytest.mark.parametrize("unknown", [None, float("nan"), pd.NA, pd.NaT])
def test_unknown_is_never_written_as_zero(unknown):
    assert numbers.money(unknown, "nl") == numbers.UNKNOWN
    assert numbers.number(unknown, "de") == numbers.UNKNOWN
    assert numbers.date(unknown, "fr") == numbers.UNKNOWN


def test_number_uses_the_language_separators():
    assert [numbers.number(600149, lang) for lang in ("nl", "de", "fr", "en")] == [
        "600.149", "600.149", f"600{NNBSP}149", "600,149"]
    assert numbers.number(0, "en") == "0"
    assert numbers.number(1234.56, "nl", decimals=1) == "1.234,6"
    assert numbers.number(1234.56, "en", decimals=1) == "1,234.6"


def test_date_in_the_language():
    day = dt.date(2024, 6, 30)
    assert numbers.date(day, "de") == "30.06.2024"
    assert numbers.date(day, "en") == "30 Jun 2024"
    assert numbers.date(day, "nl") == "30 jun 2024"
