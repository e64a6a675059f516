"""Static material of the demo town: scales, services, quartiers, names and French labels.

Nothing here is random. The generator modules draw from these catalogues with a seeded generator, so
the same (scale, seed, as_of) always gives the same town. Everything is invented: the quartier names
are those of Loos-en-Gohelle (the model town), but no person, project or figure is real.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class ScaleSpec:
    """The size of a demo town.

    ``agents`` is the headcount on the as-of date (former agents who left during the history come on
    top, as rows of the agents table); ``projects_per_year`` counts the projects started per year
    (all levels, including ordinary non-participatory ones), ``requests_per_year`` the residents'
    requests of the first year (they then grow with participation).
    """

    name: str
    inhabitants: int
    agents: int
    services: int
    quartiers: int
    projects_per_year: float
    proposed_projects: int
    planned_projects: int
    declined_projects: int
    requests_per_year: float
    years: int = 10
    entries_per_day: float = 2.7

    @property
    def factor(self) -> float:
        """Size relative to the town scale (drives the number of projects, events, participants)."""
        return self.agents / 120


SCALES: Final[dict[str, ScaleSpec]] = {
    "town": ScaleSpec(
        name="town", inhabitants=7_000, agents=120, services=10, quartiers=6,
        projects_per_year=30, proposed_projects=12, planned_projects=5, declined_projects=4,
        requests_per_year=260,
    ),
    "city": ScaleSpec(
        name="city", inhabitants=100_000, agents=1_700, services=24, quartiers=10,
        projects_per_year=30 * 1_700 / 120, proposed_projects=30, planned_projects=40,
        declined_projects=30, requests_per_year=260 * 1_700 / 120,
    ),
    "metro": ScaleSpec(
        name="metro", inhabitants=400_000, agents=6_800, services=24, quartiers=14,
        projects_per_year=30 * 6_800 / 120, proposed_projects=60, planned_projects=150,
        declined_projects=100, requests_per_year=260 * 6_800 / 120,
    ),
}
"""The demo sizes: ``town`` (the default, ~Loos-en-Gohelle), ``city`` (~100,000 inhabitants, ~10
million time entries over ten years) and ``metro`` (4x city, for benchmarks only)."""

# --- Services -------------------------------------------------------------------------------------
# (service_id, service_name, size weight). The first ten make the town; bigger scales add the rest.
SERVICES: Final[tuple[tuple[str, str, float], ...]] = (
    ("SVC-DG", "Direction générale", 8),
    ("SVC-TECH", "Services techniques", 28),
    ("SVC-JEUN", "Jeunesse", 12),
    ("SVC-CCAS", "CCAS", 10),
    ("SVC-CULT", "Culture", 9),
    ("SVC-PART", "Vie des quartiers et démocratie participative", 7),
    ("SVC-EDUC", "Éducation", 22),
    ("SVC-EV", "Espaces verts", 12),
    ("SVC-URBA", "Urbanisme", 5),
    ("SVC-SPORT", "Sports", 7),
    ("SVC-FIN", "Finances", 6),
    ("SVC-RH", "Ressources humaines", 6),
    ("SVC-ETAT", "État civil et population", 7),
    ("SVC-POL", "Police municipale", 8),
    ("SVC-PROP", "Propreté urbaine", 14),
    ("SVC-BAT", "Bâtiments", 10),
    ("SVC-COM", "Communication", 4),
    ("SVC-NUM", "Numérique", 4),
    ("SVC-PETE", "Petite enfance", 14),
    ("SVC-HAB", "Habitat", 4),
    ("SVC-ECO", "Développement économique", 3),
    ("SVC-JUR", "Affaires juridiques et commande publique", 4),
    ("SVC-MED", "Médiathèques", 6),
    ("SVC-CONS", "Conservatoire", 5),
)

STORY_SERVICE_ID: Final[str] = "SVC-PART"
"""The participation team: near saturation over the last three months, one agent overloaded."""
TECH_SERVICE_IDS: Final[tuple[str, ...]] = ("SVC-TECH", "SVC-EV")
"""Services whose agents support residents' Saturday chantiers (site work)."""

