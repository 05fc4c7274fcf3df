"""Eurostat regional statistics: download, parse, validate, cache.

Eurostat's dissemination API gives a dataset as a (gzipped) TSV file. Its first header
cell names the dimensions, ``freq,unit,sex,age,geo\\TIME_PERIOD``; then one column per
year, ascending, each label with a trailing space. A cell is a value and its flags in
one: ``594047 ``, ``24213.74 p``, ``12 bep``; a missing value is ``: `` or ``: flag``
(``: z``, ``: m``, confidential ``: @C``). Lines end in CRLF. The download goes through
:func:`gros.gisco.download` (progress, clear errors, a truncated download refused); the
rows the dashboard needs are kept and cached through :func:`gros.gisco.atomic_writer`,
so a failed download never leaves a broken cache behind.

Codes are as Eurostat publishes them, of whatever NUTS year: :mod:`gros.indicators`
joins them to NUTS 2024.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from gros import gisco
from gros.settings import Settings

ATTRIBUTION = "Source: Eurostat"
API_PATH = "api/dissemination/sdmx/2.1/data"
GZIP_MAGIC = b"\x1f\x8b"
# The countries whose regions are kept: the cooperation's and Luxembourg (Maas-Rijn's
# neighbour); the rest of Europe is not drawn.
KEPT_COUNTRIES = ("NL", "BE", "DE", "LU")
CELL = re.compile(r"^(?P<value>:|-?\d+(?:\.\d+)?)(?: (?P<flags>[A-Za-z@]*))?$")
YEAR_LABEL = re.compile(r"^\d{4}$")
CACHE_FORMAT = 1


class EurostatError(gisco.GiscoError):
    """Statistics could not be obtained or are unusable."""


class InvalidEurostatData(EurostatError):
    """The file is not a usable Eurostat TSV dataset."""


class StatisticsUnavailable(EurostatError):
    """A dataset is not cached and cannot be downloaded."""


@dataclass(frozen=True)
class Dataset:
    """A Eurostat dataset and the series of it the dashboard keeps.

    ``keep`` gives, per dimension, the codes kept (a row with another code is dropped).
    """

    id: str
    keep: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


DATASETS: dict[str, Dataset] = {
    "demo_r_pjanaggr3": Dataset("demo_r_pjanaggr3",
                                {"unit": ("NR",), "sex": ("T",), "age": ("TOTAL",)}),
    "reg_area3": Dataset("reg_area3", {"landuse": ("TOTAL",), "unit": ("KM2",)}),
    "nama_10r_3gdp": Dataset("nama_10r_3gdp",
                             {"unit": ("MIO_EUR", "EUR_HAB", "MIO_PPS_EU27_2020",
                                       "PPS_EU27_2020_HAB")}),
}


@dataclass(frozen=True)
class EurostatSource:
    """Where one dataset comes from and where it is cached."""

    base_url: str
    dataset: Dataset
    cache_dir: Path

    @classmethod
    def from_settings(cls, settings: Settings, dataset: str) -> EurostatSource:
        return cls(settings.eurostat_url, DATASETS[dataset], settings.cache_dir)

    @property
    def url(self) -> str:
        """The API's address; a ``file://`` mirror cannot take a query, so it names the file."""
        base = f"{self.base_url.rstrip('/')}/{API_PATH}/{self.dataset.id}"
        if self.base_url.startswith("file:"):
            return f"{base}.tsv.gz"
        return f"{base}?format=TSV&compressed=true"

    @property
    def cache_path(self) -> Path:
        return self.cache_dir / "eurostat" / f"{self.dataset.id}.json"


def sources(settings: Settings) -> list[EurostatSource]:
    """Every dataset the dashboard uses, as configured."""
    return [EurostatSource.from_settings(settings, name) for name in DATASETS]


