"""Download, cut, validation and caching of the municipalities (GISCO LAU)."""

from __future__ import annotations

import io
import json
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from gros import gisco, lau
from gros.regions import COUNTRIES
from tests import synthetic
from tests.conftest import MIRROR_DIR

GOOD = json.dumps(synthetic.lau_collection()).encode()


def _source(server: ThreadingHTTPServer, tmp_path: Path) -> lau.LauSource:
    host, port = server.server_address
    return lau.LauSource(f"http://{host}:{port}/dist", 2024, tmp_path / "cache")


def _path(source: lau.LauSource) -> str:
    return f"/dist/lau/geojson/{source.filename}"


def test_url_follows_the_gisco_layout():
    source = lau.LauSource("https://example.org/distribution/v2/", 2021, Path("/c"))
    assert source.url == (
        "https://example.org/distribution/v2/lau/geojson/LAU_RG_01M_2021_4326.geojson")
    assert source.cache_path == Path("/c/lau/LAU_RG_01M_2021_4326.geojson")
    assert "POP_2021" in source.properties and "POP_DENS_2021" in source.properties


def test_fetch_over_http_caches_only_the_three_countries_and_reports_progress(server, tmp_path):
    source = _source(server, tmp_path)
    server.responses[_path(source)] = (200, GOOD, None)
    seen: list[tuple[int, int | None]] = []
    path = lau.fetch(source, lambda received, total: seen.append((received, total)))
    cached = json.loads(path.read_text())
    assert cached["gros"]["source"] == source.url and cached["gros"]["lau_year"] == 2024
    assert {f["properties"]["CNTR_CODE"] for f in cached["features"]} == set(COUNTRIES)
    assert len(cached["features"]) == 48
    assert seen[-1] == (len(GOOD), len(GOOD))
    assert list(path.parent.glob("*.tmp")) == []


def test_a_large_stream_is_not_read_whole_before_the_first_feature():
    source = lau.LauSource("file:///x", 2024, Path("/c"))
    # The 49 synthetic municipalities, then 14,700 Swedish ones to be dropped.
    filler = [{**f, "properties": {**f["properties"], "CNTR_CODE": "SE",
                                   "GISCO_ID": f"SE_{i}"}}
              for i, f in enumerate(synthetic.lau_collection()["features"] * 300)]
    many = synthetic.lau_collection(filler)
    stream = io.BytesIO(json.dumps(many).encode())
    first = next(lau.checked_features(stream, "x", source))
    assert first["properties"]["GISCO_ID"] == "NL_NL1111"
    assert stream.tell() < len(stream.getvalue()) / 4


def test_load_gives_a_frame_where_unknown_population_stays_unknown(synthetic_lau_source):
    municipalities = lau.load(synthetic_lau_source)
    frame = municipalities.frame
    assert len(frame) == 48
    assert list(frame.columns) == [*lau.COLUMNS, "geometry"]
    assert list(frame["gisco_id"]) == sorted(frame["gisco_id"])
    assert "FR_59350" not in set(frame["gisco_id"])
    by_id = frame.set_index("gisco_id")
    assert by_id.loc["NL_NL1112", "population"] == 1_112_000
    assert by_id["population"].isna().sum() == 12  # every first one, never filled with 0
    assert by_id.loc["NL_NL1111", "name"] == "Town NL1111"
    assert municipalities.year == 2024 and municipalities.source_url == synthetic_lau_source.url
    assert municipalities.fetched


def _assert_cache_untouched(source: lau.LauSource, before: bytes | None) -> None:
    if before is None:
        assert not source.cache_path.exists()
    else:
        assert source.cache_path.read_bytes() == before
    assert list(source.cache_dir.rglob("*.tmp")) == []