# Mean load (hours worked / capacity) of each service's agents before the effect of evenings and
# weekends; the participation team's load rises over the years (see work.py).
SERVICE_BASE_LOAD: Final[dict[str, float]] = {
    "SVC-DG": 0.84, "SVC-TECH": 0.80, "SVC-JEUN": 0.79, "SVC-CCAS": 0.82, "SVC-CULT": 0.77,
    "SVC-PART": 0.84, "SVC-EDUC": 0.80, "SVC-EV": 0.78, "SVC-URBA": 0.83, "SVC-SPORT": 0.76,
}
DEFAULT_BASE_LOAD: Final[float] = 0.80

# --- Quartiers ------------------------------------------------------------------------------------
# (name, share of the population, participation propensity). The first six are Loos-en-Gohelle's;
# bigger scales add invented ones. 'Cité 11' is the under-represented quartier of the story.
QUARTIERS: Final[tuple[tuple[str, float, float], ...]] = (
    ("Centre", 0.22, 1.00),
    ("Cité 5", 0.16, 1.35),
    ("Cité 11", 0.17, 0.15),
    ("Cité des Provinces", 0.15, 0.90),
    ("Les Oiseaux", 0.15, 1.00),
    ("Hameau de Loos", 0.15, 1.15),
    ("Grand Bois", 0.14, 0.85),
    ("Les Marronniers", 0.13, 1.00),
    ("Fosse 15", 0.12, 0.80),
    ("Saint-Pierre", 0.14, 1.10),
    ("Les Hauts", 0.12, 0.95),
    ("La Motte", 0.11, 0.90),
    ("Bois de la Cité", 0.12, 1.05),
    ("Les Tilleuls", 0.12, 0.85),
)
STORY_QUARTIER: Final[str] = "Cité 11"
"""The quartier whose residents take part far less than the others (representativeness story)."""
CENTRE: Final[str] = "Centre"

# INSEE-like shares of the population by age band (same order as schema.AGE_BANDS) and the
# older-skewed shares among participants.
POPULATION_AGE_SHARES: Final[tuple[float, ...]] = (0.18, 0.17, 0.18, 0.20, 0.18, 0.09)
PARTICIPANT_AGE_SHARES: Final[tuple[float, ...]] = (0.03, 0.10, 0.20, 0.27, 0.28, 0.12)

