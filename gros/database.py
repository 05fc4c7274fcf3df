"""Connections to the project database: engines per backend and the one-writer rule.

SQLite and PostgreSQL behave alike here: a write transaction waits until no other
writer holds one (``BEGIN IMMEDIATE`` on SQLite, a transaction-level advisory lock on
PostgreSQL), so a read-check-write sequence never interleaves with another; readers
never wait. A writer waits at most ``WRITE_WAIT_S`` for its turn on both (SQLite's
``busy_timeout``, PostgreSQL's ``lock_timeout``), then gives up with :class:`WriterBusy` and
nothing written: a stuck writer never holds every editor's page indefinitely.
"""

from __future__ import annotations

import sqlite3
import time
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
WRITE_WAIT_S = 30.0


class WriterBusy(RuntimeError):
    """Another writer held the database longer than a writer waits; nothing was written."""


def describe(url: str | sa.URL) -> str:
    """``url`` as it may be shown to people: the password hidden."""
    return sa.make_url(url).render_as_string(hide_password=True)


def is_postgresql(connection: Connection | Engine) -> bool:
    return connection.dialect.name == "postgresql"


def _sqlite_engine(url: str) -> Engine:
    Path(url.removeprefix(SQLITE_PREFIX)).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": WRITE_WAIT_S})

    # pysqlite starts transactions lazily and never locks for reading first; take
    # the write lock at BEGIN so read-check-write sequences cannot interleave.
    @sa.event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        _use_wal(dbapi_connection)

    @sa.event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        wait_s = connection.get_execution_options().get(_WRITE_OPTION)
        if wait_s is not None:  # a writer: its wait for the lock, then the lock
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {_milliseconds(wait_s)}")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if wait_s is not None else "BEGIN")

    return engine


def _use_wal(dbapi_connection: Any, wait_s: float = WRITE_WAIT_S) -> None:
    """Put the database in WAL mode, which stays with the file. Switching takes the
    file's exclusive lock, and SQLite answers a second process switching a new file at
    the same moment with "database is locked" at once, without waiting for it: tried
    again for up to ``wait_s``, as a writer waits."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            mode = dbapi_connection.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() != "wal":
                dbapi_connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


def create_engine(url: str) -> Engine:
    """An engine for ``url``: a SQLite file (its folder made) or any SQLAlchemy URL."""
    if url.startswith(SQLITE_PREFIX):
        return _sqlite_engine(url)
    # pre_ping: a server restarted under a long-running app costs one retry, not an error.
    return sa.create_engine(url, pool_pre_ping=True)


def _milliseconds(seconds: float) -> int:
    return max(1, round(seconds * 1000))


def _busy(error: sa.exc.OperationalError) -> bool:
    text = str(error.orig).lower()
    return "database is locked" in text or "lock timeout" in text


@contextmanager
def write_transaction(engine: Engine, wait_s: float = WRITE_WAIT_S) -> Iterator[Connection]:
    """A write transaction, alone among writers: committed at the end, rolled back on error.

    Raises
    ------
    WriterBusy
        If another writer kept the database for longer than ``wait_s``.
    """
    try:
        with engine.connect() as connection:
            connection = connection.execution_options(**{_WRITE_OPTION: wait_s})
            with connection.begin():
                if is_postgresql(connection):
                    # For this transaction only; covers the advisory lock and row locks.
                    connection.exec_driver_sql(
                        f"SET LOCAL lock_timeout = '{_milliseconds(wait_s)}ms'")
                    # Released at commit or rollback; SQLite's BEGIN IMMEDIATE did the same.
                    connection.execute(sa.select(sa.func.pg_advisory_xact_lock(WRITE_LOCK_KEY)))
                yield connection
    except sa.exc.OperationalError as exc:
        if _busy(exc):
            raise WriterBusy(f"another writer held {describe(engine.url)} for more than "
                             f"{wait_s:g} s; nothing was written, try again") from exc
        raise