@pytest.mark.parametrize("with_previous_cache", [False, True])
@pytest.mark.parametrize(
    ("status", "body", "declared", "error", "words"),
    [
        (200, GOOD[: len(GOOD) // 2], len(GOOD), gisco.DownloadError, "truncated"),
        (200, GOOD[: len(GOOD) // 2], None, lau.InvalidLauData, "not valid JSON"),
        (200, b'{"type": "Feature"}', None, lau.InvalidLauData, "found no features"),
        (404, b"gone", None, gisco.DownloadError, "HTTP 404"),
    ],
)
def test_a_bad_download_is_a_clear_error_and_leaves_the_cache_alone(
    server, tmp_path, status, body, declared, error, words, with_previous_cache
):
    source = _source(server, tmp_path)
    before = None
    if with_previous_cache:
        source.cache_path.parent.mkdir(parents=True)
        source.cache_path.write_bytes(b"the previous cache")
        before = b"the previous cache"
    server.responses[_path(source)] = (status, body, declared)
    with pytest.raises(error) as raised:
        lau.fetch(source)
    assert words in str(raised.value)
    assert source.url in str(raised.value)
    _assert_cache_untouched(source, before)


def _fetch_collection(collection: dict, tmp_path: Path, year: int = 2024) -> Path:
    folder = tmp_path / "mirror" / "lau" / "geojson"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"LAU_RG_01M_{year}_4326.geojson").write_text(json.dumps(collection))
    source = lau.LauSource((tmp_path / "mirror").as_uri(), year, tmp_path / "cache")
    return lau.fetch(source)


def _edited(index: int, **properties: object) -> dict:
    collection = synthetic.lau_collection()
    collection["features"][index]["properties"].update(properties)
    return collection


@pytest.mark.parametrize(
    ("collection", "words"),
    [
        (_edited(3, POP_2024="many"), "feature 3 ('NL_NL1114'): POP_2024 is 'many'"),
        (_edited(2, POP_2024=-5), "POP_2024 is -5, expected a number ≥ 0 or null"),
        (_edited(2, POP_2024=12.5), "POP_2024 is 12.5, expected a whole number"),
        (_edited(5, GISCO_ID="NL_NL1111"),
         "GISCO_ID 'NL_NL1111' is there twice (features 0 and 5)"),
        (_edited(6, LAU_NAME=""), "feature 6 ('NL_NL1123'): LAU_NAME is ''"),
        ({"type": "FeatureCollection", "features": [
            f for f in synthetic.lau_collection()["features"]
            if f["properties"]["CNTR_CODE"] != "DE"]}, "no municipalities of DE in the data"),
    ],
)
def test_unusable_municipalities_are_named_with_the_bad_value(collection, words, tmp_path):
    with pytest.raises(lau.InvalidLauData) as raised:
        _fetch_collection(collection, tmp_path)
    assert words in str(raised.value)
    assert not (tmp_path / "cache" / "lau" / "LAU_RG_01M_2024_4326.geojson").exists()


def test_missing_properties_and_geometry_are_named():
    source = lau.LauSource("file:///x", 2024, Path("/c"))
    collection = synthetic.lau_collection()
    del collection["features"][3]["properties"]["POP_2024"]
    del collection["features"][3]["properties"]["YEAR"]
    with pytest.raises(lau.InvalidLauData,
                       match=r"feature 3 \('NL_NL1114'\) lacks the properties POP_2024, YEAR"):
        list(lau.checked_features(io.BytesIO(json.dumps(collection).encode()), "x", source))
    collection = synthetic.lau_collection()
    collection["features"][1]["geometry"] = {"type": "Point", "coordinates": [5.5, 51.5]}
    with pytest.raises(lau.InvalidLauData, match="has no polygon geometry \\(got 'Point'\\)"):
        list(lau.checked_features(io.BytesIO(json.dumps(collection).encode()), "x", source))
    collection["features"][1]["geometry"] = {"type": "Polygon",
                                             "coordinates": [[[5.5, 51.5], [5.6, 51.5]]]}
    with pytest.raises(lau.InvalidLauData, match="not rings of four or more positions"):
        list(lau.checked_features(io.BytesIO(json.dumps(collection).encode()), "x", source))


def test_other_countries_need_only_a_country_code(tmp_path):
    incomplete = {"type": "Feature", "properties": {"CNTR_CODE": "SE", "GISCO_ID": "SE_1"},
                  "geometry": None}
    path = _fetch_collection(synthetic.lau_collection([incomplete]), tmp_path)
    assert "SE_1" not in path.read_text()


def test_another_year_expects_its_own_population_columns(tmp_path):
    path = _fetch_collection(synthetic.lau_collection(year=2021), tmp_path, year=2021)
    assert "POP_2021" in path.read_text()
    with pytest.raises(lau.InvalidLauData, match="lacks the properties POP_2021, POP_DENS_2021"):
        _fetch_collection(synthetic.lau_collection(), tmp_path / "other", year=2021)


def test_offline_without_cache_names_the_url_the_fallback_and_both_ways_out(tmp_path):
    source = lau.LauSource((tmp_path / "nowhere").as_uri(), 2024, tmp_path / "cache")
    with pytest.raises(lau.MunicipalitiesUnavailable) as raised:
        lau.load(source)
    message = str(raised.value)
    assert source.url in message
    assert "NUTS-3" in message
    assert "python -m gros geodata fetch" in message and "GROS_GISCO_URL" in message


def test_a_corrupt_cache_is_replaced_by_a_fresh_download(synthetic_lau_source):
    synthetic_lau_source.cache_path.parent.mkdir(parents=True)
    synthetic_lau_source.cache_path.write_text('{"type": "FeatureCollection", "gros": {}, "fea')
    assert lau.read_cached(synthetic_lau_source) is None
    assert len(lau.load(synthetic_lau_source).frame) == 48
    assert lau.read_cached(synthetic_lau_source) is not None


def test_the_mirror_file_is_cut_to_the_three_countries(mirror_url, tmp_path):
    if not (MIRROR_DIR / "lau" / "geojson" / "LAU_RG_01M_2024_4326.geojson").exists():
        pytest.skip(f"the mirror at {MIRROR_DIR} has no LAU file")
    municipalities = lau.load(lau.LauSource(mirror_url, 2024, tmp_path / "cache"))
    frame = municipalities.frame
    assert set(frame["country"]) == set(COUNTRIES)
    assert all(gid.startswith(f"{country}_")
               for gid, country in zip(frame["gisco_id"], frame["country"], strict=True))
    assert frame.geometry.is_valid.all()
    # Figures the file leaves out are unknown, not zero.
    assert not (frame["population"] == 0).any()
