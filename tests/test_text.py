import pytest

from gros.text import markdown_escape


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("![x](http://e/i.png)", r"\!\[x\]\(http\://e/i\.png\)"),
        ("**bold** _it_", r"\*\*bold\*\* \_it\_"),
        ("<img src=x>", r"\<img src=x\>"),
        ("$x^2$", r"\$x^2\$"),
        ("Liège–Maastricht", "Liège–Maastricht"),
        ("line 1\nline 2", "line 1  \nline 2"),
    ],
)
def test_markdown_from_data_stays_text(text, expected):
    assert markdown_escape(text) == expected
