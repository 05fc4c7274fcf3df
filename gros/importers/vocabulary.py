"""The words the importer knows: header aliases, country names, status and precision words,
month names and the yes words of a lead-partner flag, in Dutch, German, French and English.

keep.eu themes are in :mod:`gros.themes` (``keep_themes``, ``INTERREG_OBJECTIVES``).
"""

from __future__ import annotations

# Record keys of gros.projects.COLUMNS, plus the inputs the importer turns into them.
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "project id", "projectnummer", "projectnr", "projektnummer", "projektnr",
           "projekt-id", "kenmerk", "identifier"),
    "title": ("title", "titel", "naam", "projectnaam", "projecttitel", "projektname",
              "projekttitel", "projekt", "project", "name", "project name", "project title",
              "project name in english", "bezeichnung", "titre", "intitulé", "nom du projet"),
    "title_nl": ("title_nl", "titel nl", "naam nl", "titel nederlands", "nederlandse titel",
                 "dutch title", "niederländischer titel", "titre nl"),
    "title_de": ("title_de", "titel de", "naam de", "titel duits", "duitse titel",
                 "german title", "deutscher titel", "titel deutsch", "titre de"),
    "title_fr": ("title_fr", "titel fr", "naam fr", "titel frans", "franse titel",
                 "french title", "französischer titel", "titre fr"),
    "title_en": ("title_en", "titel en", "naam en", "titel engels", "engelse titel",
                 "english title", "englischer titel", "titre en"),
    "description": ("description", "omschrijving", "beschrijving", "projectomschrijving",
                    "projectbeschrijving", "samenvatting", "toelichting", "beschreibung",
                    "projektbeschreibung", "kurzbeschreibung", "zusammenfassung", "summary",
                    "project description", "project summary", "description in english",
                    "résumé"),
    "themes": ("themes", "theme", "thema", "thema's", "themas", "themen", "thematiek",
               "themenbereich", "themenfeld", "topic", "topics", "onderwerp", "thème",
               "thematic", "thematic1", "thematic2", "thematic3", "theme 1", "theme 2",
               "theme 3", "thema 1", "thema 2", "thema 3"),
    "status": ("status", "projectstatus", "projektstatus", "project status", "state", "statut",
               "fase", "phase"),
    "start": ("start", "begin", "startdatum", "begindatum", "beginn", "projektbeginn",
              "projektstart", "projectbegin", "projectstart", "project start", "start date",
              "startjaar", "beginjaar", "startjahr", "start year", "from", "van", "von",
              "laufzeit von", "looptijd van", "début", "date de début"),
    "end": ("end", "eind", "einde", "einddatum", "ende", "enddatum", "projektende",
            "projecteinde", "project end", "end date", "eindjaar", "endjahr", "end year",
            "to", "tot", "bis", "laufzeit bis", "looptijd tot", "fin", "date de fin"),
    "programme": ("programme", "program", "programma", "programm", "förderprogramm", "funding",
                  "funding programme", "funding program", "financiering",
                  "financieringsprogramma", "subsidieprogramma", "fonds", "fund",
                  "interreg programme", "interreg-programm", "programme name"),
    "budget_eur": ("budget_eur", "budget", "budget (eur)", "budget in eur", "begroting",
                   "totaal budget", "totale begroting", "totale kosten", "projectbudget",
                   "gesamtbudget", "gesamtkosten", "projektbudget", "projektvolumen",
                   "total budget", "total cost", "total costs", "project budget",
                   "project's total budget / expenditure", "total eligible budget",
                   "budget total", "coût total"),
    "eu_contribution_eur": ("eu_contribution_eur", "eu contribution", "eu-bijdrage",
                            "eu-subsidie", "eu-financiering", "efro", "efro-bijdrage",
                            "interreg-subsidie", "eu-förderung", "efre", "efre-mittel",
                            "eu-mittel", "eu-zuschuss", "eu-beitrag", "eu funding",
                            "eu co-financing", "eu grant", "erdf", "erdf contribution",
                            "project's eu funding", "feder"),
    "lead_partner": ("lead_partner", "lead partner", "penvoerder", "hoofdaanvrager",
                     "aanvrager", "federführender partner", "federführung", "projektträger",
                     "lead beneficiary", "lead organisation", "lead organization",
                     "coordinator", "coördinator", "koordinator", "chef de file"),
    "lead_partner_country": ("lead_partner_country", "lead partner country",
                             "land penvoerder", "penvoerder land", "land leadpartner",
                             "leadpartner land", "land lead partner",
                             "lead partner country code", "country of lead partner",
                             "pays du chef de file"),
    "partners": ("partners", "partner", "projectpartners", "projektpartner", "project partners",
                 "partnerorganisaties", "partnerorganisationen", "beteiligte", "partenaires"),
    "countries": ("countries", "country", "landen", "land", "länder", "country codes",
                  "landcodes", "pays"),
    "precision": ("precision", "precisie", "nauwkeurigheid", "genauigkeit", "précision",
                  "location precision", "locatieprecisie"),
    "sources": ("sources", "source", "bron", "bronnen", "quelle", "quellen", "url", "urls",
                "link", "links", "website", "webseite", "webpagina", "homepage",
                "project website", "source url", "bron url", "meer informatie",
                "more information", "weitere informationen", "site web", "lien"),
    "last_verified": ("last_verified", "last verified", "laatst gecontroleerd",
                      "laatst geverifieerd", "gecontroleerd op", "zuletzt geprüft",
                      "geprüft am", "verified", "dernière vérification"),
    "stations": ("stations", "station", "stationen", "bahnhöfe", "bahnhof", "gares"),
    "lat": ("lat", "latitude", "breedtegraad", "noorderbreedte", "breitengrad", "breite",
            "geografische breite", "lat (wgs84)", "latitude (wgs84)"),
    "lon": ("lon", "lng", "long", "longitude", "lengtegraad", "oosterlengte", "längengrad",
            "länge", "geografische länge", "lon (wgs84)", "longitude (wgs84)"),
    "x": ("x", "x-coördinaat", "x-koordinate", "x-coordinate", "x (rd)", "rd x", "x lambert",
          "easting", "rechtswert", "xcoord"),
    "y": ("y", "y-coördinaat", "y-koordinate", "y-coordinate", "y (rd)", "rd y", "y lambert",
          "northing", "hochwert", "ycoord"),
    "wkt": ("wkt", "geometry", "geometrie", "geom", "the_geom", "wkt geometry", "shape",
            "geometry (wkt)", "géométrie"),
    "nuts3": ("nuts3", "nuts 3", "nuts3 code", "nuts3 region", "nuts3-regio",
              "nuts3 (or equivalent)", "nuts3 code (or equivalent)"),
    "acronym": ("acronym", "project acronym", "acroniem", "afkorting", "akronym", "kurztitel",
                "short name", "acronyme"),
    # keep.eu 2021–2027: the programme's own project id, only used to join the partners.
    "keep_project_id": ("project id (2021-2027 only)",),
    "keep_page_id": ("keep id", "keep.eu id", "keep project id"),
}
# In a keep.eu projects sheet "Country" is the lead partner's country, not the project's.
KEEP_ALIASES: dict[str, tuple[str, ...]] = {
    **ALIASES,
    "countries": ("countries", "landen", "länder"),
    "lead_partner_country": (*ALIASES["lead_partner_country"], "country", "country code"),
    "description": (*ALIASES["description"], "description en"),
    # The project's name in its programme's languages (KEEP_TITLE_LANGUAGES says which).
    "keep_title_2": ("project name language 2",),
    "keep_title_3": ("project name language 3",),
    # Where Description EN is empty; the expected results and achievements, each in
    # English where given, else in the programme's languages.
    "keep_description_other": ("description 1", "description 2"),
    "keep_results_en": ("expected results en",),
    "keep_results_other": ("expected results 1", "expected results 2"),
    "keep_achievements_en": ("achievements en",),
    "keep_achievements_other": ("achievements 1", "achievements 2"),
    "keep_period": ("period",),
    "keep_call": ("call sn", "call serial number"),
    # Where Thematic1–3 give no theme, the programme's objectives and priorities.
    "keep_specific_objective": ("specific obj", "specific objective"),
    "keep_thematic_objective": ("thematic obj", "thematic objective"),
    "keep_investment_priority": ("inv. priority", "investment priority"),
}
# The languages of keep.eu's "Project Name language 2" and "… language 3", by programme:
# the first entry whose every group has a word in the programme's name. The DE–NL programme
# gives German and Dutch names, the Flanders–Netherlands one a Dutch name.
KEEP_TITLE_LANGUAGES: tuple[tuple[tuple[tuple[str, ...], ...], tuple[str, ...]], ...] = (
    ((("germany", "deutschland"), ("netherlands", "nederland")), ("de", "nl")),
    ((("vlaanderen", "flanders"), ("netherlands", "nederland")), ("nl",)),
)
KEEP_PARTNER_ALIASES: dict[str, tuple[str, ...]] = {
    "acronym": ("acronym", "project acronym", "project"),
    "keep_project_id": ("project id (2021-2027 only)", "project id"),
    "programme": ("programme", "program"),
    "name": ("project partner", "partner", "partner name", "name", "organisation",
             "organization", "organisation name", "organisation in english",
             "partner organisation", "beneficiary"),
    "country_code": ("country code",),
    "country": ("country",),
    "lead": ("lead partner", "lead", "is lead partner", "lead partner (yes/no)"),
    "nuts3": ("nuts3", "nuts 3", "nuts3 code", "nuts3 (or equivalent)",
              "nuts3 code (or equivalent)"),
    "nuts2": ("nuts2", "nuts 2", "nuts2 code", "nuts2 (or equivalent)",
              "nuts2 code (or equivalent)"),
    "nuts1": ("nuts1", "nuts 1", "nuts1 code", "nuts1 (or equivalent)",
              "nuts1 code (or equivalent)"),
}
# NUTS codes start with the country's code, except Greece's (EL) and the United Kingdom's (UK).
NUTS_COUNTRIES = {"EL": "GR", "UK": "GB"}
# Keys that may come from several columns at once (Thematic1–3, a URL and a website,
# keep.eu's texts in the programme's two languages).
MULTI_COLUMN_KEYS = frozenset({"themes", "sources", "keep_description_other",
                               "keep_results_other", "keep_achievements_other"})
