import pytest

from gros.text import markdown_escape, money, number


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


def test_money_uses_the_local_thousands_separator():
    assert money(2347070.39, "nl") == "€ 2.347.070"
    assert money(2347070.39, "en") == "€ 2,347,070"
    assert money(2347070.39, "de") == "€ 2.347.070"
    assert money(2347070.39, "fr") == "€ 2\u202f347\u202f070"
    assert money(2347070.39, "xx") == "€ 2,347,070"
    assert money(None) == "—"


def test_number_uses_the_local_thousands_separator():
    assert [number(1891, lang) for lang in ("nl", "de", "fr", "en")] == [
        "1.891", "1.891", "1\u202f891", "1,891"]
    assert number(51, "en") == "51"
