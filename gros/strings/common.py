"""The strings of the frame, the map and the pages that show projects and regions.

Each entry: the key, then the text in Dutch, German, French and English (the order of
:data:`gros.i18n.LANGUAGES`).
"""

TEXTS: dict[str, tuple[str, str, str, str]] = {
    "app.title": ("GROS-dashboard", "GROS-Dashboard", "Tableau de bord GROS", "GROS dashboard"),
    "app.subtitle": ("Grensoverschrijdende samenwerking Nederland – Duitsland – België",
                       "Grenzüberschreitende Zusammenarbeit Niederlande – Deutschland – Belgien",
                       "Coopération transfrontalière Pays-Bas – Allemagne – Belgique",
                       "Cross-border cooperation Netherlands – Germany – Belgium"),
    "nav.map": ("Kaart", "Karte", "Carte", "Map"),
    "nav.about": ("Over", "Über", "À propos", "About"),
    "sidebar.language": ("Taal", "Sprache", "Langue", "Language"),
    "sidebar.basemap": ("Achtergrondkaart", "Hintergrundkarte", "Fond de carte", "Basemap"),
    "basemap.light": ("Licht", "Hell", "Clair", "Light"),
    "basemap.osm": ("OpenStreetMap", "OpenStreetMap", "OpenStreetMap", "OpenStreetMap"),
    "basemap.none": ("Geen (werkt offline)", "Keine (funktioniert offline)",
                       "Aucun (fonctionne hors ligne)", "None (works offline)"),
    "layers": ("Kaartlagen", "Kartenebenen", "Couches", "Layers"),
    "layer.countries": ("Landen", "Länder", "Pays", "Countries"),
    "layer.provinces": ("Grensprovincies", "Grenzprovinzen und -länder", "Provinces frontalières",
                          "Border provinces"),
    "layer.euregios": ("Euregio's", "Euregios", "Eurégions", "Euregios"),
    "layer.projects": ("Projecten", "Projekte", "Projets", "Projects"),
    "tooltip.name": ("Euregio", "Euregio", "Eurégion", "Euregio"),
    "tooltip.members": ("NUTS-3-regio's", "NUTS-3-Regionen", "Régions NUTS 3", "NUTS-3 regions"),
    "tooltip.seat": ("Zetel", "Sitz", "Siège", "Seat"),
    "boundaries.loading": ("Officiële grenzen downloaden van Eurostat GISCO…",
                             "Amtliche Grenzen werden von Eurostat GISCO geladen…",
                             "Téléchargement des limites officielles depuis Eurostat GISCO…",
                             "Downloading official boundaries from Eurostat GISCO…"),
    "boundaries.loaded": ("Grenzen opgeslagen", "Grenzen gespeichert", "Limites enregistrées",
                            "Boundaries cached"),
    "boundaries.unavailable": (
        "De kaart kan niet worden getekend: de grenzen zijn niet beschikbaar.",
        "Die Karte kann nicht gezeichnet werden: die Grenzen sind nicht verfügbar.",
        "La carte ne peut pas être affichée : les limites ne sont pas disponibles.",
        "The map cannot be drawn: the boundaries are not available."),
    "municipalities.loading": (
        "Gemeentegrenzen downloaden van Eurostat GISCO (een groot bestand, eenmalig)…",
        "Gemeindegrenzen werden von Eurostat GISCO geladen (eine große Datei, einmalig)…",
        "Téléchargement des limites communales depuis Eurostat GISCO (un gros fichier, une "
        "seule fois)…",
        "Downloading municipal boundaries from Eurostat GISCO (a large file, once)…"),
    "municipalities.loaded": ("Gemeentegrenzen opgeslagen", "Gemeindegrenzen gespeichert",
                                "Limites communales enregistrées", "Municipal boundaries cached"),
    "municipalities.unavailable": (
        "De gemeentegrenzen (GISCO LAU) zijn niet beschikbaar: de Euregio's worden getekend "
        "met de NUTS-3-regio's waarin hun leden liggen.",
        "Die Gemeindegrenzen (GISCO LAU) sind nicht verfügbar: die Euregios werden aus den "
        "NUTS-3-Regionen gezeichnet, in denen ihre Mitglieder liegen.",
        "Les limites communales (GISCO LAU) ne sont pas disponibles : les eurégions sont "
        "dessinées à partir des régions NUTS 3 où se trouvent leurs membres.",
        "The municipal boundaries (GISCO LAU) are not available: the Euregios are drawn from "
        "the NUTS-3 regions their members lie in."),
    "about.municipalities": (
        "Gemeentegrenzen: Eurostat GISCO, LAU {year} (01M), opgehaald {fetched} van {url}; "
        "{count} gemeenten in Nederland, België en Duitsland.",
        "Gemeindegrenzen: Eurostat GISCO, LAU {year} (01M), abgerufen {fetched} von {url}; "
        "{count} Gemeinden in den Niederlanden, Belgien und Deutschland.",
        "Limites communales : Eurostat GISCO, LAU {year} (01M), récupérées le {fetched} depuis "
        "{url} ; {count} communes aux Pays-Bas, en Belgique et en Allemagne.",
        "Municipal boundaries: Eurostat GISCO, LAU {year} (01M), fetched {fetched} from {url}; "
        "{count} municipalities in the Netherlands, Belgium and Germany."),
    "approximation": (
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
    "about.title": ("Over dit dashboard", "Über dieses Dashboard",
                      "À propos de ce tableau de bord", "About this dashboard"),
    "about.sources": ("Bronnen", "Quellen", "Sources", "Sources"),
    "about.boundaries": ("Administratieve grenzen: Eurostat GISCO, NUTS {year} ({scale}), "
                           "opgehaald {fetched} van {url}.",
                           "Verwaltungsgrenzen: Eurostat GISCO, NUTS {year} ({scale}), abgerufen "
                           "{fetched} von {url}.",
                           "Limites administratives : Eurostat GISCO, NUTS {year} ({scale}), "
                           "récupérées le {fetched} depuis {url}.",
                           "Administrative boundaries: Eurostat GISCO, NUTS {year} ({scale}), "
                           "fetched {fetched} from {url}."),
    "about.euregios": ("Euregio-lidmaatschappen (NUTS {year}): samengesteld uit de openbare "
                         "bronnen per Euregio hieronder.",
                         "Euregio-Mitgliedschaften (NUTS {year}): zusammengestellt aus den unten "
                         "je Euregio genannten öffentlichen Quellen.",
                         "Adhésions aux eurégions (NUTS {year}) : compilées à partir des sources "
                         "publiques citées ci-dessous pour chaque eurégion.",
                         "Euregio memberships (NUTS {year}): compiled from the public sources "
                         "listed below for each Euregio."),
    "about.partial": ("Gedeeltelijk lid", "Teilweise Mitglied", "Membre en partie",
                        "Partly a member"),
    "column.euregio": ("Euregio", "Euregio", "Eurégion", "Euregio"),
    "column.seat": ("Zetel", "Sitz", "Siège", "Seat"),
    "column.founded": ("Opgericht", "Gegründet", "Fondée", "Founded"),
    "column.area": ("Oppervlakte (km²)", "Fläche (km²)", "Superficie (km²)", "Area (km²)"),
    "column.countries": ("Landen", "Länder", "Pays", "Countries"),
    "column.source": ("Bron", "Quelle", "Source", "Source"),
    "column.website": ("Website", "Website", "Site web", "Website"),
    "column.nuts3": ("NUTS-3-regio's", "NUTS-3-Regionen", "Régions NUTS 3", "NUTS-3 regions"),
    "nav.projects": ("Projecten", "Projekte", "Projets", "Projects"),
    "nav.euregios": ("Euregio's", "Euregios", "Eurégions", "Euregios"),
    "nav.themes": ("Thema's", "Themen", "Thèmes", "Themes"),
    "nav.data": ("Gegevens", "Daten", "Données", "Data"),
    "filters": ("Filters", "Filter", "Filtres", "Filters"),
    "filter.query": ("Zoeken in titel, beschrijving en partners",
                       "Suche in Titel, Beschreibung und Partnern",
                       "Rechercher dans titre, description et partenaires",
                       "Search title, description and partners"),
    "filter.themes": ("Thema", "Thema", "Thème", "Theme"),
    "filter.countries": ("Land", "Land", "Pays", "Country"),
    "filter.euregios": ("Euregio", "Euregio", "Eurégion", "Euregio"),
    "filter.provinces": ("Grensprovincie", "Grenzprovinz / Land", "Province frontalière",
                           "Border province"),
    "filter.statuses": ("Status", "Status", "Statut", "Status"),
    "filter.programmes": ("Programma of financiering", "Programm oder Förderung",
                            "Programme ou financement", "Programme or funding"),
    "filter.years": ("Periode", "Zeitraum", "Période", "Period"),
    "filter.budget": ("Budget (mln €)", "Budget (Mio. €)", "Budget (M€)", "Budget (€ million)"),
    "filter.budget.help": ("Projecten zonder bekend budget vallen weg zodra u dit filter "
                             "gebruikt.",
                             "Projekte ohne bekanntes Budget entfallen, sobald Sie diesen "
                             "Filter nutzen.",
                             "Les projets sans budget connu disparaissent dès que ce filtre est "
                             "utilisé.",
                             "Projects without a known budget drop out once you use this "
                             "filter."),
    "filter.reset": ("Filters wissen", "Filter zurücksetzen", "Réinitialiser les filtres",
                       "Reset filters"),
    "filter.count": ("{shown} van {total} projecten", "{shown} von {total} Projekten",
                       "{shown} projets sur {total}", "{shown} of {total} projects"),
    "filter.ignored": ("Deze delen van de link zijn niet herkend en genegeerd: {parts}",
                         "Diese Teile des Links wurden nicht erkannt und ignoriert: {parts}",
                         "Ces parties du lien n'ont pas été reconnues et sont ignorées : "
                         "{parts}",
                         "These parts of the link were not recognised and are ignored: "
                         "{parts}"),
    "country.NL": ("Nederland", "Niederlande", "Pays-Bas", "Netherlands"),
    "country.BE": ("België", "Belgien", "Belgique", "Belgium"),
    "country.DE": ("Duitsland", "Deutschland", "Allemagne", "Germany"),
    "status.planned": ("Gepland", "Geplant", "Prévu", "Planned"),
    "status.ongoing": ("Lopend", "Laufend", "En cours", "Ongoing"),
    "status.completed": ("Afgerond", "Abgeschlossen", "Terminé", "Completed"),
    "precision.exact": ("Exacte locatie", "Genauer Ort", "Lieu exact", "Exact location"),
    "precision.municipality": ("Op gemeenteniveau", "Auf Gemeindeebene",
                                 "Au niveau communal", "Municipality level"),
    "precision.nuts3": ("Op NUTS-3-niveau", "Auf NUTS-3-Ebene", "Au niveau NUTS 3",
                          "NUTS-3 level"),
    "precision.nuts2": ("Op NUTS-2-niveau", "Auf NUTS-2-Ebene", "Au niveau NUTS 2",
                          "NUTS-2 level"),
    "precision.nuts1": ("Op NUTS-1-niveau", "Auf NUTS-1-Ebene", "Au niveau NUTS 1",
                          "NUTS-1 level"),
    "detail.status": ("Status", "Status", "Statut", "Status"),
    "detail.period": ("Periode", "Zeitraum", "Période", "Period"),
    "detail.programme": ("Programma", "Programm", "Programme", "Programme"),
    "detail.budget": ("Totaal budget", "Gesamtbudget", "Budget total", "Total budget"),
    "detail.eu": ("EU-bijdrage", "EU-Förderung", "Contribution de l'UE", "EU contribution"),
    "detail.lead": ("Penvoerder", "Lead-Partner", "Chef de file", "Lead partner"),
    "detail.partners": ("Partners", "Partner", "Partenaires", "Partners"),
    "detail.countries": ("Landen", "Länder", "Pays", "Countries"),
    "detail.euregios": ("Euregio's", "Euregios", "Eurégions", "Euregios"),
    "detail.precision": ("Locatie", "Lage", "Localisation", "Location"),
    "detail.sources": ("Bronnen", "Quellen", "Sources", "Sources"),
    "detail.verified": ("Laatst gecontroleerd: {date}", "Zuletzt geprüft: {date}",
                          "Dernière vérification : {date}", "Last verified: {date}"),
    "map.select": ("Project", "Projekt", "Projet", "Project"),
    "map.select.help": ("Klik op een project op de kaart of kies het hier.",
                          "Klicken Sie auf ein Projekt in der Karte oder wählen Sie es hier.",
                          "Cliquez sur un projet sur la carte ou choisissez-le ici.",
                          "Click a project on the map or choose it here."),
    "map.none": ("Geen projecten voor deze filters.", "Keine Projekte für diese Filter.",
                   "Aucun projet pour ces filtres.", "No projects match these filters."),
    "map.too_many": (
        "{count} projecten: klik op een project op de kaart, of verfijn de filters tot "
        "hoogstens {most} om uit een lijst te kiezen.",
        "{count} Projekte: Klicken Sie auf ein Projekt in der Karte oder verfeinern Sie die "
        "Filter auf höchstens {most}, um aus einer Liste zu wählen.",
        "{count} projets : cliquez sur un projet sur la carte, ou affinez les filtres jusqu'à "
        "{most} au plus pour choisir dans une liste.",
        "{count} projects: click one on the map, or narrow the filters to at most {most} "
        "to pick from a list."),
    "map.projects_failed": ("De projecten konden niet worden geladen; laad de pagina opnieuw.",
                              "Die Projekte konnten nicht geladen werden; laden Sie die Seite neu.",
                              "Les projets n'ont pas pu être chargés ; rechargez la page.",
                              "The projects could not be loaded; reload the page."),
    "map.euregio_profile": ("Profiel van {name}", "Profil von {name}", "Profil de {name}",
                              "Profile of {name}"),
    "projects.title": ("Projecten", "Projekte", "Projets", "Projects"),
    "projects.select": ("Kies een rij voor de details.", "Wählen Sie eine Zeile für Details.",
                          "Choisissez une ligne pour les détails.", "Select a row for details."),
    "projects.export": ("Gefilterde projecten downloaden", "Gefilterte Projekte herunterladen",
                          "Télécharger les projets filtrés", "Download the filtered projects"),
    "column.title": ("Titel", "Titel", "Titre", "Title"),
    "column.themes": ("Thema's", "Themen", "Thèmes", "Themes"),
    "column.status": ("Status", "Status", "Statut", "Status"),
    "column.period": ("Periode", "Zeitraum", "Période", "Period"),
    "column.programme": ("Programma", "Programm", "Programme", "Programme"),
    "column.budget": ("Budget (€)", "Budget (€)", "Budget (€)", "Budget (€)"),
    "column.eu": ("EU-bijdrage (€)", "EU-Förderung (€)", "Contribution UE (€)",
                    "EU contribution (€)"),
    "column.lead": ("Penvoerder", "Lead-Partner", "Chef de file", "Lead partner"),
    "column.projects": ("Projecten", "Projekte", "Projets", "Projects"),
    "column.partial": ("Gedeeltelijk", "Teilweise", "Partiel", "Partial"),
    "column.members": ("Leden volgens de bron", "Mitglieder laut Quelle",
                         "Membres selon la source", "Members as the source lists them"),
    "column.region": ("NUTS-3-regio", "NUTS-3-Region", "Région NUTS 3", "NUTS-3 region"),
    "column.euregios": ("Euregio's", "Euregios", "Eurégions", "Euregios"),
    "euregio.choose": ("Euregio", "Euregio", "Eurégion", "Euregio"),
    "euregio.area": ("Oppervlakte op de kaart", "Fläche auf der Karte",
                       "Superficie sur la carte", "Area on the map"),
    "euregio.stated_area": ("Opgegeven oppervlakte", "Angegebene Fläche",
                              "Superficie déclarée", "Stated area"),
    "euregio.members": ("Leden (NUTS-3-regio's, NUTS {year})",
                          "Mitglieder (NUTS-3-Regionen, NUTS {year})",
                          "Membres (régions NUTS 3, NUTS {year})",
                          "Members (NUTS-3 regions, NUTS {year})"),
    "euregio.projects": ("Projecten per thema", "Projekte nach Thema", "Projets par thème",
                           "Projects by theme"),
    "euregio.unknown": ("onbekend", "unbekannt", "inconnu", "unknown"),
    "themes.overview": ("Overzicht", "Übersicht", "Vue d'ensemble", "Overview"),
    "themes.choose": ("Thema", "Thema", "Thème", "Theme"),
    "themes.budget_note": ("Bedragen tellen alleen projecten met een bekend budget "
                             "({known} van {count}).",
                             "Beträge zählen nur Projekte mit bekanntem Budget "
                             "({known} von {count}).",
                             "Les montants ne comptent que les projets au budget connu "
                             "({known} sur {count}).",
                             "Amounts count only projects with a known budget "
                             "({known} of {count})."),
    "themes.by_euregio": ("Projecten per Euregio", "Projekte je Euregio",
                            "Projets par eurégion", "Projects per Euregio"),
    "nav.meeting": ("Vergadering", "Besprechung", "Réunion", "Meeting"),
    "about.projects": ("Projecten: {count}, elk met de openbare bron(nen) waarop de gegevens "
                         "staan, gecontroleerd tussen {first} en {last}.",
                         "Projekte: {count}, jedes mit der/den öffentlichen Quelle(n) seiner "
                         "Angaben, geprüft zwischen {first} und {last}.",
                         "Projets : {count}, chacun avec la ou les sources publiques de ses "
                         "données, vérifiées entre le {first} et le {last}.",
                         "Projects: {count}, each with the public source(s) of its facts, "
                         "checked between {first} and {last}."),
    "about.keep": ("Projectgegevens uit keep.eu: © Interact, hergebruik met bronvermelding.",
                     "Projektdaten aus keep.eu: © Interact, Weiterverwendung mit "
                     "Quellenangabe.",
                     "Données de projets de keep.eu : © Interact, réutilisation avec mention "
                     "de la source.",
                     "Project data from keep.eu: © Interact, reuse with credit to keep.eu."),
    "about.tiles": ("Achtergrondkaarten (indien gekozen): © OpenStreetMap-bijdragers, © CARTO.",
                      "Hintergrundkarten (falls gewählt): © OpenStreetMap-Mitwirkende, © CARTO.",
                      "Fonds de carte (si choisis) : © contributeurs OpenStreetMap, © CARTO.",
                      "Basemap tiles (when chosen): © OpenStreetMap contributors, © CARTO."),
    "about.leaflet": ("Kaartweergave: Leaflet, Supercluster (Mapbox, ISC-licentie) en de "
                        "stijlen van Leaflet.markercluster, door het dashboard zelf geleverd.",
                        "Kartendarstellung: Leaflet, Supercluster (Mapbox, ISC-Lizenz) und die "
                        "Stile von Leaflet.markercluster, vom Dashboard selbst ausgeliefert.",
                        "Affichage de la carte : Leaflet, Supercluster (Mapbox, licence ISC) et "
                        "les styles de Leaflet.markercluster, servis par le tableau de bord "
                        "lui-même.",
                        "Map display: Leaflet, Supercluster (Mapbox, ISC licence) and the "
                        "styles of Leaflet.markercluster, served by the dashboard itself."),
}