def parse_cell(cell: str) -> tuple[float | None, str]:
    """(value or None when missing, flags) of one cell: ``"24213.74 p"`` → ``(24213.74, "p")``.

    Raises
    ------
    ValueError
        For a cell that is neither a number nor ``:``, each with flags or none.
    """
    match = CELL.match(cell.strip("\r\n"))
    if match is None:
        raise ValueError(f"expected a value and flags such as '594047 ', '24213.74 p' or "
                         f"': m', got {cell!r}")
    value = match["value"]
    return (None if value == ":" else float(value)), match["flags"] or ""


def _header(line: str, origin: str) -> tuple[list[str], list[int]]:
    """The dimensions and years of the header line."""
    cells = line.split("\t")
    first = cells[0]
    if not first.endswith("\\TIME_PERIOD") or "geo" not in first.split("\\")[0].split(","):
        raise InvalidEurostatData(f"{origin}: line 1: expected a header such as "
                                  f"'freq,unit,geo\\TIME_PERIOD', got {first[:60]!r}")
    dimensions = first.split("\\")[0].split(",")
    labels = [cell.strip() for cell in cells[1:]]
    bad = [label for label in labels if not YEAR_LABEL.match(label)]
    if bad or not labels:
        raise InvalidEurostatData(f"{origin}: line 1: expected a year in every column, got "
                                  f"{bad[0] if bad else 'none'!r}")
    years = [int(label) for label in labels]
    if years != sorted(set(years)):
        raise InvalidEurostatData(f"{origin}: line 1: the years are not ascending: {labels}")
    return dimensions, years


def parse_tsv(text: str, dataset: Dataset, origin: str) -> pd.DataFrame:
    """The kept rows of a dataset's TSV text, one row per (series, year) with a cell.

    Returns columns ``geo``, ``year``, ``value`` (NaN when missing), ``flags`` and the
    dataset's other dimensions. Lines may end in CRLF or LF.

    Raises
    ------
    InvalidEurostatData
        Naming the line, the year and the bad value; a file that does not end with a
        line break is taken as truncated.
    """
    if not text.strip():
        raise InvalidEurostatData(f"{origin}: the file is empty")
    if not text.endswith("\n"):
        raise InvalidEurostatData(f"{origin}: the file ends in the middle of a line "
                                  "(truncated?)")
    lines = text.splitlines()
    dimensions, years = _header(lines[0], origin)
    missing = [name for name in dataset.keep if name not in dimensions]
    if missing:
        raise InvalidEurostatData(f"{origin}: line 1: no dimension {', '.join(missing)} in "
                                  f"{','.join(dimensions)}")
    records: list[tuple[Any, ...]] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        cells = line.split("\t")
        keys = cells[0].split(",")
        if len(keys) != len(dimensions) or len(cells) != len(years) + 1:
            raise InvalidEurostatData(
                f"{origin}: line {number} has {len(keys)} keys and {len(cells) - 1} years, "
                f"expected {len(dimensions)} and {len(years)} (truncated?)")
        row = dict(zip(dimensions, keys, strict=True))
        if any(row[name] not in codes for name, codes in dataset.keep.items()):
            continue
        if row["geo"][:2] not in KEPT_COUNTRIES:
            continue
        rest = tuple(row[name] for name in dimensions if name != "geo")
        for year, cell in zip(years, cells[1:], strict=True):
            try:
                value, flags = parse_cell(cell)
            except ValueError as exc:
                raise InvalidEurostatData(f"{origin}: line {number}, {year}: {exc}") from None
            records.append((row["geo"], year, value, flags, *rest))
    others = [name for name in dimensions if name != "geo"]
    frame = pd.DataFrame.from_records(records, columns=["geo", "year", "value", "flags", *others])
    if frame.empty:
        raise InvalidEurostatData(f"{origin}: no rows of {', '.join(KEPT_COUNTRIES)} with "
                                  f"{dict(dataset.keep)}")
    frame["value"] = frame["value"].astype(float)
    return frame


