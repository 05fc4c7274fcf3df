"""Writers that run in processes of their own, for the concurrency tests.

Top-level functions, so that a spawned process can import them; each opens its own
store (its own connections) and reports through a queue.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier

import shapely

from gros.projects import Project
from gros.store import ProjectStore, VersionConflict

COUNTER = "counter"
SHARED = tuple(f"shared-{n:02d}" for n in range(12))


def project(project_id: str, title: str = "Grensinfopunt", budget_eur: float = 0) -> Project:
    return Project(id=project_id, title=title, geometry=shapely.Point(5.69, 50.85),
                   themes=("labour",), sources=("https://example.org/gip",),
                   budget_eur=budget_eur)


def add_to_counter(url: str, additions: int, start: Barrier, results: Queue) -> None:
    """Read the counter project, add one to its budget, save; retry on a conflict."""
    store = ProjectStore(url)
    start.wait()
    conflicts = 0
    done = 0
    while done < additions:
        current = store.get(COUNTER)
        bumped = dataclasses.replace(current.project, budget_eur=current.project.budget_eur + 1)
        try:
            store.save(bumped, expected_version=current.version, source="writer")
            done += 1
        except VersionConflict:
            conflicts += 1  # someone else wrote first: read again and retry
    store.close()
    results.put(conflicts)


def batch_projects(batch: int, fail: bool) -> Iterator[Project]:
    """The shared projects titled by this batch, then its own; a failing batch breaks off."""
    for number, project_id in enumerate(SHARED):
        if fail and number == len(SHARED) // 2:
            raise RuntimeError(f"batch {batch}: the file broke off")
        time.sleep(0.005)  # hold the import open a while, so that the others try to write
        yield project(project_id, title=f"batch {batch}")
    for number in range(3):
        yield project(f"own-{batch}-{number}", title=f"batch {batch}")


def import_batch(url: str, batch: int, fail: bool, start: Barrier, results: Queue) -> None:
    """One import of :func:`batch_projects`; reports the batch and whether it went in."""
    store = ProjectStore(url)
    start.wait()
    try:
        store.upsert_many(batch_projects(batch, fail), source=f"batch-{batch}.csv")
        results.put((batch, True))
    except RuntimeError:
        results.put((batch, False))
    finally:
        store.close()


def open_store(url: str, start: Barrier, results: Queue) -> None:
    """Open the store at ``url`` (creating its schema if new) at the same time as others."""
    start.wait()
    ProjectStore(url).close()
    results.put(True)