# --- Projects -------------------------------------------------------------------------------------
# theme -> (lead service candidates, base names). A participatory project gets a level prefix.
THEMES: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "cadre de vie": (
        ("SVC-PART", "SVC-TECH", "SVC-URBA"),
        ("Réaménagement de la place", "Jardin partagé", "Aire de jeux", "Fresque murale",
         "Embellissement des façades", "Rénovation du square", "Propreté des rues",
         "Mobilier urbain", "Éclairage de la cité"),
    ),
    "jeunesse": (
        ("SVC-JEUN",),
        ("Conseil municipal des jeunes", "City-stade", "Local jeunes", "Chantier jeunes",
         "Skate-park"),
    ),
    "environnement": (
        ("SVC-EV",),
        ("Verger partagé", "Plantation de haies", "Trame verte", "Compostage collectif",
         "Parcours biodiversité", "Forêt urbaine"),
    ),
    "solidarité": (
        ("SVC-CCAS",),
        ("Épicerie solidaire", "Repair café", "Jardin solidaire", "Fête des voisins",
         "Lutte contre l'isolement des aînés"),
    ),
    "culture": (
        ("SVC-CULT",),
        ("Festival des cités", "Mémoire minière", "Boîte à livres", "Parcours artistique",
         "Fête de quartier"),
    ),
    "mobilité": (
        ("SVC-URBA", "SVC-TECH"),
        ("Plan de circulation", "Pistes cyclables", "Zone 30", "Chemins de l'école",
         "Stationnement"),
    ),
    "sport": (("SVC-SPORT",), ("Parcours sportif", "Rénovation du stade", "Fête du sport")),
    "éducation": (
        ("SVC-EDUC",),
        ("Cour d'école végétalisée", "Restauration scolaire", "Projet éducatif de territoire"),
    ),
}
NOT_COPRODUCED: Final[frozenset[str]] = frozenset({
    "Conseil municipal des jeunes", "Plan de circulation", "Stationnement", "Zone 30",
    "Projet éducatif de territoire", "Restauration scolaire", "Festival des cités",
    "Fête de quartier", "Fête du sport", "Fête des voisins", "Lutte contre l'isolement des aînés",
})
"""Base names that make no sense as a Fifty-Fifty convention (residents building something)."""
ORDINARY_PROJECTS: Final[tuple[tuple[str, str, str], ...]] = (
    # (name, lead service, theme) of non-participatory projects (level NULL)
    ("Réfection de la voirie", "SVC-TECH", "cadre de vie"),
    ("Rénovation énergétique de l'école", "SVC-TECH", "éducation"),
    ("Mise aux normes de la salle des sports", "SVC-SPORT", "sport"),
    ("Passage de l'éclairage public en LED", "SVC-TECH", "environnement"),
    ("Dématérialisation des démarches", "SVC-DG", "administration"),
    ("Renouvellement du parc de véhicules", "SVC-TECH", "administration"),
    ("Entretien des bâtiments communaux", "SVC-TECH", "cadre de vie"),
    ("Marché de restauration scolaire", "SVC-EDUC", "éducation"),
    ("Révision du plan local d'urbanisme", "SVC-URBA", "cadre de vie"),
    ("Gestion différenciée des espaces verts", "SVC-EV", "environnement"),
)
LEVEL_PREFIX: Final[dict[str, str]] = {
    "information": "Information : ",
    "consultation": "Concertation : ",
    "coproduction": "Fifty-Fifty : ",
}
THEME_SHARES: Final[dict[str, float]] = {
    "cadre de vie": 0.30, "jeunesse": 0.11, "environnement": 0.16, "solidarité": 0.10,
    "culture": 0.10, "mobilité": 0.11, "sport": 0.06, "éducation": 0.06,
}

MILESTONE_TITLES: Final[dict[str, tuple[str, ...]]] = {
    "consultation": (
        "Lancement de la concertation", "Premier atelier avec les habitants",
        "Balade diagnostic dans le quartier", "Synthèse des propositions",
        "Restitution publique", "Délibération du conseil municipal",
    ),
    "coproduction": (
        "Signature de la convention Fifty-Fifty", "Premier atelier de co-conception",
        "Premier chantier participatif", "Livraison des matériaux", "Plantations",
        "Inauguration avec les habitants", "Premier entretien assuré par les habitants",
    ),
    "information": ("Réunion publique d'information", "Mise en ligne du dossier"),
}

# Topics of the requests born from a project of each theme.
THEME_TOPICS: Final[dict[str, tuple[str, ...]]] = {
    "cadre de vie": ("voirie", "propreté", "animation de quartier", "éclairage public"),
    "jeunesse": ("jeunesse", "animation de quartier"),
    "environnement": ("espaces verts", "propreté"),
    "solidarité": ("aide sociale", "animation de quartier"),
    "culture": ("culture", "animation de quartier"),
    "mobilité": ("stationnement", "sécurité routière", "voirie"),
    "sport": ("équipements sportifs",),
    "éducation": ("école",),
}

# --- Requests -------------------------------------------------------------------------------------
# topic -> (service_id, weight)
REQUEST_TOPICS: Final[dict[str, tuple[str, float]]] = {
    "voirie": ("SVC-TECH", 0.16),
    "propreté": ("SVC-TECH", 0.13),
    "éclairage public": ("SVC-TECH", 0.07),
    "espaces verts": ("SVC-EV", 0.12),
    "stationnement": ("SVC-URBA", 0.08),
    "sécurité routière": ("SVC-URBA", 0.07),
    "animation de quartier": ("SVC-PART", 0.09),
    "jeunesse": ("SVC-JEUN", 0.06),
    "aide sociale": ("SVC-CCAS", 0.07),
    "équipements sportifs": ("SVC-SPORT", 0.04),
    "culture": ("SVC-CULT", 0.04),
    "école": ("SVC-EDUC", 0.05),
    "démarches administratives": ("SVC-DG", 0.02),
}
# channel weights in the same order as schema.REQUEST_CHANNELS
REQUEST_CHANNEL_WEIGHTS: Final[tuple[float, ...]] = (0.10, 0.03, 0.18, 0.16, 0.24, 0.18, 0.11)
PROJECT_REQUEST_CHANNEL_WEIGHTS: Final[tuple[float, ...]] = (0.05, 0.06, 0.45, 0.20, 0.12, 0.05, 0.07)

