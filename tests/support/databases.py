"""The store's backends for the tests: a SQLite file, and a real PostgreSQL server.

One throwaway PostgreSQL cluster per test run (``gros.pgcluster``), with durability
off because nothing in it must survive. Each test gets a new database, copied from a
template that has PostGIS when the server has it. Without PostgreSQL the tests that
need it skip, saying why; ``GROS_TEST_REQUIRE_POSTGRESQL=1`` (set by ``.ci/run``) makes
that a failure instead.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from gros import pgcluster

BACKENDS = ("sqlite", "postgresql")
POSTGIS_TEMPLATE = "gros_postgis"
# Nothing in the test cluster must survive a crash: skip the disk flushes.
FAST = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
        "max_connections": "200"}
_names = itertools.count(1)


def _unavailable(reason: str) -> None:
    if os.environ.get("GROS_TEST_REQUIRE_POSTGRESQL") == "1":
        pytest.fail(f"{reason}; GROS_TEST_REQUIRE_POSTGRESQL=1 says these tests must run")
    pytest.skip(reason)


class Server:
    """The test run's PostgreSQL server and what it offers."""

    def __init__(self, cluster: pgcluster.LocalCluster):
        self.cluster = cluster
        self.postgis = "postgis" in cluster.available_extensions()
        if self.postgis:
            cluster.create_database(POSTGIS_TEMPLATE)
            cluster.execute("CREATE EXTENSION postgis", POSTGIS_TEMPLATE)

    def database(self, postgis: bool = True) -> str:
        """A new, empty database's URL; with PostGIS installed when asked and available."""
        template = POSTGIS_TEMPLATE if postgis and self.postgis else None
        return self.cluster.create_database(f"test_{next(_names)}", template)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    """The test run's PostgreSQL server, started once and stopped at the end."""
    if pgcluster.find_binaries() is None:
        _unavailable("PostgreSQL is not installed (no initdb in /usr/lib/postgresql/<version>"
                     "/bin or on the PATH): apt-get install postgresql postgresql-postgis")
    with pgcluster.local_cluster(FAST) as cluster:
        yield Server(cluster)


@pytest.fixture
def postgis(postgres: Server) -> Server:
    """The server, when it has PostGIS (Debian: postgresql-postgis, or postgresql-<n>-postgis-3)."""
    if not postgres.postgis:
        _unavailable("PostGIS is not installed for the test server's PostgreSQL "
                     f"({postgres.cluster.binaries}): apt-get install postgresql-postgis")
    return postgres


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'data' / 'gros.sqlite'}"


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a new, empty database on each backend in turn."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path)
    return request.getfixturevalue("postgres").database()
