"""The theme vocabulary of cross-border projects, and how other classifications map onto it.

Nine themes, each with Dutch, German, French and English labels, a colour from
Paul Tol's "muted" scheme (distinguishable with the common colour-vision
deficiencies) and an icon from Google's Material Symbols, which Streamlit draws with
its own font (``:material/name:`` in a label), so no emoji font is needed.
``KEEP_THEMES`` maps keep.eu's thematic keywords, ``THEMATIC_OBJECTIVES`` the
2014–2020 thematic objectives and ``INTERREG_OBJECTIVES`` the 2021–2027 policy
objectives onto these ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    id: str
    labels: dict[str, str]
    colour: str
    icon: str

    def label(self, language: str = "nl") -> str:
        return self.labels.get(language) or self.labels["en"]


THEMES: tuple[Theme, ...] = (
    Theme("labour", {"nl": "Arbeidsmarkt", "de": "Arbeitsmarkt", "fr": "Marché du travail",
                     "en": "Labour market"}, "#CC6677", ":material/work:"),
    Theme("education", {"nl": "Onderwijs", "de": "Bildung", "fr": "Éducation",
                        "en": "Education"}, "#332288", ":material/school:"),
    Theme("transport", {"nl": "Openbaar vervoer en mobiliteit",
                        "de": "Öffentlicher Verkehr und Mobilität",
                        "fr": "Transports publics et mobilité",
                        "en": "Public transport and mobility"}, "#88CCEE", ":material/train:"),
    Theme("safety", {"nl": "Rampenbestrijding en veiligheid",
                     "de": "Katastrophenschutz und Sicherheit",
                     "fr": "Gestion des catastrophes et sécurité",
                     "en": "Disaster management and public safety"},
          "#882255", ":material/local_fire_department:"),
    Theme("environment", {"nl": "Milieu, klimaat, water en energie",
                          "de": "Umwelt, Klima, Wasser und Energie",
                          "fr": "Environnement, climat, eau et énergie",
                          "en": "Environment, climate, water and energy"},
          "#117733", ":material/eco:"),
    Theme("economy", {"nl": "Economie en innovatie", "de": "Wirtschaft und Innovation",
                      "fr": "Économie et innovation", "en": "Economy and innovation"},
          "#DDCC77", ":material/lightbulb:"),
    Theme("health", {"nl": "Gezondheidszorg", "de": "Gesundheitsversorgung",
                     "fr": "Soins de santé", "en": "Health care"},
          "#44AA99", ":material/local_hospital:"),
    Theme("culture", {"nl": "Cultuur, taal en toerisme", "de": "Kultur, Sprache und Tourismus",
                      "fr": "Culture, langue et tourisme",
                      "en": "Culture, language and tourism"},
          "#AA4499", ":material/theater_comedy:"),
    Theme("governance", {"nl": "Bestuur en samenwerking", "de": "Verwaltung und Zusammenarbeit",
                         "fr": "Gouvernance et coopération",
                         "en": "Governance and cooperation"}, "#999933", ":material/handshake:"),
)
THEME_IDS: tuple[str, ...] = tuple(theme.id for theme in THEMES)
BY_ID: dict[str, Theme] = {theme.id: theme for theme in THEMES}

# keep.eu classifies every project with one to three of its 42 thematic keywords, "a
# closed system" agreed when the database was set up; all 42 are here, in its alphabetical
# order (https://keep.eu/thematics-what-are-they-how-are-they-assigned-to-projects/).
# Keys are lower case; a keyword may map onto two themes.
KEEP_THEMES: dict[str, tuple[str, ...]] = {
    "agriculture and fisheries and forestry": ("economy",),
    "climate change and biodiversity": ("environment",),
    "clustering and economic cooperation": ("economy",),
    "coastal management and maritime issues": ("environment",),
    "community integration and common identity": ("culture", "governance"),
    "construction and renovation": ("economy",),
    "cooperation between emergency services": ("safety",),
    "cultural heritage and arts": ("culture",),
    "demographic change and immigration": ("labour",),
    "education and training": ("education",),
    "energy efficiency": ("environment",),
    "evaluation systems and results": ("governance",),
    "governance, partnership": ("governance",),
    "green technologies": ("environment", "economy"),
    "health and social services": ("health",),
    "ict and digital society": ("economy",),
    "improving transport connections": ("transport",),
    "infrastructure": ("transport",),
    "innovation capacity and awareness-raising": ("economy",),
    "institutional cooperation and cooperation networks": ("governance",),
    "knowledge and technology transfer": ("economy", "education"),
    "labour market and employment": ("labour",),
    "logistics and freight transport": ("transport",),
    "managing natural and man-made threats, risk management": ("safety",),
    "multimodal transport": ("transport",),
    "new products and services": ("economy",),
    "regional planning and development": ("governance",),
    "renewable energy": ("environment",),
    "rural and peripheral development": ("governance",),
    "safety": ("safety",),
    "scientific cooperation": ("education", "economy"),
    "sme and entrepreneurship": ("economy",),
    "social inclusion and equal opportunities": ("labour",),
    "soil and air quality": ("environment",),
    "sustainable management of natural resources": ("environment",),
    "tourism": ("culture",),
    "traditional energy": ("environment",),
    "transport and mobility": ("transport",),
    "urban development": ("governance",),
    "waste and pollution": ("environment",),
    "water management": ("environment",),
    "waterways, lakes and rivers": ("environment",),
}

# The eleven thematic objectives of 2014–2020 (Regulation (EU) No 1303/2013, art. 9, as the
# European Commission's glossary words them); an investment priority ("6c") belongs to the
# objective its number names (Regulation (EU) No 1301/2013, art. 5).
THEMATIC_OBJECTIVES: dict[int, tuple[str, tuple[str, ...]]] = {
    1: ("Strengthening research, technological development and innovation", ("economy",)),
    2: ("Enhancing access to, and use and quality of information and communication "
        "technologies (ICT)", ("economy",)),
    3: ("Enhancing the competitiveness of small and medium-sized enterprises (SMEs)",
        ("economy",)),
    4: ("Supporting the shift towards a low-carbon economy in all sectors", ("environment",)),
    5: ("Promoting climate change adaptation, risk prevention and management",
        ("environment", "safety")),
    6: ("Preserving and protecting the environment and promoting resource efficiency",
        ("environment",)),
    7: ("Promoting sustainable transport and removing bottlenecks in key network "
        "infrastructures", ("transport",)),
    8: ("Promoting sustainable and quality employment and supporting labour mobility",
        ("labour",)),
    9: ("Promoting social inclusion, combating poverty and any discrimination",
        ("labour", "health")),
    10: ("Investing in education, training and vocational training for skills and lifelong "
         "learning", ("education",)),
    11: ("Enhancing institutional capacity of public authorities and stakeholders and "
         "efficient public administration", ("governance",)),
}

# Policy objectives of the 2021–2027 cohesion policy (Regulation (EU) 2021/1060,
# art. 5) and the Interreg-specific objectives (Regulation (EU) 2021/1059,
# art. 14), which every Interreg VI priority belongs to.
INTERREG_OBJECTIVES: dict[str, tuple[str, ...]] = {
    "po1": ("economy",),        # a more competitive and smarter Europe
    "po2": ("environment",),    # a greener, low-carbon Europe
    "po3": ("transport",),      # a more connected Europe (mobility)
    "po4": ("labour", "education", "health", "culture"),  # a more social and inclusive Europe
    "po5": ("governance",),     # a Europe closer to citizens
    "iso1": ("governance",),    # a better cooperation governance
    "iso2": ("safety",),        # a safer and more secure Europe
}


# The codes an objective column may start with: a thematic objective's number ("TO1",
# "01 - …", "Thematic objective 1"), an investment priority's ("1b", "IP 6c"), a 2021–2027
# specific or policy objective's ("RSO2.4", "PO1", "ISO1"). A 2014–2020 specific objective
# ("SO 1.1") is numbered by its programme's priority axes, which say nothing of the theme.
_THEMATIC = re.compile(r"(?i)^\s*(?:to|thematic\s+objective)?\s*0?(\d{1,2})(?![\d.,]\d|\d)")
_PRIORITY = re.compile(r"(?i)^\s*(?:ip|inv\.?|investment\s+priority)?\s*0?(\d{1,2})"
                       r"\s*\(?[a-f]\)?(?![a-z])")
_POLICY = re.compile(r"(?i)^\s*(rso|po|iso)\s*(\d)")


def objective_themes(value: str, kind: str) -> tuple[str, ...]:
    """Our theme ids for a keep.eu objective or priority; ``kind`` is its column's.

    ``thematic`` reads a thematic objective's number or title, ``investment`` an
    investment priority's code, ``specific`` a 2021–2027 specific objective's code.
    """
    if kind == "thematic":
        match = _THEMATIC.match(value)
        number = int(match.group(1)) if match else next(
            (n for n, (title, _) in THEMATIC_OBJECTIVES.items()
             if _words(title) in _words(value)), 0)
        return THEMATIC_OBJECTIVES.get(number, ("", ()))[1]
    if kind == "investment":
        match = _PRIORITY.match(value)
        return THEMATIC_OBJECTIVES.get(int(match.group(1)), ("", ()))[1] if match else ()
    match = _POLICY.match(value)
    if not match:
        return ()
    prefix = "iso" if match.group(1).lower() == "iso" else "po"
    return INTERREG_OBJECTIVES.get(f"{prefix}{match.group(2)}", ())


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def keep_themes(keywords: Iterable[str]) -> tuple[list[str], list[str]]:
    """Our theme ids for keep.eu keywords, and the keywords that map onto none."""
    ids: list[str] = []
    unknown: list[str] = []
    for keyword in keywords:
        key = " ".join(keyword.split()).lower()
        if not key:
            continue
        if key in KEEP_THEMES:
            ids.extend(i for i in KEEP_THEMES[key] if i not in ids)
        else:
            unknown.append(keyword.strip())
    return ids, unknown


def parse_theme(value: str) -> str | None:
    """A theme id from an id or a label in any language (case-insensitive), else None."""
    wanted = " ".join(value.split()).lower()
    if wanted in BY_ID:
        return wanted
    for theme in THEMES:
        if wanted in (label.lower() for label in theme.labels.values()):
            return theme.id
    return None
