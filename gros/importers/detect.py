"""Which format a file is (from the caller, its first bytes or its extension), its text, and
whether it is small enough to read: its size, and what a workbook's parts inflate to.

A problem with the file as a whole raises :class:`ImportFileError` naming the file.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import PurePosixPath

from gros.importers.notes import Notes
from gros.importers.result import ImportFileError
from gros.settings import MAX_IMPORT_ROWS_ENV

FORMATS = ("csv", "xlsx", "geojson", "keep")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MB = 1024 * 1024
# A workbook is a zip archive whose parts are read inflated. These bound what reading one may
# cost whatever its size on disk: openpyxl parses about 20 MB of sheet a second on a 2-core
# server, so even a sheet it must scan whole to find its size costs at most some 12 s.
MAX_INFLATED_BYTES = 256 * MB  # all parts together
MAX_RATIO = 100  # inflated ÷ compressed, per part and in all (Apache POI's bound too)
RATIO_GRACE_BYTES = 10 * MB  # smaller parts may deflate better: they cost little to read
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


def check_archive(data: bytes, name: str, *, max_inflated: int = MAX_INFLATED_BYTES,
                  max_ratio: float = MAX_RATIO, grace: int = RATIO_GRACE_BYTES,
                  max_texts: int | None = None) -> None:
    """Refuse a workbook whose parts would inflate beyond reason, before any is parsed.

    The sizes are those the archive declares; Python's zipfile never inflates a part
    beyond its declared size (and fails its checksum if the data says otherwise).

    Raises
    ------
    ImportFileError
        When the parts inflate to more than ``max_inflated`` bytes in all, a part (or
        all of them) larger than ``grace`` inflates more than ``max_ratio`` times, or
        the workbook holds more than ``max_texts`` shared texts.
    zipfile.BadZipFile
        When ``data`` is no zip archive; the caller says so as for any damaged workbook.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = archive.infolist()
        inflated = sum(part.file_size for part in parts)
        if inflated > max_inflated:
            raise ImportFileError(f"{name!r} is not read: its parts inflate to "
                                  f"{megabytes(inflated)}, more than the limit of "
                                  f"{megabytes(max_inflated)}")
        for part in parts:
            _check_ratio(name, f"its part {part.filename!r}", part.file_size,
                         part.compress_size, max_ratio, grace)
        _check_ratio(name, "all its parts", inflated, sum(p.compress_size for p in parts),
                     max_ratio, grace)
        if max_texts is not None and _texts(archive, max_texts) > max_texts:
            # openpyxl holds every shared text at once, some 170 bytes each even when empty.
            raise ImportFileError(f"{name!r} is not read: it holds more than {max_texts:,} "
                                  "texts, more than two sheets at the cell limit of one import "
                                  f"(setting {MAX_IMPORT_ROWS_ENV})")


def _texts(archive: zipfile.ZipFile, most: int) -> int:
    """How many shared texts (``<si>`` items) the archive's parts hold, counted generously.

    Every part is searched, whatever its name, and ``<si``, ``<x:si>`` and ``</x:si>`` all
    count, so no spelling hides one; the count stops once it passes ``most``.
    """
    count = 0
    for part in archive.infolist():
        with archive.open(part) as stream:
            tail = b""
            while count <= most and (piece := stream.read(_CHUNK)):
                # Two bytes carried over: a three-byte mark split between pieces counts once.
                piece = tail + piece
                count += piece.count(b"<si") + piece.count(b":si")
                tail = piece[-2:]
    return count


def _check_ratio(name: str, what: str, size: int, packed: int, max_ratio: float,
                 grace: int) -> None:
    """Refuse ``what`` when, larger than ``grace`` bytes, it inflates over ``max_ratio`` times."""
    if size > grace and size > max_ratio * packed:
        raise ImportFileError(
            f"{name!r} is not read: {what} would inflate from {megabytes(packed)} to "
            f"{megabytes(size)}, {size / max(packed, 1):,.0f} times; more than {max_ratio:g} "
            "times is the mark of a zip bomb, not of a spreadsheet")
