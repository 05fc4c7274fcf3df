"""Tables for people (gros.tables.readable): numbers in the reader's language, unknown as
a dash, complete columns still numbers."""

from __future__ import annotations

import pandas as pd

from gros.tables import UNKNOWN, readable


def test_amounts_and_counts_are_written_in_the_language_and_unknown_is_a_dash():
    table = pd.DataFrame({"Titel": ["a", None], "Budget (€)": [12_728_604.0, None],
                          "Projecten": [1200, 3], "Prijs": [5.0, 6.0]})
    styled = readable(table, "nl", money_columns=["Prijs"])
    shown = styled.data
    assert list(shown["Budget (€)"]) == ["€\u00a012.728.604", UNKNOWN]
    assert list(shown["Titel"]) == ["a", UNKNOWN]
    # Columns without unknowns stay numbers, written by the display format.
    assert pd.api.types.is_integer_dtype(shown["Projecten"])
    html = styled.to_html()
    assert "1.200" in html and "€\u00a05" in html
    assert "None" not in html and "nan" not in html
    assert list(table["Budget (€)"].isna()) == [False, True]  # the input is left alone


def test_the_project_tables_amount_columns_are_money_in_every_language():
    table = pd.DataFrame({"EU contribution (€)": [2_500.0]})
    assert "€2,500" in readable(table, "en").to_html()
    french = pd.DataFrame({"Contribution UE (€)": [2_500.0, None]})
    assert list(readable(french, "fr").data["Contribution UE (€)"]) == [
        "2\u202f500\u00a0€", UNKNOWN]
