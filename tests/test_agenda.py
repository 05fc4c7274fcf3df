"""The GROS agenda tables: every row sourced and valid, and what is made of them."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from gros import agenda, agenda_tables, exports, themes
from gros.filters import ProjectFilter
from gros.regions import GEODATA_DIR, CuratedDataError, read_border_provinces
from gros.view import PARTNER_IDS, view_from_query

TABLES = (agenda.ACTIONS_CSV, agenda.OBSTACLES_CSV, agenda.BODIES_CSV)


def _raw(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.name)
def test_every_row_names_a_public_source_with_a_title(path: Path):
    rows = _raw(path)
    assert rows
    for row in rows:
        url = row["source_url"]
        assert url.startswith(("https://", "http://")) or (GEODATA_DIR.parent / url).is_file()
        assert row["source_title"].strip(), row["id"]


def test_the_real_tables_load_with_valid_themes_partners_and_statuses():
    data = agenda.load_agenda()
    partners = set(PARTNER_IDS)
    assert set(data.actions["partner"]) == partners  # every partner has a list
    for ids in (*data.actions["themes"], *data.obstacles["themes"]):
        assert ids and set(ids) <= set(themes.THEME_IDS)
    assert set(data.actions["status"]) <= set(agenda.ACTION_STATUSES)
    assert set(data.obstacles["status"]) <= set(agenda.OBSTACLE_STATUSES)
    assert set(data.bodies["kind"]) <= set(agenda.BODY_KINDS)
    provinces = set(read_border_provinces()["nuts_id"])
    assert {r for regions in data.obstacles["regions"] for r in regions} <= provinces
    assert {"egts-linieland", "bgts-baarle", "benelux-union"} <= set(data.bodies["id"])


def test_a_point_states_its_precision_and_where_its_coordinates_come_from():
    bodies = agenda.agenda().bodies
    placed = bodies.dropna(subset=["lat", "lon"])
    assert len(placed) >= 10
    assert (placed["precision"] != "").all() and (placed["coordinates_source"] != "").all()
    assert bodies.loc[bodies["lat"].isna(), "precision"].eq("").all()


def _copy_tables(tmp_path: Path) -> Path:
    for path in (*TABLES, GEODATA_DIR / "border_provinces.csv", GEODATA_DIR / "stations.csv",
                 GEODATA_DIR / "euregios.csv"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


@pytest.mark.parametrize(("table", "column", "value", "message"), [
    ("gros_actions.csv", "partner", "NL42", "expected one of"),
    ("gros_actions.csv", "themes", "labour weather", "'weather'"),
    ("gros_actions.csv", "status", "almost", "'almost'"),
    ("gros_actions.csv", "status_date", "3 May 2021", "YYYY-MM-DD"),
    ("gros_actions.csv", "source_url", "", "expected an http"),
    ("gros_actions.csv", "source_title", "", "a value is required"),
    ("gros_actions.csv", "obstacles", "o-invented", "no obstacle 'o-invented'"),
    ("border_obstacles.csv", "borders", "NL-FR", "'NL-FR'"),
    ("border_obstacles.csv", "status", "gone", "'gone'"),
    ("border_obstacles.csv", "regions", "XX9", "'XX9'"),
    ("cooperation_bodies.csv", "lat", "40.0", "outside the border region"),
    ("cooperation_bodies.csv", "precision", "exact", "'exact'"),
    ("cooperation_bodies.csv", "source_url", "javascript:alert(1)", "expected an http"),
])
def test_a_bad_value_stops_the_load_naming_file_row_and_column(tmp_path, table, column, value,
                                                                message):
    folder = _copy_tables(tmp_path)
    path = folder / table
    rows = _raw(path)
    rows[0][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(CuratedDataError, match=message) as caught:
        agenda.load_agenda(folder)
    assert caught.value.row == 2 and caught.value.column == column
    assert table in str(caught.value)


def test_a_duplicate_id_names_the_first_row(tmp_path):
    folder = _copy_tables(tmp_path)
    path = folder / "border_obstacles.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(CuratedDataError, match="already the id of row 2"):
        agenda.load_agenda(folder)


def test_filters_counts_and_addressed_obstacles():
    data = agenda.agenda()
    nrw = agenda_tables.filter_actions(data.actions, "DEA")
    assert set(nrw["partner"]) == {"DEA"}
    safety = agenda_tables.filter_actions(data.actions, "DEA", themes=("safety",))
    assert list(safety["id"]) == ["nrw-gla2021-safety"]
    assert list(agenda_tables.addressed_obstacles(data, safety)["id"]) == ["o-ambulance-nl-de"]
    counts = agenda_tables.status_counts(nrw)
    assert list(counts) == list(agenda.ACTION_STATUSES)
    assert sum(counts.values()) == len(nrw)
    assert counts["done"] == len(agenda_tables.filter_actions(nrw, statuses=("done",))) == 1
    none = agenda_tables.filter_actions(data.actions, "DE9", statuses=("done",))
    assert none.empty
    health = agenda_tables.filter_obstacles(data.obstacles, ("health",))
    assert all("health" in ids for ids in health["themes"])


@pytest.mark.parametrize(("partner", "provinces"), [
    ("DEA", ("DEA",)), ("DE9", ("DE9",)), ("BE2", ("BE25", "BE23", "BE21", "BE22"))])
def test_the_border_area_of_a_partner(partner, provinces):
    found = agenda_tables.border_area_provinces(partner, read_border_provinces())
    assert found == provinces


def test_the_map_link_restores_themes_provinces_agenda_and_layers():
    wanted = ProjectFilter(themes=("labour",), provinces=("DEA",))
    link = agenda_tables.map_link(wanted, "de", "DEA", ("countries", "obstacles"))
    assert link.startswith("map?")
    from urllib.parse import parse_qsl
    view, notes = view_from_query(dict(parse_qsl(link.split("?", 1)[1])))
    assert notes == []
    assert view.filter.themes == ("labour",) and view.filter.provinces == ("DEA",)
    assert view.agenda == "DEA" and view.layers == ("countries", "obstacles")
    assert view_from_query({"agenda": "NL42"})[1] == ["agenda='NL42'"]


def test_the_listing_has_the_names_the_command_line_promises():
    listing = agenda_tables.listing(agenda.agenda())
    assert set(listing) == {"actions", "obstacles", "bodies"}
    assert set(listing["actions"][0]) == {"id", "partner", "title", "theme", "status",
                                          "status_date", "source"}
    assert set(listing["obstacles"][0]) == {"id", "title", "theme", "borders", "status",
                                            "source"}
    assert set(listing["bodies"][0]) == {"id", "name", "kind", "lat", "lon", "source"}
    unplaced = next(b for b in listing["bodies"] if b["id"] == "gip-rijn-waal")
    assert unplaced["lat"] is None and unplaced["lon"] is None  # unknown, never 0


def test_the_action_list_exports_with_formula_cells_defused():
    data = agenda.agenda()
    actions = agenda_tables.filter_actions(data.actions, "BE2").copy()
    actions.loc[actions.index[0], "title"] = "=HYPERLINK(\"http://x\")"
    table = agenda_tables.action_table(data, actions, "en")
    assert "Status" in table.columns and len(table) == len(actions)
    text = exports.table_csv(table).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert exports.table_xlsx(table, "agenda")[:2] == b"PK"


@pytest.mark.parametrize("columns", [agenda.ACTION_COLUMNS, agenda.OBSTACLE_COLUMNS,
                                     agenda.BODY_COLUMNS], ids=["actions", "obstacles", "bodies"])
def test_geodata_readme_documents_every_column(columns):
    readme = (GEODATA_DIR / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## The GROS agenda"):readme.index("## Licences")]
    undocumented = [c for c in columns if f"`{c}`" not in section]
    assert undocumented == []


def test_coordinates_taken_from_stations_csv_match_it():
    stations = {row["name"]: (float(row["lat"]), float(row["lon"]))
                for row in _raw(GEODATA_DIR / "stations.csv")}
    prefix = "geodata/stations.csv ("
    taken = agenda.agenda().bodies
    taken = taken[taken["coordinates_source"].str.startswith(prefix)]
    assert len(taken) >= 10
    for _, row in taken.iterrows():
        name = row["coordinates_source"].removeprefix(prefix)[:-1]
        assert stations[name] == (row["lat"], row["lon"]), row["id"]
