"""NUTS regions of any vintage to the NUTS 2024 regions the map has, and a point in each.

A code the map knows is taken as it is. Any other goes to :func:`resolve_nuts`, which
gives its NUTS 2024 successor, its parent region where it was split, or a region
found by the name after the code; :func:`resolve` is the one place that calls it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from gros.importers.cells import fold

Points = Mapping[str, tuple[float, float]]


@dataclass(frozen=True)
class NutsResolution:
    """A NUTS 2024 region for a code (None: none found), its level, and how it was found."""

    code: str | None
    level: int | None
    exact: bool
    note: str | None = None


def resolve_nuts(code: str, label: str | None = None, *,
                 known: Mapping[str, str] | None = None) -> NutsResolution:
    """The NUTS 2024 region whose name in ``known`` (code → name) is ``label``.

    Only a region of the code's own country counts, and only a single match.
    """
    if label and known:
        wanted = fold(label)
        found = [c for c, name in known.items() if c[:2] == code[:2] and fold(name) == wanted]
        if len(found) == 1:
            return NutsResolution(found[0], len(found[0]) - 2, False,
                                  f"not a NUTS 2024 code; the region named {label!r}")
    return NutsResolution(None, None, False, "not a NUTS 2024 code")


def resolve(code: str, label: str | None, points: Points,
            names: Mapping[str, str] | None) -> NutsResolution:
    """The region of ``code`` (with the ``label`` the file gives it) among ``points``.

    A code of ``points``, or one whose regions are there (a NUTS-1 or NUTS-2 code), is
    exact; any other is resolved by :func:`resolve_nuts` against ``names``.
    """
    if code in points or (len(code) < 5 and children(code, points)):
        return NutsResolution(code, len(code) - 2, True)
    return resolve_nuts(code, label, known=names)


def children(code: str, points: Points) -> list[str]:
    """The NUTS-3 regions of ``points`` inside region ``code`` (codes nest by prefix)."""
    return [c for c in points if len(c) == 5 and c.startswith(code)]


def region_point(code: str, points: Points) -> tuple[float, float] | None:
    """A point inside region ``code``: its own, or its NUTS-3 region's nearest the middle.

    A parent region's point is the point of the NUTS-3 region nearest the mean of its
    NUTS-3 regions' points, so it always lies inside the parent.
    """
    if code in points:
        return points[code]
    inside = [points[c] for c in children(code, points)]
    if not inside:
        return None
    mean_x = sum(p[0] for p in inside) / len(inside)
    mean_y = sum(p[1] for p in inside) / len(inside)
    return min(inside, key=lambda p: (p[0] - mean_x) ** 2 + (p[1] - mean_y) ** 2)
