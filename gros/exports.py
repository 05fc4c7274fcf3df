"""Exports of a projects frame: CSV, XLSX, GeoJSON and GeoPackage (for QGIS).

Spreadsheet cells that start like a formula are prefixed with an apostrophe, so
text from data can never run as a formula when the file is opened.
"""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from gros.text import spreadsheet_safe

EXPORT_FORMATS = ("csv", "xlsx", "geojson", "gpkg")
MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json",
    "gpkg": "application/geopackage+sqlite3",
}


def _flat(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """Lists joined with '; ', geometry as WKT: one text cell per value."""
    table = pd.DataFrame(frame.drop(columns="geometry"))
    for column in table.columns:
        if table[column].map(lambda v: isinstance(v, list)).any():
            table[column] = table[column].map(
                lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v)
    table["wkt"] = shapely.to_wkt(frame.geometry.to_numpy(), rounding_precision=6)
    return table


def _spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    return table.apply(lambda column: column.map(spreadsheet_safe)
                       if pd.api.types.is_object_dtype(column)
                       or pd.api.types.is_string_dtype(column) else column)


def table_csv(table: pd.DataFrame) -> bytes:
    """A plain table as CSV: UTF-8 with a byte-order mark, so Excel shows accents right;
    cells that start like a formula are prefixed."""
    return _spreadsheet_safe(table).to_csv(index=False).encode("utf-8-sig")


def table_xlsx(table: pd.DataFrame, sheet: str,
               number_formats: Mapping[str, str] | None = None) -> bytes:
    """A plain table as an XLSX workbook of one sheet, formula-like cells prefixed;
    the columns of ``number_formats`` keep their numbers, shown in that format."""
    table = _spreadsheet_safe(table)
    formats = number_formats or {}
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        table.to_excel(writer, index=False, sheet_name=sheet)
        cells = writer.sheets[sheet]
        for position, column in enumerate(table.columns, start=1):
            if column in formats:
                for (cell,) in cells.iter_rows(min_row=2, min_col=position, max_col=position):
                    cell.number_format = formats[column]
    return buffer.getvalue()


def to_csv(frame: gpd.GeoDataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows accents right."""
    return table_csv(_flat(frame))


# Amounts stay numbers in a workbook, shown in whole euros with the digit grouping of
# whoever opens it (Excel and LibreOffice put in their own locale's separators).
AMOUNT_COLUMNS = ("budget_eur", "eu_contribution_eur")
AMOUNT_FORMAT = '"€" #,##0'


def to_xlsx(frame: gpd.GeoDataFrame) -> bytes:
    """One sheet, ``projects``; the amounts are numbers with a euro format."""
    return table_xlsx(_flat(frame), "projects",
                      dict.fromkeys(AMOUNT_COLUMNS, AMOUNT_FORMAT))


def to_geojson(frame: gpd.GeoDataFrame) -> bytes:
    collection = json.loads(frame.to_json(drop_id=True, na="null"))
    return json.dumps(collection, ensure_ascii=False).encode("utf-8")


def to_gpkg(frame: gpd.GeoDataFrame) -> bytes:
    """A GeoPackage with one layer, ``projects``, lists as '; '-joined text."""
    table = _flat(frame).drop(columns="wkt")
    layer = gpd.GeoDataFrame(table, geometry=frame.geometry.to_numpy(), crs=frame.crs)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "projects.gpkg"
        layer.to_file(path, layer="projects", driver="GPKG")
        return path.read_bytes()


def export(frame: gpd.GeoDataFrame, fmt: str) -> bytes:
    """The frame in ``fmt`` (one of :data:`EXPORT_FORMATS`).

    Raises
    ------
    ValueError
        For an unknown format, naming it.
    """
    writers = {"csv": to_csv, "xlsx": to_xlsx, "geojson": to_geojson, "gpkg": to_gpkg}
    if fmt not in writers:
        raise ValueError(f"export format must be one of {', '.join(EXPORT_FORMATS)}, got {fmt!r}")
    return writers[fmt](frame)
