"""The dashboard's languages — Dutch (default), German, French, English — and every
user-interface string in each."""

from __future__ import annotations

LANGUAGES = ("nl", "de", "fr", "en")
DEFAULT_LANGUAGE = "nl"
LANGUAGE_NAMES = {"nl": "Nederlands", "de": "Deutsch", "fr": "Français", "en": "English"}
# Between groups of three digits in an amount (French: a narrow no-break space).
THOUSANDS_SEPARATORS = {"nl": ".", "de": ".", "fr": "\u202f", "en": ","}


def _s(nl: str, de: str, fr: str, en: str) -> dict[str, str]:
    """One string in every language, in the order of :data:`LANGUAGES`."""
    return dict(zip(LANGUAGES, (nl, de, fr, en), strict=True))


STRINGS: dict[str, dict[str, str]] = {
    "app.title": _s("GROS-dashboard", "GROS-Dashboard", "Tableau de bord GROS", "GROS dashboard"),
    "app.subtitle": _s("Grensoverschrijdende samenwerking Nederland – Duitsland – België",
                       "Grenzüberschreitende Zusammenarbeit Niederlande – Deutschland – Belgien",
                       "Coopération transfrontalière Pays-Bas – Allemagne – Belgique",
                       "Cross-border cooperation Netherlands – Germany – Belgium"),
    "nav.map": _s("Kaart", "Karte", "Carte", "Map"),
    "nav.about": _s("Over", "Über", "À propos", "About"),
    "sidebar.language": _s("Taal", "Sprache", "Langue", "Language"),
    "sidebar.basemap": _s("Achtergrondkaart", "Hintergrundkarte", "Fond de carte", "Basemap"),
    "basemap.light": _s("Licht", "Hell", "Clair", "Light"),
    "basemap.osm": _s("OpenStreetMap", "OpenStreetMap", "OpenStreetMap", "OpenStreetMap"),
    "basemap.none": _s("Geen (werkt offline)", "Keine (funktioniert offline)",
                       "Aucun (fonctionne hors ligne)", "None (works offline)"),
    "layers": _s("Kaartlagen", "Kartenebenen", "Couches", "Layers"),
    "layer.countries": _s("Landen", "Länder", "Pays", "Countries"),
    "layer.provinces": _s("Grensprovincies", "Grenzprovinzen und -länder", "Provinces frontalières",
                          "Border provinces"),
    "layer.euregios": _s("Euregio's", "Euregios", "Eurégions", "Euregios"),
    "layer.projects": _s("Projecten", "Projekte", "Projets", "Projects"),
    "tooltip.name": _s("Euregio", "Euregio", "Eurégion", "Euregio"),
    "tooltip.members": _s("NUTS-3-regio's", "NUTS-3-Regionen", "Régions NUTS 3", "NUTS-3 regions"),
    "tooltip.seat": _s("Zetel", "Sitz", "Siège", "Seat"),
    "boundaries.loading": _s("Officiële grenzen downloaden van Eurostat GISCO…",
                             "Amtliche Grenzen werden von Eurostat GISCO geladen…",
                             "Téléchargement des limites officielles depuis Eurostat GISCO…",
                             "Downloading official boundaries from Eurostat GISCO…"),
    "boundaries.loaded": _s("Grenzen opgeslagen", "Grenzen gespeichert", "Limites enregistrées",
                            "Boundaries cached"),
    "boundaries.unavailable": _s(
        "De kaart kan niet worden getekend: de grenzen zijn niet beschikbaar.",
        "Die Karte kann nicht gezeichnet werden: die Grenzen sind nicht verfügbar.",
        "La carte ne peut pas être affichée : les limites ne sont pas disponibles.",
        "The map cannot be drawn: the boundaries are not available."),
    "approximation": _s(
        "Euregio's bestaan uit gemeenten; de kaart tekent ze als de NUTS-3-regio's waarin hun "
        "leden liggen. Waar maar een deel van een NUTS-3-regio lid is, valt de omtrek ruimer uit "
        "dan de Euregio zelf.",
        "Euregios bestehen aus Gemeinden; die Karte zeichnet sie als die NUTS-3-Regionen, in "
        "denen ihre Mitglieder liegen. Ist nur ein Teil einer NUTS-3-Region Mitglied, ist der "
        "Umriss größer als die Euregio selbst.",
        "Les eurégions sont composées de communes ; la carte les dessine comme les régions NUTS "
        "3 où se trouvent leurs membres. Lorsqu'une région NUTS 3 n'est membre qu'en partie, le "
        "contour dépasse l'eurégion elle-même.",
        "Euregios are made of municipalities; the map draws them as the NUTS-3 regions their "
        "members lie in. Where only part of a NUTS-3 region is a member, the outline is larger "
        "than the Euregio itself."),
    "about.title": _s("Over dit dashboard", "Über dieses Dashboard",
                      "À propos de ce tableau de bord", "About this dashboard"),
    "about.sources": _s("Bronnen", "Quellen", "Sources", "Sources"),
    "about.boundaries": _s("Administratieve grenzen: Eurostat GISCO, NUTS {year} ({scale}), "
                           "opgehaald {fetched} van {url}.",
                           "Verwaltungsgrenzen: Eurostat GISCO, NUTS {year} ({scale}), abgerufen "
                           "{fetched} von {url}.",
                           "Limites administratives : Eurostat GISCO, NUTS {year} ({scale}), "
                           "récupérées le {fetched} depuis {url}.",
                           "Administrative boundaries: Eurostat GISCO, NUTS {year} ({scale}), "
                           "fetched {fetched} from {url}."),
    "about.euregios": _s("Euregio-lidmaatschappen (NUTS {year}): samengesteld uit de openbare "
                         "bronnen per Euregio hieronder.",
                         "Euregio-Mitgliedschaften (NUTS {year}): zusammengestellt aus den unten "
                         "je Euregio genannten öffentlichen Quellen.",
                         "Adhésions aux eurégions (NUTS {year}) : compilées à partir des sources "
                         "publiques citées ci-dessous pour chaque eurégion.",
                         "Euregio memberships (NUTS {year}): compiled from the public sources "
                         "listed below for each Euregio."),
    "about.partial": _s("Gedeeltelijk lid", "Teilweise Mitglied", "Membre en partie",
                        "Partly a member"),
    "column.euregio": _s("Euregio", "Euregio", "Eurégion", "Euregio"),
    "column.seat": _s("Zetel", "Sitz", "Siège", "Seat"),
    "column.founded": _s("Opgericht", "Gegründet", "Fondée", "Founded"),
    "column.area": _s("Oppervlakte (km²)", "Fläche (km²)", "Superficie (km²)", "Area (km²)"),
    "column.countries": _s("Landen", "Länder", "Pays", "Countries"),
    "column.source": _s("Bron", "Quelle", "Source", "Source"),
    "column.website": _s("Website", "Website", "Site web", "Website"),
    "column.nuts3": _s("NUTS-3-regio's", "NUTS-3-Regionen", "Régions NUTS 3", "NUTS-3 regions"),
    "nav.projects": _s("Projecten", "Projekte", "Projets", "Projects"),
    "nav.euregios": _s("Euregio's", "Euregios", "Eurégions", "Euregios"),
    "nav.themes": _s("Thema's", "Themen", "Thèmes", "Themes"),
    "nav.data": _s("Gegevens", "Daten", "Données", "Data"),
    "filters": _s("Filters", "Filter", "Filtres", "Filters"),
    "filter.query": _s("Zoeken in titel, beschrijving en partners",
                       "Suche in Titel, Beschreibung und Partnern",
                       "Rechercher dans titre, description et partenaires",
                       "Search title, description and partners"),
    "filter.themes": _s("Thema", "Thema", "Thème", "Theme"),
    "filter.countries": _s("Land", "Land", "Pays", "Country"),
    "filter.euregios": _s("Euregio", "Euregio", "Eurégion", "Euregio"),
    "filter.provinces": _s("Grensprovincie", "Grenzprovinz / Land", "Province frontalière",
                           "Border province"),
    "filter.statuses": _s("Status", "Status", "Statut", "Status"),
    "filter.programmes": _s("Programma of financiering", "Programm oder Förderung",
                            "Programme ou financement", "Programme or funding"),
    "filter.years": _s("Periode", "Zeitraum", "Période", "Period"),
    "filter.budget": _s("Budget (mln €)", "Budget (Mio. €)", "Budget (M€)", "Budget (€ million)"),
    "filter.budget.help": _s("Projecten zonder bekend budget vallen weg zodra u dit filter "
                             "gebruikt.",
                             "Projekte ohne bekanntes Budget entfallen, sobald Sie diesen "
                             "Filter nutzen.",
                             "Les projets sans budget connu disparaissent dès que ce filtre est "
                             "utilisé.",
                             "Projects without a known budget drop out once you use this "
                             "filter."),
    "filter.reset": _s("Filters wissen", "Filter zurücksetzen", "Réinitialiser les filtres",
                       "Reset filters"),
    "filter.count": _s("{shown} van {total} projecten", "{shown} von {total} Projekten",
                       "{shown} projets sur {total}", "{shown} of {total} projects"),
    "filter.ignored": _s("Deze delen van de link zijn niet herkend en genegeerd: {parts}",
                         "Diese Teile des Links wurden nicht erkannt und ignoriert: {parts}",
                         "Ces parties du lien n'ont pas été reconnues et sont ignorées : "
                         "{parts}",
                         "These parts of the link were not recognised and are ignored: "
                         "{parts}"),
    "country.NL": _s("Nederland", "Niederlande", "Pays-Bas", "Netherlands"),
    "country.BE": _s("België", "Belgien", "Belgique", "Belgium"),
    "country.DE": _s("Duitsland", "Deutschland", "Allemagne", "Germany"),
    "status.planned": _s("Gepland", "Geplant", "Prévu", "Planned"),
    "status.ongoing": _s("Lopend", "Laufend", "En cours", "Ongoing"),
    "status.completed": _s("Afgerond", "Abgeschlossen", "Terminé", "Completed"),
    "precision.exact": _s("Exacte locatie", "Genauer Ort", "Lieu exact", "Exact location"),
    "precision.municipality": _s("Op gemeenteniveau", "Auf Gemeindeebene",
                                 "Au niveau communal", "Municipality level"),
    "precision.nuts3": _s("Op NUTS-3-niveau", "Auf NUTS-3-Ebene", "Au niveau NUTS 3",
                          "NUTS-3 level"),
    "precision.nuts2": _s("Op NUTS-2-niveau", "Auf NUTS-2-Ebene", "Au niveau NUTS 2",
                          "NUTS-2 level"),
    "precision.nuts1": _s("Op NUTS-1-niveau", "Auf NUTS-1-Ebene", "Au niveau NUTS 1",
                          "NUTS-1 level"),
    "detail.status": _s("Status", "Status", "Statut", "Status"),
    "detail.period": _s("Periode", "Zeitraum", "Période", "Period"),
    "detail.programme": _s("Programma", "Programm", "Programme", "Programme"),
    "detail.budget": _s("Totaal budget", "Gesamtbudget", "Budget total", "Total budget"),
    "detail.eu": _s("EU-bijdrage", "EU-Förderung", "Contribution de l'UE", "EU contribution"),
    "detail.lead": _s("Penvoerder", "Lead-Partner", "Chef de file", "Lead partner"),
    "detail.partners": _s("Partners", "Partner", "Partenaires", "Partners"),
    "detail.countries": _s("Landen", "Länder", "Pays", "Countries"),
    "detail.euregios": _s("Euregio's", "Euregios", "Eurégions", "Euregios"),
    "detail.precision": _s("Locatie", "Lage", "Localisation", "Location"),
    "detail.sources": _s("Bronnen", "Quellen", "Sources", "Sources"),
    "detail.verified": _s("Laatst gecontroleerd: {date}", "Zuletzt geprüft: {date}",
                          "Dernière vérification : {date}", "Last verified: {date}"),
    "map.select": _s("Project", "Projekt", "Projet", "Project"),
    "map.select.help": _s("Klik op een project op de kaart of kies het hier.",
                          "Klicken Sie auf ein Projekt in der Karte oder wählen Sie es hier.",
                          "Cliquez sur un projet sur la carte ou choisissez-le ici.",
                          "Click a project on the map or choose it here."),
    "map.none": _s("Geen projecten voor deze filters.", "Keine Projekte für diese Filter.",
                   "Aucun projet pour ces filtres.", "No projects match these filters."),
    "map.too_many": _s(
        "{count} projecten: klik op een project op de kaart, of verfijn de filters tot "
        "hoogstens {most} om uit een lijst te kiezen.",
        "{count} Projekte: Klicken Sie auf ein Projekt in der Karte oder verfeinern Sie die "
        "Filter auf höchstens {most}, um aus einer Liste zu wählen.",
        "{count} projets : cliquez sur un projet sur la carte, ou affinez les filtres jusqu'à "
        "{most} au plus pour choisir dans une liste.",
        "{count} projects: click one on the map, or narrow the filters to at most {most} "
        "to pick from a list."),
    "map.projects_failed": _s("De projecten konden niet worden geladen; laad de pagina opnieuw.",
                              "Die Projekte konnten nicht geladen werden; laden Sie die Seite neu.",
                              "Les projets n'ont pas pu être chargés ; rechargez la page.",
                              "The projects could not be loaded; reload the page."),
    "map.euregio_profile": _s("Profiel van {name}", "Profil von {name}", "Profil de {name}",
                              "Profile of {name}"),
    "projects.title": _s("Projecten", "Projekte", "Projets", "Projects"),
    "projects.select": _s("Kies een rij voor de details.", "Wählen Sie eine Zeile für Details.",
                          "Choisissez une ligne pour les détails.", "Select a row for details."),
    "projects.export": _s("Gefilterde projecten downloaden", "Gefilterte Projekte herunterladen",
                          "Télécharger les projets filtrés", "Download the filtered projects"),
    "column.title": _s("Titel", "Titel", "Titre", "Title"),
    "column.themes": _s("Thema's", "Themen", "Thèmes", "Themes"),
    "column.status": _s("Status", "Status", "Statut", "Status"),
    "column.period": _s("Periode", "Zeitraum", "Période", "Period"),
    "column.programme": _s("Programma", "Programm", "Programme", "Programme"),
    "column.budget": _s("Budget (€)", "Budget (€)", "Budget (€)", "Budget (€)"),
    "column.eu": _s("EU-bijdrage (€)", "EU-Förderung (€)", "Contribution UE (€)",
                    "EU contribution (€)"),
    "column.lead": _s("Penvoerder", "Lead-Partner", "Chef de file", "Lead partner"),
    "column.projects": _s("Projecten", "Projekte", "Projets", "Projects"),
    "column.partial": _s("Gedeeltelijk", "Teilweise", "Partiel", "Partial"),
    "column.members": _s("Leden volgens de bron", "Mitglieder laut Quelle",
                         "Membres selon la source", "Members as the source lists them"),
    "column.region": _s("NUTS-3-regio", "NUTS-3-Region", "Région NUTS 3", "NUTS-3 region"),
    "column.euregios": _s("Euregio's", "Euregios", "Eurégions", "Euregios"),
    "euregio.choose": _s("Euregio", "Euregio", "Eurégion", "Euregio"),
    "euregio.area": _s("Oppervlakte op de kaart", "Fläche auf der Karte",
                       "Superficie sur la carte", "Area on the map"),
    "euregio.stated_area": _s("Opgegeven oppervlakte", "Angegebene Fläche",
                              "Superficie déclarée", "Stated area"),
    "euregio.members": _s("Leden (NUTS-3-regio's, NUTS {year})",
                          "Mitglieder (NUTS-3-Regionen, NUTS {year})",
                          "Membres (régions NUTS 3, NUTS {year})",
                          "Members (NUTS-3 regions, NUTS {year})"),
    "euregio.projects": _s("Projecten per thema", "Projekte nach Thema", "Projets par thème",
                           "Projects by theme"),
    "euregio.unknown": _s("onbekend", "unbekannt", "inconnu", "unknown"),
    "themes.overview": _s("Overzicht", "Übersicht", "Vue d'ensemble", "Overview"),
    "themes.choose": _s("Thema", "Thema", "Thème", "Theme"),
    "themes.budget_note": _s("Bedragen tellen alleen projecten met een bekend budget "
                             "({known} van {count}).",
                             "Beträge zählen nur Projekte mit bekanntem Budget "
                             "({known} von {count}).",
                             "Les montants ne comptent que les projets au budget connu "
                             "({known} sur {count}).",
                             "Amounts count only projects with a known budget "
                             "({known} of {count})."),
    "themes.by_euregio": _s("Projecten per Euregio", "Projekte je Euregio",
                            "Projets par eurégion", "Projects per Euregio"),
    "data.title": _s("Gegevens beheren", "Daten verwalten", "Gérer les données", "Manage data"),
    "data.locked": _s("Wijzigen staat uit: stel een redacteurswachtwoord in "
                      "(Streamlit-secrets, `[editor] password_hash`, te maken met "
                      "`python -m gros hash-password`) of een OpenID Connect-login "
                      "(`[auth]`). Bekijken kan altijd.",
                      "Ändern ist aus: legen Sie ein Redaktionspasswort fest "
                      "(Streamlit-Secrets, `[editor] password_hash`, erzeugt mit "
                      "`python -m gros hash-password`) oder eine OpenID-Connect-Anmeldung "
                      "(`[auth]`). Ansehen geht immer.",
                      "La modification est désactivée : configurez un mot de passe "
                      "d'éditeur (secrets Streamlit, `[editor] password_hash`, créé avec "
                      "`python -m gros hash-password`) ou une connexion OpenID Connect "
                      "(`[auth]`). La consultation reste libre.",
                      "Changing data is off: configure an editor password (Streamlit "
                      "secrets, `[editor] password_hash`, made with `python -m gros "
                      "hash-password`) or an OpenID Connect login (`[auth]`). Viewing "
                      "needs no login."),
    "data.password": _s("Redacteurswachtwoord", "Redaktionspasswort",
                        "Mot de passe d'éditeur", "Editor password"),
    "data.password.wrong": _s("Onjuist wachtwoord.", "Falsches Passwort.",
                              "Mot de passe incorrect.", "Wrong password."),
    "data.login": _s("Inloggen", "Anmelden", "Se connecter", "Log in"),
    "data.logout": _s("Uitloggen", "Abmelden", "Se déconnecter", "Log out"),
    "data.tab.import": _s("Bestand importeren", "Datei importieren", "Importer un fichier",
                          "Import a file"),
    "data.tab.edit": _s("Project toevoegen of bewerken", "Projekt hinzufügen oder bearbeiten",
                        "Ajouter ou modifier un projet", "Add or edit a project"),
    "data.tab.audit": _s("Wijzigingslog", "Änderungsprotokoll", "Journal des modifications",
                         "Audit trail"),
    "data.upload": _s("CSV, XLSX, GeoJSON of keep.eu-export (max. {mb} MB)",
                      "CSV, XLSX, GeoJSON oder keep.eu-Export (max. {mb} MB)",
                      "CSV, XLSX, GeoJSON ou export keep.eu (max. {mb} Mo)",
                      "CSV, XLSX, GeoJSON or keep.eu export (max. {mb} MB)"),
    "data.format": _s("Formaat", "Format", "Format", "Format"),
    "data.crs": _s("Coördinatenstelsel", "Koordinatensystem", "Système de coordonnées",
                   "Coordinate system"),
    "data.auto": _s("automatisch herkennen", "automatisch erkennen", "détection automatique",
                    "detect"),
    "data.rows": _s("Rijen", "Zeilen", "Lignes", "Rows"),
    "data.accepted": _s("Geaccepteerd", "Angenommen", "Acceptées", "Accepted"),
    "data.rejected": _s("Afgewezen", "Abgelehnt", "Rejetées", "Rejected"),
    "data.rejected.download": _s("Afgewezen rijen downloaden (CSV)",
                                 "Abgelehnte Zeilen herunterladen (CSV)",
                                 "Télécharger les lignes rejetées (CSV)",
                                 "Download the rejected rows (CSV)"),
    "data.partial": _s("Geaccepteerde rijen importeren, ook al zijn er afgewezen",
                       "Angenommene Zeilen importieren, obwohl es abgelehnte gibt",
                       "Importer les lignes acceptées malgré les rejets",
                       "Import the accepted rows even though some were rejected"),
    "data.confirm": _s("Importeren", "Importieren", "Importer", "Import"),
    "data.imported": _s("{created} nieuw, {updated} bijgewerkt, {unchanged} ongewijzigd.",
                        "{created} neu, {updated} aktualisiert, {unchanged} unverändert.",
                        "{created} nouveaux, {updated} mis à jour, {unchanged} inchangés.",
                        "{created} new, {updated} updated, {unchanged} unchanged."),
    "data.blocked": _s("Niets geïmporteerd: {count} rij(en) afgewezen. Verbeter ze of kies "
                       "hierboven voor gedeeltelijk importeren.",
                       "Nichts importiert: {count} Zeile(n) abgelehnt. Korrigieren Sie sie "
                       "oder wählen Sie oben den teilweisen Import.",
                       "Rien n'a été importé : {count} ligne(s) rejetée(s). Corrigez-les ou "
                       "choisissez l'import partiel ci-dessus.",
                       "Nothing imported: {count} row(s) rejected. Fix them, or choose the "
                       "partial import above."),
    "data.file_error": _s("Het bestand kan niet worden gelezen: {error}",
                          "Die Datei kann nicht gelesen werden: {error}",
                          "Le fichier ne peut pas être lu : {error}",
                          "The file cannot be read: {error}"),
    "data.warnings": _s("Opmerkingen", "Hinweise", "Remarques", "Notes"),
    "data.choose": _s("Project", "Projekt", "Projet", "Project"),
    "data.new": _s("— nieuw project —", "— neues Projekt —", "— nouveau projet —",
                   "— new project —"),
    "data.save": _s("Opslaan", "Speichern", "Enregistrer", "Save"),
    "data.delete": _s("Verwijderen", "Löschen", "Supprimer", "Delete"),
    "data.saved": _s("Opgeslagen als versie {version}.", "Als Version {version} gespeichert.",
                     "Enregistré en version {version}.", "Saved as version {version}."),
    "data.deleted": _s("Verwijderd.", "Gelöscht.", "Supprimé.", "Deleted."),
    "data.conflict": _s("Iemand anders heeft dit project intussen gewijzigd: {error}",
                        "Jemand anderes hat dieses Projekt inzwischen geändert: {error}",
                        "Quelqu'un d'autre a modifié ce projet entre-temps : {error}",
                        "Someone else changed this project in the meantime: {error}"),
    "data.invalid": _s("Niet opgeslagen:", "Nicht gespeichert:", "Non enregistré :",
                       "Not saved:"),
    "field.id": _s("Id", "Id", "Identifiant", "Id"),
    "field.title": _s("Titel", "Titel", "Titre", "Title"),
    "field.description": _s("Korte beschrijving", "Kurzbeschreibung", "Description courte",
                            "Short description"),
    "field.start": _s("Begin (jaar of datum)", "Beginn (Jahr oder Datum)",
                      "Début (année ou date)", "Start (year or date)"),
    "field.end": _s("Einde (jaar of datum)", "Ende (Jahr oder Datum)", "Fin (année ou date)",
                    "End (year or date)"),
    "field.lead": _s("Penvoerder (naam)", "Lead-Partner (Name)", "Chef de file (nom)",
                     "Lead partner (name)"),
    "field.lead_country": _s("Land penvoerder", "Land Lead-Partner", "Pays du chef de file",
                             "Lead partner's country"),
    "field.partners": _s("Partners, zoals ‘Naam (NL); Naam (DE)’",
                         "Partner, etwa ‚Name (NL); Name (DE)‘",
                         "Partenaires, p. ex. « Nom (NL); Nom (DE) »",
                         "Partners, as 'Name (NL); Name (DE)'"),
    "field.sources": _s("Bron-URL's (één per regel)", "Quell-URLs (eine pro Zeile)",
                        "URL des sources (une par ligne)", "Source URLs (one per line)"),
    "field.lat": _s("Breedtegraad", "Breitengrad", "Latitude", "Latitude"),
    "field.lon": _s("Lengtegraad", "Längengrad", "Longitude", "Longitude"),
    "field.wkt": _s("Of een lijn of vlak als WKT (WGS84)", "Oder Linie/Fläche als WKT (WGS84)",
                    "Ou une ligne/surface en WKT (WGS84)", "Or a line or area as WKT (WGS84)"),
    "audit.at": _s("Tijdstip (UTC)", "Zeitpunkt (UTC)", "Moment (UTC)", "Time (UTC)"),
    "audit.action": _s("Actie", "Aktion", "Action", "Action"),
    "audit.version": _s("Versie", "Version", "Version", "Version"),
    "audit.actor": _s("Door", "Von", "Par", "By"),
    "meeting.all_projects": _s("Alle projecten", "Alle Projekte", "Tous les projets",
                               "All projects"),
    "meeting.count": _s("{count} projecten", "{count} Projekte", "{count} projets",
                        "{count} projects"),
    "meeting.sources": _s("Projectgegevens: bronnen per project in het GROS-dashboard",
                          "Projektdaten: Quellen je Projekt im GROS-Dashboard",
                          "Données des projets : sources par projet dans le tableau de bord GROS",
                          "Project data: sources per project in the GROS dashboard"),
    "nav.meeting": _s("Vergadering", "Besprechung", "Réunion", "Meeting"),
    "meeting.title": _s("Vergadermodus", "Besprechungsmodus", "Mode réunion", "Meeting mode"),
    "meeting.present": _s("Presenteren", "Präsentieren", "Présenter", "Present"),
    "meeting.current": _s("Huidige weergave", "Aktuelle Ansicht", "Vue actuelle",
                          "Current view"),
    "meeting.name": _s("Naam", "Name", "Nom", "Name"),
    "meeting.replace": _s("Bestaande weergave met deze naam vervangen",
                          "Vorhandene Ansicht mit diesem Namen ersetzen",
                          "Remplacer la vue existante portant ce nom",
                          "Replace an existing view of this name"),
    "meeting.save": _s("Weergave opslaan", "Ansicht speichern", "Enregistrer la vue",
                       "Save view"),
    "meeting.saved": _s("Weergave ‘{name}’ opgeslagen.", "Ansicht „{name}“ gespeichert.",
                        "Vue « {name} » enregistrée.", "View '{name}' saved."),
    "meeting.taken": _s("Er is al een weergave ‘{name}’; kies ‘vervangen’ of een andere naam.",
                        "Es gibt bereits eine Ansicht „{name}“; wählen Sie „ersetzen“ oder "
                        "einen anderen Namen.",
                        "La vue « {name} » existe déjà ; choisissez « remplacer » ou un autre "
                        "nom.",
                        "A view '{name}' exists already; choose 'replace' or another name."),
    "meeting.html": _s("Kaart als HTML (offline)", "Karte als HTML (offline)",
                       "Carte en HTML (hors ligne)", "Map as HTML (offline)"),
    "meeting.png": _s("Kaart als PNG maken", "Karte als PNG erstellen", "Créer la carte en PNG",
                      "Make the map as PNG"),
    "meeting.png.drawing": _s("Kaart tekenen…", "Karte wird gezeichnet…", "Dessin de la carte…",
                              "Drawing the map…"),
    "meeting.png.download": _s("PNG downloaden", "PNG herunterladen", "Télécharger le PNG",
                               "Download PNG"),
    "meeting.views": _s("Opgeslagen weergaven", "Gespeicherte Ansichten", "Vues enregistrées",
                        "Saved views"),
    "meeting.none": _s("Nog geen opgeslagen weergaven.", "Noch keine gespeicherten Ansichten.",
                       "Aucune vue enregistrée pour l'instant.", "No saved views yet."),
    "meeting.delete": _s("Verwijderen", "Löschen", "Supprimer", "Delete"),
    "meeting.rename": _s("Hernoemen", "Umbenennen", "Renommer", "Rename"),
    "meeting.handover": _s("Weergaven delen", "Ansichten weitergeben", "Partager les vues",
                           "Hand views to a colleague"),
    "meeting.views.download": _s("Weergaven downloaden (JSON)", "Ansichten herunterladen (JSON)",
                                 "Télécharger les vues (JSON)", "Download the views (JSON)"),
    "meeting.views.upload": _s("Weergaven importeren (JSON)", "Ansichten importieren (JSON)",
                               "Importer des vues (JSON)", "Import views (JSON)"),
    "meeting.views.invalid": _s("Dit bestand is geen set weergaven: {error}",
                                "Diese Datei ist kein Ansichten-Satz: {error}",
                                "Ce fichier n'est pas un jeu de vues : {error}",
                                "This file is not a set of views: {error}"),
    "meeting.views.found": _s("{count} weergave(n) in het bestand.",
                              "{count} Ansicht(en) in der Datei.",
                              "{count} vue(s) dans le fichier.", "{count} view(s) in the file."),
    "meeting.views.overwrite": _s("Deze bestaande weergaven overschrijven: {names}",
                                  "Diese vorhandenen Ansichten überschreiben: {names}",
                                  "Écraser ces vues existantes : {names}",
                                  "Overwrite these existing views: {names}"),
    "meeting.views.import": _s("Importeren", "Importieren", "Importer", "Import"),
    "meeting.views.imported": _s("{added} toegevoegd, {skipped} overgeslagen.",
                                 "{added} hinzugefügt, {skipped} übersprungen.",
                                 "{added} ajoutée(s), {skipped} ignorée(s).",
                                 "{added} added, {skipped} skipped."),
    "present.previous": _s("Vorige (←)", "Zurück (←)", "Précédente (←)", "Previous (←)"),
    "present.next": _s("Volgende (→)", "Weiter (→)", "Suivante (→)", "Next (→)"),
    "present.exit": _s("Stoppen (Esc)", "Beenden (Esc)", "Quitter (Échap)", "Exit (Esc)"),
    "about.projects": _s("Projecten: {count}, elk met de openbare bron(nen) waarop de gegevens "
                         "staan, gecontroleerd tussen {first} en {last}.",
                         "Projekte: {count}, jedes mit der/den öffentlichen Quelle(n) seiner "
                         "Angaben, geprüft zwischen {first} und {last}.",
                         "Projets : {count}, chacun avec la ou les sources publiques de ses "
                         "données, vérifiées entre le {first} et le {last}.",
                         "Projects: {count}, each with the public source(s) of its facts, "
                         "checked between {first} and {last}."),
    "about.keep": _s("Projectgegevens uit keep.eu: © Interact, hergebruik met bronvermelding.",
                     "Projektdaten aus keep.eu: © Interact, Weiterverwendung mit "
                     "Quellenangabe.",
                     "Données de projets de keep.eu : © Interact, réutilisation avec mention "
                     "de la source.",
                     "Project data from keep.eu: © Interact, reuse with credit to keep.eu."),
    "about.tiles": _s("Achtergrondkaarten (indien gekozen): © OpenStreetMap-bijdragers, © CARTO.",
                      "Hintergrundkarten (falls gewählt): © OpenStreetMap-Mitwirkende, © CARTO.",
                      "Fonds de carte (si choisis) : © contributeurs OpenStreetMap, © CARTO.",
                      "Basemap tiles (when chosen): © OpenStreetMap contributors, © CARTO."),
    "about.leaflet": _s("Kaartweergave: Leaflet, Supercluster (Mapbox, ISC-licentie) en de "
                        "stijlen van Leaflet.markercluster, door het dashboard zelf geleverd.",
                        "Kartendarstellung: Leaflet, Supercluster (Mapbox, ISC-Lizenz) und die "
                        "Stile von Leaflet.markercluster, vom Dashboard selbst ausgeliefert.",
                        "Affichage de la carte : Leaflet, Supercluster (Mapbox, licence ISC) et "
                        "les styles de Leaflet.markercluster, servis par le tableau de bord "
                        "lui-même.",
                        "Map display: Leaflet, Supercluster (Mapbox, ISC licence) and the "
                        "styles of Leaflet.markercluster, served by the dashboard itself."),
    "report.summary": _s("{rows} rijen: {accepted} geaccepteerd, {outside} buiten het gebied, "
                         "{rejected} afgewezen",
                         "{rows} Zeilen: {accepted} angenommen, {outside} außerhalb des Gebiets, "
                         "{rejected} abgelehnt",
                         "{rows} lignes : {accepted} acceptées, {outside} hors de la zone, "
                         "{rejected} rejetées",
                         "{rows} rows: {accepted} accepted, {outside} outside the area, "
                         "{rejected} rejected"),
    "report.group": _s("{kind}: {count} rij(en), bijv. {rows}", "{kind}: {count} Zeile(n), "
                       "z. B. {rows}", "{kind} : {count} ligne(s), p. ex. {rows}",
                       "{kind}: {count} row(s), e.g. {rows}"),
    "report.more": _s("… en nog {count}", "… und {count} weitere", "… et {count} de plus",
                      "… and {count} more"),
    "report.kind.file": _s("Bestand", "Datei", "Fichier", "File"),
    "report.kind.columns": _s("Kolommen", "Spalten", "Colonnes", "Columns"),
    "report.kind.partners": _s("Partners", "Partner", "Partenaires", "Partners"),
    "report.kind.regions": _s("NUTS-regio's", "NUTS-Regionen", "Régions NUTS", "NUTS regions"),
    "report.kind.themes": _s("Thema's", "Themen", "Thèmes", "Themes"),
    "report.kind.sources": _s("Bronnen", "Quellen", "Sources", "Sources"),
    "report.kind.status": _s("Status", "Status", "Statut", "Status"),
    "report.kind.coordinates": _s("Coördinaten", "Koordinaten", "Coordonnées", "Coordinates"),
    "report.rejected": _s("Afgewezen rijen", "Abgelehnte Zeilen", "Lignes rejetées",
                          "Rejected rows"),
    "report.outside": _s("Buiten het gebied", "Außerhalb des Gebiets", "Hors de la zone",
                         "Outside the area"),
    "report.outside.download": _s("Rijen buiten het gebied downloaden (CSV)",
                                  "Zeilen außerhalb des Gebiets herunterladen (CSV)",
                                  "Télécharger les lignes hors de la zone (CSV)",
                                  "Download the rows outside the area (CSV)"),
    "report.outside.include": _s(
        "Ook projecten buiten het gebied (geen partner in NL, BE of DE) importeren, waar ze "
        "te plaatsen zijn", "Auch Projekte außerhalb des Gebiets (kein Partner in NL, BE oder "
        "DE) importieren, wo sie sich verorten lassen", "Importer aussi les projets hors de la "
        "zone (aucun partenaire en NL, BE ou DE) là où ils peuvent être placés",
        "Also import projects outside the area (no partner in NL, BE or DE) where they can be "
        "placed"),
    "data.row": _s("Rij", "Zeile", "Ligne", "Row"),
    "data.column": _s("Kolom", "Spalte", "Colonne", "Column"),
    "data.reason": _s("Reden", "Grund", "Raison", "Reason"),
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
