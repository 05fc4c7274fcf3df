"""Read cross-border projects from the files people have: CSV, Excel, GeoJSON and keep.eu exports.

:func:`read_projects` turns the bytes of one uploaded file into an :class:`ImportResult`:
the projects that passed :func:`gros.projects.project_from_record`, the keep.eu projects
outside the dashboard's area (:class:`OutsideArea`), and every other row with the column
and the reason it was refused, so nothing disappears unnoticed. A problem with the file
as a whole (unreadable, too large, no title column) raises :class:`ImportFileError`.

Headers may be Dutch, German, French or English (:data:`ALIASES`); amounts, dates and
coordinates may be written in continental or English conventions, and coordinates in
WGS 84, RD New, Lambert 72 or Lambert 2008 (see :mod:`gros.coords`).

Choices worth knowing:

* Ids: an ``id`` column wins. Otherwise a row gets ``slug(title)-hash(title, programme)``
  and a keep.eu project ``keep-slug(acronym)`` (``…-hash(programme)`` for an acronym an
  earlier row of another programme has), so importing the same file twice gives the same
  ids. A later row with an id seen before is rejected, naming the earlier row.
* Sources: a row without a public http(s) URL is rejected. keep.eu projects cite
  ``https://keep.eu/projects/<id>/`` when the export has a keep.eu id column, and
  otherwise ``https://keep.eu`` with one warning that per-project links were missing
  (rejecting every keep.eu row would make the export useless); a project website
  column is cited as well. An address without a scheme (``www.…``, ``example.eu/x``)
  is read as ``https://``.
* Amounts: with a single ``.`` or ``,`` followed by exactly three digits the mark is a
  thousands separator (``1.500`` and ``1,500`` are 1500); with both marks the last one
  is the decimal mark.
* Dates with day and month are read day first (``20-11-2015``), as in the Netherlands,
  Belgium and Germany; a date that only works month first is refused, not guessed.
* Locations, in order of preference: a GeoJSON feature's geometry, a WKT column, x/y,
  lat/lon, then a NUTS-3 code placed with ``nuts3_points`` (precision ``nuts3``). A
  feature without geometry may still be placed by such properties.
* One coordinate system per file: the one most x/y, WKT and GeoJSON coordinates fit;
  rows that fit another are rejected rather than misplaced (pass ``crs`` to decide).
* A missing status is derived from the dates; countries default to the partners'.
* keep.eu: the projects sheet is the one named like ``Projects (lead partners)`` or
  ``Search results, projects``; partner rows join it on the 2021–2027 project id, else
  on programme and acronym. Columns of both known layouts are in :data:`KEEP_ALIASES`
  and :data:`KEEP_PARTNER_ALIASES`; any other column is named in a warning. A partner's
  unreadable value is a warning, never a rejection. A project none of whose partners is
  in NL, BE or DE is *outside the area*: listed, not imported unless asked
  (``include_outside``). Others are placed at the lead partner's NUTS-3 region if it
  lies in the area, else at the first partner's that does (:mod:`~gros.importers.placement`);
  an older NUTS code is resolved to NUTS 2024 (:mod:`~gros.importers.nuts`).

The package has one module per job: :mod:`~gros.importers.read` (the entry point),
:mod:`~gros.importers.detect` (format and text encoding), :mod:`~gros.importers.tables`
(CSV and workbook sheets), :mod:`~gros.importers.geojson`, :mod:`~gros.importers.keep`
(keep.eu workbooks), :mod:`~gros.importers.partners` (their partners sheet),
:mod:`~gros.importers.placement` and :mod:`~gros.importers.nuts` (placing keep.eu projects),
:mod:`~gros.importers.vocabulary` (the words it knows), :mod:`~gros.importers.cells`
(cell text and folding), :mod:`~gros.importers.values` (the value parsers),
:mod:`~gros.importers.columns` (header matching), :mod:`~gros.importers.location`
(locations and the coordinate system), :mod:`~gros.importers.records` (one row's
record), :mod:`~gros.importers.rows` (rows to a result), :mod:`~gros.importers.notes`
(warnings) and :mod:`~gros.importers.result` (what comes back).
"""

from __future__ import annotations

from gros.importers.detect import DEFAULT_MAX_BYTES, FORMATS, MB
from gros.importers.read import read_projects
from gros.importers.result import ImportFileError, ImportResult, OutsideArea, Rejection
from gros.importers.values import derived_id, keep_id, parse_amount, parse_country, parse_date
from gros.importers.vocabulary import (
    ALIASES,
    COUNTRY_NAMES,
    KEEP_ALIASES,
    KEEP_PARTNER_ALIASES,
    KEEP_URL,
    MONTHS,
    MULTI_COLUMN_KEYS,
    PRECISION_WORDS,
    STATUS_WORDS,
    TITLE_KEYS,
)

__all__ = [
    "ALIASES",
    "COUNTRY_NAMES",
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "KEEP_ALIASES",
    "KEEP_PARTNER_ALIASES",
    "KEEP_URL",
    "MB",
    "MONTHS",
    "MULTI_COLUMN_KEYS",
    "PRECISION_WORDS",
    "STATUS_WORDS",
    "TITLE_KEYS",
    "ImportFileError",
    "ImportResult",
    "OutsideArea",
    "Rejection",
    "derived_id",
    "keep_id",
    "parse_amount",
    "parse_country",
    "parse_date",
    "read_projects",
]
