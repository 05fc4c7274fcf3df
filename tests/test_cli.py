"""The command line, run as users and checks run it: ``python -m gros …``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gros", *args], cwd=REPO, capture_output=True,
                          text=True, env={**os.environ, **env}, timeout=120)


def test_fetch_then_info_json_reports_the_seven_euregios(mirror_url, tmp_path):
    env = {"GROS_GISCO_URL": mirror_url, "GROS_NUTS_SCALE": "20M",
           "GROS_CACHE_DIR": str(tmp_path / "cache")}
    fetched = _run(["geodata", "fetch"], env)
    assert fetched.returncode == 0, fetched.stderr
    assert (tmp_path / "cache" / "nuts" / "NUTS_RG_20M_2024_4326.geojson").exists()
    assert (tmp_path / "cache" / "lau" / "LAU_RG_01M_2024_4326.geojson").exists()

    info = _run(["geodata", "info", "--json"], env)
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["nuts"] == {"year": 2024, "scale": "20M", "source": data["nuts"]["source"],
                            "fetched": data["nuts"]["fetched"]}
    assert data["nuts"]["source"].endswith("NUTS_RG_20M_2024_4326.geojson")
    assert [e["id"] for e in data["euregios"]] == [
        "edr", "euregio", "rhein-waal", "rhein-maas-nord", "maas-rijn", "scheldemond",
        "benelux-middengebied"]
    for euregio in data["euregios"]:
        assert {"id", "name", "nuts3", "countries", "area_km2", "valid"} <= set(euregio)
        assert euregio["valid"] is True
        assert euregio["outline"] == "nuts3"  # the membership table is by NUTS-3 region
        assert 1_000 < euregio["area_km2"] < 25_000
    assert {p["nuts_id"] for p in data["border_provinces"]} >= {"NL42", "BE33", "DEA"}
    assert {"NL", "BE", "DE"} <= set(data["countries"])
    assert data["lau"]["year"] == 2024 and data["lau"]["municipalities"] > 1_000
    assert data["lau"]["source"].endswith("LAU_RG_01M_2024_4326.geojson")


def test_fetch_failure_exits_non_zero_with_a_clear_message(tmp_path):
    missing = (tmp_path / "no-mirror").as_uri()
    result = _run(["geodata", "fetch"], {"GROS_GISCO_URL": missing,
                                          "GROS_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 1
    assert result.stderr.startswith("error: ")
    assert "NUTS_RG_03M_2024_4326.geojson" in result.stderr
    assert not (tmp_path / "cache" / "nuts").exists() or not any(
        Path(tmp_path / "cache" / "nuts").iterdir())


def test_a_bad_setting_is_reported(tmp_path):
    result = _run(["geodata", "info"], {"GROS_NUTS_YEAR": "1999",
                                         "GROS_CACHE_DIR": str(tmp_path)})
    assert result.returncode == 1
    assert "GROS_NUTS_YEAR" in result.stderr and "'1999'" in result.stderr


def _project_env(mirror_url: str, tmp_path: Path) -> dict[str, str]:
    return {"GROS_GISCO_URL": mirror_url, "GROS_NUTS_SCALE": "20M",
            "GROS_CACHE_DIR": str(tmp_path / "cache"), "GROS_DATA_DIR": str(tmp_path / "data")}


def test_projects_list_json_has_the_seeded_projects_with_regions(mirror_url, tmp_path):
    result = _run(["projects", "list", "--json"], _project_env(mirror_url, tmp_path))
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    assert len(listing) >= 40
    rail = {p["id"]: p for p in listing}["rail-maastricht-aachen"]
    assert set(rail) >= {"id", "title", "themes", "status", "geometry_type", "precision",
                         "euregios", "countries", "source"}
    assert rail["geometry_type"] == "line"
    assert "maas-rijn" in rail["euregios"]
    assert (tmp_path / "data" / "gros.sqlite").exists()


def test_projects_export_writes_each_format(mirror_url, tmp_path):
    env = _project_env(mirror_url, tmp_path)
    for fmt in ("csv", "geojson", "gpkg", "xlsx"):
        out = tmp_path / f"projects.{fmt}"
        result = _run(["projects", "export", "--format", fmt, "--out", str(out)], env)
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 1_000
    collection = json.loads((tmp_path / "projects.geojson").read_text())
    assert len(collection["features"]) >= 40
    assert "euregios" in collection["features"][0]["properties"]


def test_projects_import_reports_rows_and_is_all_or_nothing(mirror_url, tmp_path):
    env = _project_env(mirror_url, tmp_path)
    source = tmp_path / "projecten.csv"
    source.write_text(
        "id;titel;thema;lat;lon;bron\n"
        "gip-venlo;GrensInfoPunt Venlo;arbeidsmarkt;51,37;6,17;https://example.org/gip\n"
        "bad-row;Zonder thema;;51,37;6,17;https://example.org/x\n", encoding="utf-8")

    dry = _run(["projects", "import", str(source), "--dry-run", "--json"], env)
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert report["rows"] == 2 and report["accepted"] == 1
    assert report["rejected"][0]["row"] == 3
    assert {"row", "column", "reason"} <= set(report["rejected"][0])

    refused = _run(["projects", "import", str(source), "--json"], env)
    assert refused.returncode == 1
    assert "nothing was imported" in refused.stderr
    listing = json.loads(_run(["projects", "list", "--json"], env).stdout)
    assert "gip-venlo" not in {p["id"] for p in listing}

    partial = _run(["projects", "import", str(source), "--partial", "--json"], env)
    assert partial.returncode == 0, partial.stderr
    assert json.loads(partial.stdout)["created"] == 1
    listing = json.loads(_run(["projects", "list", "--json"], env).stdout)
    venlo = {p["id"]: p for p in listing}["gip-venlo"]
    assert venlo["themes"] == ["labour"]
    assert "rhein-maas-nord" in venlo["euregios"]


def test_export_map_and_png_from_the_command_line(mirror_url, tmp_path):
    env = _project_env(mirror_url, tmp_path)
    html_file = tmp_path / "rail.html"
    result = _run(["export", "map", "--out", str(html_file), "--theme", "transport",
                   "--euregio", "maas-rijn", "--basemap", "none", "--lang", "de"], env)
    assert result.returncode == 0, result.stderr
    page = html_file.read_text(encoding="utf-8")
    assert "Öffentlicher Verkehr und Mobilität" in page
    assert "<script src=" not in page

    bad = _run(["export", "map", "--out", str(html_file), "--theme", "sports"], env)
    assert bad.returncode == 1 and "theme='sports'" in bad.stderr

    png = tmp_path / "rail.png"
    result = _run(["export", "png", "--out", str(png), "--theme", "transport",
                   "--basemap", "none", "--width", "800", "--height", "500"],
                  {**env, "GROS_CHROMIUM": str(tmp_path / "missing")})
    assert result.returncode == 1 and "apt-get install chromium" in result.stderr


def test_lookup_names_the_municipality_euregios_and_border_province(mirror_url, tmp_path):
    env = {"GROS_GISCO_URL": mirror_url, "GROS_NUTS_SCALE": "20M",
           "GROS_CACHE_DIR": str(tmp_path / "cache")}
    result = _run(["geodata", "lookup", "--lat", "50.85", "--lon", "5.69", "--json"], env)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert set(found) == {"municipality", "euregios", "border_province"}
    assert found["municipality"]["name"] == "Maastricht"
    assert found["municipality"]["country"] == "NL"
    assert found["municipality"]["id"].startswith("NL_GM")
    assert "maas-rijn" in found["euregios"]
    assert found["border_province"] == "NL42"

    text = _run(["geodata", "lookup", "--lat", "50.85", "--lon", "5.69"], env)
    assert "Maastricht" in text.stdout and "NL42" in text.stdout

    bad = _run(["geodata", "lookup", "--lat", "95", "--lon", "5.69"], env)
    assert bad.returncode == 1 and "--lat 95.0" in bad.stderr


def test_without_municipalities_lookup_and_info_still_answer(mirror_url, tmp_path):
    # The mirror has no LAU 2023 file: as if offline without the municipalities cached.
    env = {"GROS_GISCO_URL": mirror_url, "GROS_NUTS_SCALE": "20M", "GROS_LAU_YEAR": "2023",
           "GROS_CACHE_DIR": str(tmp_path / "cache")}
    fetched = _run(["geodata", "fetch"], env)
    assert fetched.returncode == 1
    assert "LAU_RG_01M_2023_4326.geojson" in fetched.stderr
    assert (tmp_path / "cache" / "nuts" / "NUTS_RG_20M_2024_4326.geojson").exists()
    assert not (tmp_path / "cache" / "lau").exists() or not any(
        (tmp_path / "cache" / "lau").iterdir())

    found = _run(["geodata", "lookup", "--lat", "50.85", "--lon", "5.69", "--json"], env)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["municipality"] is None
    assert "NUTS-3" in found.stderr

    info = _run(["geodata", "info", "--json"], env)
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["lau"] is None
    assert {e["outline"] for e in data["euregios"]} == {"nuts3"}


def test_projects_import_of_a_keep_eu_export_reports_three_outcomes(mirror_url, tmp_path):
    from tests.importers.inputs import real_keep_workbook
    from tests.importers.test_keep_export import PARTNERS, PROJECTS

    env = _project_env(mirror_url, tmp_path)
    source = tmp_path / "keep-export.xlsx"
    source.write_bytes(real_keep_workbook(PROJECTS, PARTNERS))
    outside_csv, rejected_csv = tmp_path / "outside.csv", tmp_path / "rejected.csv"
    dry = _run(["projects", "import", str(source), "--dry-run", "--json",
                "--outside-csv", str(outside_csv), "--rejected-csv", str(rejected_csv)], env)
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert report["accepted"] + len(report["outside_area"]) + len(report["rejected"]) == \
        report["rows"] == 7
    assert report["accepted"] == 5
    assert report["outside_area"] == [{"row": 3, "title": "Test project far away",
                                       "programme": PROJECTS[1][0], "countries": ["CZ", "PL"]}]
    assert [r["row"] for r in report["rejected"]] == [7]
    assert any("NL111 / Oost-Groningen → NL114" in w for w in report["warnings"])
    assert "Test project far away" in outside_csv.read_text(encoding="utf-8-sig")
    assert "TEST-NERGENS" in rejected_csv.read_text(encoding="utf-8-sig")

    text = _run(["projects", "import", str(source), "--dry-run", "--lang", "nl"], env)
    lines = text.stdout.splitlines()
    assert lines[0] == ("keep-export.xlsx: 7 rijen: 5 geaccepteerd, 1 buiten het gebied, "
                        "1 afgewezen")
    assert "  Partners: 1 rij(en), bijv. 6" in lines
    assert "Buiten het gebied (1)" in lines
    assert lines[-1] == "imported: 0 (dry run)"

    # Outside rows never block an import; the rejected one does, until --partial.
    partial = _run(["projects", "import", str(source), "--partial", "--include-outside",
                    "--json"], env)
    assert partial.returncode == 0, partial.stderr
    imported = json.loads(partial.stdout)
    assert imported["created"] == 5  # the Czech and Polish project has no point on the map
    assert [o["row"] for o in imported["outside_area"]] == [3]


def test_hash_password_with_a_name_prints_an_editors_line(monkeypatch, capsys):
    import tomllib

    from gros import cli
    from gros.auth import check_editor, editor_hashes

    monkeypatch.setattr("getpass.getpass", lambda prompt="": "anna's password")
    assert cli.main(["hash-password", "--name", "anna"]) == 0
    secrets = tomllib.loads(capsys.readouterr().out)
    hashes = editor_hashes(secrets.get("editor"), secrets.get("editors"))
    assert list(hashes) == ["anna"]
    assert check_editor("anna", "anna's password", hashes)


def test_agenda_list_json_has_actions_obstacles_and_bodies(tmp_path):
    done = _run(["agenda", "list", "--json"], {"GROS_CACHE_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    listing = json.loads(done.stdout)
    assert {"nrw-gla2021-safety", "nds-sa2021-mobility", "vl-gg2021-homework"} <= {
        item["id"] for item in listing["actions"]}
    safety = next(a for a in listing["actions"] if a["id"] == "nrw-gla2021-safety")
    assert safety == {"id": "nrw-gla2021-safety", "partner": "DEA", "title": "Veiligheid",
                      "theme": ["safety"], "status": "open", "status_date": "2020-12-03",
                      "source": safety["source"]}
    assert safety["source"].startswith("https://")
    assert all(o["borders"] and o["source"] for o in listing["obstacles"])
    linieland = next(b for b in listing["bodies"] if b["id"] == "egts-linieland")
    assert linieland["kind"] == "egtc" and linieland["lat"] == 51.217
