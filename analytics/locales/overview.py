"""Messages of the overview page and the shared figures."""

MESSAGES: dict[str, tuple[str, str]] = {
    "overview.title": ("Vue d'ensemble", "Overview"),
    "overview.intro": (
        "Les premiers chiffres de chacun, pour la période et les filtres choisis dans le volet "
        "de gauche.",
        "Each user's first numbers, for the period and filters chosen in the left panel.",
    ),
    "overview.dgs": ("Direction générale : les équipes", "Management: the teams"),
    "overview.officials": ("Élus : la demande et l'effort", "Officials: demand and effort"),
    "overview.evaluators": ("Évaluation : la participation", "Evaluation: participation"),
    "overview.freshness": ("Fraîcheur des données", "Data freshness"),
    "overview.last_import": ("Dernier import", "Last import"),
    "overview.last_work_date": ("Dernier jour de temps saisi", "Last day with recorded time"),
    "overview.last_event_date": ("Dernier rendez-vous", "Last event"),
    "overview.last_request_date": ("Dernière sollicitation", "Last request"),
    "overview.imports": ("Fichiers importés", "Files imported"),
    "overview.no_data": (
        "Aucune donnée pour cette période et ces filtres.",
        "No data for this period and these filters.",
    ),
    "overview.go": ("Ouvrir la page « {page} »", "Open the “{page}” page"),
    "overview.risk_note": (
        "La surcharge prolongée est un signal de risque, pour ouvrir une conversation ; ce n'est "
        "pas un diagnostic.",
        "Sustained overload is a risk signal to open a conversation, never a diagnosis.",
    ),
    "fig.weekly_load.title": (
        "Heures travaillées par semaine et capacité des agents",
        "Hours worked per week and agents' capacity",
    ),
    "fig.weekly_load.ordinary": ("Travail ordinaire", "Ordinary work"),
    "fig.weekly_load.participation": ("Projets participatifs", "Participatory projects"),
    "fig.weekly_load.capacity": ("Capacité contractuelle", "Contracted capacity"),
    "fig.axis.week": ("Semaine (lundi)", "Week (Monday)"),
    "fig.axis.hours_per_week": ("Heures par semaine (h)", "Hours per week (h)"),
}
