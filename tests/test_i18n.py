import re
import string

import pytest

from gros import i18n


def test_every_string_exists_in_every_language():
    for key, variants in i18n.STRINGS.items():
        assert set(variants) == set(i18n.LANGUAGES), key
        fields = [
            {name for _, name, _, _ in string.Formatter().parse(text) if name}
            for text in variants.values()
        ]
        assert all(f == fields[0] for f in fields), f"{key}: placeholders differ"


def test_every_language_has_a_name():
    assert set(i18n.LANGUAGE_NAMES) == set(i18n.LANGUAGES)


def test_language_falls_back_to_dutch():
    assert i18n.parse_language("DE") == "de"
    assert i18n.parse_language("xx") == "nl"
    assert i18n.parse_language(None) == "nl"


def test_unknown_key_is_named():
    with pytest.raises(KeyError, match="'nope'"):
        i18n.t("nope")


@pytest.mark.parametrize(("files", "words"), [
    ({"a.toml": '["x.y"]\nnl = "1"\nde = "2"\nfr = "3"\nen = "4"\n',
      "b.toml": '["x.y"]\nnl = "1"\nde = "2"\nfr = "3"\nen = "4"\n'},
     "b.toml: UI string 'x.y' is defined twice"),
    ({"a.toml": '["x.y"]\nnl = "1"\nde = "2"\nen = "4"\n'},
     "a.toml: UI string 'x.y' has the languages"),
])
def test_a_string_table_that_lacks_a_language_or_repeats_a_key_is_refused(tmp_path, files, words):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(words)):
        i18n.read_strings(tmp_path, tuple(files))


def test_the_string_files_keep_their_order():
    assert list(i18n.read_strings())[:2] == ["app.title", "app.subtitle"]
