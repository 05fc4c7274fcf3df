"""NUTS regions of any vintage to the NUTS 2024 regions the map has, and a point in each.

A code the map knows is taken as it is. Any other goes to
:func:`gros.nuts_history.resolve_nuts`, which gives its NUTS 2024 successor, its parent
region where it was split, or a region found by the name after the code.
"""

from __future__ import annotations

from collections.abc import Mapping

from gros.nuts_history import NutsResolution, resolve_nuts

Points = Mapping[str, tuple[float, float]]


def resolve(code: str, label: str | None, points: Points,
            names: Mapping[str, str] | None) -> NutsResolution:
    """The region of ``code`` (with the ``label`` the file gives it) among ``points``.

    A code of ``points``, or one whose regions are there (a NUTS-1 or NUTS-2 code), is
    exact; any other is resolved by :func:`resolve_nuts` against ``names``, unless the map
    has no region of its country at all (then no name of another country may stand in).
    """
    if code in points or (len(code) < 5 and children(code, points)):
        return NutsResolution(code, len(code) - 2, True, None)
    if not any(known.startswith(code[:2]) for known in points):
        return NutsResolution(None, None, False, f"the map has no region of {code[:2]!r}")
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
