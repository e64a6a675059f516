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
    "methods.parameters": ("Paramètres fixes des méthodes", "Fixed method parameters"),
    "methods.parameters_note": (
        "Ces valeurs font partie des méthodes elles-mêmes (elles ne se règlent pas) ; elles sont lues "
        "dans le code qui calcule, et ne peuvent donc pas s'en écarter.",
        "These values are part of the methods themselves (they are not settings); they are read from "
        "the code that computes, so they cannot disagree with it.",
    ),
    "methods.col.page": ("Page", "Page"),
    "methods.page.capacity": ("Capacité des équipes", "Team capacity"),
    "methods.page.arbitration": ("Arbitrage", "Arbitration"),
    "methods.page.engagement": ("Engagement", "Engagement"),
    "methods.unit.months.one": ("{n} mois", "{n} month"),
    "methods.unit.months.other": ("{n} mois", "{n} months"),
    "methods.unit.weeks.one": ("{n} semaine", "{n} week"),
    "methods.unit.weeks.other": ("{n} semaines", "{n} weeks"),
    "methods.unit.hours_per_month": ("{n} h par mois", "{n} h a month"),
    "parameter.forecast_horizon_weeks": (
        "Semaines à venir couvertes par la prévision de charge.",
        "Coming weeks covered by the load forecast.",
    ),
    "parameter.forecast_baseline_weeks": (
        "Semaines passées dont la médiane donne la charge ordinaire récente d'une équipe.",
        "Past weeks whose median gives a team's recent ordinary load.",
    ),
    "parameter.min_comparable_projects": (
        "Projets terminés comparables nécessaires à une estimation ; en dessous, le groupe est élargi "
        "(le critère le moins important est abandonné d'abord).",
        "Comparable finished projects an estimate needs; with fewer, the group is broadened (the least "
        "important criterion is dropped first).",
    ),
    "parameter.typical_quantile": (
        "Estimation typique : la médiane des projets comparables.",
        "Typical estimate: the median of comparable projects.",
    ),
    "parameter.pessimistic_quantile": (
        "Estimation pessimiste : 80 % des projets comparables ont coûté moins.",
        "Pessimistic estimate: 80 % of comparable projects cost less.",
    ),
    "parameter.recent_weeks": (
        "Semaines récentes qui donnent la part ordinaire de la capacité d'une équipe (simulateur).",
        "Recent weeks giving a team's ordinary share of capacity (simulator).",
    ),
    "parameter.start_search_months": (
        "Horizon (mois après aujourd'hui) où une date de démarrage peut être choisie ou cherchée.",
        "How far ahead (months) a start date may be chosen or searched.",
    ),
    "parameter.max_project_months": (
        "Durée maximale d'un projet simulé.",
        "Longest project the simulator accepts.",
    ),
    "parameter.projection_months": (
        "Le graphique hebdomadaire du simulateur montre au moins ces mois à venir.",
        "The simulator's weekly chart shows at least these coming months.",
    ),
    "parameter.portfolio_months": (
        "Période du choix de portefeuille, à partir du mois suivant.",
        "Period of the portfolio choice, from the next month.",
    ),
    "parameter.lapse_months": (
        "Un participant est « perdu » après ces mois sans aucune présence.",
        "A participant has lapsed after these months without any attendance.",
    ),
    "parameter.volunteer_window_months": (
        "Un bénévole a tenu au moins une fois le rôle de bénévole dans ces mois avant la fin.",
        "A volunteer attended at least once as a volunteer in these months before the end.",
    ),
    "parameter.commitment_window_months": (
        "Fenêtre des signaux « engagements simultanés » et « heures par mois ».",
        "Window of the concurrent-commitments and hours-per-month signals.",
    ),
    "parameter.concurrent_commitments_min": (
        "Signal : présent dans au moins ce nombre de projets de coproduction distincts dans la fenêtre.",
        "Signal: attended at least this many distinct coproduction projects in the window.",
    ),
    "parameter.hours_per_month_min": (
        "Signal : au moins ces heures de bénévolat par mois en moyenne sur la fenêtre (≈ 5 h par semaine).",
        "Signal: at least these volunteer hours a month on average over the window (≈ 5 h a week).",
    ),
    "parameter.run_months_min": (
        "Signal : une suite ininterrompue d'au moins ces mois avec une présence, toujours en cours.",
        "Signal: an unbroken run of at least these months with an attendance, still going.",
    ),
    "parameter.no_show_window_months": (
        "Les absences sont comparées entre ces derniers mois et les mêmes mois avant.",
        "No-shows are compared between these last months and as many months before.",
    ),
    "parameter.no_show_rise_min": (
        "Signal : la part d'absences parmi les inscriptions a augmenté d'au moins ces points.",
        "Signal: the no-show share of registrations rose by at least these points.",
    ),
    "parameter.no_show_min_registrations": (
        "… avec au moins ce nombre d'inscriptions récentes (moins ne permet pas de conclure).",
        "… with at least this many recent registrations (fewer is too little to tell).",
    ),
    "parameter.trend_confidence": (
        "Niveau de confiance des intervalles des tendances de fréquentation.",
        "Confidence level of the attendance trends' intervals.",
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