# --- People ---------------------------------------------------------------------------------------
FIRST_NAMES: Final[tuple[str, ...]] = (
    "Camille", "Nadia", "Julien", "Sophie", "Mehdi", "Claire", "Thomas", "Aurélie", "Karim",
    "Isabelle", "Nicolas", "Émilie", "Sébastien", "Céline", "Mathieu", "Laetitia", "Rachid",
    "Sandrine", "Vincent", "Stéphanie", "Fabrice", "Nathalie", "Jérôme", "Virginie", "Olivier",
    "Valérie", "Yannick", "Delphine", "Grégory", "Caroline", "David", "Audrey", "Christophe",
    "Élodie", "Frédéric", "Amandine", "Laurent", "Samira", "Pascal", "Mélanie", "Antoine",
    "Julie", "Benoît", "Marion", "Cédric", "Pauline", "Didier", "Agnès", "Hervé", "Sarah",
    "Kévin", "Laura", "Maxime", "Manon", "Romain", "Chloé", "Guillaume", "Léa", "Alexandre",
    "Lucie", "Damien", "Anaïs", "Franck", "Hélène", "Éric", "Christelle", "Loïc", "Justine",
    "Arnaud", "Emma", "Patrick", "Monique", "Bruno", "Sylvie", "Thierry", "Brigitte",
    "Philippe", "Martine", "Dominique", "Catherine", "Jean-Marc", "Véronique", "Yassine",
    "Fatima", "Hugo", "Inès", "Lucas", "Jade", "Quentin", "Océane", "Rémi", "Margaux",
    "Jonathan", "Coralie", "Florian", "Estelle", "Adrien", "Morgane", "Bastien", "Gaëlle",
)
LAST_NAMES: Final[tuple[str, ...]] = (
    "Lefebvre", "Dubois", "Lemaire", "Dupont", "Leroy", "Martin", "Bernard", "Petit", "Durand",
    "Moreau", "Lefèvre", "Roussel", "Delattre", "Caron", "Lambert", "Fontaine", "Mercier",
    "Vasseur", "Delcourt", "Deprez", "Duhamel", "Lecomte", "Carpentier", "Dumont", "Leclercq",
    "Dufour", "Lemoine", "Lebrun", "Masson", "Hennebelle", "Wallart", "Delbarre", "Kowalski",
    "Nowak", "Wisniewski", "Lewandowski", "Kaminski", "Szymanski", "Zielinski", "Wojcik",
    "Benali", "Haddad", "Boukhari", "Mansouri", "Cherif", "Amrani", "Rossi", "Bianchi", "Russo",
    "Ferrari", "Colombo", "Ricci", "Marchand", "Gauthier", "Garnier", "Chevalier", "Fournier",
    "Girard", "Bonnet", "François", "Roux", "Vincent", "Muller", "Lemaître", "Boulanger",
    "Descamps", "Delannoy", "Dewaele", "Vandenbussche", "Verhaeghe", "Vanhove", "Coppens",
    "Lesage", "Blondel", "Pruvost", "Denis", "Duquesne", "Facon", "Flament", "Hochart",
    "Lagache", "Marécaux", "Obert", "Poulain", "Quenton", "Ramery", "Sauvage", "Thery",
    "Vanbelle", "Waterlot", "Bourgeois", "Courtin", "Derache", "Evrard", "Fievet", "Goudemand",
    "Hautecoeur", "Josse", "Lenglet", "Merlin", "Noël", "Pollet", "Ringot", "Stien", "Tison",
    "Verdière", "Wattez", "Boulet", "Crépin", "Demarez",
)
