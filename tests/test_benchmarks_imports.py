"""The import benchmark (benchmarks/imports.py, import_files.py): its files are what they
claim, small, and its limits are the importer's.

Speed itself is never asserted; only that the files read as a person's would, and that a
child's peak memory and outcome are taken from the child itself.
"""

from __future__ import annotations

import resource
import sys
import zipfile

import pytest

from benchmarks import import_files as files
from benchmarks import imports
from gros.importers import ImportFileError, read_projects
from gros.importers.detect import check_archive
from gros.importers.tables import CELLS_PER_ROW
from gros.settings import DEFAULT_MAX_IMPORT_ROWS


def test_the_one_line_workbook_and_csv_read_as_valid_projects(tmp_path):
    workbook, text = tmp_path / "p.xlsx", tmp_path / "p.csv"
    files.write_one_line_workbook(workbook, 5)
    files.write_csv(text, 5)
    for path in (workbook, text):
        result = read_projects(path.read_bytes(), path.name)
        assert (result.rows, len(result.accepted)) == (5, 5), result.rejected
    assert [p.title for p in result.accepted] == ["P1", "P2", "P3", "P4", "P5"]
    with zipfile.ZipFile(workbook) as archive:
        assert b'<dimension ref="A1:E6"/>' in archive.read("xl/worksheets/sheet1.xml")


def test_the_keep_like_workbook_is_read_as_keep_with_every_project(tmp_path):
    path = tmp_path / "keep.xlsx"
    files.write_keep(path, 6, 27)
    result = read_projects(path.read_bytes(), path.name, nuts3_points=files.NUTS3_POINTS)
    assert result.format == "keep"
    assert result.rows == 6
    projects, partners = files.keep_rows(6, 27)
    assert len(projects) == 7 and len(partners) == 28  # each with its header
    assert len(projects[0]) == 49 and len(partners[0]) == 15


def test_the_bomb_inflates_a_thousandfold_and_is_refused(tmp_path):
    path = tmp_path / "bomb.xlsx"
    files.write_workbook(path, {"Sheet1": files.bomb_rows(4 * 1024 * 1024)}, level=6)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
    assert sheet.file_size > 300 * sheet.compress_size
    with pytest.raises(ImportFileError, match="zip bomb"):
        check_archive(path.read_bytes(), path.name, grace=1024 * 1024)


def test_a_child_s_time_memory_and_outcome_are_its_own():
    # Linux counts a child's peak from the fork, so it is at least this process's own.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = int(own) + 300
    code = (f"import json; x = bytearray({size} * 2**20); "
            "print(json.dumps({'error': 'too big'}))")
    big = imports.run_child([sys.executable, "-c", code], 60)
    assert big.code == 0 and big.peak_rss_mb > size and big.seconds > 0 and big.cpu_seconds > 0
    assert imports._outcome(big) == ("refused: too big", None)
    small = imports.run_child([sys.executable, "-c", "pass"], 60)
    # Its own, not the larger child's before it (as RUSAGE_CHILDREN would say).
    assert small.peak_rss_mb < big.peak_rss_mb - 200
    killed = imports.run_child([sys.executable, "-c", "import time; time.sleep(30)"], 0.5)
    assert killed.code is None
    assert imports._outcome(killed)[0].startswith("still reading after")


def test_the_cli_outcome_reads_counts_and_errors():
    report = '{"rows": 3, "accepted": 2, "rejected": [{"row": 4}, {"row": 4}], "warnings": []}'
    assert imports._outcome(imports.Run(1, 1, 1, 0, report, "")) == (
        "3 rows: 2 accepted, 0 outside the area, 1 rejected", 3)
    failed = imports.Run(1, 1, 1, 1, "", "warning: x\nerror: 'f.csv' has more\n")
    assert imports._outcome(failed) == ("refused: 'f.csv' has more", None)


def test_the_files_at_the_limits_are_at_the_importer_s_limits(tmp_path):
    assert (imports.CAP_ROWS, imports.WIDE_COLUMNS) == (DEFAULT_MAX_IMPORT_ROWS, CELLS_PER_ROW)
    path = tmp_path / "wide.xlsx"
    files.write_wide(path, 30, 20)
    result = read_projects(path.read_bytes(), path.name, max_rows=30)
    assert (result.rows, len(result.accepted)) == (30, 30), result.rejected
    files.write_wide(path, 30, 21)  # one column more
    with pytest.raises(ImportFileError, match="more than 600 cells"):
        read_projects(path.read_bytes(), path.name, max_rows=30)


def test_the_texts_bomb_holds_its_texts_and_is_refused(tmp_path):
    path = tmp_path / "texts.xlsx"
    files.write_texts(path, 100)
    with pytest.raises(ImportFileError, match="more than 40 texts"):
        read_projects(path.read_bytes(), path.name, max_rows=1)
    assert read_projects(path.read_bytes(), path.name, max_rows=3).rows == 1


def test_the_worker_times_a_read_and_gives_rows_per_second(tmp_path):
    path = tmp_path / "p.csv"
    files.write_csv(path, 20)
    figure = imports.measure("20 rows", path, "read", 60)
    assert (figure.rows, figure.outcome) == (
        20, "20 rows: 20 accepted, 0 outside the area, 0 rejected")
    assert 0 < figure.read_seconds < figure.seconds
    assert figure.rows_per_second() == 20 / figure.read_seconds
    assert "| 20 rows | 0.0 MB | read |" in imports.table([figure])
