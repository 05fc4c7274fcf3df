"""Download, validation and caching of the NUTS boundaries."""

from __future__ import annotations

import json
import socket
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from gros import gisco
from tests import synthetic

GOOD = json.dumps(synthetic.nuts_collection()).encode()


def _source(server: ThreadingHTTPServer, tmp_path: Path) -> gisco.NutsSource:
    host, port = server.server_address
    return gisco.NutsSource(f"http://{host}:{port}/dist", 2024, "20M", tmp_path / "cache")


def _path(source: gisco.NutsSource) -> str:
    return f"/dist/nuts/geojson/{source.filename}"


def test_url_follows_the_gisco_layout():
    source = gisco.NutsSource("https://example.org/distribution/v2/", 2021, "10M", Path("/c"))
    assert source.url == (
        "https://example.org/distribution/v2/nuts/geojson/NUTS_RG_10M_2021_4326.geojson"
    )
    assert source.cache_path == Path("/c/nuts/NUTS_RG_10M_2021_4326.geojson")


def test_fetch_over_http_caches_a_valid_collection_and_reports_progress(server, tmp_path):
    source = _source(server, tmp_path)
    server.responses[_path(source)] = (200, GOOD, None)
    seen: list[tuple[int, int | None]] = []
    path = gisco.fetch(source, lambda received, total: seen.append((received, total)))
    cached = json.loads(path.read_text())
    assert cached["gros"]["source"] == source.url
    assert {f["properties"]["CNTR_CODE"] for f in cached["features"]} == {"NL", "BE", "DE"}
    assert seen[-1] == (len(GOOD), len(GOOD))
    assert list(path.parent.glob("*.tmp")) == []


def test_file_url_works_like_a_mirror(synthetic_source):
    boundaries = gisco.load(synthetic_source)
    assert len(boundaries.regions) == 3 * 9
    assert set(boundaries.regions["LEVL_CODE"]) == {0, 1, 2, 3}


def _assert_cache_untouched(source: gisco.NutsSource, before: bytes | None) -> None:
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
        (200, b'{"type": "FeatureCollection", "features": [', None, gisco.InvalidNutsData,
         "not valid JSON"),
        (200, b'{"type": "Feature"}', None, gisco.InvalidNutsData, "FeatureCollection"),
        (404, b"gone", None, gisco.DownloadError, "HTTP 404"),
        (500, b"boom", None, gisco.DownloadError, "HTTP 500"),
    ],
)
def test_a_bad_download_is_a_clear_error_and_leaves_the_cache_alone(
    server, tmp_path, status, body, declared, error, words, with_previous_cache
):
    source = _source(server, tmp_path)
    before = None
    if with_previous_cache:
        source.cache_path.parent.mkdir(parents=True)
        source.cache_path.write_bytes(GOOD)
        before = GOOD
    server.responses[_path(source)] = (status, body, declared)
    with pytest.raises(error) as raised:
        gisco.fetch(source)
    assert words in str(raised.value)
    assert source.url in str(raised.value)
    _assert_cache_untouched(source, before)


def test_connection_refused_is_a_clear_error(tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    source = gisco.NutsSource(f"http://127.0.0.1:{port}", 2024, "20M", tmp_path / "cache")
    with pytest.raises(gisco.DownloadError, match="could not connect"):
        gisco.fetch(source)
    assert not source.cache_path.exists()


def test_missing_countries_and_properties_are_named():
    collection = synthetic.nuts_collection()
    only_nl = {**collection, "features": [f for f in collection["features"]
                                          if f["properties"]["CNTR_CODE"] == "NL"]}
    with pytest.raises(gisco.InvalidNutsData, match="BE, DE"):
        gisco.validate_collection(only_nl, "x")
    del collection["features"][3]["properties"]["LEVL_CODE"]
    with pytest.raises(gisco.InvalidNutsData, match="feature 3 lacks the properties LEVL_CODE"):
        gisco.validate_collection(collection, "x")


def test_offline_without_cache_names_the_url_and_both_ways_out(tmp_path):
    source = gisco.NutsSource((tmp_path / "nowhere").as_uri(), 2024, "03M", tmp_path / "cache")
    with pytest.raises(gisco.BoundariesUnavailable) as raised:
        gisco.load(source)
    message = str(raised.value)
    assert source.url in message
    assert "python -m gros geodata fetch" in message
    assert "GROS_GISCO_URL" in message


def test_a_corrupt_cache_is_replaced_by_a_fresh_download(synthetic_source):
    synthetic_source.cache_path.parent.mkdir(parents=True)
    synthetic_source.cache_path.write_text('{"type": "FeatureCollection", "feat')
    boundaries = gisco.load(synthetic_source)
    assert len(boundaries.regions) == 27
    assert gisco.read_cached(synthetic_source) is not None


def test_the_cache_keeps_only_the_working_set():
    far_away = {"type": "Feature",
                "properties": {"NUTS_ID": "FRY10", "LEVL_CODE": 3, "CNTR_CODE": "FR",
                               "NAME_LATN": "Guadeloupe"},
                "geometry": {"type": "Point", "coordinates": [-61.5, 16.2]}}
    nearby = {"type": "Feature",
              "properties": {"NUTS_ID": "FRE11", "LEVL_CODE": 3, "CNTR_CODE": "FR",
                             "NAME_LATN": "Nord"},
              "geometry": {"type": "Point", "coordinates": [3.1, 50.6]}}
    spanish = {"type": "Feature",
               "properties": {"NUTS_ID": "ES300", "LEVL_CODE": 3, "CNTR_CODE": "ES",
                              "NAME_LATN": "Madrid"},
               "geometry": {"type": "Point", "coordinates": [-3.7, 40.4]}}
    reduced = gisco.reduce_to_working_set(synthetic.nuts_collection([far_away, nearby, spanish]))
    ids = {f["properties"]["NUTS_ID"] for f in reduced["features"]}
    assert "FRE11" in ids and "NL111" in ids
    assert "FRY10" not in ids and "ES300" not in ids
