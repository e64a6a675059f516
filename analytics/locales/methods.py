"""Messages of the methods page: thresholds and explanations."""

MESSAGES: dict[str, tuple[str, str]] = {
    "methods.title": ("Méthodes : indicateurs et seuils", "Methods: indicators and thresholds"),
    "methods.intro": (
        "Chaque chiffre du tableau de bord vient d'un indicateur défini ici. La clé (par exemple "
        "`capacity.load_ratio`) est la même dans l'application, la ligne de commande et les tests.",
        "Every number of the dashboard comes from an indicator defined here. The key (for example "
        "`capacity.load_ratio`) is the same in the app, the command line and the tests.",
    ),
    "methods.catalogue": ("Catalogue des indicateurs", "Indicator catalogue"),
    "methods.col.key": ("Clé", "Key"),
    "methods.col.name": ("Indicateur", "Indicator"),
    "methods.col.definition": ("Définition", "Definition"),
    "methods.col.thresholds": ("Seuils utilisés", "Thresholds used"),
    "methods.thresholds": ("Seuils en vigueur", "Thresholds in force"),
    "methods.thresholds_note": (
        "Chaque seuil peut être changé par une variable d'environnement "
        "`PARTICIPATION_<NOM>` (voir le README).",
        "Each threshold can be changed with a `PARTICIPATION_<NAME>` environment variable "
        "(see the README).",
    ),
    "methods.col.setting": ("Réglage", "Setting"),
    "methods.col.value": ("Valeur", "Value"),
    "methods.col.meaning": ("Signification", "Meaning"),
    "methods.filters": ("Effet des filtres", "What the filters do"),
    "methods.period": (
        "Une période [du, au] inclut ses deux bornes. Une semaine ISO va du lundi au dimanche ; "
        "elle appartient à la période si son lundi y tombe.",
        "A period [from, to] includes both ends. An ISO week runs Monday to Sunday; it belongs to "
        "the period when its Monday does.",
    ),
    "methods.legal": ("Références légales", "Legal references"),
    "methods.legal_text": (
        "Les garanties minimales de temps de travail viennent du décret n° 2000-815 du 25 août 2000, "
        "article 3, applicable à la fonction publique territoriale par le décret n° 2001-623 du "
        "12 juillet 2001 : 10 heures par jour au plus, 48 heures sur une semaine, 44 heures en "
        "moyenne sur 12 semaines consécutives, et un repos quotidien d'au moins 11 heures.",
        "The minimum working-time guarantees come from décret no. 2000-815 of 25 August 2000, "
        "article 3, applied to territorial civil servants by décret no. 2001-623 of 12 July 2001: "
        "at most 10 hours a day, 48 hours in one week, 44 hours on average over 12 consecutive weeks, "
        "and a daily rest of at least 11 hours.",
    ),
    "methods.risk": ("Signaux, pas diagnostics", "Signals, not diagnoses"),
    "methods.risk_text": (
        "La surcharge prolongée d'un agent, la fatigue d'un bénévole ou l'érosion de l'engagement "
        "sont des signaux de risque qui invitent à une conversation. Ce ne sont jamais des "
        "diagnostics d'épuisement.",
        "An agent's sustained overload, a volunteer's fatigue or eroding engagement are risk signals "
        "that invite a conversation. They are never diagnoses of burnout.",
    ),
    "methods.privacy": ("Protection des personnes", "Privacy"),
    "methods.privacy_text": (
        "Les noms et courriels des habitants sont remplacés à l'import par un pseudonyme "
        "(HMAC-SHA256 avec une clé gardée hors de la base). Aucun groupe de moins de {min_group} "
        "personnes n'est montré aux élus ni aux évaluateurs.",
        "Residents' names and emails are replaced at import by a pseudonym (HMAC-SHA256 with a key "
        "kept outside the database). No group of fewer than {min_group} people is shown to "
        "officials or evaluators.",
    ),
    "threshold.overload_ratio": (
        "Une semaine est en surcharge au-delà de ce multiple de la capacité",
        "A week is overloaded above this multiple of capacity",
    ),
    "threshold.overload_min_weeks": (
        "Semaines consécutives de surcharge qui font une surcharge prolongée",
        "Consecutive overloaded weeks that make a sustained overload",
    ),
    "threshold.workday_start": ("Début des heures ordinaires", "Start of ordinary hours"),
    "threshold.workday_end": ("Fin des heures ordinaires", "End of ordinary hours"),
    "threshold.max_daily_hours": ("Durée quotidienne maximale", "Maximum daily hours"),
    "threshold.max_weekly_hours": ("Durée hebdomadaire maximale", "Maximum weekly hours"),
    "threshold.max_avg_weekly_hours": (
        "Moyenne hebdomadaire maximale sur la fenêtre", "Maximum mean weekly hours over the window"
    ),
    "threshold.avg_window_weeks": ("Fenêtre de la moyenne (semaines)", "Averaging window (weeks)"),
    "threshold.min_daily_rest_hours": ("Repos quotidien minimal", "Minimum daily rest"),
    "threshold.min_group_size": (
        "Taille minimale d'un groupe affiché", "Minimum size of a group shown"
    ),
    "threshold.target_utilisation": (
        "Taux d'occupation visé pour planifier", "Target utilisation for planning"
    ),
    "threshold.load_bands": ("Limites des bandes de charge", "Limits of the load bands"),
}
