"""Facts of the curated projects that sources corrected, and how exact their geometry is.

Each check names what a public source says (see the row's ``sources`` and geodata/README.md);
a row edited back to the old value fails here.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from gros.projects import PRECISIONS
from gros.seed import read_seed_projects, read_stations

# Amounts a source gives only rounded; geodata/README.md: such a figure is quoted in the
# description and the number field stays empty.
ROUNDED = {
    ("health4de-nl", "budget_eur"): "EUR 3.2 million",
    ("oncocare", "eu_contribution_eur"): "EUR 5 million",
    ("lerende-euregio-scheldemond", "eu_contribution_eur"): "EUR 1.38 million",
    ("cef-heerlen-aachen", "eu_contribution_eur"): "EUR 28 million",
}


@pytest.fixture(scope="module")
def by_id():
    return {p.id: p for p in read_seed_projects()}


def test_the_s43_ended_when_the_three_country_train_took_over(by_id):
    s43, train = by_id["rail-liege-maastricht"], by_id["rail-liege-maastricht-aachen"]
    assert (s43.status, s43.end) == ("completed", "2024-06")
    assert (train.status, train.start) == ("ongoing", "2024-06-30")
    # One current service draws Liège–Maastricht, not two.
    current = [p.id for p in by_id.values() if p.status != "completed"
               and {"Liège-Guillemins", "Maastricht"} <= set(p.stations)]
    assert current == ["rail-liege-maastricht-aachen"]


def test_the_re13_to_eindhoven_is_delayed_without_a_new_date(by_id):
    project = by_id["rail-eindhoven-venlo-duesseldorf"]
    assert project.status == "planned" and project.start is None
    assert any("omroepbrabant.nl" in s for s in project.sources)
    assert any("lippewelle.de" in s for s in project.sources)


@pytest.mark.parametrize(("key", "quoted"), ROUNDED.items())
def test_rounded_amounts_are_in_the_description_not_the_number(by_id, key, quoted):
    project_id, column = key
    project = by_id[project_id]
    assert getattr(project, column) is None
    assert quoted in project.description


def test_groot_saeftinghe_vi_has_its_published_exact_amounts(by_id):
    project = by_id["grenspark-groot-saeftinghe-interreg-vi"]
    assert project.budget_eur == 11_263_861
    assert project.eu_contribution_eur == pytest.approx(5_499_017.40)
    assert any("sigmaplan.be" in s for s in project.sources)


def test_the_maastricht_aachen_service_and_its_track_grant_are_apart(by_id):
    service, grant = by_id["rail-maastricht-aachen"], by_id["cef-heerlen-aachen"]
    assert service.lead_partner.name == "Arriva Nederland"
    assert service.programme is None and service.eu_contribution_eur is None
    assert grant.programme == "Connecting Europe Facility (CEF)"
    assert {p.name for p in grant.partners} == {"Provincie Limburg",
                                               "Nahverkehr Rheinland (NVR)"}
    assert not set(service.sources) & set(grant.sources)
    assert set(grant.stations) == {"Heerlen", "Herzogenrath", "Aachen Hbf"}


def test_groot_saeftinghe_2016_ran_to_2020_as_hulst_and_linieland_say(by_id):
    project = by_id["grenspark-groot-saeftinghe-2016"]
    assert (project.start, project.end) == ("2016-04-01", "2020")
    assert any("gemeentehulst.nl" in s for s in project.sources)
    assert any("egtslinieland.eu" in s for s in project.sources)
    assert "31 March 2019" in project.description  # the contradicted date, and why


def test_curated_lines_are_schematic_and_nothing_else_is(by_id):
    assert "schematic" in PRECISIONS
    for project in by_id.values():
        if project.geometry_type == "line":
            assert project.precision == "schematic", project.id
        else:
            assert project.precision != "schematic", project.id
    assert all(by_id[p].precision == "schematic" for p in by_id if by_id[p].stations)



def test_stations_name_the_original_page_and_keep_the_copy_they_were_read_on():
    stations = read_stations().values()
    copies = [s for s in stations if s.copy]
    assert len(copies) >= 20
    copy_hosts = {urlsplit(s.copy).hostname for s in copies}
    for station in copies:
        assert urlsplit(station.source).hostname.endswith(".wikipedia.org"), station.name
        assert not urlsplit(station.copy).hostname.endswith(".wikipedia.org"), station.name
    for station in stations:
        host = urlsplit(station.source).hostname
        assert not host.endswith("."), station.name  # one spelling of each host
        assert host not in copy_hosts, (station.name, station.source)