def decode(raw: bytes, origin: str) -> str:
    """The text of a gzipped or plain TSV file.

    Raises
    ------
    InvalidEurostatData
        For a gzip stream that ends early or is damaged, or text that is not UTF-8.
    """
    if raw.startswith(GZIP_MAGIC):
        try:
            raw = gzip.decompress(raw)
        except (EOFError, OSError, zlib.error) as exc:
            raise InvalidEurostatData(f"{origin}: the gzip file is truncated or damaged "
                                      f"({exc})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidEurostatData(f"{origin}: not UTF-8 text ({exc})") from None


def fetch(source: EurostatSource, progress: gisco.Progress | None = None) -> Path:
    """Download, check and cache one dataset; return the cache path.

    Raises
    ------
    gisco.DownloadError, InvalidEurostatData
        The cache is left exactly as it was.
    """
    raw = gisco.read_url(source.url, progress)
    frame = parse_tsv(decode(raw, source.url), source.dataset, source.url)
    meta = {"source": source.url, "dataset": source.dataset.id, "format": CACHE_FORMAT,
            "fetched": datetime.now(UTC).isoformat(timespec="seconds")}
    with gisco.atomic_writer(source.cache_path) as out:
        json.dump({"gros": meta, "columns": list(frame.columns),
                   "rows": frame.astype(object).where(frame.notna(), None).values.tolist()},
                  out, separators=(",", ":"), ensure_ascii=False)
    return source.cache_path


@dataclass(frozen=True)
class Table:
    """One cached dataset: its rows (as :func:`parse_tsv` gives them) and provenance."""

    dataset: str
    frame: pd.DataFrame
    source_url: str
    fetched: str


def read_cached(source: EurostatSource) -> Table | None:
    """The cached dataset, or None when there is no valid cached copy."""
    try:
        data = json.loads(source.cache_path.read_text(encoding="utf-8"))
        meta = data["gros"]
        if meta.get("format") != CACHE_FORMAT or meta.get("dataset") != source.dataset.id:
            return None
        frame = pd.DataFrame(data["rows"], columns=data["columns"])
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None
    frame["value"] = frame["value"].astype(float)
    frame["year"] = frame["year"].astype(int)
    return Table(source.dataset.id, frame, meta.get("source", source.url), meta.get("fetched", ""))


def unavailable_message(source: EurostatSource, reason: str) -> str:
    return (
        f"The Eurostat dataset {source.dataset.id} is not cached and could not be downloaded "
        f"from {source.url}: {reason}. Either fetch the statistics once while online "
        "(`python -m gros stats fetch`), or set GROS_EUROSTAT_URL to a mirror of Eurostat's "
        "site (file:// works)."
    )


def load(source: EurostatSource, progress: gisco.Progress | None = None) -> Table:
    """The dataset, from the cache, downloading it if needed.

    Raises
    ------
    StatisticsUnavailable
        No valid cached copy and the download failed; the message names the URL and
        the two ways out.
    """
    return gisco.cached_or_fetched(source, read_cached, fetch, progress, StatisticsUnavailable,
                                   unavailable_message)


def load_all(settings: Settings, cached_only: bool = False) -> dict[str, Table]:
    """Every dataset (:data:`DATASETS`) by id; with ``cached_only`` nothing is downloaded.

    Raises
    ------
    StatisticsUnavailable
        For the first dataset that is neither cached nor downloadable (or, with
        ``cached_only``, not cached).
    """
    tables = {}
    for source in sources(settings):
        if cached_only:
            table = read_cached(source)
            if table is None:
                raise StatisticsUnavailable(unavailable_message(source, "not fetched yet"))
            tables[source.dataset.id] = table
        else:
            tables[source.dataset.id] = load(source)
    return tables


def read_file(path: Path, dataset: str) -> pd.DataFrame:
    """A dataset's TSV file on disk (gzipped or plain), parsed as :func:`parse_tsv` does."""
    with path.open("rb") as handle:
        raw = handle.read()
    return parse_tsv(decode(raw, str(path)), DATASETS[dataset], str(path))

