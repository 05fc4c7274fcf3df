"""The project form of the Data page as data: what it shows for a project, and the
project its filled-in values make."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gros.projects import Project, location_from_text, project_from_record


def _amount(value: float | None) -> str:
    """An amount as plain digits (``28000000``, ``1250.5``), never in exponent form."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if value is not None else ""


def form_values(project: Project | None) -> dict[str, Any]:
    """The form's values for ``project`` (empty for a new one): text for text fields,
    lists for multiple choices; a point as latitude and longitude, another shape as WKT."""
    if project is None:
        return {"id": "", "title": "", "description": "", "themes": [], "status": "",
                "start": "", "end": "", "programme": "", "budget_eur": "",
                "eu_contribution_eur": "", "lead_name": "", "lead_country": "",
                "partners": "", "countries": [], "precision": None, "sources": "",
                "lat": "", "lon": "", "wkt": ""}
    lead = project.lead_partner
    point = project.geometry_type == "point"
    return {
        "id": project.id, "title": project.title, "description": project.description,
        "themes": list(project.themes), "status": project.status or "",
        "start": project.start or "", "end": project.end or "",
        "programme": project.programme or "", "budget_eur": _amount(project.budget_eur),
        "eu_contribution_eur": _amount(project.eu_contribution_eur),
        "lead_name": lead.name if lead else "", "lead_country": (lead.country or "") if lead
        else "",
        "partners": "; ".join(p.label() for p in project.partners),
        "countries": list(project.countries), "precision": project.precision,
        "sources": "\n".join(project.sources),
        "lat": f"{project.geometry.y:.6f}" if point else "",
        "lon": f"{project.geometry.x:.6f}" if point else "",
        "wkt": "" if point else project.geometry.wkt,
    }


def project_from_form(values: Mapping[str, Any], existing: Project | None) -> Project:
    """The project the form's ``values`` describe; an edit keeps the id, the titles in
    other languages and the stations of ``existing``, which the form does not show.

    Raises
    ------
    gros.projects.ProjectInvalid
        With every refused field.
    ValueError
        If the location cannot be read (showing what was typed).
    """
    record = {name: values[name] for name in (
        "id", "title", "description", "themes", "status", "start", "end", "programme",
        "budget_eur", "eu_contribution_eur", "partners", "countries", "precision", "sources")}
    record["lead_partner"] = ({"name": values["lead_name"], "country": values["lead_country"]}
                              if values["lead_name"] else None)
    if existing is not None:
        record["id"] = existing.id
        record.update({f"title_{code}": text for code, text in existing.titles.items()})
        record["stations"] = list(existing.stations)
    geometry = location_from_text(values["lat"], values["lon"], values["wkt"])
    return project_from_record(record, geometry)
