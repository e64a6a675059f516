"""Messages of the app frame: navigation, sidebar filters, banners, freshness."""

MESSAGES: dict[str, tuple[str, str]] = {
    "app.title": ("Charge et participation", "Workload and participation"),
    "app.subtitle": (
        "Tableau de bord de la charge des équipes et de la participation des habitants",
        "Dashboard of staff workload and residents' participation",
    ),
    "nav.overview": ("Vue d'ensemble", "Overview"),
    "nav.methods": ("Méthodes", "Methods"),
    "nav.capacity": ("Capacité des équipes", "Team capacity"),
    "nav.arbitration": ("Arbitrage", "Arbitration"),
    "nav.engagement": ("Engagement", "Engagement"),
    "nav.data": ("Données", "Data"),
    "sidebar.language": ("Langue", "Language"),
    "sidebar.filters": ("Filtres", "Filters"),
    "sidebar.period": ("Période", "Period"),
    "sidebar.period.this_month": ("Ce mois-ci", "This month"),
    "sidebar.period.last_month": ("Le mois dernier", "Last month"),
    "sidebar.period.last_3_months": ("3 derniers mois", "Last 3 months"),
    "sidebar.period.last_12_months": ("12 derniers mois", "Last 12 months"),
    "sidebar.period.this_year": ("Année civile en cours", "Current calendar year"),
    "sidebar.period.last_year": ("Année civile précédente", "Previous calendar year"),
    "sidebar.period.custom": ("Dates choisies", "Custom dates"),
    "sidebar.date_start": ("Du", "From"),
    "sidebar.date_end": ("Au", "To"),
    "sidebar.service": ("Service", "Service"),
    "sidebar.level": ("Niveau d'implication", "Level of involvement"),
    "sidebar.all": ("Tous", "All"),
    "sidebar.period_caption": ("Du {start} au {end}", "From {start} to {end}"),
    "banner.demo_built": (
        "Aucune donnée n'était chargée : une ville de démonstration fictive vient d'être générée "
        "(graine {seed}). Importez vos propres données depuis la page Données.",
        "No data was loaded: a fictional demo town has just been generated (seed {seed}). "
        "Import your own data from the Data page.",
    ),
    "banner.demo": (
        "Données de démonstration : ville fictive générée (graine {seed}, au {as_of}). "
        "Aucun habitant ni agent réel.",
        "Demo data: a generated fictional town (seed {seed}, as of {as_of}). "
        "No real resident or agent.",
    ),
    "banner.updating_derived": (
        "Mise à jour des tables de calcul après une nouvelle version de l'application…",
        "Updating the computed tables after a new version of the app…",
    ),
    "banner.building_demo": (
        "Première ouverture : génération de la ville de démonstration…",
        "First start: generating the demo town…",
    ),
    "error.store": (
        "Impossible d'ouvrir la base de données : {reason}",
        "Cannot open the database: {reason}",
    ),
    "error.period": (
        "Choisissez une date de début et une date de fin.",
        "Choose a start and an end date.",
    ),
}

MESSAGES.update({
    "download.csv": ("Télécharger (CSV)", "Download (CSV)"),
    "download.xlsx": ("Télécharger (Excel)", "Download (Excel)"),
})
