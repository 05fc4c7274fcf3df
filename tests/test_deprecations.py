"""The suite's guard against deprecated Streamlit APIs catches them, and only ours."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.support.deprecations import in_our_code, streamlit_deprecations

DEPRECATED = """
import streamlit.components.v1 as components
components.html("<p>hello</p>", height=10)
"""
CURRENT = """
import streamlit as st
st.iframe("<p>hello</p>", height=10)
"""


def _run(script: str) -> list[str]:
    with streamlit_deprecations(ours=lambda filename: True) as messages:
        AppTest.from_string(script).run()
    return messages


def test_a_deprecated_call_is_caught():
    messages = _run(DEPRECATED)
    assert messages and "st.iframe" in messages[0]


def test_the_current_api_is_not_reported():
    assert _run(CURRENT) == []


def test_only_the_project_s_own_files_count():
    assert in_our_code(__file__.replace("tests/test_deprecations.py", "pages/map.py"))
    assert not in_our_code(__file__)
    assert not in_our_code("/usr/lib/python3/dist-packages/streamlit_folium/__init__.py")
