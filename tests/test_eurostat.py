"""Eurostat TSV datasets: every cell form, gzip and plain, truncated files, HTTP errors."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from gros import eurostat, gisco
from gros.settings import load_settings

POPULATION = eurostat.DATASETS["demo_r_pjanaggr3"]
HEADER = "freq,unit,sex,age,geo\\TIME_PERIOD\t2023 \t2024 \t2025 "


def tsv(*rows: str, header: str = HEADER, end: str = "\r\n") -> str:
    """A dataset's text as Eurostat writes it: tab-separated, CRLF line ends."""
    return end.join((header, *rows)) + end


# One row of every cell form the README documents, NUTS 2021 and 2024 codes side by side.
TEXT = tsv(
    "A,NR,T,TOTAL,NL412\t503798 \t: \t: ",
    "A,NR,T,TOTAL,NL415\t: \t507474 p\t511970 e",
    "A,NR,T,TOTAL,NL423\t597652 \t600290 b\t600149 bep",
    "A,NR,T,TOTAL,BE336\t: m\t: @C\t: z",
    "A,NR,F,TOTAL,NL423\t1 \t2 \t3 ",  # another sex: dropped
    "A,NR,T,TOTAL,FR101\t1 \t2 \t3 ",  # outside the kept countries: dropped
)


@pytest.mark.parametrize(("cell", "value", "flags"), [
    ("594047 ", 594047.0, ""),
    ("24213.74 p", 24213.74, "p"),
    ("12 bep", 12.0, "bep"),
    ("-3.5 e", -3.5, "e"),
    (": ", None, ""),
    (":", None, ""),
    (": m", None, "m"),
    (": @C", None, "@C"),
    (": z", None, "z"),
    ("960 p\r", 960.0, "p"),
])
def test_every_cell_form_gives_value_and_flags(cell, value, flags):
    assert eurostat.parse_cell(cell) == (value, flags)


@pytest.mark.parametrize("cell", ["abc", "1,5 p", "12 p!", "", "1 2"])
def test_a_bad_cell_is_named(cell):
    with pytest.raises(ValueError, match="expected a value and flags") as raised:
        eurostat.parse_cell(cell)
    assert repr(cell) in str(raised.value)


def test_the_table_keeps_the_series_years_and_flags():
    frame = eurostat.parse_tsv(TEXT, POPULATION, "test")
    assert set(frame["geo"]) == {"NL412", "NL415", "NL423", "BE336"}
    assert set(frame["sex"]) == {"T"}
    rows = {(r.geo, r.year): (r.value, r.flags) for r in frame.itertuples()}
    assert rows[("NL423", 2025)] == (600149.0, "bep")
    assert rows[("NL415", 2024)] == (507474.0, "p")
    assert pd_isnan(rows[("NL412", 2024)][0])
    assert pd_isnan(rows[("BE336", 2024)][0]) and rows[("BE336", 2024)][1] == "@C"
    assert rows[("BE336", 2023)][1] == "m"


def pd_isnan(value: float) -> bool:
    return value != value


def test_lf_line_ends_read_as_crlf_do():
    crlf = eurostat.parse_tsv(TEXT, POPULATION, "test")
    lf = eurostat.parse_tsv(TEXT.replace("\r\n", "\n"), POPULATION, "test")
    assert crlf.equals(lf)


@pytest.mark.parametrize(("text", "words"), [
    (TEXT[:-40], "ends in the middle of a line"),
    (tsv("A,NR,T,TOTAL,NL423\t1 \t2 "), "line 2 has 5 keys and 2 years"),
    (tsv("A,NR,T,TOTAL,NL423\t1 \tx \t3 "), "line 2, 2024: expected a value"),
    (tsv("x", header="freq,unit,geo\t2023 "), "line 1: expected a header"),
    (tsv(header="freq,unit,sex,age,geo\\TIME_PERIOD\t2024 \t2023 "), "not ascending"),
    (tsv(header="freq,unit,geo\\TIME_PERIOD\t2024 "), "no dimension sex, age"),
    ("", "empty"),
])
def test_unusable_text_is_a_clear_error(text, words):
    with pytest.raises(eurostat.InvalidEurostatData, match=words):
        eurostat.parse_tsv(text, POPULATION, "demo.tsv")


def test_gzip_and_plain_files_read_alike(tmp_path):
    (tmp_path / "plain.tsv").write_text(TEXT, newline="")
    (tmp_path / "packed.tsv.gz").write_bytes(gzip.compress(TEXT.encode()))
    plain = eurostat.read_file(tmp_path / "plain.tsv", "demo_r_pjanaggr3")
    packed = eurostat.read_file(tmp_path / "packed.tsv.gz", "demo_r_pjanaggr3")
    assert plain.equals(packed) and len(plain) == 12


