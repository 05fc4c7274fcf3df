"""The strings of the Data page: imports and their report, the project form, the audit trail.

Each entry: the key, then the text in Dutch, German, French and English (the order of
:data:`gros.i18n.LANGUAGES`).
"""

TEXTS: dict[str, tuple[str, str, str, str]] = {
    "data.title": ("Gegevens beheren", "Daten verwalten", "Gérer les données", "Manage data"),
    "data.locked": ("Wijzigen staat uit: stel een redacteurswachtwoord in "
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
    "data.password": ("Redacteurswachtwoord", "Redaktionspasswort",
                        "Mot de passe d'éditeur", "Editor password"),
    "data.password.wrong": ("Onjuist wachtwoord.", "Falsches Passwort.",
                              "Mot de passe incorrect.", "Wrong password."),
    "data.login": ("Inloggen", "Anmelden", "Se connecter", "Log in"),
    "data.logout": ("Uitloggen", "Abmelden", "Se déconnecter", "Log out"),
    "data.tab.import": ("Bestand importeren", "Datei importieren", "Importer un fichier",
                          "Import a file"),
    "data.tab.edit": ("Project toevoegen of bewerken", "Projekt hinzufügen oder bearbeiten",
                        "Ajouter ou modifier un projet", "Add or edit a project"),
    "data.tab.audit": ("Wijzigingslog", "Änderungsprotokoll", "Journal des modifications",
                         "Audit trail"),
    "data.upload": ("CSV, XLSX, GeoJSON of keep.eu-export (max. {mb} MB)",
                      "CSV, XLSX, GeoJSON oder keep.eu-Export (max. {mb} MB)",
                      "CSV, XLSX, GeoJSON ou export keep.eu (max. {mb} Mo)",
                      "CSV, XLSX, GeoJSON or keep.eu export (max. {mb} MB)"),
    "data.format": ("Formaat", "Format", "Format", "Format"),
    "data.crs": ("Coördinatenstelsel", "Koordinatensystem", "Système de coordonnées",
                   "Coordinate system"),
    "data.auto": ("automatisch herkennen", "automatisch erkennen", "détection automatique",
                    "detect"),
    "data.rows": ("Rijen", "Zeilen", "Lignes", "Rows"),
    "data.accepted": ("Geaccepteerd", "Angenommen", "Acceptées", "Accepted"),
    "data.rejected": ("Afgewezen", "Abgelehnt", "Rejetées", "Rejected"),
    "data.rejected.download": ("Afgewezen rijen downloaden (CSV)",
                                 "Abgelehnte Zeilen herunterladen (CSV)",
                                 "Télécharger les lignes rejetées (CSV)",
                                 "Download the rejected rows (CSV)"),
    "data.partial": ("Geaccepteerde rijen importeren, ook al zijn er afgewezen",
                       "Angenommene Zeilen importieren, obwohl es abgelehnte gibt",
                       "Importer les lignes acceptées malgré les rejets",
                       "Import the accepted rows even though some were rejected"),
    "data.confirm": ("Importeren", "Importieren", "Importer", "Import"),
    "data.imported": ("{created} nieuw, {updated} bijgewerkt, {unchanged} ongewijzigd.",
                        "{created} neu, {updated} aktualisiert, {unchanged} unverändert.",
                        "{created} nouveaux, {updated} mis à jour, {unchanged} inchangés.",
                        "{created} new, {updated} updated, {unchanged} unchanged."),
    "data.blocked": ("Niets geïmporteerd: {count} rij(en) afgewezen. Verbeter ze of kies "
                       "hierboven voor gedeeltelijk importeren.",
                       "Nichts importiert: {count} Zeile(n) abgelehnt. Korrigieren Sie sie "
                       "oder wählen Sie oben den teilweisen Import.",
                       "Rien n'a été importé : {count} ligne(s) rejetée(s). Corrigez-les ou "
                       "choisissez l'import partiel ci-dessus.",
                       "Nothing imported: {count} row(s) rejected. Fix them, or choose the "
                       "partial import above."),
    "data.file_error": ("Het bestand kan niet worden gelezen: {error}",
                          "Die Datei kann nicht gelesen werden: {error}",
                          "Le fichier ne peut pas être lu : {error}",
                          "The file cannot be read: {error}"),
    "data.warnings": ("Opmerkingen", "Hinweise", "Remarques", "Notes"),
    "data.choose": ("Project", "Projekt", "Projet", "Project"),
    "data.new": ("— nieuw project —", "— neues Projekt —", "— nouveau projet —",
                   "— new project —"),
    "data.save": ("Opslaan", "Speichern", "Enregistrer", "Save"),
    "data.delete": ("Verwijderen", "Löschen", "Supprimer", "Delete"),
    "data.saved": ("Opgeslagen als versie {version}.", "Als Version {version} gespeichert.",
                     "Enregistré en version {version}.", "Saved as version {version}."),
    "data.deleted": ("Verwijderd.", "Gelöscht.", "Supprimé.", "Deleted."),
    "data.conflict": ("Iemand anders heeft dit project intussen gewijzigd: {error}",
                        "Jemand anderes hat dieses Projekt inzwischen geändert: {error}",
                        "Quelqu'un d'autre a modifié ce projet entre-temps : {error}",
                        "Someone else changed this project in the meantime: {error}"),
    "data.invalid": ("Niet opgeslagen:", "Nicht gespeichert:", "Non enregistré :",
                       "Not saved:"),
    "field.id": ("Id", "Id", "Identifiant", "Id"),
    "field.title": ("Titel", "Titel", "Titre", "Title"),
    "field.description": ("Korte beschrijving", "Kurzbeschreibung", "Description courte",
                            "Short description"),
    "field.start": ("Begin (jaar of datum)", "Beginn (Jahr oder Datum)",
                      "Début (année ou date)", "Start (year or date)"),
    "field.end": ("Einde (jaar of datum)", "Ende (Jahr oder Datum)", "Fin (année ou date)",
                    "End (year or date)"),
    "field.lead": ("Penvoerder (naam)", "Lead-Partner (Name)", "Chef de file (nom)",
                     "Lead partner (name)"),
    "field.lead_country": ("Land penvoerder", "Land Lead-Partner", "Pays du chef de file",
                             "Lead partner's country"),
    "field.partners": ("Partners, zoals ‘Naam (NL); Naam (DE)’",
                         "Partner, etwa ‚Name (NL); Name (DE)‘",
                         "Partenaires, p. ex. « Nom (NL); Nom (DE) »",
                         "Partners, as 'Name (NL); Name (DE)'"),
    "field.sources": ("Bron-URL's (één per regel)", "Quell-URLs (eine pro Zeile)",
                        "URL des sources (une par ligne)", "Source URLs (one per line)"),
    "field.lat": ("Breedtegraad", "Breitengrad", "Latitude", "Latitude"),
    "field.lon": ("Lengtegraad", "Längengrad", "Longitude", "Longitude"),
    "field.wkt": ("Of een lijn of vlak als WKT (WGS84)", "Oder Linie/Fläche als WKT (WGS84)",
                    "Ou une ligne/surface en WKT (WGS84)", "Or a line or area as WKT (WGS84)"),
    "audit.at": ("Tijdstip (UTC)", "Zeitpunkt (UTC)", "Moment (UTC)", "Time (UTC)"),
    "audit.action": ("Actie", "Aktion", "Action", "Action"),
    "audit.version": ("Versie", "Version", "Version", "Version"),
    "audit.actor": ("Door", "Von", "Par", "By"),
    "report.summary": ("{rows} rijen: {accepted} geaccepteerd, {outside} buiten het gebied, "
                         "{rejected} afgewezen",
                         "{rows} Zeilen: {accepted} angenommen, {outside} außerhalb des Gebiets, "
                         "{rejected} abgelehnt",
                         "{rows} lignes : {accepted} acceptées, {outside} hors de la zone, "
                         "{rejected} rejetées",
                         "{rows} rows: {accepted} accepted, {outside} outside the area, "
                         "{rejected} rejected"),
    "report.group": ("{kind}: {count} rij(en), bijv. {rows}", "{kind}: {count} Zeile(n), "
                       "z. B. {rows}", "{kind} : {count} ligne(s), p. ex. {rows}",
                       "{kind}: {count} row(s), e.g. {rows}"),
    "report.reading": ("{done} van {total} rijen gelezen", "{done} von {total} Zeilen gelesen",
                       "{done} lignes lues sur {total}", "{done} of {total} rows read"),
    "report.more": ("… en nog {count}", "… und {count} weitere", "… et {count} de plus",
                      "… and {count} more"),
    "report.kind.file": ("Bestand", "Datei", "Fichier", "File"),
    "report.kind.columns": ("Kolommen", "Spalten", "Colonnes", "Columns"),
    "report.kind.partners": ("Partners", "Partner", "Partenaires", "Partners"),
    "report.kind.regions": ("NUTS-regio's", "NUTS-Regionen", "Régions NUTS", "NUTS regions"),
    "report.kind.themes": ("Thema's", "Themen", "Thèmes", "Themes"),
    "report.kind.sources": ("Bronnen", "Quellen", "Sources", "Sources"),
    "report.kind.status": ("Status", "Status", "Statut", "Status"),
    "report.kind.coordinates": ("Coördinaten", "Koordinaten", "Coordonnées", "Coordinates"),
    "report.rejected": ("Afgewezen rijen", "Abgelehnte Zeilen", "Lignes rejetées",
                          "Rejected rows"),
    "report.outside": ("Buiten het gebied", "Außerhalb des Gebiets", "Hors de la zone",
                         "Outside the area"),
    "report.outside.download": ("Rijen buiten het gebied downloaden (CSV)",
                                  "Zeilen außerhalb des Gebiets herunterladen (CSV)",
                                  "Télécharger les lignes hors de la zone (CSV)",
                                  "Download the rows outside the area (CSV)"),
    "report.outside.include": (
        "Ook projecten buiten het gebied (geen partner in NL, BE of DE) importeren, waar ze "
        "te plaatsen zijn", "Auch Projekte außerhalb des Gebiets (kein Partner in NL, BE oder "
        "DE) importieren, wo sie sich verorten lassen", "Importer aussi les projets hors de la "
        "zone (aucun partenaire en NL, BE ou DE) là où ils peuvent être placés",
        "Also import projects outside the area (no partner in NL, BE or DE) where they can be "
        "placed"),
    "data.row": ("Rij", "Zeile", "Ligne", "Row"),
    "data.column": ("Kolom", "Spalte", "Colonne", "Column"),
    "data.reason": ("Reden", "Grund", "Raison", "Reason"),
}
