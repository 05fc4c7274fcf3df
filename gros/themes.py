"""The theme vocabulary of cross-border projects, and how other classifications map onto it.

Nine themes, each with Dutch, German, French and English labels, a colour from
Paul Tol's "muted" scheme (distinguishable with the common colour-vision
deficiencies) and an icon. ``KEEP_THEMES`` maps keep.eu's thematic keywords and
``INTERREG_OBJECTIVES`` the 2021–2027 Interreg policy objectives onto these ids.
"""

from __future__ import annotations

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
                     "en": "Labour market"}, "#CC6677", "💼"),
    Theme("education", {"nl": "Onderwijs", "de": "Bildung", "fr": "Éducation",
                        "en": "Education"}, "#332288", "🎓"),
    Theme("transport", {"nl": "Openbaar vervoer en mobiliteit",
                        "de": "Öffentlicher Verkehr und Mobilität",
                        "fr": "Transports publics et mobilité",
                        "en": "Public transport and mobility"}, "#88CCEE", "🚆"),
    Theme("safety", {"nl": "Rampenbestrijding en veiligheid",
                     "de": "Katastrophenschutz und Sicherheit",
                     "fr": "Gestion des catastrophes et sécurité",
                     "en": "Disaster management and public safety"}, "#882255", "🚒"),
    Theme("environment", {"nl": "Milieu, klimaat, water en energie",
                          "de": "Umwelt, Klima, Wasser und Energie",
                          "fr": "Environnement, climat, eau et énergie",
                          "en": "Environment, climate, water and energy"}, "#117733", "🌿"),
    Theme("economy", {"nl": "Economie en innovatie", "de": "Wirtschaft und Innovation",
                      "fr": "Économie et innovation", "en": "Economy and innovation"},
          "#DDCC77", "💡"),
    Theme("health", {"nl": "Gezondheidszorg", "de": "Gesundheitsversorgung",
                     "fr": "Soins de santé", "en": "Health care"}, "#44AA99", "🏥"),
    Theme("culture", {"nl": "Cultuur, taal en toerisme", "de": "Kultur, Sprache und Tourismus",
                      "fr": "Culture, langue et tourisme",
                      "en": "Culture, language and tourism"}, "#AA4499", "🎭"),
    Theme("governance", {"nl": "Bestuur en samenwerking", "de": "Verwaltung und Zusammenarbeit",
                         "fr": "Gouvernance et coopération",
                         "en": "Governance and cooperation"}, "#999933", "🤝"),
)
THEME_IDS: tuple[str, ...] = tuple(theme.id for theme in THEMES)
BY_ID: dict[str, Theme] = {theme.id: theme for theme in THEMES}

# keep.eu classifies every project with one to three of its thematic keywords
# (https://keep.eu/thematics-what-are-they-how-are-they-assigned-to-projects/).
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
    "governance, partnership": ("governance",),
    "green technologies": ("environment", "economy"),
    "health and social services": ("health",),
    "ict and digital society": ("economy",),
    "improving transport connections": ("transport",),
    "infrastructure": ("transport",),
    "institutional cooperation and cooperation networks": ("governance",),
    "labour market and employment": ("labour",),
    "logistics and freight transport": ("transport",),
    "managing natural and man-made threats, risk management": ("safety",),
    "multimodal transport": ("transport",),
    "new products and services": ("economy",),
    "regional planning and development": ("governance",),
    "renewable energy": ("environment",),
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