def test_a_truncated_gzip_file_is_a_clear_error():
    packed = gzip.compress(TEXT.encode())
    with pytest.raises(eurostat.InvalidEurostatData, match="gzip file is truncated"):
        eurostat.decode(packed[: len(packed) // 2], "demo.tsv.gz")


def test_urls_follow_the_api_and_a_file_mirror_names_the_file(tmp_path):
    web = eurostat.EurostatSource("https://ec.europa.eu/eurostat/", POPULATION, tmp_path)
    assert web.url == ("https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data/"
                       "demo_r_pjanaggr3?format=TSV&compressed=true")
    mirror = eurostat.EurostatSource("file:///m", POPULATION, tmp_path)
    assert mirror.url == "file:///m/api/dissemination/sdmx/2.1/data/demo_r_pjanaggr3.tsv.gz"
    assert web.cache_path == tmp_path / "eurostat" / "demo_r_pjanaggr3.json"


def test_the_setting_has_eurostat_as_default_and_checks_a_mirror():
    assert load_settings({}).eurostat_url == "https://ec.europa.eu/eurostat"
    assert load_settings({"GROS_EUROSTAT_URL": "file:///m/"}).eurostat_url == "file:///m"
    with pytest.raises(ValueError, match="GROS_EUROSTAT_URL"):
        load_settings({"GROS_EUROSTAT_URL": "ftp://x"})


def _http_source(server, tmp_path: Path) -> tuple[eurostat.EurostatSource, str]:
    host, port = server.server_address
    source = eurostat.EurostatSource(f"http://{host}:{port}/eurostat", POPULATION,
                                     tmp_path / "cache")
    return source, "/eurostat/api/dissemination/sdmx/2.1/data/demo_r_pjanaggr3" \
                   "?format=TSV&compressed=true"


def test_fetch_over_http_caches_and_reports_progress(server, tmp_path):
    source, path = _http_source(server, tmp_path)
    body = gzip.compress(TEXT.encode())
    server.responses[path] = (200, body, None)
    seen: list[tuple[int, int | None]] = []
    eurostat.fetch(source, lambda received, total: seen.append((received, total)))
    table = eurostat.read_cached(source)
    assert table is not None and table.source_url == source.url
    assert seen[-1] == (len(body), len(body))
    assert table.frame.set_index(["geo", "year"]).loc[("NL423", 2025), "flags"] == "bep"


@pytest.mark.parametrize(("status", "body", "declared", "error", "words"), [
    (404, b"gone", None, gisco.DownloadError, "HTTP 404"),
    (503, b"busy", None, gisco.DownloadError, "HTTP 503"),
    (200, gzip.compress(TEXT.encode())[:30], 400, gisco.DownloadError, "truncated download"),
    (200, gzip.compress(TEXT.encode())[:30], None, eurostat.InvalidEurostatData, "truncated"),
    (200, b"<html>maintenance</html>\n", None, eurostat.InvalidEurostatData, "header"),
])
def test_a_bad_download_is_a_clear_error_and_leaves_the_cache_alone(
        server, tmp_path, status, body, declared, error, words):
    source, path = _http_source(server, tmp_path)
    server.responses[path] = (200, gzip.compress(TEXT.encode()), None)
    eurostat.fetch(source)
    before = source.cache_path.read_bytes()
    server.responses[path] = (status, body, declared)
    with pytest.raises(error, match=words) as raised:
        eurostat.fetch(source)
    assert source.url in str(raised.value)
    assert source.cache_path.read_bytes() == before
    assert list(source.cache_path.parent.glob("*.tmp")) == []


def test_offline_without_cache_names_the_url_and_both_ways_out(tmp_path):
    source = eurostat.EurostatSource((tmp_path / "nowhere").as_uri(), POPULATION, tmp_path)
    with pytest.raises(eurostat.StatisticsUnavailable) as raised:
        eurostat.load(source)
    message = str(raised.value)
    assert source.url in message and "stats fetch" in message and "GROS_EUROSTAT_URL" in message


def test_a_corrupt_cache_is_not_used(tmp_path):
    source = eurostat.EurostatSource("file:///m", POPULATION, tmp_path)
    source.cache_path.parent.mkdir(parents=True)
    source.cache_path.write_text(json.dumps({"gros": {"format": 1}}))
    assert eurostat.read_cached(source) is None


def test_the_mirror_datasets_parse_with_their_flags(eurostat_mirror_url, tmp_path):
    mirror = Path(eurostat_mirror_url.removeprefix("file://")) / eurostat.API_PATH
    area = eurostat.read_file(mirror / "reg_area3.tsv.gz", "reg_area3")
    assert set(area["flags"]) >= {"", "p", "m"}
    old = eurostat.read_file(mirror / "vintage-2023" / "reg_area3.tsv.gz", "reg_area3")
    assert "z" in set(old["flags"]) and old["year"].max() == 2022
    gdp = eurostat.read_file(mirror / "nama_10r_3gdp.tsv.gz", "nama_10r_3gdp")
    assert set(gdp["unit"]) == {"MIO_EUR", "EUR_HAB", "MIO_PPS_EU27_2020", "PPS_EU27_2020_HAB"}
