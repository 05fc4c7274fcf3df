"""Synthetic projects inside the Euregios: points, lines and areas, every theme, fixed seed."""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import shapely

from gros import loaders, themes
from gros.layers import RegionLayers
from gros.projects import Partner, Project
from gros.store import StoredProject

SEED = 20_240_601
# A share of each geometry type, close to the seed data (27 points, 22 lines, 6 areas).
GEOMETRY_MIX = (("point", 0.6), ("line", 0.3), ("area", 0.1))


def _points_inside(region: shapely.Geometry, count: int, rng: np.random.Generator
                   ) -> np.ndarray:
    """``count`` uniformly random (lon, lat) points inside ``region``."""
    x0, y0, x1, y1 = region.bounds
    shapely.prepare(region)
    found: list[np.ndarray] = []
    total = 0
    # The Euregios fill about half their bounding box; 50 rounds is far more than needed.
    for _ in range(50):
        if total >= count:
            break
        batch = max(64, 3 * (count - total))
        # Six decimals (about 0.1 m), as sources give them; rounded before the test.
        xs = np.round(rng.uniform(x0, x1, batch), 6)
        ys = np.round(rng.uniform(y0, y1, batch), 6)
        inside = shapely.contains_xy(region, xs, ys)
        found.append(np.column_stack([xs[inside], ys[inside]]))
        total += int(inside.sum())
    if total < count:
        raise ValueError(f"could not place {count} points inside the region (got {total})")
    return np.concatenate(found)[:count]


def _line(start: np.ndarray, region: shapely.Geometry, rng: np.random.Generator
          ) -> shapely.LineString:
    """2–6 vertices, each a short step (up to about 10 km) from the last, all in the region."""
    vertices = [start]
    wanted = int(rng.integers(2, 7))
    for _ in range(20 * wanted):
        if len(vertices) == wanted:
            break
        step = np.round(vertices[-1] + rng.uniform(-0.12, 0.12, 2), 6)
        if shapely.contains_xy(region, step[0], step[1]):
            vertices.append(step)
    if len(vertices) < 2:  # a point at a sharp corner of the region: a tiny line
        vertices.append(np.round(start + 0.001, 6))
    return shapely.LineString(vertices)


def _area(centre: np.ndarray, rng: np.random.Generator) -> shapely.Polygon:
    """A small star-shaped polygon (0.5–3 km across).

    Its corners go round the centre at well separated angles, so the ring never
    crosses itself, even after rounding to six decimals.
    """
    corners = int(rng.integers(5, 11))
    spacing = 2 * np.pi / corners
    angles = spacing * (np.arange(corners) + rng.uniform(-0.3, 0.3, corners))
    radius = rng.uniform(0.0025, 0.0135) * rng.uniform(0.6, 1.0, corners)
    ring = np.column_stack([centre[0] + 1.6 * radius * np.cos(angles),
                            centre[1] + radius * np.sin(angles)])
    return shapely.Polygon(np.round(ring, 6))


def synthetic_projects(n: int, layers: RegionLayers, seed: int = SEED) -> list[Project]:
    """``n`` valid projects inside the Euregios: points, lines and areas, every theme.

    Deterministic for a given ``seed``. Projects ``0..8`` have themes 1..9 as their main
    theme, so every theme occurs once ``n`` is at least nine.
    """
    rng = np.random.default_rng(seed)
    region = shapely.union_all(layers.euregios.geometry.to_numpy())
    anchors = _points_inside(region, n, rng)
    kinds = rng.choice([kind for kind, _ in GEOMETRY_MIX], size=n,
                       p=[share for _, share in GEOMETRY_MIX])
    theme_ids = themes.THEME_IDS
    projects = []
    for i in range(n):
        kind = str(kinds[i])
        if kind == "point":
            shape: shapely.Geometry = shapely.Point(anchors[i])
        elif kind == "line":
            shape = _line(anchors[i], region, rng)
        else:
            shape = _area(anchors[i], rng)
        main = theme_ids[i] if i < len(theme_ids) else theme_ids[int(rng.integers(len(theme_ids)))]
        extra = theme_ids[int(rng.integers(len(theme_ids)))]
        chosen = (main,) if extra == main or rng.random() < 0.6 else (main, extra)
        start = int(rng.integers(2000, 2025))
        budget = float(rng.integers(50, 20_000)) * 1_000
        projects.append(Project(
            id=f"bench-{i:06d}",
            title=f"Synthetic {kind} project {i}",
            titles={"nl": f"Synthetisch project {i}", "de": f"Synthetisches Projekt {i}"},
            description=f"Benchmark project {i}: a {kind} generated with seed {seed}.",
            geometry=shape,
            themes=chosen,
            sources=(f"https://example.org/bench/{i}",),
            status=("planned", "ongoing", "completed")[i % 3],
            start=str(start),
            end=str(start + int(rng.integers(1, 8))),
            programme="Interreg VI Deutschland-Nederland" if i % 2 else "Interreg VI NL-VL",
            budget_eur=budget,
            eu_contribution_eur=round(budget * 0.5, 2),
            lead_partner=Partner(f"Lead partner {i % 97}", ("NL", "DE", "BE")[i % 3]),
            countries=(("NL", "DE"), ("NL", "BE"), ("BE", "DE"))[i % 3],
        ))
    return projects


def catalogue_of(projects: Sequence[Project], layers: RegionLayers) -> gpd.GeoDataFrame:
    """The projects as the dashboard's catalogue: the same frame, regions joined."""
    stored = [StoredProject(p, 1, "2024-06-01T00:00:00+00:00", "bench") for p in projects]
    return loaders.catalogue_frame(stored, layers)
