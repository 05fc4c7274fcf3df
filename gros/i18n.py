"""The dashboard's languages — Dutch (default), German, French, English — and every
user-interface string in each (the texts live in :mod:`gros.strings`, by page)."""

from __future__ import annotations

from gros.strings import common, data, meeting

LANGUAGES = ("nl", "de", "fr", "en")
DEFAULT_LANGUAGE = "nl"
LANGUAGE_NAMES = {"nl": "Nederlands", "de": "Deutsch", "fr": "Français", "en": "English"}
# Between groups of three digits in an amount (French: a narrow no-break space).
THOUSANDS_SEPARATORS = {"nl": ".", "de": ".", "fr": "\u202f", "en": ","}




def _table(*parts: dict[str, tuple[str, str, str, str]]) -> dict[str, dict[str, str]]:
    """Every string by key and language, from the parts' tables (a key only once)."""
    table: dict[str, dict[str, str]] = {}
    for part in parts:
        for key, texts in part.items():
            if key in table:
                raise ValueError(f"UI string {key!r} is defined twice")
            table[key] = dict(zip(LANGUAGES, texts, strict=True))
    return table


STRINGS = _table(common.TEXTS, data.TEXTS, meeting.TEXTS)


def t(key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The string ``key`` in ``language`` (Dutch when unknown), formatted with ``values``.

    Raises
    ------
    KeyError
        For an unknown key, naming it.
    """
    if key not in STRINGS:
        raise KeyError(f"no UI string {key!r}")
    variants = STRINGS[key]
    text = variants.get(language) or variants[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def parse_language(value: str | None) -> str:
    """A supported language code from ``value`` (e.g. a URL parameter), else Dutch."""
    value = (value or "").strip().lower()
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
