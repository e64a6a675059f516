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
    "periods.quarter": ("T{quarter} {year}", "Q{quarter} {year}"),
    "periods.partial.days.one": ("{label}, {n} jour sur {days}", "{label}, {n} day of {days}"),
    "periods.partial.days.other": ("{label}, {n} jours sur {days}", "{label}, {n} days of {days}"),
    "periods.partial.week": (
        "Semaines partielles, hachurées (moins de jours, pas une baisse) : {items}.",
        "Partial weeks, hatched (fewer days, not a drop): {items}.",
    ),
    "periods.partial.month": (
        "Mois partiels, hachurés (moins de jours, pas une baisse) : {items}.",
        "Partial months, hatched (fewer days, not a drop): {items}.",
    ),
    "periods.partial.quarter": (
        "Trimestres partiels, hachurés (moins de jours, pas une baisse) : {items}.",
        "Partial quarters, hatched (fewer days, not a drop): {items}.",
    ),
    "periods.partial.year": (
        "Années partielles, hachurées (moins de jours, pas une baisse) : {items}.",
        "Partial years, hatched (fewer days, not a drop): {items}.",
    ),
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
    "error.store.locked": (
        "La base de données est utilisée par un autre programme (une importation ou une commande "
        "en cours, par exemple). Réessayez dans quelques instants.",
        "The database is in use by another program (an import or a command still running, for "
        "instance). Try again in a moment.",
    ),
    "error.store.not_duckdb": (
        "Le fichier de la base de données n'est pas une base DuckDB, ou il est endommagé. "
        "Prévenez l'administrateur (identifiant {id}).",
        "The database file is not a DuckDB database, or it is damaged. Tell the administrator "
        "(error id {id}).",
    ),
    "error.store.directory": (
        "Le chemin de la base de données désigne un dossier, pas un fichier. Prévenez "
        "l'administrateur (identifiant {id}).",
        "The database path names a folder, not a file. Tell the administrator (error id {id}).",
    ),
    "error.store.permission": (
        "L'application n'a pas le droit d'ouvrir la base de données. Prévenez l'administrateur "
        "(identifiant {id}).",
        "The app is not allowed to open the database. Tell the administrator (error id {id}).",
    ),
    "error.store.missing": (
        "La base de données est introuvable. Prévenez l'administrateur (identifiant {id}).",
        "The database cannot be found. Tell the administrator (error id {id}).",
    ),
    "error.store.not_store": (
        "Le fichier est une base DuckDB, mais pas celle de cette application. Prévenez "
        "l'administrateur (identifiant {id}).",
        "The file is a DuckDB database, but not this app's. Tell the administrator (error id {id}).",
    ),
    "error.store.outdated": (
        "La base de données vient d'une version plus ancienne de l'application et doit être mise à "
        "jour. Prévenez l'administrateur (identifiant {id}).",
        "The database comes from an older version of the app and must be upgraded. Tell the "
        "administrator (error id {id}).",
    ),
    "error.store.other": (
        "La base de données n'a pas pu être ouverte. Prévenez l'administrateur (identifiant {id}).",
        "The database could not be opened. Tell the administrator (error id {id}).",
    ),
    "chart.empty": (
        "« {title} » : rien à tracer pour ce périmètre (service, niveau et période choisis).",
        "“{title}”: nothing to draw for this scope (the chosen service, level and period).",
    ),
    "error.unexpected": (
        "Une erreur inattendue a empêché d'afficher cette page. Elle a été enregistrée ; pour la "
        "signaler, indiquez l'identifiant {id} à l'administrateur.",
        "An unexpected error prevented this page from being shown. It has been recorded; to report "
        "it, give the administrator the error id {id}.",
    ),
    "error.period": (
        "Choisissez une date de début et une date de fin.",
        "Choose a start and an end date.",
    ),
}

MESSAGES.update({
    "common.iso_week": ("{year}-S{week}", "{year}-W{week}"),
    "common.projects.one": ("{n} projet", "{n} project"),
    "common.projects.other": ("{n} projets", "{n} projects"),
    "common.months.one": ("{n} mois", "{n} month"),
    "common.months.other": ("{n} mois", "{n} months"),
    "download.csv": ("Télécharger (CSV)", "Download (CSV)"),
    "download.xlsx": ("Télécharger (Excel)", "Download (Excel)"),
})
