"""Figures in NUTS 2024: the 2021/2024 code change, Euregio sums, the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from gros import eurostat, stat_text
from gros.indicators import Member, Statistics, area_profile, region_json
from gros.nuts_history import NutsHistory
from tests.conftest import REPO

# NUTS 2024 regions, and the NUTS 2021 codes that became them (Eurostat's real cases).
CURRENT = ("NL415", "NL416", "NL361", "NL423", "BE328", "DEA2D")
OLD = (("NL412", "NL415", "boundary shift"), ("NL413", "NL416 NL415", "boundary shift"),
       ("NL332", "NL361", "recoded"), ("BE324", "BE328", "merged"),
       ("BE327", "BE328", "merged"))


def _history() -> NutsHistory:
    """A correspondence table of the codes above, as geodata/nuts3_history.csv has them."""
    def row(code, year, nuts2024, kind):
        return {"code": code, "nuts_year": str(year), "level": "3", "country": code[:2],
                "name": f"Region {code}", "nuts2024": nuts2024, "kind": kind, "change": "",
                "explanation": "", "source": "NUTS2021-NUTS2024.xlsx"}
    return NutsHistory.from_rows([row(c, 2024, c, "current") for c in CURRENT]
                                 + [row(c, 2021, n, k) for c, n, k in OLD])


def _table(dataset: str, header: str, *rows: str) -> eurostat.Table:
    text = "\r\n".join((header, *rows)) + "\r\n"
    return eurostat.Table(dataset, eurostat.parse_tsv(text, eurostat.DATASETS[dataset], "t"),
                          "test", "")


# Population under 2021 codes until 2023 and 2024 codes from 2024, as Eurostat publishes it.
POP = _table("demo_r_pjanaggr3", "freq,unit,sex,age,geo\\TIME_PERIOD\t2023 \t2024 \t2025 ",
             "A,NR,T,TOTAL,NL412\t503798 \t: \t: ",
             "A,NR,T,TOTAL,NL413\t672514 \t: \t: ",
             "A,NR,T,TOTAL,NL415\t: \t507474 \t511970 ",
             "A,NR,T,TOTAL,NL416\t: \t676914 \t681831 ",
             "A,NR,T,TOTAL,NL332\t560000 \t: \t: ",
             "A,NR,T,TOTAL,NL361\t: \t917558 \t923493 ",
             "A,NR,T,TOTAL,NL423\t597652 \t600290 \t600149 ",
             "A,NR,T,TOTAL,BE324\t77000 \t: \t: ",
             "A,NR,T,TOTAL,BE327\t148000 p\t: \t: ",
             "A,NR,T,TOTAL,BE328\t: \t227739 \t228420 ",
             "A,NR,T,TOTAL,DEA2D\t560000 \t562000 \t: ")
AREA = _table("reg_area3", "freq,landuse,unit,geo\\TIME_PERIOD\t2024 \t2025 ",
              *(f"A,TOTAL,KM2,{code}\t100 \t100 p" for code in CURRENT))
# GDP exists only under NUTS 2021 codes (the mirror's nama_10r_3gdp).
GDP = _table("nama_10r_3gdp", "freq,unit,geo\\TIME_PERIOD\t2023 \t2024 ",
             "A,MIO_EUR,NL412\t19145.82 p\t: ", "A,MIO_EUR,NL413\t30351.35 p\t: ",
             "A,MIO_EUR,NL332\t40021.36 p\t: ", "A,MIO_EUR,NL423\t24213.74 p\t: ",
             "A,MIO_EUR,DEA2D\t20000 e\t: ", "A,EUR_HAB,NL423\t40600 p\t: ",
             "A,MIO_PPS_EU27_2020,NL423\t20000 \t: ", "A,PPS_EU27_2020_HAB,NL423\t34900 p\t: ")


@pytest.fixture
def stats() -> Statistics:
    return Statistics({"demo_r_pjanaggr3": POP, "reg_area3": AREA, "nama_10r_3gdp": GDP},
                      _history())


def test_a_current_code_keeps_its_own_series(stats):
    assert stats.figure("population", "NL423", 2023).value == 597652
    assert stats.latest("population", "NL423").year == 2025


def test_a_redrawn_region_has_no_comparable_figure_before_2024_and_says_which_codes(stats):
    figure = stats.figure("population", "NL415", 2023)
    assert figure.value is None
    assert figure.redrawn == ("NL415",) and figure.codes == ("NL412", "NL413")
    assert "no comparable figure" in figure.note
    assert stats.figure("population", "NL415", 2024).value == 507474
    gdp = stats.latest("gdp_mio_eur", "NL416")
    assert gdp.value is None and gdp.codes == ("NL413",)
    assert stat_text.note_text(gdp, "de").startswith("keine vergleichbare Angabe: NL416")


def test_a_recoded_region_takes_its_old_code_s_figure(stats):
    assert stats.figure("population", "NL361", 2023).value == 560000
    gdp = stats.latest("gdp_mio_eur", "NL361")
    assert (gdp.value, gdp.year, gdp.flags, gdp.codes) == (40021.36, 2023, "p", ("NL332",))


def test_merged_regions_are_summed_with_their_flags(stats):
    merged = stats.figure("population", "BE328", 2023)
    assert (merged.value, merged.flags) == (77000 + 148000, "p")


def test_density_is_derived_from_population_and_area_of_one_year(stats):
    density = stats.figure("density", "NL423", 2025)
    assert density.value == pytest.approx(6001.49) and density.flags == "p"


def test_an_area_sums_its_regions_in_the_newest_complete_year(stats):
    profile = area_profile(stats, [Member("NL423", "NL"), Member("DEA2D", "DE", partial=True)])
    # 2025 lacks DEA2D: the newest year every region has is 2024.
    assert (profile.total["population"].value, profile.total["population"].year) == (
        600290 + 562000, 2024)
    assert profile.parts["NL"]["population"].value == 600149
    assert profile.total["gdp_mio_eur"].value == pytest.approx(44213.74)
    assert profile.total["gdp_mio_eur"].flags == "ep"
    per_head = profile.total["gdp_eur_per_head"]
    assert per_head.value == pytest.approx(44213.74e6 / (597652 + 560000))
    assert "DEA2D lie only partly" in profile.method
    assert profile.population[2023].value == 597652 + 560000


def test_an_area_with_a_redrawn_region_has_no_comparable_sum(stats):
    profile = area_profile(stats, [Member("NL423", "NL"), Member("NL416", "NL")])
    gdp = profile.total["gdp_mio_eur"]
    assert gdp.value is None and gdp.redrawn == ("NL416",) and "NL413" in gdp.note
    assert profile.total["population"].value == 600149 + 681831


def test_texts_carry_year_and_flags_in_the_reader_s_language(stats):
    figure = stats.latest("gdp_eur_per_head", "NL423")
    assert stat_text.figure_text(figure, "gdp_eur_per_head", "nl") == (
        "40.600 euro per inwoner (2023, voorlopig)")
    assert stat_text.figure_text(stats.latest("population", "NL423"), "population", "fr") == (
        "600\u202f149 habitants (2025)")
    assert stat_text.value_text(stats.latest("population", "NL423"), "population",
                                "en") == "600,149"


def test_an_old_code_is_refused_with_its_successor(stats):
    with pytest.raises(ValueError, match="its area lies in NL415"):
        region_json(stats, "NL412")


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gros", *args], cwd=REPO, capture_output=True,
                          text=True, env={**os.environ, **env}, timeout=120)


@pytest.fixture(scope="module")
def stats_env(eurostat_mirror_url, tmp_path_factory) -> dict[str, str]:
    """The Eurostat mirror, fetched once into a cache of its own."""
    env = {"GROS_EUROSTAT_URL": eurostat_mirror_url,
           "GROS_CACHE_DIR": str(tmp_path_factory.mktemp("stats-cache"))}
    fetched = _run(["stats", "fetch"], env)
    assert fetched.returncode == 0, fetched.stderr
    return env


def test_stats_region_gives_the_2025_population_on_the_mirror(stats_env):
    done = _run(["stats", "region", "NL423", "--json"], stats_env)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["nuts_id"] == "NL423" and report["name"] == "Zuid-Limburg"
    assert report["indicators"]["population"] == {"value": 600149.0, "year": 2025,
                                                  "flags": "", "unit": "persons"}
    assert set(report["indicators"]) >= {"population", "area_km2", "density", "gdp_mio_eur",
                                         "gdp_eur_per_head"}
    assert report["indicators"]["gdp_eur_per_head"]["flags"] == "p"


def test_stats_euregio_sums_its_members_and_names_its_method(stats_env):
    done = _run(["stats", "euregio", "maas-rijn", "--json"], stats_env)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert len(report["members"]) == 13
    parts = report["parts"]
    assert set(parts) == {"NL", "BE", "DE"}
    total = report["indicators"]["population"]
    assert total["year"] == 2025
    assert total["value"] == sum(parts[c]["population"]["value"] for c in parts)
    assert parts["NL"]["population"]["value"] == 600149.0  # Zuid-Limburg alone
    assert "sum of the 13 NUTS-3 regions" in report["method"]
    text = _run(["stats", "euregio", "maas-rijn", "--lang", "nl"], stats_env)
    assert "3.969.276 inwoners (2025)" in text.stdout and "Source: Eurostat" in text.stdout


def test_stats_without_the_datasets_is_one_clear_error(tmp_path):
    env = {"GROS_EUROSTAT_URL": (tmp_path / "nowhere").as_uri(),
           "GROS_CACHE_DIR": str(tmp_path / "cache")}
    done = _run(["stats", "region", "NL423"], env)
    assert done.returncode == 1
    assert done.stderr.startswith("error: The Eurostat dataset") and "stats fetch" in done.stderr
