"""Which format a file is (from the caller, its first bytes or its extension), and its text.

A problem with the file as a whole raises :class:`ImportFileError` naming the file.
"""

from __future__ import annotations

import codecs
from pathlib import PurePosixPath

from gros.importers.notes import Notes
from gros.importers.result import ImportFileError

FORMATS = ("csv", "xlsx", "geojson", "keep")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MB = 1024 * 1024
_CHUNK = MB  # bytes decoded at a time when checking a text's encoding

_EXTENSIONS = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
               ".geojson": "geojson", ".json": "geojson"}


def megabytes(size: int) -> str:
    """``3.0 MB (3,145,728 bytes)``."""
    return f"{size / MB:.1f} MB ({size:,} bytes)"


def check_size(data: bytes, name: str, max_bytes: int) -> None:
    """Refuse a file larger than ``max_bytes`` or holding nothing but blanks and a BOM."""
    if len(data) > max_bytes:
        raise ImportFileError(f"{name!r} is {megabytes(len(data))}, larger than the limit of "
                              f"{megabytes(max_bytes)}")
    if not data.strip(b" \t\r\n\xef\xbb\xbf\xff\xfe\x00"):
        raise ImportFileError(f"{name!r} is empty")


def detect_format(data: bytes, name: str, format: str | None, notes: Notes) -> str:
    """One of :data:`FORMATS`: ``format`` when given, else from the content and extension.

    ``xlsx`` may still turn out to be a keep.eu export once its sheets are read.
    """
    if format is not None:
        if format not in FORMATS:
            raise ImportFileError(f"{name!r}: unknown format {format!r}; expected one of "
                                  f"{', '.join(FORMATS)}")
        return format
    extension = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    # The content wins over the extension for binary files: a renamed workbook is common.
    if data.startswith(b"PK\x03\x04"):
        if _EXTENSIONS.get(extension) != "xlsx":
            notes.warn(f"{name!r} is an Excel workbook despite its extension {extension!r}; "
                       "read as .xlsx")
        return "xlsx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(f"{name!r} is an old Excel 97–2003 (.xls) file; save it as .xlsx "
                              "or CSV and import that")
    if extension == ".xls":
        raise ImportFileError(f"{name!r}: .xls files are not supported; save it as .xlsx or CSV")
    if extension not in _EXTENSIONS:
        raise ImportFileError(f"{name!r}: cannot tell the format from the extension "
                              f"{extension or '(none)'!r}; expected .csv, .xlsx, .geojson or "
                              ".json")
    return _EXTENSIONS[extension]


def decode(data: bytes, name: str, notes: Notes) -> str:
    """The text of a CSV or GeoJSON file, in the encoding :func:`text_encoding` finds."""
    return data.decode(text_encoding(data, name, notes))


def text_encoding(data: bytes, name: str, notes: Notes) -> str:
    """The codec of a text file: UTF-16 with its BOM, UTF-8, else Windows-1252.

    A file that is neither is read as Latin-1 (which never fails) with a warning. The
    text is checked piece by piece, so a large file is never held twice as text.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if not _decodes(data, "utf-16"):
            raise ImportFileError(f"{name!r} starts like UTF-16 text but is not")
        return "utf-16"
    if b"\x00" in data:
        raise ImportFileError(f"{name!r} is not a text file (it contains NUL bytes)")
    if _decodes(data, "utf-8-sig"):
        return "utf-8-sig"
    if _decodes(data, "cp1252"):
        notes.warn(f"{name!r} is not UTF-8; read as Windows-1252")
        return "cp1252"
    notes.warn(f"{name!r} is neither UTF-8 nor Windows-1252; read as Latin-1, so check "
               "accented characters")
    return "latin-1"


def _decodes(data: bytes, codec: str) -> bool:
    """Whether all of ``data`` is text in ``codec``, decoded a megabyte at a time."""
    decoder = codecs.getincrementaldecoder(codec)()
    view = memoryview(data)
    try:
        for start in range(0, len(data), _CHUNK):
            decoder.decode(view[start:start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True