TITLE_KEYS = ("title", "title_en", "title_nl", "title_de", "title_fr")

COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "NL": ("nld", "nederland", "netherlands", "the netherlands", "niederlande", "pays-bas",
           "holland"),
    "DE": ("deu", "duitsland", "deutschland", "germany", "allemagne",
           "bundesrepublik deutschland"),
    "BE": ("bel", "belgië", "belgie", "belgique", "belgien", "belgium", "belgië/belgique",
           "belgique/belgië", "belgien/belgique"),
    "LU": ("lux", "luxemburg", "luxembourg"),
    "FR": ("fra", "frankrijk", "frankreich", "france"),
    "GB": ("gbr", "united kingdom", "verenigd koninkrijk", "vereinigtes königreich",
           "royaume-uni", "great britain"),
    "DK": ("dnk", "denemarken", "dänemark", "denmark", "danemark"),
    "AT": ("aut", "oostenrijk", "österreich", "austria", "autriche"),
    "CH": ("che", "zwitserland", "schweiz", "switzerland", "suisse"),
    "PL": ("pol", "polen", "poland", "pologne"),
    "CZ": ("cze", "tsjechië", "tschechien", "czechia", "czech republic", "tchéquie"),
    "IT": ("ita", "italië", "italien", "italy", "italie"),
    "ES": ("esp", "spanje", "spanien", "spain", "espagne"),
    "PT": ("prt", "portugal"),
    "IE": ("irl", "ierland", "irland", "ireland", "irlande"),
    "SE": ("swe", "zweden", "schweden", "sweden", "suède"),
    "NO": ("nor", "noorwegen", "norwegen", "norway", "norvège"),
    "FI": ("fin", "finland", "finnland", "finlande"),
}
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "planned": ("planned", "gepland", "in voorbereiding", "nog niet gestart", "geplant",
                "in planung", "prévu", "not started", "future"),
    "ongoing": ("ongoing", "on-going", "lopend", "actief", "in uitvoering", "laufend", "aktiv",
                "in durchführung", "active", "running", "in progress", "en cours"),
    "completed": ("completed", "complete", "afgerond", "voltooid", "afgesloten", "beëindigd",
                  "abgeschlossen", "beendet", "closed", "finished", "ended", "done",
                  "terminé", "clôturé", "achevé"),
}
PRECISION_WORDS: dict[str, tuple[str, ...]] = {
    "exact": ("exact", "precies", "exakt", "genau", "exacte", "point", "punt"),
    "schematic": ("schematic", "schematisch", "schématique", "schematisch getekend",
                  "straight line", "rechte lijn"),
    "municipality": ("municipality", "gemeente", "gemeinde", "commune", "city", "stad",
                     "stadt"),
    "nuts3": ("nuts3", "nuts 3", "regio", "region", "kreis", "arrondissement"),
    "nuts2": ("nuts2", "nuts 2"),
    "nuts1": ("nuts1", "nuts 1"),
}
MONTHS: dict[str, int] = {
    **dict.fromkeys(("jan", "januari", "januar", "january", "janvier"), 1),
    **dict.fromkeys(("feb", "februari", "februar", "february", "février"), 2),
    **dict.fromkeys(("mrt", "mar", "maart", "märz", "maerz", "march", "mars"), 3),
    **dict.fromkeys(("apr", "april", "avril"), 4),
    **dict.fromkeys(("mei", "mai", "may"), 5),
    **dict.fromkeys(("jun", "juni", "june", "juin"), 6),
    **dict.fromkeys(("jul", "juli", "july", "juillet"), 7),
    **dict.fromkeys(("aug", "augustus", "august", "août"), 8),
    **dict.fromkeys(("sep", "sept", "september", "septembre"), 9),
    **dict.fromkeys(("okt", "oct", "oktober", "october", "octobre"), 10),
    **dict.fromkeys(("nov", "november", "novembre"), 11),
    **dict.fromkeys(("dec", "dez", "december", "dezember", "décembre"), 12),
}
KEEP_URL = "https://keep.eu"
# What a keep.eu partners sheet writes in its lead-partner column for "yes".
TRUE_WORDS = frozenset({"yes", "ja", "y", "j", "true", "waar", "wahr", "1", "x", "lead",
                        "leadpartner", "lp", "oui", "vrai"})
