"""The Euregio outlines drawn from their municipalities, built once and kept on disk.

Drawing them reads the whole municipal cut (about 3 s and 270 MB at the real size)
and simplifies the member municipalities as one coverage. The result is small, so it
is written beside the cut, under a name that is a digest of everything it depends on:
the cut (path, size, time), the membership table, the NUTS boundaries and the
tolerance. A change to any of them builds anew; a table that does not resolve (a
municipality row without a code) is remembered the same way, so the error costs no
parse on the next start either.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from pathlib import Path

from gros import lau, memberships, regions
from gros.layers import RegionLayers

FORMAT = 1  # raise when what is written changes
PREFIX = "euregio-outlines-"


class MembersUnresolved(ValueError):
    """The membership table names members the boundaries do not have (the message of
    :class:`gros.regions.UnknownCodes`, kept from the build that found it)."""


def cache_key(source: lau.LauSource, table_path: Path, layers: RegionLayers) -> str:
    """A digest of everything the outlines depend on."""
    stat = source.cache_path.stat()
    parts = [FORMAT, str(source.cache_path), stat.st_size, stat.st_mtime_ns, source.year,
             hashlib.sha256(table_path.read_bytes()).hexdigest(), layers.nuts_source,
             layers.nuts_year, layers.nuts_scale, layers.nuts_fetched, layers.tolerance_m]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:20]


def cache_path(source: lau.LauSource, key: str) -> Path:
    return source.cache_path.parent / f"{PREFIX}{key}.pickle"


def _write(path: Path, value: object) -> None:
    """Write ``value`` atomically and remove the outlines of earlier keys."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    for old in path.parent.glob(f"{PREFIX}*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)


def _read(path: Path) -> dict | None:
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)  # noqa: S301 - our own cache file
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return found if isinstance(found, dict) and found.get("format") == FORMAT else None


def municipal_outlines(source: lau.LauSource, layers: RegionLayers,
                       table_path: Path | None = None
                       ) -> tuple[memberships.EuregioOutlines, dict] | None:
    """The outlines and what the cut they come from is (``year``, ``source``,
    ``fetched``, ``municipalities``: how many), from the disk cache or built now; None
    when the municipalities are not cached.

    Raises
    ------
    MembersUnresolved
        The table has rows that name no municipality or region of the boundaries.
    regions.CuratedDataError
        A row of the table is malformed.
    """
    if not source.cache_path.exists():
        return None
    table_path = table_path or regions.MUNICIPAL_MEMBERS_CSV
    path = cache_path(source, cache_key(source, table_path, layers))
    found = _read(path)
    if found is None:
        found = _build(source, layers, table_path)
        if found is None:
            return None
        _write(path, found)
    if "error" in found:
        raise MembersUnresolved(found["error"])
    return found["outlines"], found["lau"]


def _build(source: lau.LauSource, layers: RegionLayers, table_path: Path) -> dict | None:
    table = regions.read_municipal_memberships(table_path)
    municipalities = lau.read_cached(source)
    if municipalities is None:
        return None
    about = {"year": municipalities.year, "source": municipalities.source_url,
             "fetched": municipalities.fetched, "municipalities": len(municipalities.frame)}
    try:
        outlines = memberships.euregio_outlines(table, municipalities, layers.nuts3,
                                                layers.nuts_year, layers.tolerance_m)
    except regions.UnknownCodes as exc:
        return {"format": FORMAT, "error": str(exc), "lau": about}
    return {"format": FORMAT, "outlines": outlines, "lau": about}
