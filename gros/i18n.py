"""The dashboard's languages — Dutch (default), German, French, English — and every
user-interface string in each (the texts live in ``gros/strings/*.toml``, by page)."""

from __future__ import annotations

import tomllib
from pathlib import Path

LANGUAGES = ("nl", "de", "fr", "en")
DEFAULT_LANGUAGE = "nl"
LANGUAGE_NAMES = {"nl": "Nederlands", "de": "Deutsch", "fr": "Français", "en": "English"}
# Between groups of three digits in an amount (French: a narrow no-break space).


# The texts, one TOML file per part of the dashboard, so that translators edit data.
STRINGS_DIR = Path(__file__).resolve().parent / "strings"
STRING_FILES = ("common.toml", "data.toml", "meeting.toml", "euregios.toml", "agenda.toml",
                "display.toml", "stats.toml")


def read_strings(folder: Path = STRINGS_DIR, names: tuple[str, ...] = STRING_FILES
                 ) -> dict[str, dict[str, str]]:
    """Every string by key and language; a key only once, each in every language.

    Raises
    ------
    ValueError
        Naming the file and the key of a string defined twice or lacking a language.
    """
    table: dict[str, dict[str, str]] = {}
    for name in names:
        with (folder / name).open("rb") as file:
            for key, texts in tomllib.load(file).items():
                if key in table:
                    raise ValueError(f"{name}: UI string {key!r} is defined twice")
                if set(texts) != set(LANGUAGES):
                    raise ValueError(f"{name}: UI string {key!r} has the languages "
                                     f"{sorted(texts)}, expected {list(LANGUAGES)}")
                table[key] = {language: texts[language] for language in LANGUAGES}
    return table


STRINGS = read_strings()


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
