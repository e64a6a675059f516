"""Messages of the overview page and the shared figures."""

MESSAGES: dict[str, tuple[str, str]] = {
    "overview.peak": (
        "Charge moyenne sur la période : {average} ; semaine la plus chargée : {peak} ({week}).",
        "Average load over the period: {average}; busiest week: {peak} ({week}).",
    ),
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
    "overview.todo.title": ("À traiter", "To act on"),
    "overview.todo.intro": (
        "Ce qui demande une action maintenant et dans les {weeks} semaines qui suivent la période "
        "choisie, du plus urgent au moins urgent ; chaque ligne mène au détail.",
        "What needs action now and in the {weeks} weeks after the chosen period, most urgent "
        "first; each line leads to the detail.",
    ),
    "overview.todo.none": (
        "Rien à signaler pour cette période et ces filtres.",
        "Nothing to report for this period and these filters.",
    ),
    "overview.todo.error": (
        "La liste « À traiter » n'a pas pu être calculée ({reason}).",
        "The “To act on” list could not be computed ({reason}).",
    ),
    "overview.todo.link": ("Voir : {page} › {tab}", "See: {page} › {tab}"),
    "overview.todo.link_tab": ("{tab}", "{tab}"),
    "overview.todo.link_page": ("Voir : {page}", "See: {page}"),
    "overview.todo.legal_agent": (
        "{agent} ({service}) : {findings}, au-delà des limites légales du temps de travail.",
        "{agent} ({service}): {findings}, beyond the legal working-time limits.",
    ),
    "overview.todo.legal_town": (
        "Limites légales du temps de travail, tous services : {findings}.",
        "Legal working-time limits, all services: {findings}.",
    ),
    "overview.todo.rule.days_over_10h.one": ("{count} journée de plus de 10 h", "{count} day over 10 h"),
    "overview.todo.rule.days_over_10h.other": (
        "{count} journées de plus de 10 h", "{count} days over 10 h",
    ),
    "overview.todo.rule.weeks_over_48h.one": (
        "{count} semaine de plus de 48 h", "{count} week over 48 h",
    ),
    "overview.todo.rule.weeks_over_48h.other": (
        "{count} semaines de plus de 48 h", "{count} weeks over 48 h",
    ),
    "overview.todo.rule.avg12_over_44h.one": (
        "{count} semaine où la moyenne des 12 dernières semaines dépasse 44 h",
        "{count} week where the mean of the last 12 weeks exceeds 44 h",
    ),
    "overview.todo.rule.avg12_over_44h.other": (
        "{count} semaines où la moyenne des 12 dernières semaines dépasse 44 h",
        "{count} weeks where the mean of the last 12 weeks exceeds 44 h",
    ),
    "overview.todo.rule.rest_under_11h.one": (
        "{count} repos de moins de 11 h entre deux journées",
        "{count} rest of less than 11 h between two days",
    ),
    "overview.todo.rule.rest_under_11h.other": (
        "{count} repos de moins de 11 h entre deux journées",
        "{count} rests of less than 11 h between two days",
    ),
    "overview.todo.rule_few.days_over_10h": (
        "moins de {min} journées de plus de 10 h", "fewer than {min} days over 10 h",
    ),
    "overview.todo.rule_few.weeks_over_48h": (
        "moins de {min} semaines de plus de 48 h", "fewer than {min} weeks over 48 h",
    ),
    "overview.todo.rule_few.avg12_over_44h": (
        "moins de {min} semaines où la moyenne des 12 dernières semaines dépasse 44 h",
        "fewer than {min} weeks where the mean of the last 12 weeks exceeds 44 h",
    ),
    "overview.todo.rule_few.rest_under_11h": (
        "moins de {min} repos de moins de 11 h entre deux journées",
        "fewer than {min} rests of less than 11 h between two days",
    ),
    "overview.todo.overload_agent.one": (
        "{agent} ({service}) : {count} semaine au-delà de {ratio} de sa capacité, du {start} au "
        "{end} (charge moyenne {load}).",
        "{agent} ({service}): {count} week above {ratio} of their capacity, from {start} to {end} "
        "(mean load {load}).",
    ),
    "overview.todo.overload_agent.other": (
        "{agent} ({service}) : {count} semaines de suite au-delà de {ratio} de sa capacité, du "
        "{start} au {end} (charge moyenne {load}).",
        "{agent} ({service}): {count} weeks in a row above {ratio} of their capacity, from {start} "
        "to {end} (mean load {load}).",
    ),
    "overview.todo.overload_town.one": (
        "{count} agent en surcharge prolongée : au moins {weeks} semaines de suite au-delà de "
        "{ratio} de sa capacité.",
        "{count} agent in sustained overload: at least {weeks} weeks in a row above {ratio} of "
        "their capacity.",
    ),
    "overview.todo.overload_town.other": (
        "{count} agents en surcharge prolongée : au moins {weeks} semaines de suite au-delà de "
        "{ratio} de leur capacité.",
        "{count} agents in sustained overload: at least {weeks} weeks in a row above {ratio} of "
        "their capacity.",
    ),
    "overview.todo.overload_town_few": (
        "Moins de {count} agents en surcharge prolongée (au moins {weeks} semaines de suite "
        "au-delà de {ratio} de leur capacité) : le nombre exact d'un si petit groupe n'est pas "
        "affiché.",
        "Fewer than {count} agents in sustained overload (at least {weeks} weeks in a row above "
        "{ratio} of their capacity): the exact number of so small a group is not shown.",
    ),
    "overview.todo.overload_service": (
        "{service} : charge de {load} de sa capacité sur la période ({hours} saisies pour "
        "{capacity} de capacité), au-delà du seuil de {ratio}.",
        "{service}: load of {load} of its capacity over the period ({hours} recorded for "
        "{capacity} of capacity), above the {ratio} threshold.",
    ),
    "overview.todo.forecast_team.one": (
        "{service} ne peut pas prendre de nouveau projet : au-delà de sa capacité {count} semaine "
        "sur les {horizon} à venir (jusqu'à {peak}).",
        "{service} cannot take a new project: over its capacity in {count} of the next {horizon} "
        "weeks (up to {peak}).",
    ),
    "overview.todo.forecast_team.other": (
        "{service} ne peut pas prendre de nouveau projet : au-delà de sa capacité {count} semaines "
        "sur les {horizon} à venir (jusqu'à {peak}).",
        "{service} cannot take a new project: over its capacity in {count} of the next {horizon} "
        "weeks (up to {peak}).",
    ),
    "overview.todo.hidden_participation": (
        "{hours} de travail sur des projets participatifs hors des heures ordinaires ({evenings} "
        "le soir ou tôt le matin en semaine, {weekends} le week-end ou un jour férié), surtout "
        "pour : {projects}.",
        "{hours} of work on participatory projects outside ordinary hours ({evenings} in weekday "
        "evenings or early mornings, {weekends} at weekends or on public holidays), mostly for: "
        "{projects}.",
    ),
    "overview.todo.project": ("{name} ({hours})", "{name} ({hours})"),
    "overview.todo.volunteers.one": (
        "{count} bénévole sur {volunteers} montre au moins un signal d'usure : une conversation à "
        "ouvrir, pas un diagnostic.",
        "{count} volunteer of {volunteers} shows at least one sign of wear: a conversation to "
        "open, not a diagnosis.",
    ),
    "overview.todo.volunteers.other": (
        "{count} bénévoles sur {volunteers} montrent au moins un signal d'usure : une "
        "conversation à ouvrir, pas un diagnostic.",
        "{count} volunteers of {volunteers} show at least one sign of wear: a conversation to "
        "open, not a diagnosis.",
    ),
    "overview.todo.volunteers_few": (
        "Moins de {count} bénévoles (sur {volunteers}) montrent au moins un signal d'usure.",
        "Fewer than {count} volunteers (of {volunteers}) show at least one sign of wear.",
    ),
    "overview.todo.lapsed.one": (
        "{count} participant actif l'année précédente n'est pas revenu depuis 12 mois ({share} "
        "d'entre eux).",
        "{count} participant active the year before has not come back for 12 months ({share} of "
        "them).",
    ),
    "overview.todo.lapsed.other": (
        "{count} participants actifs l'année précédente ne sont pas revenus depuis 12 mois "
        "({share} d'entre eux).",
        "{count} participants active the year before have not come back for 12 months ({share} "
        "of them).",
    ),
    "overview.todo.attendance_down.one": (
        "Fréquentation en baisse pour « {group} » : {slope} présent de moins par rendez-vous "
        "chaque année ({share} par an, sur {events} rendez-vous).",
        "Attendance falling for “{group}”: {slope} fewer attendee per event each year ({share} "
        "a year, over {events} events).",
    ),
    "overview.todo.attendance_down.other": (
        "Fréquentation en baisse pour « {group} » : {slope} présents de moins par rendez-vous "
        "chaque année ({share} par an, sur {events} rendez-vous).",
        "Attendance falling for “{group}”: {slope} fewer attendees per event each year ({share} "
        "a year, over {events} events).",
    ),
    "overview.todo.more.one": (
        "… et {count} autre ligne : voir le détail.", "… and {count} more line: see the detail.",
    ),
    "overview.todo.more.other": (
        "… et {count} autres lignes : voir le détail.", "… and {count} more lines: see the detail.",
    ),
}
