"""Leaflet and its plugins, served by the dashboard itself instead of a CDN.

The files come from the XStatic packages on PyPI. :func:`install_static` copies
them into the app's ``static/`` folder (served by Streamlit at ``app/static``),
:func:`use_local_assets` points every folium element of a map at them, and
:func:`inline_assets` embeds them for a standalone HTML file.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import folium
import xstatic.pkg.jquery
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster

GROS_JS_DIR = Path(__file__).parent / "js"
# Relative to the streamlit-folium component page (/component/<name>/index.html),
# so it also works when the app runs under a base path.
STREAMLIT_STATIC_BASE = "../../app/static"
VENDOR_DIR = "vendor"
STREAMLIT_ASSET_BASE = f"{STREAMLIT_STATIC_BASE}/{VENDOR_DIR}"
DATA_DIR = "data"
KEPT_DATA_FILES = 8


@dataclass(frozen=True)
class Asset:
    """A file from an XStatic package, published under ``vendor/<target>``; or, when
    ``also`` names more files of ``package_dir``, those joined after it in one file."""

    package_dir: str
    filename: str
    target: str
    also: tuple[str, ...] = ()

    @property
    def sources(self) -> list[Path]:
        return [Path(self.package_dir) / name for name in (self.filename, *self.also)]

    def content(self) -> bytes:
        """What is served: the file, or the files joined, each on lines of its own."""
        if not self.also:
            return self.sources[0].read_bytes()
        return b"".join(path.read_bytes().rstrip() + b"\n;\n" for path in self.sources)


# folium's resource names (``default_js``/``default_css``) mapped to local files.
JS_ASSETS: dict[str, Asset] = {
    "leaflet": Asset(xstatic.pkg.leaflet.BASE_DIR, "leaflet.js", "leaflet/leaflet.js"),
    "jquery": Asset(xstatic.pkg.jquery.BASE_DIR, "jquery.min.js", "jquery/jquery.min.js"),
    "markerclusterjs": Asset(xstatic.pkg.leaflet_markercluster.BASE_DIR,
                             "leaflet.markercluster.js", "markercluster/leaflet.markercluster.js"),
    # The dashboard's own project layer (gros/js/projects.js) with what it needs, in that
    # order: KDBush, the neighbour search of the point clusters (no XStatic package has
    # it, so it is vendored in gros/js/vendor), its point clusters (gros/js/clusters.js)
    # and its canvas of many shapes (gros/js/shapes.js). One file: streamlit-folium loads
    # a map's scripts one after the other, and each file more delayed the first map by
    # about 50 ms.
    "grosprojectlayer": Asset(str(GROS_JS_DIR), "vendor/kdbush.min.js", "gros/project-layer.js",
                              also=("clusters.js", "shapes.js", "projects.js")),
    # The switch that keeps Leaflet from 3D transforms (gros/js/flat.js, loaded before it).
    "grosflat": Asset(str(GROS_JS_DIR), "flat.js", "gros/flat.js"),
}
CSS_ASSETS: dict[str, Asset] = {
    "leaflet_css": Asset(xstatic.pkg.leaflet.BASE_DIR, "leaflet.css", "leaflet/leaflet.css"),
    "markerclustercss": Asset(xstatic.pkg.leaflet_markercluster.BASE_DIR, "MarkerCluster.css",
                              "markercluster/MarkerCluster.css"),
    "markerclusterdefaultcss": Asset(xstatic.pkg.leaflet_markercluster.BASE_DIR,
                                     "MarkerCluster.Default.css",
                                     "markercluster/MarkerCluster.Default.css"),
}
# Resources folium adds to every map for icon fonts and Bootstrap; the dashboard
# uses neither, so they are dropped rather than served.
UNUSED = {"bootstrap", "awesome_markers", "bootstrap_css", "glyphicons_css",
          "awesome_markers_font_css", "awesome_markers_css", "awesome_rotate_css"}
LEAFLET_IMAGES = Path(xstatic.pkg.leaflet.BASE_DIR) / "images"


class MissingAsset(LookupError):
    """A map element needs a resource the dashboard does not serve itself."""


def install_static(static_dir: Path) -> Path:
    """Write the vendored files into ``static_dir/vendor``; return that folder.

    Files already present with the same content are left alone, so this is cheap to
    call on every start; a changed one is replaced whole (written aside, then renamed).
    """
    vendor = static_dir / VENDOR_DIR
    files = [(asset.content, vendor / asset.target)
             for asset in (*JS_ASSETS.values(), *CSS_ASSETS.values())]
    files += [(image.read_bytes, vendor / "leaflet" / "images" / image.name)
              for image in LEAFLET_IMAGES.iterdir()]
    for content, target in files:
        wanted = content()
        if target.exists() and target.read_bytes() == wanted:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}.part")
        partial.write_bytes(wanted)
        partial.replace(target)
    return vendor


def publish_data(static_dir: Path, text: str, stem: str, suffix: str = ".json",
                 keep: int = KEPT_DATA_FILES) -> str:
    """Write ``text`` to ``static_dir/data/<stem>-<digest><suffix>``; return that path
    relative to ``static_dir``.

    The name changes with the content, so browsers may cache a file for good. The
    file appears whole or not at all (written aside, then renamed); of older files
    of the same stem only the newest ``keep`` are kept, for pages still showing them.
    """
    content = text.encode("utf-8")
    name = f"{stem}-{hashlib.sha256(content).hexdigest()[:16]}{suffix}"
    folder = static_dir / DATA_DIR
    target = folder / name
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f".{name}.{os.getpid()}.part"
        partial.write_bytes(content)
        partial.replace(target)
    target.touch()
    older = sorted(folder.glob(f"{stem}-*{suffix}"), key=lambda path: path.stat().st_mtime,
                   reverse=True)
    for stale in older[keep:]:
        stale.unlink(missing_ok=True)
    return f"{DATA_DIR}/{name}"


def elements(element: folium.Element) -> Iterator[folium.Element]:
    yield element
    for child in element._children.values():
        yield from elements(child)


def use_local_assets(m: folium.Map, base_url: str = STREAMLIT_ASSET_BASE) -> folium.Map:
    """Point every element of ``m`` at the served copies under ``base_url``.

    Raises
    ------
    MissingAsset
        If an element needs a resource that is not served locally.
    """
    base = base_url.rstrip("/")
    for element in elements(m):
        for attribute, table in (("default_js", JS_ASSETS), ("default_css", CSS_ASSETS)):
            resources = getattr(element, attribute, None)
            if not resources:
                continue
            local = []
            for name, url in resources:
                if name in UNUSED:
                    continue
                if name not in table:
                    raise MissingAsset(
                        f"{type(element).__name__} needs {name!r} ({url}), which is not served "
                        "locally; add it to gros.assets"
                    )
                local.append((name, f"{base}/{table[name].target}?v={_version(table[name])}"))
            setattr(element, attribute, local)
    return m


@functools.cache
def _version(asset: Asset) -> str:
    """A short digest of the file: a new version gets a new URL, past browser caches."""
    return hashlib.sha256(asset.content()).hexdigest()[:10]


def _data_uri(path: Path) -> str:
    kind = "image/png" if path.suffix == ".png" else "image/svg+xml"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode()}"


def inline_assets(html: str, base_url: str) -> str:
    """Replace the links to the served assets in ``html`` by their contents.

    Leaflet's marker images are embedded as data URIs, so the page needs no
    other file.
    """
    base = re.escape(base_url.rstrip("/"))

    def script(match: re.Match[str]) -> str:
        code = _by_target(match.group(1)).content().decode("utf-8")
        return "<script>" + code.replace("</script", "<\\/script") + "</script>"

    def stylesheet(match: re.Match[str]) -> str:
        css = _by_target(match.group(1)).content().decode("utf-8")
        css = re.sub(r"url\(images/([\w.-]+)\)",
                     lambda m: f"url({_data_uri(LEAFLET_IMAGES / m.group(1))})", css)
        return "<style>" + css + "</style>"

    html = re.sub(rf'<script src="{base}/([^"?]+)(?:\?v=\w+)?"></script>', script, html)
    return re.sub(rf'<link rel="stylesheet" href="{base}/([^"?]+)(?:\?v=\w+)?"/>', stylesheet,
                  html)


def _by_target(target: str) -> Asset:
    for asset in (*JS_ASSETS.values(), *CSS_ASSETS.values()):
        if asset.target == target:
            return asset
    raise MissingAsset(f"no served asset at {target!r}")
