"""Writers in separate processes, on SQLite and PostgreSQL: nothing is lost or mixed."""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa

from gros import database
from gros.store import ProjectStore
from tests.support import writers
from tests.support.writers import project

PROCESSES = 4
UPDATES = 10
JOIN_TIMEOUT_S = 120
# Not forked from the test process, whose open database connections a child would share:
# forked from a clean server process that has imported the writers (and gros) once.
_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(["tests.support.writers"])


def _run_together(target: Callable[..., None], arguments: list[tuple[Any, ...]]) -> list[Any]:
    """Run ``target`` in one process per argument tuple, all starting at once; their results."""
    start = _context.Barrier(len(arguments))
    results = _context.Queue()
    processes = [_context.Process(target=target, args=(*args, start, results))
                 for args in arguments]
    for process in processes:
        process.start()
    collected = [results.get(timeout=JOIN_TIMEOUT_S) for _ in processes]
    for process in processes:
        process.join(timeout=JOIN_TIMEOUT_S)
        assert process.exitcode == 0, f"a writer failed with exit code {process.exitcode}"
    return collected


def test_read_modify_write_from_many_processes_loses_no_update(store_url):
    store = ProjectStore(store_url)
    store.upsert_many([writers.project(writers.COUNTER, budget_eur=0)], source="seed")
    _run_together(writers.add_to_counter, [(store_url, UPDATES)] * PROCESSES)

    final = store.get(writers.COUNTER)
    assert final.project.budget_eur == PROCESSES * UPDATES
    assert final.version == 1 + PROCESSES * UPDATES
    # Every update started from the version before it: none overwrote another unseen.
    updates = [e for e in reversed(store.audit(writers.COUNTER)) if e.action == "update"]
    assert [e.version for e in updates] == list(range(2, 2 + PROCESSES * UPDATES))
    assert all(e.after["budget_eur"] == e.before["budget_eur"] + 1 for e in updates)
    store.close()


def test_concurrent_imports_are_each_all_or_nothing(store_url):
    store = ProjectStore(store_url)
    batches = [(store_url, batch, batch % 2 == 1) for batch in range(PROCESSES)]
    outcomes = dict(_run_together(writers.import_batch, batches))
    assert outcomes == {batch: batch % 2 == 0 for batch in range(PROCESSES)}

    titles = {s.project.id: s.project.title for s in store.all()}
    trail = store.audit()
    for batch, went_in in outcomes.items():
        own = {f"own-{batch}-{n}" for n in range(3)}
        assert own <= set(titles) if went_in else not own & set(titles)
        entries = [e for e in trail if e.source == f"batch-{batch}.csv"]
        assert len(entries) == (len(writers.SHARED) + 3 if went_in else 0)
    # The shared projects all come from one import, the last one in: never a mixture.
    last_in = next(e.source for e in trail if e.project_id in writers.SHARED)
    assert {titles[project_id] for project_id in writers.SHARED} == {
        "batch " + last_in.removeprefix("batch-").removesuffix(".csv")}
    store.close()


def test_processes_opening_a_new_database_at_once_create_it_once(store_url):
    assert _run_together(writers.open_store, [(store_url,)] * PROCESSES) == [True] * PROCESSES
    store = ProjectStore(store_url)
    store.upsert_many([writers.project("p1")], source="test")
    assert store.count() == 1
    store.close()


def test_a_writer_waits_for_its_turn_only_so_long(store_url):
    store = ProjectStore(store_url)
    try:
        with database.write_transaction(store.engine):  # a writer that does not finish
            started = time.monotonic()
            with pytest.raises(database.WriterBusy, match=r"for more than 0\.3 s; nothing was"), \
                    database.write_transaction(store.engine, wait_s=0.3) as connection:
                connection.execute(sa.text("SELECT 1"))
            assert time.monotonic() - started < 10
        store.save(project("after-the-wait"), None)  # the lock is free again
        assert store.get("after-the-wait") is not None
    finally:
        store.close()


class _LockedAtFirst:
    """A SQLite connection whose first ``failures`` statements find the file locked."""

    def __init__(self, failures: int, mode: str = "delete"):
        self.failures, self.mode, self.statements = failures, mode, []

    def execute(self, statement: str):
        self.statements.append(statement)
        if self.failures:
            self.failures -= 1
            raise sqlite3.OperationalError("database is locked")
        if statement == "PRAGMA journal_mode=WAL":
            self.mode = "wal"
        return self

    def fetchone(self):
        return (self.mode,)


def test_switching_a_new_database_to_wal_waits_for_the_other_process():
    connection = _LockedAtFirst(failures=2)
    database._use_wal(connection, wait_s=5)
    assert connection.mode == "wal"
    assert connection.statements[-1] == "PRAGMA journal_mode=WAL"
    # A file already in WAL mode is left as it is: no lock asked for.
    again = _LockedAtFirst(failures=0, mode="wal")
    database._use_wal(again)
    assert again.statements == ["PRAGMA journal_mode"]


def test_a_database_locked_for_longer_than_the_wait_is_an_error():
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        database._use_wal(_LockedAtFirst(failures=10**6), wait_s=0.2)
