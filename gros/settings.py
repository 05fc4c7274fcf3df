"""Every setting of the dashboard, in one place.

Each setting has a name, a default, an environment variable and a help text, and
is validated when read. ``load_settings()`` returns a frozen :class:`Settings`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import platformdirs

GISCO_DISTRIBUTION_URL = "https://gisco-services.ec.europa.eu/distribution/v2"
EUROSTAT_URL = "https://ec.europa.eu/eurostat"
NUTS_YEARS = (2003, 2006, 2010, 2013, 2016, 2021, 2024)
NUTS_SCALES = ("01M", "03M", "10M", "20M", "60M")
# The years GISCO publishes municipality (LAU) boundaries for.
LAU_YEARS = tuple(range(2011, 2025))
# The importers refuse a longer file and name this variable in the message.
MAX_IMPORT_ROWS_ENV = "GROS_MAX_IMPORT_ROWS"
DEFAULT_MAX_IMPORT_ROWS = 50_000


class SettingError(ValueError):
    """A setting has a value the dashboard cannot use."""


def _base_url(value: str) -> str:
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https", "file"):
        raise ValueError(f"expected an http(s):// or file:// URL, got {value!r}")
    return value.rstrip("/")


def _year_among(years: tuple[int, ...], kind: str) -> Callable[[str], int]:
    """The parser of a classification year: one of ``years`` (``kind`` names them)."""

    def parse(value: str) -> int:
        try:
            year = int(value)
        except ValueError:
            raise ValueError(f"expected a {kind} year such as 2024, got {value!r}") from None
        if year not in years:
            raise ValueError(f"expected one of {', '.join(map(str, years))}, got {value!r}")
        return year

    return parse


def _nuts_scale(value: str) -> str:
    scale = value.upper()
    if scale not in NUTS_SCALES:
        raise ValueError(f"expected one of {', '.join(NUTS_SCALES)}, got {value!r}")
    return scale


def _path(value: str) -> Path:
    if not value.strip():
        raise ValueError("expected a directory path, got an empty value")
    return Path(value).expanduser()


def _positive(convert: Callable[[str], Any], noun: str) -> Callable[[str], Any]:
    """A parser of numbers above 0 that ``convert`` reads (``noun`` says which, in messages)."""

    def parse(value: str) -> Any:
        try:
            number = convert(value)
        except ValueError:
            raise ValueError(f"expected {noun}, got {value!r}") from None
        if number <= 0:
            raise ValueError(f"expected {noun} above 0, got {value!r}")
        return number

    return parse


_positive_float = _positive(float, "a number")
_positive_int = _positive(int, "a whole number")


def _optional_str(value: str) -> str:
    return value.strip()


@dataclass(frozen=True)
class Setting:
    """One setting: its attribute name, environment variable, default and help."""

    name: str
    env: str
    default: Callable[[], str]
    help: str
    parse: Callable[[str], Any]


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "gisco_url",
        "GROS_GISCO_URL",
        lambda: GISCO_DISTRIBUTION_URL,
        "Base URL of the GISCO distribution service, or of a mirror (file:// works).",
        _base_url,
    ),
    Setting(
        "eurostat_url",
        "GROS_EUROSTAT_URL",
        lambda: EUROSTAT_URL,
        "Base URL of Eurostat's site for the regional statistics, or of a mirror (file:// "
        "works and reads {dataset}.tsv.gz).",
        _base_url,
    ),
    Setting(
        "nuts_year",
        "GROS_NUTS_YEAR",
        lambda: "2024",
        "NUTS classification year of the boundaries.",
        _year_among(NUTS_YEARS, "NUTS"),
    ),
    Setting(
        "nuts_scale",
        "GROS_NUTS_SCALE",
        lambda: "03M",
        "GISCO scale of the boundaries: 01M (most detailed) to 60M (coarsest).",
        _nuts_scale,
    ),
    Setting(
        "lau_year",
        "GROS_LAU_YEAR",
        lambda: "2024",
        "Year of the GISCO municipality (LAU) boundaries.",
        _year_among(LAU_YEARS, "LAU"),
    ),
    Setting(
        "members_csv",
        "GROS_MEMBERS_CSV",
        lambda: "",
        "The Euregio membership table by municipality to draw the Euregios from; empty means "
        "the curated geodata/euregio_members_municipal.csv (another path tries a corrected copy).",
        _optional_str,
    ),
    Setting(
        "cache_dir",
        "GROS_CACHE_DIR",
        lambda: platformdirs.user_cache_dir("gros-dashboard"),
        "Directory where downloaded boundaries are cached.",
        _path,
    ),
    Setting(
        "data_dir",
        "GROS_DATA_DIR",
        lambda: platformdirs.user_data_dir("gros-dashboard"),
        "Directory of the embedded project database.",
        _path,
    ),
    Setting(
        "database_url",
        "GROS_DATABASE_URL",
        lambda: "",
        "SQLAlchemy URL of the project store; empty means a SQLite file in the data directory.",
        _optional_str,
    ),
    Setting(
        "simplify_tolerance_m",
        "GROS_SIMPLIFY_TOLERANCE_M",
        lambda: "150",
        "Largest shift, in metres, that simplifying boundaries for display may cause.",
        _positive_float,
    ),
    Setting(
        "chromium",
        "GROS_CHROMIUM",
        lambda: "",
        "Path of the Chromium that draws PNG exports; empty means one on the PATH.",
        _optional_str,
    ),
    Setting(
        "max_upload_mb",
        "GROS_MAX_UPLOAD_MB",
        lambda: "50",
        "Largest file, in megabytes, that an import accepts.",
        _positive_float,
    ),
    Setting(
        "max_import_rows",
        MAX_IMPORT_ROWS_ENV,
        lambda: str(DEFAULT_MAX_IMPORT_ROWS),
        "Most data rows an import reads from a file (from each sheet it reads of a keep.eu "
        "workbook), and 20 times as many cells (rows × columns); a larger file is refused, so "
        "one upload cannot hold the server for minutes.",
        _positive_int,
    ),
)


@dataclass(frozen=True)
class Settings:
    gisco_url: str
    eurostat_url: str
    nuts_year: int
    nuts_scale: str
    lau_year: int
    members_csv: str
    cache_dir: Path
    data_dir: Path
    database_url: str
    simplify_tolerance_m: float
    chromium: str
    max_upload_mb: float
    max_import_rows: int


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read every setting from ``environ`` (default: ``os.environ``), validated.

    Raises
    ------
    SettingError
        Naming the environment variable and the bad value.
    """
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = environ.get(setting.env)
        if raw is None or raw == "":
            raw = setting.default()
        try:
            values[setting.name] = setting.parse(raw)
        except ValueError as exc:
            raise SettingError(f"{setting.env}: {exc}") from None
    return Settings(**values)
