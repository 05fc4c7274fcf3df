"""Every user-interface string, in Dutch (default), German, French and English."""

from __future__ import annotations

LANGUAGES = ("nl", "de", "fr", "en")
DEFAULT_LANGUAGE = "nl"
LANGUAGE_NAMES = {"nl": "Nederlands", "de": "Deutsch", "fr": "Français", "en": "English"}

STRINGS: dict[str, dict[str, str]] = {
    "app.title": {
        "nl": "GROS-dashboard",
        "de": "GROS-Dashboard",
        "fr": "Tableau de bord GROS",
        "en": "GROS dashboard",
    },
    "app.subtitle": {
        "nl": "Grensoverschrijdende samenwerking Nederland – Duitsland – België",
        "de": "Grenzüberschreitende Zusammenarbeit Niederlande – Deutschland – Belgien",
        "fr": "Coopération transfrontalière Pays-Bas – Allemagne – Belgique",
        "en": "Cross-border cooperation Netherlands – Germany – Belgium",
    },
    "nav.map": {"nl": "Kaart", "de": "Karte", "fr": "Carte", "en": "Map"},
    "nav.about": {"nl": "Over", "de": "Über", "fr": "À propos", "en": "About"},
    "sidebar.language": {"nl": "Taal", "de": "Sprache", "fr": "Langue", "en": "Language"},
    "sidebar.basemap": {
        "nl": "Achtergrondkaart", "de": "Hintergrundkarte", "fr": "Fond de carte",
        "en": "Basemap",
    },
    "basemap.light": {"nl": "Licht", "de": "Hell", "fr": "Clair", "en": "Light"},
    "basemap.osm": {
        "nl": "OpenStreetMap", "de": "OpenStreetMap", "fr": "OpenStreetMap",
        "en": "OpenStreetMap",
    },
    "basemap.none": {
        "nl": "Geen (werkt offline)", "de": "Keine (funktioniert offline)",
        "fr": "Aucun (fonctionne hors ligne)", "en": "None (works offline)",
    },
    "layers": {"nl": "Kaartlagen", "de": "Kartenebenen", "fr": "Couches", "en": "Layers"},
    "layer.countries": {"nl": "Landen", "de": "Länder", "fr": "Pays", "en": "Countries"},
    "layer.provinces": {
        "nl": "Grensprovincies", "de": "Grenzprovinzen und -länder",
        "fr": "Provinces frontalières", "en": "Border provinces",
    },
    "layer.euregios": {"nl": "Euregio's", "de": "Euregios", "fr": "Eurégions", "en": "Euregios"},
    "layer.projects": {"nl": "Projecten", "de": "Projekte", "fr": "Projets", "en": "Projects"},
    "tooltip.name": {"nl": "Euregio", "de": "Euregio", "fr": "Eurégion", "en": "Euregio"},
    "tooltip.members": {
        "nl": "NUTS-3-regio's", "de": "NUTS-3-Regionen", "fr": "Régions NUTS 3",
        "en": "NUTS-3 regions",
    },
    "tooltip.seat": {"nl": "Zetel", "de": "Sitz", "fr": "Siège", "en": "Seat"},
    "boundaries.loading": {
        "nl": "Officiële grenzen downloaden van Eurostat GISCO…",
        "de": "Amtliche Grenzen werden von Eurostat GISCO geladen…",
        "fr": "Téléchargement des limites officielles depuis Eurostat GISCO…",
        "en": "Downloading official boundaries from Eurostat GISCO…",
    },
    "boundaries.loaded": {
        "nl": "Grenzen opgeslagen", "de": "Grenzen gespeichert", "fr": "Limites enregistrées",
        "en": "Boundaries cached",
    },
    "boundaries.unavailable": {
        "nl": "De kaart kan niet worden getekend: de grenzen zijn niet beschikbaar.",
        "de": "Die Karte kann nicht gezeichnet werden: die Grenzen sind nicht verfügbar.",
        "fr": "La carte ne peut pas être affichée : les limites ne sont pas disponibles.",
        "en": "The map cannot be drawn: the boundaries are not available.",
    },
    "approximation": {
        "nl": "Euregio's bestaan uit gemeenten; de kaart tekent ze als de NUTS-3-regio's waarin "
              "hun leden liggen. Waar maar een deel van een NUTS-3-regio lid is, valt de omtrek "
              "ruimer uit dan de Euregio zelf.",
        "de": "Euregios bestehen aus Gemeinden; die Karte zeichnet sie als die NUTS-3-Regionen, "
              "in denen ihre Mitglieder liegen. Ist nur ein Teil einer NUTS-3-Region Mitglied, "
              "ist der Umriss größer als die Euregio selbst.",
        "fr": "Les eurégions sont composées de communes ; la carte les dessine comme les régions "
              "NUTS 3 où se trouvent leurs membres. Lorsqu'une région NUTS 3 n'est membre qu'en "
              "partie, le contour dépasse l'eurégion elle-même.",
        "en": "Euregios are made of municipalities; the map draws them as the NUTS-3 regions "
              "their members lie in. Where only part of a NUTS-3 region is a member, the outline "
              "is larger than the Euregio itself.",
    },
    "about.title": {"nl": "Over dit dashboard", "de": "Über dieses Dashboard",
                    "fr": "À propos de ce tableau de bord", "en": "About this dashboard"},
    "about.sources": {"nl": "Bronnen", "de": "Quellen", "fr": "Sources", "en": "Sources"},
    "about.boundaries": {
        "nl": "Administratieve grenzen: Eurostat GISCO, NUTS {year} ({scale}), opgehaald {fetched} "
              "van {url}.",
        "de": "Verwaltungsgrenzen: Eurostat GISCO, NUTS {year} ({scale}), abgerufen {fetched} "
              "von {url}.",
        "fr": "Limites administratives : Eurostat GISCO, NUTS {year} ({scale}), récupérées le "
              "{fetched} depuis {url}.",
        "en": "Administrative boundaries: Eurostat GISCO, NUTS {year} ({scale}), fetched "
              "{fetched} from {url}.",
    },
    "about.euregios": {
        "nl": "Euregio-lidmaatschappen (NUTS {year}): samengesteld uit de openbare bronnen per "
              "Euregio hieronder.",
        "de": "Euregio-Mitgliedschaften (NUTS {year}): zusammengestellt aus den unten je Euregio "
              "genannten öffentlichen Quellen.",
        "fr": "Adhésions aux eurégions (NUTS {year}) : compilées à partir des sources publiques "
              "citées ci-dessous pour chaque eurégion.",
        "en": "Euregio memberships (NUTS {year}): compiled from the public sources listed below "
              "for each Euregio.",
    },
    "about.partial": {
        "nl": "Gedeeltelijk lid", "de": "Teilweise Mitglied", "fr": "Membre en partie",
        "en": "Partly a member",
    },
    "column.euregio": {"nl": "Euregio", "de": "Euregio", "fr": "Eurégion", "en": "Euregio"},
    "column.seat": {"nl": "Zetel", "de": "Sitz", "fr": "Siège", "en": "Seat"},
    "column.founded": {"nl": "Opgericht", "de": "Gegründet", "fr": "Fondée", "en": "Founded"},
    "column.area": {"nl": "Oppervlakte (km²)", "de": "Fläche (km²)", "fr": "Superficie (km²)",
                    "en": "Area (km²)"},
    "column.countries": {"nl": "Landen", "de": "Länder", "fr": "Pays", "en": "Countries"},
    "column.source": {"nl": "Bron", "de": "Quelle", "fr": "Source", "en": "Source"},
    "column.website": {"nl": "Website", "de": "Website", "fr": "Site web", "en": "Website"},
    "column.nuts3": {"nl": "NUTS-3-regio's", "de": "NUTS-3-Regionen", "fr": "Régions NUTS 3",
                     "en": "NUTS-3 regions"},
}


def t(key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The string ``key`` in ``language`` (Dutch when unknown), formatted with ``values``.

    Raises
    ------
    KeyError
        For an unknown key, naming it.
    """
    if key not in STRINGS:
        raise KeyError(f"no UI string {key!r}")
    variants = STRINGS[key]
    text = variants.get(language) or variants[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def parse_language(value: str | None) -> str:
    """A supported language code from ``value`` (e.g. a URL parameter), else Dutch."""
    value = (value or "").strip().lower()
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
