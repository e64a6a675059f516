"""Messages of the team capacity page (issue 4) and its figures."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- Page frame --------------------------------------------------------------------------
    "capacity.title": ("Capacité des équipes", "Team capacity"),
    "capacity.intro": (
        "Les équipes et les agents peuvent-ils absorber plus de travail participatif ? Où ce travail "
        "tombe-t-il, quelle part reste invisible, et les limites légales du temps de travail sont-elles "
        "respectées ? Période et filtres : volet de gauche.",
        "Can teams and agents take on more participation work? Where does it land, how much of it is "
        "hidden, and are legal working-time limits respected? Period and filters: left panel.",
    ),
    "capacity.no_data": (
        "Aucun temps saisi pour cette période et ces filtres.",
        "No recorded time for this period and these filters.",
    ),
    "capacity.error": (
        "Cette partie n'a pas pu être calculée ({reason}). Les autres parties de la page restent "
        "valables.",
        "This part could not be computed ({reason}). The rest of the page is still valid.",
    ),
    "capacity.level_note": (
        "Filtre de niveau « {level} » : les heures ne comptent que ce niveau ; la capacité reste celle "
        "de tous les agents.",
        "Level filter “{level}”: hours count that level only; capacity stays all of the agents' "
        "capacity.",
    ),
    "capacity.tab.load": ("Charge", "Load"),
    "capacity.tab.work": ("Où va la participation", "Where participation lands"),
    "capacity.tab.hidden": ("Travail invisible", "Hidden work"),
    "capacity.tab.legal": ("Limites légales", "Legal limits"),
    "capacity.tab.overload": ("Surcharge prolongée", "Sustained overload"),
    "capacity.tab.forecast": ("Semaines à venir", "Coming weeks"),
    "capacity.tab.agent": ("Fiche agent", "Agent card"),
    # --- Load --------------------------------------------------------------------------------
    "capacity.load.intro": (
        "Charge d'une semaine = heures saisies ÷ capacité (heures du contrat en vigueur, moins les "
        "jours fériés et les absences ; un agent arrivé ou parti en cours de période ne compte que "
        "pendant sa présence). Gris : aucune saisie cette semaine-là — une feuille de temps manquante, "
        "pas une semaine sans travail ; blanc : aucune capacité (absence toute la semaine, avant "
        "l'arrivée ou après le départ). Les semaines coupées par le début ou la fin de la période ne "
        "comptent que leurs jours dans la période.",
        "A week's load = recorded hours ÷ capacity (hours of the contract in force, minus public "
        "holidays and absences; an agent who joined or left during the period counts only while "
        "present). Grey: nothing recorded that week — a missing timesheet, not a week without work; "
        "white: no capacity (away the whole week, before joining or after leaving). "
        "Weeks cut by the start or end of the period count only their days inside it.",
    ),
    "capacity.load.services": ("Par service", "By service"),
    "capacity.load.services_note": (
        "La charge d'un service rapporte ses heures à la capacité des seuls agents qui ont saisi du "
        "temps cette semaine-là, pour qu'une feuille manquante ne passe pas pour de la capacité libre.",
        "A service's load divides its hours by the capacity of the agents who recorded time that "
        "week only, so that a missing timesheet does not pass for spare capacity.",
    ),
    "capacity.load.agents": ("Par agent", "By agent"),
    "capacity.load.peak": (
        "{name} : charge moyenne {average} ; semaine la plus chargée {peak} ({week}).",
        "{name}: average load {average}; busiest week {peak} ({week}).",
    ),
    "capacity.load.most_loaded": (
        "Service le plus chargé sur la période : **{service}** ({load} de sa capacité). Agent le plus "
        "chargé : **{agent}** ({agent_load}).",
        "Most loaded service over the period: **{service}** ({load} of its capacity). Most loaded "
        "agent: **{agent}** ({agent_load}).",
    ),
    "capacity.load.top_agents": (
        "Les {shown} agents les plus chargés sur {total} ; choisissez un service dans le volet de "
        "gauche pour voir tous ses agents (le tableau téléchargeable les contient tous).",
        "The {shown} most loaded agents out of {total}; choose a service in the left panel to see "
        "all its agents (the downloadable table has everyone).",
    ),
    "capacity.load.missing_weeks.one": (
        "{n} semaine-agent sans aucune saisie (en gris).",
        "{n} agent-week without any recorded time (grey).",
    ),
    "capacity.load.missing_weeks.other": (
        "{n} semaines-agents sans aucune saisie (en gris).",
        "{n} agent-weeks without any recorded time (grey).",
    ),
    "capacity.band.missing": ("Aucune saisie", "Nothing recorded"),
    "capacity.band.under": ("Moins de {low}", "Under {low}"),
    "capacity.band.near": ("De {low} à {middle}", "{low} to {middle}"),
    "capacity.band.full": ("De {middle} à {high}", "{middle} to {high}"),
    "capacity.band.over": ("Plus de {high}", "Over {high}"),
    # --- Where participation lands -----------------------------------------------------------
    "capacity.work.intro": (
        "Heures saisies par activité et par niveau d'implication ; part de la participation dans le "
        "temps de chaque service et de chaque agent ; projets qui coûtent le plus d'heures, avec le "
        "nombre d'habitants touchés.",
        "Recorded hours by activity and level of involvement; the share of participation in each "
        "service's and agent's time; the projects costing the most staff hours, with the residents "
        "they reached.",
    ),
    "capacity.work.share_note": (
        "Part de la participation = heures sur des projets participatifs (du niveau choisi, s'il y en "
        "a un) ÷ toutes les heures saisies par le service ou l'agent.",
        "Participation share = hours on participatory projects (at the chosen level, if any) ÷ all "
        "hours recorded by the service or agent.",
    ),
    "capacity.work.agents": ("Part de la participation par agent", "Participation share by agent"),
    "capacity.work.projects": ("Projets les plus coûteux en heures", "Costliest projects in hours"),
    "capacity.work.projects_note": (
        "Habitants touchés = personnes distinctes venues à un rendez-vous du projet pendant la période, "
        "plus le nombre de participants annoncé pour les rendez-vous sans liste de présence.",
        "Residents reached = distinct people who attended one of the project's events in the period, "
        "plus the announced attendance of events without an attendance list.",
    ),
    "capacity.work.no_projects": (
        "Aucun projet participatif n'a reçu d'heures sur cette période.",
        "No participatory project received hours in this period.",
    ),
    "capacity.activity.unspecified": ("Non précisée", "Not specified"),
    # --- Hidden work -------------------------------------------------------------------------
    "capacity.hidden.intro": (
        "Heures hors de la plage {start}–{end} : tôt le matin ou le soir en semaine, le week-end et "
        "les jours fériés (une saisie un samedi, un dimanche ou un jour férié compte entièrement). "
        "Une saisie sans horaires compte comme faite dans la plage.",
        "Hours outside {start}–{end}: early or late on weekdays, at weekends and on public holidays "
        "(an entry on a Saturday, Sunday or public holiday counts wholly). An entry without times "
        "counts as inside.",
    ),
    "capacity.hidden.summary": (
        "{outside} hors plage sur {hours} saisies ({share}) : {weekday} en soirée ou tôt le matin, "
        "{weekend} le week-end, {holiday} les jours fériés.",
        "{outside} outside the window out of {hours} recorded ({share}): {weekday} in the evening or "
        "early morning, {weekend} at weekends, {holiday} on public holidays.",
    ),
    "capacity.hidden.weekday_outside_hours": ("Soir ou tôt le matin (jours ouvrés)",
                                              "Evening or early (working days)"),
    "capacity.hidden.weekend_hours": ("Week-end", "Weekend"),
    "capacity.hidden.holiday_hours": ("Jours fériés", "Public holidays"),
    "capacity.hidden.by_service": ("Par service", "By service"),
    "capacity.hidden.by_agent": ("Par agent", "By agent"),
    "capacity.hidden.by_project": ("Projets qui en sont la cause", "Projects causing it"),
    "capacity.hidden.by_kind": ("Par type de rendez-vous", "By kind of event"),
    "capacity.hidden.kind_note": (
        "Une heure est rattachée au type du rendez-vous que son projet tenait ce jour-là (le plus "
        "tardif s'il y en avait plusieurs).",
        "An hour is traced to the kind of event its project held that day (the latest one if there "
        "were several).",
    ),
    "capacity.hidden.evenings": ("Soirées travaillées par agent et par mois",
                                 "Evenings worked per agent and month"),
    "capacity.hidden.evenings_note": (
        "Une soirée = un jour dont le travail finit après {end} (ou après minuit).",
        "An evening = a day whose work ends after {end} (or past midnight).",
    ),
    "capacity.hidden.no_evenings": ("Aucune soirée travaillée sur la période.",
                                    "No evening worked in the period."),
    "capacity.kind.no_event": ("Sans rendez-vous ce jour-là", "No event that day"),
    "capacity.kind.no_project": ("Hors projet (travail ordinaire)", "No project (ordinary work)"),
    # --- Legal limits ------------------------------------------------------------------------
    "capacity.legal.intro": (
        "Garanties minimales du décret n° 2000-815 (article 3), applicable aux agents territoriaux par "
        "le décret n° 2001-623. Toutes les heures d'un agent comptent, quel que soit le filtre de "
        "niveau. Une dérogation peut exister (circonstances exceptionnelles) : chaque ligne est un "
        "point à vérifier, pas une faute établie.",
        "Minimum guarantees of décret 2000-815 (article 3), applied to territorial staff by décret "
        "2001-623. All of an agent's hours count, whatever the level filter. An exemption may apply "
        "(exceptional circumstances): each row is a point to check, not an established breach.",
    ),
    "capacity.legal.count.one": ("{n} constat", "{n} finding"),
    "capacity.legal.count.other": ("{n} constats", "{n} findings"),
    "capacity.legal.none": ("Aucun constat sur la période.", "No finding in the period."),
    "capacity.legal.days_over_10h.title": ("Journées de plus de {limit}", "Days over {limit}"),
    "capacity.legal.days_over_10h.rule": (
        "La durée quotidienne du travail ne peut pas dépasser {limit}.",
        "Daily working time may not exceed {limit}.",
    ),
    "capacity.legal.days_over_10h.finding": (
        "Le {date}, {hours} travaillées : {excess} au-delà des {limit} par jour.",
        "On {date}, {hours} worked: {excess} over the {limit} daily limit.",
    ),
    "capacity.legal.weeks_over_48h.title": ("Semaines de plus de {limit}", "Weeks over {limit}"),
    "capacity.legal.weeks_over_48h.rule": (
        "La durée du travail ne peut pas dépasser {limit} au cours d'une même semaine (du lundi au "
        "dimanche).",
        "Working time may not exceed {limit} in any one week (Monday to Sunday).",
    ),
    "capacity.legal.weeks_over_48h.finding": (
        "Semaine du {date} : {hours} travaillées, {excess} au-delà des {limit}.",
        "Week of {date}: {hours} worked, {excess} over the {limit} limit.",
    ),
    "capacity.legal.avg12_over_44h.title": (
        "Moyennes sur {weeks} semaines au-delà de {limit}", "{weeks}-week averages over {limit}"
    ),
    "capacity.legal.avg12_over_44h.rule": (
        "En moyenne sur {weeks} semaines consécutives, la durée hebdomadaire ne peut pas dépasser "
        "{limit} (une semaine sans saisie compte pour 0).",
        "On average over {weeks} consecutive weeks, weekly working time may not exceed {limit} (a week "
        "without entries counts as 0).",
    ),
    "capacity.legal.avg12_over_44h.finding": (
        "Du {start} à la semaine du {date} : {hours} par semaine en moyenne, au-delà des {limit}.",
        "From {start} to the week of {date}: {hours} a week on average, over the {limit} limit.",
    ),
    "capacity.legal.rest_under_11h.title": ("Repos quotidiens de moins de {limit}",
                                            "Daily rests under {limit}"),
    "capacity.legal.rest_under_11h.rule": (
        "Entre deux journées, le repos ne peut pas être inférieur à {limit} (les jours sans horaires "
        "ne sont pas vérifiés).",
        "Between two working days, rest may not be shorter than {limit} (days without times are not "
        "checked).",
    ),
    "capacity.legal.rest_under_11h.finding": (
        "Fin à {end} le {end_date}, reprise à {start} le {date} : {hours} de repos seulement "
        "(minimum {limit}).",
        "Ended at {end} on {end_date}, started again at {start} on {date}: only {hours} of rest "
        "(minimum {limit}).",
    ),
    # --- Sustained overload ------------------------------------------------------------------
    "capacity.overload.intro": (
        "Agents dont les heures ont dépassé {ratio} de leur capacité pendant au moins {weeks} "
        "semaines consécutives (toutes leurs heures, quel que soit le filtre de niveau).",
        "Agents whose hours exceeded {ratio} of their capacity for at least {weeks} consecutive weeks "
        "(all their hours, whatever the level filter).",
    ),
    "capacity.overload.risk": (
        "C'est un **signal de risque** pour ouvrir une conversation (charge, priorités, soutien), "
        "jamais un jugement sur une personne ni un diagnostic d'épuisement.",
        "This is a **risk signal** to open a conversation (workload, priorities, support), never a "
        "judgement on a person nor a diagnosis of burnout.",
    ),
    "capacity.overload.count.one": (
        "{n} agent en surcharge prolongée.", "{n} agent in sustained overload."
    ),
    "capacity.overload.count.other": (
        "{n} agents en surcharge prolongée.", "{n} agents in sustained overload."
    ),
    "capacity.overload.none": (
        "Aucun agent en surcharge prolongée sur la période.",
        "No agent in sustained overload in the period.",
    ),
    "capacity.overload.ordinary_only": ("travail ordinaire", "ordinary work"),
    # --- Forecast ----------------------------------------------------------------------------
    "capacity.forecast.intro": (
        "Les {weeks} semaines qui suivent le {as_of} (fin de la période) : la charge ordinaire récente "
        "de chaque équipe (médiane des {baseline} dernières semaines, en part de sa capacité) plus les "
        "heures prévues restantes des projets programmés et en cours, réparties également jusqu'à "
        "leur date de fin, face à la capacité à venir (contrats, jours fériés et absences connues).",
        "The {weeks} weeks after {as_of} (end of the period): each team's recent ordinary load "
        "(median of the last {baseline} weeks, as a share of its capacity) plus the remaining "
        "planned hours of planned and active projects, spread evenly until their end date, against "
        "the coming capacity (contracts, public holidays and known absences).",
    ),
    "capacity.forecast.over_weeks": (
        "Équipes qui dépasseraient leur capacité : {teams}.",
        "Teams that would go over their capacity: {teams}.",
    ),
    "capacity.forecast.team_away.one": (
        ", dont {n} sans aucune capacité (toute l'équipe absente)",
        ", {n} of them with no capacity at all (the whole team away)",
    ),
    "capacity.forecast.team_away.other": (
        ", dont {n} sans aucune capacité (toute l'équipe absente)",
        ", {n} of them with no capacity at all (the whole team away)",
    ),
    "capacity.forecast.team_over.one": (
        "{team} : {n} semaine, jusqu'à {peak}", "{team}: {n} week, up to {peak}"
    ),
    "capacity.forecast.team_over.other": (
        "{team} : {n} semaines, jusqu'à {peak}", "{team}: {n} weeks, up to {peak}"
    ),
    "capacity.forecast.why": (
        "{team}, semaine du {week} ({ratio}) : capacité {capacity}{reduced} ; travail ordinaire "
        "attendu {baseline} ({share} de la capacité, sa part récente) ; projets {projects}{named}.",
        "{team}, week of {week} ({ratio}): capacity {capacity}{reduced}; expected ordinary work "
        "{baseline} ({share} of capacity, its recent share); projects {projects}{named}.",
    ),
    "capacity.forecast.why_reduced": (
        " au lieu de {usual} une semaine ordinaire (absences, jours fériés)",
        " instead of {usual} in an ordinary week (absences, public holidays)",
    ),
    "capacity.forecast.why_named": (" : {names}", ": {names}"),
    "capacity.forecast.why_project": ("{project} {hours}", "{project} {hours}"),
    "capacity.forecast.why_caption": (
        "Pourquoi : la semaine la plus chargée de chaque équipe au-delà de sa capacité.",
        "Why: each team's busiest week over its capacity.",
    ),
    "capacity.forecast.no_over": (
        "Aucune équipe ne dépasse sa capacité dans les semaines à venir.",
        "No team goes over its capacity in the coming weeks.",
    ),
    "capacity.forecast.team": ("Équipe", "Team"),
    "capacity.forecast.all_teams": ("Toutes les équipes", "All teams"),
    "capacity.forecast.chart_title": (
        "Heures prévues par semaine et capacité : {team}", "Projected hours per week and capacity: {team}"
    ),
    "capacity.forecast.baseline": ("Charge ordinaire récente", "Recent ordinary load"),
    "capacity.forecast.projects": ("Projets programmés et en cours", "Planned and active projects"),
    "capacity.forecast.over": ("Au-delà de la capacité", "Over capacity"),
    "capacity.forecast.projects_table": ("Projets pris en compte", "Projects taken into account"),
    "capacity.forecast.unscheduled.one": (
        "{n} projet sans date de fin à venir : ses {hours} restantes ne sont pas réparties.",
        "{n} project without a coming end date: its {hours} left are not spread.",
    ),
    "capacity.forecast.unscheduled.other": (
        "{n} projets sans date de fin à venir : leurs {hours} restantes ne sont pas réparties.",
        "{n} projects without a coming end date: their {hours} left are not spread.",
    ),
    # --- Figures -----------------------------------------------------------------------------
    "capacity.fig.load_band": ("Charge", "Load"),
    "capacity.fig.week_of": ("Semaine du", "Week of"),
    "capacity.fig.hours": ("Heures", "Hours"),
    "capacity.fig.capacity": ("Capacité", "Capacity"),
    "capacity.fig.load": ("Charge", "Load"),
    "capacity.fig.agent_heatmap.title": (
        "Charge de chaque agent par semaine (heures ÷ capacité, %)",
        "Each agent's weekly load (hours ÷ capacity, %)",
    ),
    "capacity.fig.service_heatmap.title": (
        "Charge de chaque service par semaine (heures ÷ capacité, %)",
        "Each service's weekly load (hours ÷ capacity, %)",
    ),
    "capacity.fig.forecast_heatmap.title": (
        "Charge prévue de chaque équipe, semaines à venir (heures prévues ÷ capacité, %)",
        "Each team's projected load, coming weeks (projected hours ÷ capacity, %)",
    ),
    "capacity.fig.axis.agent": ("Agent", "Agent"),
    "capacity.fig.axis.service": ("Service", "Service"),
    "capacity.fig.axis.project": ("Projet", "Project"),
    "capacity.fig.axis.month": ("Mois", "Month"),
    "capacity.fig.axis.hours_per_week": ("Heures par semaine (h)", "Hours per week (h)"),
    "capacity.fig.axis.hours_per_month": ("Heures par mois (h)", "Hours per month (h)"),
    "capacity.fig.axis.share": ("Part des heures saisies (%)", "Share of recorded hours (%)"),
    "capacity.fig.axis.staff_hours": ("Heures des agents (h)", "Staff hours (h)"),
    "capacity.fig.axis.hidden_hours": ("Heures hors plage (h)", "Hours outside the window (h)"),
    "capacity.fig.hours_by_activity.title": (
        "Heures saisies par activité", "Recorded hours by activity"
    ),
    "capacity.fig.hours_by_level.title": (
        "Heures saisies par niveau d'implication", "Recorded hours by level of involvement"
    ),
    "capacity.fig.participation_hours": ("Heures de participation", "Participation hours"),
    "capacity.fig.participation_share.title": (
        "Part du temps des services consacrée à la participation (%)",
        "Share of each service's time spent on participation (%)",
    ),
    "capacity.fig.participants_reached": ("Habitants touchés", "Residents reached"),
    "capacity.fig.hours_per_participant": ("Heures par habitant touché", "Hours per resident reached"),
    "capacity.fig.top_projects.title": (
        "Projets qui ont coûté le plus d'heures aux agents (h)",
        "Projects that cost the most staff hours (h)",
    ),
    "capacity.fig.hidden_services.title": (
        "Heures hors plage par service (h)", "Hours outside the window by service (h)"
    ),
    "capacity.fig.hidden_agents.title": (
        "Agents ayant le plus d'heures hors plage (h)", "Agents with the most hours outside the window (h)"
    ),
    "capacity.fig.hidden_projects.title": (
        "Projets qui causent le plus d'heures hors plage (h)",
        "Projects causing the most hours outside the window (h)",
    ),
    "capacity.fig.evenings": ("Soirées", "Evenings"),
    "capacity.fig.evenings_unit": ("Soirées", "Evenings"),
    "capacity.fig.evenings.title": (
        "Soirées travaillées par agent et par mois (nombre)", "Evenings worked per agent and month (count)"
    ),
    "capacity.fig.weeks": ("Semaines", "Weeks"),
    "capacity.fig.mean_load": ("Charge moyenne", "Mean load"),
    "capacity.fig.overload.title": (
        "Périodes de surcharge prolongée, par agent (semaines)",
        "Periods of sustained overload, per agent (weeks)",
    ),
    # --- Table columns -----------------------------------------------------------------------
    "capacity.col.agent": ("Agent", "Agent"),
    "capacity.col.service": ("Service", "Service"),
    "capacity.col.week": ("Semaine (lundi)", "Week (Monday)"),
    "capacity.col.date": ("Date", "Date"),
    "capacity.col.month": ("Mois", "Month"),
    "capacity.col.hours": ("Heures (h)", "Hours (h)"),
    "capacity.col.all_hours": ("Heures saisies, tous niveaux (h)", "Hours recorded, all levels (h)"),
    "capacity.col.capacity": ("Capacité (h)", "Capacity (h)"),
    "capacity.col.recorded_capacity": ("Capacité des agents ayant saisi (h)",
                                       "Capacity of agents who recorded (h)"),
    "capacity.col.load": ("Charge (heures ÷ capacité)", "Load (hours ÷ capacity)"),
    "capacity.col.band": ("Tranche de charge", "Load band"),
    "capacity.col.agents": ("Agents", "Agents"),
    "capacity.col.agents_missing": ("Agents sans saisie", "Agents without timesheet"),
    "capacity.col.days_in_period": ("Jours dans la période", "Days in the period"),
    "capacity.col.participation_hours": ("Heures de participation (h)", "Participation hours (h)"),
    "capacity.col.participation_share": ("Part de la participation", "Participation share"),
    "capacity.col.project": ("Projet", "Project"),
    "capacity.col.level": ("Niveau", "Level"),
    "capacity.col.status": ("Statut", "Status"),
    "capacity.col.lead_service": ("Service pilote", "Lead service"),
    "capacity.col.participants_reached": ("Habitants touchés", "Residents reached"),
    "capacity.col.hours_per_participant": ("Heures par habitant touché", "Hours per resident reached"),
    "capacity.col.activity": ("Activité", "Activity"),
    "capacity.col.period_start": ("Début de la période (semaine ou mois)", "Period start (week or month)"),
    "capacity.col.outside_hours": ("Heures hors plage (h)", "Hours outside the window (h)"),
    "capacity.col.weekday_outside_hours": (
        "Soir ou tôt, jours ouvrés (h)", "Evening or early, working days (h)"
    ),
    "capacity.col.weekend_hours": ("Week-end (h)", "Weekend (h)"),
    "capacity.col.holiday_hours": ("Jours fériés (h)", "Public holidays (h)"),
    "capacity.col.outside_share": ("Part hors plage", "Share outside the window"),
    "capacity.col.event_kind": ("Type de rendez-vous", "Kind of event"),
    "capacity.col.main_event_kind": ("Type de rendez-vous principal", "Main kind of event"),
    "capacity.col.evenings": ("Soirées", "Evenings"),
    "capacity.col.total": ("Total", "Total"),
    "capacity.col.late_hours": ("Heures ces jours-là (h)", "Hours on those days (h)"),
    "capacity.col.limit": ("Limite (h)", "Limit (h)"),
    "capacity.col.excess": ("Dépassement (h)", "Excess (h)"),
    "capacity.col.window_start": ("Début de la fenêtre", "Window start"),
    "capacity.col.average_hours": ("Moyenne hebdomadaire (h)", "Weekly average (h)"),
    "capacity.col.previous_end": ("Fin de la veille", "Previous end"),
    "capacity.col.first_start": ("Reprise", "Start"),
    "capacity.col.rest_hours": ("Repos (h)", "Rest (h)"),
    "capacity.col.missing_rest": ("Repos manquant (h)", "Rest missing (h)"),
    "capacity.col.explanation": ("En clair", "In plain words"),
    "capacity.col.run_start": ("Première semaine", "First week"),
    "capacity.col.run_end": ("Dernière semaine", "Last week"),
    "capacity.col.weeks": ("Semaines consécutives", "Consecutive weeks"),
    "capacity.col.run_hours": ("Heures pendant la période (h)", "Hours during the run (h)"),
    "capacity.col.run_capacity": ("Capacité pendant la période (h)", "Capacity during the run (h)"),
    "capacity.col.max_load": ("Charge maximale d'une semaine", "Highest weekly load"),
    "capacity.col.worked_on": ("Principaux projets pendant la période", "Main projects during the run"),
    "capacity.col.start_date": ("Début", "Start"),
    "capacity.col.end_date": ("Fin", "End"),
    "capacity.col.planned_hours": ("Heures prévues (h)", "Planned hours (h)"),
    "capacity.col.spent_hours": ("Heures déjà saisies (h)", "Hours already recorded (h)"),
    "capacity.col.remaining_hours": ("Heures restantes (h)", "Hours left (h)"),
    "capacity.col.weeks_left": ("Semaines restantes", "Weeks left"),
    "capacity.col.weekly_hours": ("Heures par semaine (h)", "Hours per week (h)"),
    "capacity.col.baseline_hours": ("Charge ordinaire (h)", "Ordinary load (h)"),
    "capacity.col.project_hours": ("Projets (h)", "Projects (h)"),
    "capacity.col.projected_hours": ("Heures prévues (h)", "Projected hours (h)"),
    "capacity.col.projected_load": ("Charge prévue", "Projected load"),
    "capacity.col.over_capacity": ("Au-delà de la capacité", "Over capacity"),
    "capacity.yes": ("oui", "yes"),
    "capacity.no": ("non", "no"),
    "capacity.card.cause.no_contract": ("pas de contrat", "no contract"),
    "capacity.card.cause.contract_change": ("contrat : {before} → {after}",
                                            "contract: {before} → {after}"),
    "capacity.card.cause.contract_start": ("contrat à partir du {date}", "contract from {date}"),
    "capacity.card.cause.holidays.one": ("{n} jour férié", "{n} public holiday"),
    "capacity.card.cause.holidays.other": ("{n} jours fériés", "{n} public holidays"),
    "capacity.card.cause.absence.one": ("absence : {n} jour", "absence: {n} day"),
    "capacity.card.cause.absence.other": ("absence : {n} jours", "absence: {n} days"),
    "capacity.card.cause.cut.one": ("semaine coupée par la période : {n} jour",
                                    "week cut by the period: {n} day"),
    "capacity.card.cause.cut.other": ("semaine coupée par la période : {n} jours",
                                      "week cut by the period: {n} days"),
    "capacity.card.intro": (
        "Un agent sur la période : ses contrats, ses absences, sa charge semaine par semaine et ses "
        "dépassements des limites légales — pour voir pourquoi sa capacité a changé.",
        "One agent over the period: contracts, absences, week-by-week load and legal-limit "
        "findings — to see why their capacity changed.",
    ),
    "capacity.card.pick": ("Agent", "Agent"),
    "capacity.card.placeholder": ("Choisissez un agent", "Choose an agent"),
    "capacity.card.no_agents": ("Aucun agent dans ce périmètre.", "No agent in this scope."),
    "capacity.card.head": ("**{name}** — {service}", "**{name}** — {service}"),
    "capacity.card.summary": (
        "Sur la période : {hours} saisies pour {capacity} de capacité ({load}).",
        "Over the period: {hours} recorded for {capacity} of capacity ({load}).",
    ),
    "capacity.card.contracts": ("Contrats", "Contracts"),
    "capacity.card.no_contract": ("Aucun contrat connu : pas de capacité calculée.",
                                  "No known contract: no capacity computed."),
    "capacity.card.absences": ("Absences sur la période", "Absences in the period"),
    "capacity.card.no_absence": ("Aucune absence sur la période.", "No absence in the period."),
    "capacity.card.weeks": ("Charge semaine par semaine", "Week-by-week load"),
    "capacity.card.weeks_note": (
        "Capacité = heures du contrat ÷ 5 par jour ouvré, hors fériés et absences ; la colonne "
        "« Pourquoi » dit ce qui la réduit ou la change.",
        "Capacity = contract hours ÷ 5 per working day, public holidays and absences excepted; "
        "the \"Why\" column says what lowers or changes it.",
    ),
    "capacity.card.no_weeks": ("Ni contrat ni saisie sur la période.",
                               "Neither contract nor recorded time in the period."),
    "capacity.card.chart_title": ("Heures par semaine et capacité : {name}",
                                  "Hours per week and capacity: {name}"),
    "capacity.card.findings": ("Limites légales", "Legal limits"),
    "capacity.card.no_findings": ("Aucun dépassement des limites légales sur la période.",
                                  "No legal limit exceeded in the period."),
    "capacity.col.absence_kind": ("Motif", "Kind"),
    "capacity.col.working_days": ("Jours ouvrés dans la période", "Working days in the period"),
    "capacity.col.causes": ("Pourquoi", "Why"),
}
