"""Connections to the project database: engines per backend and the one-writer rule.

SQLite and PostgreSQL behave alike here: a write transaction waits until no other
writer holds one (``BEGIN IMMEDIATE`` on SQLite, a transaction-level advisory lock on
PostgreSQL), so a read-check-write sequence never interleaves with another; readers
never wait.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

SQLITE_PREFIX = "sqlite:///"
# Any fixed number: every writer of a GROS database takes this advisory lock.
WRITE_LOCK_KEY = 0x67726F73  # "gros"
_WRITE_OPTION = "gros_write"


def describe(url: str | sa.URL) -> str:
    """``url`` as it may be shown to people: the password hidden."""
    return sa.make_url(url).render_as_string(hide_password=True)


def is_postgresql(connection: Connection | Engine) -> bool:
    return connection.dialect.name == "postgresql"


def _sqlite_engine(url: str) -> Engine:
    Path(url.removeprefix(SQLITE_PREFIX)).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": 30})

    # pysqlite starts transactions lazily and never locks for reading first; take
    # the write lock at BEGIN so read-check-write sequences cannot interleave.
    @sa.event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA journal_mode=WAL")

    @sa.event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


def create_engine(url: str) -> Engine:
    """An engine for ``url``: a SQLite file (its folder made) or any SQLAlchemy URL."""
    if url.startswith(SQLITE_PREFIX):
        return _sqlite_engine(url)
    # pre_ping: a server restarted under a long-running app costs one retry, not an error.
    return sa.create_engine(url, pool_pre_ping=True)


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A write transaction, alone among writers: committed at the end, rolled back on error."""
    with engine.connect() as connection:
        connection = connection.execution_options(**{_WRITE_OPTION: True})
        with connection.begin():
            if is_postgresql(connection):
                # Released at commit or rollback; SQLite's BEGIN IMMEDIATE did the same above.
                connection.execute(sa.select(sa.func.pg_advisory_xact_lock(WRITE_LOCK_KEY)))
            yield connection
