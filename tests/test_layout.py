"""The code's layout holds: a core without Streamlit, private APIs in one place each,
session keys declared once, modules of a readable size."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import REPO

OUR_CODE = ("dashboard.py", "gros", "pages", "benchmarks")
LONGEST_MODULE = 500  # lines; vendored and generated files aside


def _python_files() -> list:
    files = [REPO / "dashboard.py"]
    for folder in OUR_CODE[1:]:
        files += sorted((REPO / folder).rglob("*.py"))
    return [f for f in files if "vendor" not in f.parts]


def _mentions(pattern: str) -> list[str]:
    found = re.compile(pattern)
    return sorted(str(f.relative_to(REPO)) for f in _python_files()
                  if found.search(f.read_text(encoding="utf-8")))


def test_the_core_never_imports_streamlit():
    modules = sorted(f"gros.{'.'.join(f.relative_to(REPO / 'gros').with_suffix('').parts)}"
                     .removesuffix(".__init__")
                     for f in (REPO / "gros").rglob("*.py") if f.name != "__main__.py")
    code = (f"import sys\nfor name in {modules!r}:\n    __import__(name)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('streamlit', 'streamlit_folium')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_only_the_frame_module_reads_streamlit_s_page_manager():
    assert _mentions(r"PagesManager|streamlit\.runtime") == ["pages/_ui/frame.py"]


def test_session_keys_are_declared_in_one_module():
    literal_key = r"session_state(\[|\.get\(|\.pop\(|\.setdefault\()\s*[\"']"
    assert _mentions(literal_key) == []
    assert _mentions(r"key=[\"']") == []


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_no_module_is_longer_than_a_reader_can_follow(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= LONGEST_MODULE, f"{path.relative_to(REPO)} has {lines} lines"


def test_the_app_s_static_files_are_where_streamlit_serves_them():
    from pages._ui.cached import STATIC_DIR

    # Streamlit serves /app/static from the folder beside the entry point.
    assert STATIC_DIR == REPO / "static"
