"""Shared fixtures: synthetic boundaries, curated tables in tmp files, the GISCO mirror."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from gros import gisco, lau, regions
from gros.layers import RegionLayers, build_region_layers
from tests import synthetic
from tests.support.canned import canned_server
from tests.support.databases import postgis, postgres, store_url  # noqa: F401 (fixtures)
from tests.support.deprecations import streamlit_deprecations

REPO = Path(__file__).resolve().parent.parent
MIRROR_DIR = Path(os.environ.get("GROS_TEST_MIRROR", REPO.parent / "shared" / "gisco"))
MIRROR_2024 = MIRROR_DIR / "nuts" / "geojson" / "NUTS_RG_20M_2024_4326.geojson"
MIRROR_2021 = MIRROR_DIR / "nuts" / "geojson" / "NUTS_RG_10M_2021_4326.geojson"
# Eurostat's site beside GISCO's in ../shared: the NUTS correspondence tables.
EUROSTAT_MIRROR = MIRROR_DIR.parent / "eurostat"
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(autouse=True)
def no_streamlit_deprecations():
    """Every test fails if our code calls an API that Streamlit says is deprecated."""
    with streamlit_deprecations() as messages:
        yield
    assert not messages, f"deprecated Streamlit API used: {messages}"


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    """A local HTTP server with canned answers: set ``server.responses[path]``."""
    with canned_server() as httpd:
        yield httpd


@pytest.fixture
def synthetic_mirror(tmp_path: Path) -> Path:
    """A folder laid out like the GISCO service, holding the synthetic 2024 file (20M)."""
    folder = tmp_path / "mirror" / "nuts" / "geojson"
    folder.mkdir(parents=True)
    (folder / "NUTS_RG_20M_2024_4326.geojson").write_text(json.dumps(synthetic.nuts_collection()))
    return tmp_path / "mirror"


@pytest.fixture
def synthetic_source(synthetic_mirror: Path, tmp_path: Path) -> gisco.NutsSource:
    """Synthetic boundaries behind a file:// URL, with an empty cache in tmp_path."""
    return gisco.NutsSource(synthetic_mirror.as_uri(), 2024, "20M", tmp_path / "cache")


@pytest.fixture
def synthetic_lau_source(synthetic_mirror: Path, tmp_path: Path) -> lau.LauSource:
    """Synthetic municipalities (LAU 2024) in the synthetic mirror, with an empty cache."""
    folder = synthetic_mirror / "lau" / "geojson"
    folder.mkdir(parents=True)
    (folder / "LAU_RG_01M_2024_4326.geojson").write_text(json.dumps(synthetic.lau_collection()))
    return lau.LauSource(synthetic_mirror.as_uri(), 2024, tmp_path / "cache")


@pytest.fixture
def synthetic_layers(synthetic_source: gisco.NutsSource, tmp_path: Path) -> RegionLayers:
    """Region layers from the synthetic boundaries and tables (tolerance 1 km)."""
    (tmp_path / "e.csv").write_text(synthetic.EUREGIOS_CSV)
    (tmp_path / "m.csv").write_text(synthetic.MEMBERS_CSV)
    (tmp_path / "p.csv").write_text(synthetic.PROVINCES_CSV)
    return build_region_layers(
        gisco.load(synthetic_source),
        regions.read_euregios(tmp_path / "e.csv"),
        regions.read_memberships(tmp_path / "m.csv"),
        regions.read_border_provinces(tmp_path / "p.csv"),
        tolerance_m=1000,
    )


def _require_mirror(path: Path, what: str = "GISCO") -> None:
    if not path.exists():
        pytest.skip(f"the {what} mirror is not at {path} (set GROS_TEST_MIRROR); CI always has it")


@pytest.fixture(scope="session")
def mirror_url() -> str:
    """file:// base URL of ../shared/gisco; the tests using it skip when it is absent."""
    _require_mirror(MIRROR_2024)
    return MIRROR_DIR.resolve().as_uri()


@pytest.fixture(scope="session")
def eurostat_mirror_url() -> str:
    """file:// base URL of ../shared/eurostat, laid out like Eurostat's site; skips when absent."""
    _require_mirror(EUROSTAT_MIRROR / "documents", "Eurostat")
    return EUROSTAT_MIRROR.resolve().as_uri()


@pytest.fixture(scope="session")
def mirror_env(mirror_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment variables pointing the app at the mirror (2024, 20M), with its own cache
    and the municipalities cached there."""
    from gros.settings import load_settings

    env = {
        "GROS_GISCO_URL": mirror_url,
        "GROS_NUTS_YEAR": "2024",
        "GROS_NUTS_SCALE": "20M",
        "GROS_CACHE_DIR": str(tmp_path_factory.mktemp("gros-cache")),
        "GROS_DATA_DIR": str(tmp_path_factory.mktemp("gros-data")),
        # Without the Eurostat mirror the statistics are offline, which the app survives.
        "GROS_EUROSTAT_URL": EUROSTAT_MIRROR.resolve().as_uri(),
    }
    lau.fetch(lau.LauSource.from_settings(load_settings(env)))
    return env


@pytest.fixture(scope="session")
def mirror_layers(mirror_env: dict[str, str]) -> RegionLayers:
    """The real region layers: mirror boundaries and the curated tables in geodata/."""
    from gros.loaders import load_region_layers
    from gros.settings import load_settings

    return load_region_layers(load_settings(mirror_env))


@pytest.fixture(scope="session")
def export_catalogue(mirror_layers: RegionLayers,
                     tmp_path_factory: pytest.TempPathFactory) -> gpd.GeoDataFrame:
    """The seed projects plus one whose title is an HTML payload, joined to the real regions."""
    from gros.loaders import project_catalogue
    from gros.projects import Project
    from gros.seed import read_seed_projects
    from gros.store import ProjectStore

    store = ProjectStore(f"sqlite:///{tmp_path_factory.mktemp('m') / 'p.sqlite'}")
    store.ensure_seeded(read_seed_projects())
    store.upsert_many([Project(id="xss", title=XSS, themes=("culture",),
                               geometry=shapely.Point(6.0, 51.2),
                               sources=("https://example.org/x",))], source="test")
    return project_catalogue(store, mirror_layers)


@pytest.fixture
def app_env(mirror_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The mirror environment set in os.environ, for AppTest and subprocesses."""
    for name, value in mirror_env.items():
        monkeypatch.setenv(name, value)
    return mirror_env
