"""Messages of the arbitration page (elected officials), its figures and the ``simulate`` command."""

MESSAGES: dict[str, tuple[str, str]] = {
    # page frame
    "arb.title": (
        "Arbitrage : peut-on se permettre ce projet, et à quel niveau ?",
        "Arbitration: can we afford this project, and at which level?",
    ),
    "arb.intro": (
        "Le coût de la participation appris des projets terminés de la commune, un simulateur "
        "pour tester un nouveau projet sur une équipe, le choix des projets proposés qui tiennent "
        "dans la capacité des équipes, et la demande que la participation fait naître. "
        "Situation au {as_of} (dernier jour de temps saisi).",
        "The cost of participation learned from the town's finished projects, a simulator to test "
        "a new project on a team, the choice of proposed projects that fit the teams' capacity, "
        "and the demand participation generates. Situation on {as_of} (last day with recorded "
        "time).",
    ),
    "arb.privacy": (
        "Cette page montre des services, jamais des agents. Aucun groupe de moins de {n} agents "
        "n'est montré.",
        "This page shows services, never agents. No group of fewer than {n} agents is shown.",
    ),
    "arb.privacy.merged": (
        "Services de moins de {n} agents regroupés dans « Autres services » : {services}.",
        "Services with fewer than {n} agents merged into “Other services”: {services}.",
    ),
    "arb.privacy.hidden": (
        "Services masqués (moins de {n} agents, même regroupés) : {services}.",
        "Hidden services (fewer than {n} agents, even merged): {services}.",
    ),
    "arb.no_data": (
        "Aucun temps saisi : impossible d'apprendre le coût des projets. Importez des données "
        "depuis la page Données.",
        "No recorded time: the cost of projects cannot be learned. Import data from the Data page.",
    ),
    "arb.error": (
        "Ce calcul n'a pas pu aboutir : {reason}",
        "This computation could not be completed: {reason}",
    ),
    "arb.tab.effort": ("Coût par niveau", "Cost per level"),
    "arb.tab.simulator": ("Simulateur", "Simulator"),
    "arb.tab.portfolio": ("Choix des projets", "Choosing projects"),
    "arb.tab.demand": ("Demande générée", "Demand generated"),
    "arb.team.other": ("Autres services", "Other services"),
    "arb.team.none": ("Sans service / non montré", "No service / not shown"),
    "arb.category.none": ("Non renseigné", "Not given"),
    "arb.activity.other": ("Autre", "Other"),
    # effort
    "arb.effort.header": (
        "Ce qu'ont coûté les projets terminés",
        "What finished projects cost",
    ),
    "arb.effort.caption": (
        "Heures de personnel enregistrées sur chaque projet terminé (tous agents, toutes "
        "activités). Typique = médiane (P50) ; pessimiste = P80 (80 % des projets ont coûté "
        "moins). {projects}",
        "Staff hours recorded on each finished project (all agents, all activities). Typical = "
        "median (P50); pessimistic = P80 (80 % of projects cost less). {projects}",
    ),
    "arb.effort.caption.projects.one": (
        "{n} projet terminé avec du temps saisi.", "{n} finished project with recorded time."
    ),
    "arb.effort.caption.projects.other": (
        "{n} projets terminés avec du temps saisi.", "{n} finished projects with recorded time."
    ),
    "arb.sim.comparable_projects.one": (
        "{n} projet terminé comparable", "{n} comparable finished project"
    ),
    "arb.sim.comparable_projects.other": (
        "{n} projets terminés comparables", "{n} comparable finished projects"
    ),
    "arb.effort.metric": ("{level} : typique (P50)", "{level}: typical (P50)"),
    "arb.effort.metric_help": (
        "Médiane des heures de personnel par projet terminé de ce niveau.",
        "Median staff hours per finished project at this level.",
    ),
    "arb.effort.metric_caption": (
        "Pessimiste (P80) : {p80} · {monthly} par mois · durée médiane {months} · {projects}",
        "Pessimistic (P80): {p80} · {monthly} a month · median life {months} · {projects}",
    ),
    "arb.effort.by": ("Détailler par", "Break down by"),
    "arb.effort.table_caption": (
        "Par projet : heures au total et par mois de vie du projet (P50 typique, P80 "
        "pessimiste).",
        "Per project: hours in total and per month of the project's life (P50 typical, P80 "
        "pessimistic).",
    ),
    "arb.effort.life_header": (
        "Quand l'effort a lieu dans la vie d'un projet",
        "When the effort happens in a project's life",
    ),
    "arb.effort.life_level": ("Niveau", "Level"),
    "arb.effort.none": (
        "Aucun projet participatif terminé avec du temps saisi.",
        "No finished participatory project with recorded time.",
    ),
    "arb.dimension.level": ("Niveau d'implication", "Level of involvement"),
    "arb.dimension.perimeter": ("Périmètre", "Perimeter"),
    "arb.dimension.theme": ("Thème", "Theme"),
    "arb.dimension.initiative": ("Initiative", "Initiative"),
    "arb.dimension.team": ("Service", "Service"),
    "arb.dimension.channel": ("Canal", "Channel"),
    "arb.dimension.quartier": ("Quartier", "Quartier"),
    "arb.col.projects": ("Projets", "Projects"),
    "arb.col.hours_p50": ("Heures par projet, P50 (h)", "Hours per project, P50 (h)"),
    "arb.col.hours_p80": ("Heures par projet, P80 (h)", "Hours per project, P80 (h)"),
    "arb.col.monthly_hours_p50": ("Heures par mois, P50 (h)", "Hours per month, P50 (h)"),
    "arb.col.monthly_hours_p80": ("Heures par mois, P80 (h)", "Hours per month, P80 (h)"),
    "arb.col.months_p50": ("Durée médiane (mois)", "Median life (months)"),
    "arb.col.hours_total": ("Heures au total (h)", "Total hours (h)"),
    "arb.col.activity": ("Activité", "Activity"),
    "arb.col.share": ("Part des heures", "Share of hours"),
    # simulator
    "arb.sim.header": ("Simuler un nouveau projet", "Simulate a new project"),
    "arb.sim.caption": (
        "Décrivez le projet : la charge hebdomadaire de l'équipe s'affiche avec et sans lui, "
        "face à sa capacité (contrats, jours fériés, absences connues) et à l'objectif "
        "d'occupation de {target}. Un projet tient si, chaque mois qu'il touche, la charge de "
        "l'équipe reste sous cet objectif.",
        "Describe the project: the team's weekly load is shown with and without it, against its "
        "capacity (contracts, public holidays, known absences) and the target utilisation of "
        "{target}. A project fits when, in every month it touches, the team's load stays under "
        "that target.",
    ),
    "arb.sim.team": ("Équipe (service)", "Team (service)"),
    "arb.sim.no_team": (
        "Aucune équipe d'au moins {n} agents : rien à simuler.",
        "No team of at least {n} agents: nothing to simulate.",
    ),
    "arb.sim.level": ("Niveau d'implication", "Level of involvement"),
    "arb.sim.perimeter": ("Périmètre", "Perimeter"),
    "arb.sim.start": ("Démarrage", "Start"),
    "arb.sim.start_help": (
        "Le premier jour des prévisions, puis le 1er de chaque mois jusqu'à un an : un projet "
        "tient ou non mois par mois. Le verdict suit dès que la date est choisie.",
        "The first day of the forecast, then the 1st of each month up to a year ahead: a project "
        "fits or not month by month. The verdict follows as soon as the date is picked.",
    ),
    "arb.sim.months": ("Durée (mois)", "Duration (months)"),
    "arb.sim.capacity_change": (
        "Renfort ou départ (heures par semaine)",
        "Reinforcement or departure (hours per week)",
    ),
    "arb.sim.capacity_change_help": (
        "Heures hebdomadaires ajoutées (ou retirées, en négatif) à la capacité de l'équipe à "
        "partir du démarrage : 35 = un agent à temps plein de plus.",
        "Weekly hours added to (or, negative, removed from) the team's capacity from the start: "
        "35 = one more full-time agent.",
    ),
    "arb.sim.estimate": (
        "Effort estimé à partir de {projects} ({group}) : typique {p50}, pessimiste {p80} au "
        "total, soit {month50} à {month80} par mois sur {months}.",
        "Effort estimated from {projects} ({group}): typical {p50}, pessimistic {p80} in total, "
        "that is {month50} to {month80} a month over {months}.",
    ),
    "arb.sim.fallback": (
        "Moins de {n} projets comparables pour « {requested} » : l'estimation s'appuie sur un "
        "groupe plus large.",
        "Fewer than {n} comparable projects for “{requested}”: the estimate uses a broader group.",
    ),
    "arb.sim.group_all": ("tous les projets terminés", "all finished projects"),
    "arb.sim.typical_life": (
        "Les projets comparables durent en général {months}.",
        "Comparable projects usually last {months}.",
    ),
    "arb.sim.no_estimate": (
        "Aucun projet terminé pour ce niveau : impossible d'estimer l'effort.",
        "No finished project at this level: the effort cannot be estimated.",
    ),
    "arb.sim.verdict_for.one": (
        "**Verdict pour** {team} : niveau {level}, démarrage le {start}, {count} mois.",
        "**Verdict for** {team}: {level} level, starting on {start}, {count} month.",
    ),
    "arb.sim.verdict_for.other": (
        "**Verdict pour** {team} : niveau {level}, démarrage le {start}, {count} mois.",
        "**Verdict for** {team}: {level} level, starting on {start}, {count} months.",
    ),
    "arb.sim.verdict_label.p50": ("Estimation typique (P50)", "Typical estimate (P50)"),
    "arb.sim.verdict_label.p80": ("Estimation pessimiste (P80)", "Pessimistic estimate (P80)"),
    "arb.sim.facts": (
        "Niveau le plus élevé qui tient à cette date (jusqu'au niveau choisi) : {level} · "
        "démarrage au plus tôt au niveau choisi, cherché à partir du {first} (début des "
        "prévisions) jusqu'au {latest} : {start}.",
        "Highest level that fits at this date (up to the chosen one): {level} · earliest start "
        "at the chosen level, searched from {first} (start of the forecast) to {latest}: "
        "{start}.",
    ),
    "arb.why.already_over": (
        "L'équipe est déjà à {without} de sa capacité en {month} sans ce projet ; avec lui, "
        "{with_it} ; la limite est de {target}. Aucun nouveau projet ne tient ce mois-là, même "
        "léger.",
        "The team is already at {without} of its capacity in {month} without this project; with "
        "it, {with_it}; the limit is {target}. No new project fits that month, however light.",
    ),
    "arb.why.tips_over": (
        "C'est ce projet qui fait dépasser la limite : sans lui, l'équipe est à {without} de sa "
        "capacité en {month} ; avec lui, {with_it} ; la limite est de {target}.",
        "This project tips the team over the limit: without it, the team is at {without} of its "
        "capacity in {month}; with it, {with_it}; the limit is {target}.",
    ),
    "arb.why.fits": (
        "Au mois le plus chargé, {month}, l'équipe est à {without} de sa capacité sans ce projet "
        "et à {with_it} avec lui ; la limite est de {target}.",
        "In the busiest month, {month}, the team is at {without} of its capacity without this "
        "project and at {with_it} with it; the limit is {target}.",
    ),
    "arb.why.no_capacity": (
        "L'équipe n'a aucune heure de capacité en {month} (absences, jours fériés) : rien ne "
        "peut y être prévu.",
        "The team has no capacity at all in {month} (absences, public holidays): nothing can be "
        "planned then.",
    ),
    "arb.why.no_days": (
        "La période du projet ne compte aucun jour ouvré de l'équipe.",
        "The project's period holds none of the team's working days.",
    ),
    "arb.other_teams.one": (
        "Une autre équipe peut le prendre à cette date, au même niveau ; sa charge au mois le "
        "plus chargé : {teams} ; la limite est de {target}.",
        "One other team can take it at this date, at the same level; its load in its busiest "
        "month: {teams}; the limit is {target}.",
    ),
    "arb.other_teams.other": (
        "{n} autres équipes peuvent le prendre à cette date, au même niveau ; leur charge au "
        "mois le plus chargé : {teams} ; la limite est de {target}.",
        "{n} other teams can take it at this date, at the same level; their load in their "
        "busiest month: {teams}; the limit is {target}.",
    ),
    "arb.other_teams.top": (
        "{n} autres équipes peuvent le prendre à cette date, au même niveau ; les {shown} plus "
        "disponibles, avec leur charge au mois le plus chargé : {teams} ; la limite est de "
        "{target}.",
        "{n} other teams can take it at this date, at the same level; the {shown} with the most "
        "room, with their load in their busiest month: {teams}; the limit is {target}.",
    ),
    "arb.other_teams.item": (
        "{team} ({without} de sa capacité sans ce projet, {with_it} avec, en {month})",
        "{team} ({without} of its capacity without this project, {with_it} with it, in {month})",
    ),
    "arb.other_teams.none": (
        "Aucune autre équipe ne peut le prendre à cette date, au même niveau.",
        "No other team can take it at this date, at the same level.",
    ),
    "arb.sim.peak": (
        "Charge moyenne de {month} avec le projet : {average} ; semaine la plus chargée : {peak} "
        "({week}).",
        "Average load in {month} with the project: {average}; busiest week: {peak} ({week}).",
    ),
    "arb.sim.none": ("aucun", "none"),
    "arb.sim.table_caption": (
        "Charge et capacité de l'équipe par semaine (heures).",
        "The team's load and capacity per week (hours).",
    ),
    "arb.sim.tentative_header": ("Projets provisoires", "Tentative projects"),
    "arb.sim.tentative_caption": (
        "Empilez plusieurs projets à l'essai : ceux qui sont cochés comptent dans la charge de "
        "leur équipe avant le projet simulé.",
        "Stack several projects to try them: the ticked ones count in their team's load before "
        "the simulated project.",
    ),
    "arb.sim.add": ("Ajouter comme projet provisoire", "Add as a tentative project"),
    "arb.sim.remove": ("Retirer", "Remove"),
    "arb.sim.tentative_none": (
        "Aucun projet provisoire pour l'instant.",
        "No tentative project yet.",
    ),
    "arb.sim.tentative_item": (
        "{name} — {team}, {level}, {perimeter}, dès le {start}, {months}",
        "{name} — {team}, {level}, {perimeter}, from {start}, {months}",
    ),
    "arb.sim.tentative_name": ("Projet provisoire {n}", "Tentative project {n}"),
    "arb.sim.committed_header": (
        "Ce que l'équipe porte déjà : projets programmés et en cours",
        "What the team already carries: planned and active projects",
    ),
    "arb.sim.committed_caption": (
        "Heures restantes = heures prévues − heures déjà saisies, réparties sur les jours "
        "ouvrés jusqu'à la date de fin. Travail ordinaire : part récente de la capacité "
        "({share} sur les {weeks} dernières semaines).",
        "Hours left = planned hours − hours already recorded, spread over the working days until "
        "the end date. Ordinary work: recent share of capacity ({share} over the last {weeks} "
        "weeks).",
    ),
    "arb.sim.committed_none": (
        "Aucun projet participatif programmé ou en cours pour cette équipe.",
        "No planned or active participatory project for this team.",
    ),
    "arb.verdict.fits": ("Tient.", "Fits."),
    "arb.verdict.fits_at_level": (
        "Ne tient pas ainsi ; tient au niveau {level}, à la même date.",
        "Does not fit as described; fits at {level} level, at the same date.",
    ),
    "arb.verdict.fits_from": (
        "Ne tient pas à cette date ; tient au même niveau en démarrant le {start}.",
        "Does not fit at this date; fits at the same level starting on {start}.",
    ),
    "arb.verdict.fits_lighter_from": (
        "Ne tient pas à ce niveau, à aucune date jusqu'au {latest}, ni plus léger à cette date ; "
        "tient au niveau {level} en démarrant le {start}.",
        "Does not fit at this level on any start up to {latest}, nor lighter at this date; fits "
        "at {level} level starting on {start}.",
    ),
    "arb.verdict.does_not_fit": (
        "Ne tient pas, même plus léger ou à une autre date : aucun niveau jusqu'au niveau choisi "
        "ne tient, quel que soit le démarrage entre le {first} et le {latest}.",
        "Does not fit, even lighter or at another date: no level up to the chosen one fits, "
        "whatever the start between {first} and {latest}.",
    ),
    "arb.col.week": ("Semaine (lundi)", "Week (Monday)"),
    "arb.col.capacity_hours": ("Capacité (h)", "Capacity (h)"),
    "arb.col.target_hours": ("Objectif d'occupation (h)", "Target utilisation (h)"),
    "arb.col.ordinary_hours": ("Travail ordinaire (h)", "Ordinary work (h)"),
    "arb.col.committed_hours": ("Projets engagés (h)", "Committed projects (h)"),
    "arb.col.tentative_p50_hours": ("Projets provisoires, P50 (h)", "Tentative projects, P50 (h)"),
    "arb.col.without_p50_hours": ("Charge sans le projet, P50 (h)", "Load without it, P50 (h)"),
    "arb.col.with_p50_hours": ("Charge avec le projet, P50 (h)", "Load with it, P50 (h)"),
    "arb.col.with_p80_hours": ("Charge avec le projet, P80 (h)", "Load with it, P80 (h)"),
    "arb.col.with_p50_ratio": ("Charge / capacité, P50", "Load / capacity, P50"),
    "arb.col.with_p80_ratio": ("Charge / capacité, P80", "Load / capacity, P80"),
    "arb.col.project": ("Projet", "Project"),
    "arb.col.ref": ("Réf.", "Ref."),
    "arb.col.status": ("Statut", "Status"),
    "arb.col.start": ("Début", "Start"),
    "arb.col.end": ("Fin", "End"),
    "arb.col.planned_hours": ("Heures prévues (h)", "Planned hours (h)"),
    "arb.col.spent_hours": ("Heures saisies (h)", "Hours recorded (h)"),
    "arb.col.hours_left": ("Heures restantes (h)", "Hours left (h)"),
    # portfolio
    "arb.pf.header": (
        "Quels projets proposés retenir, et à quel niveau ?",
        "Which proposed projects to take on, and at which level?",
    ),
    "arb.pf.caption": (
        "Parmi les projets au statut « proposé », le choix qui maximise la somme des priorités "
        "sans dépasser, chaque mois des {months} prochains, l'objectif d'occupation de chaque "
        "équipe (calcul exact par programmation linéaire en nombres entiers). Un projet peut être "
        "retenu à un niveau plus léger que proposé ; à priorité égale, les niveaux les plus "
        "élevés sont gardés. L'effort de chaque projet vient des projets terminés comparables, "
        "pas des heures prévues à la demande.",
        "Among the projects with status “proposed”, the choice that maximises the sum of "
        "priorities without exceeding, in any of the next {months} months, each team's target "
        "utilisation (exact integer linear programming). A project may be taken at a lighter "
        "level than proposed; at equal priority, the heavier levels are kept. Each project's "
        "effort comes from comparable finished projects, not from the hours planned in the "
        "request.",
    ),
    "arb.pf.estimate": ("Effort des projets", "Projects' effort"),
    "arb.pf.estimate.p50": ("Typique (P50)", "Typical (P50)"),
    "arb.pf.estimate.p80": ("Pessimiste (P80)", "Pessimistic (P80)"),
    "arb.pf.force_in": ("Imposer ces projets", "Force these projects in"),
    "arb.pf.force_out": ("Écarter ces projets", "Force these projects out"),
    "arb.pf.taken": ("Projets retenus", "Projects taken"),
    "arb.pf.choose": ("Choisir des projets", "Choose projects"),
    "arb.pf.priority": ("Priorité totale retenue", "Total priority taken"),
    "arb.pf.priority_help": (
        "Somme des priorités des projets retenus, sur la somme de toutes les priorités.",
        "Sum of the priorities of the projects taken, out of the sum of all priorities.",
    ),
    "arb.pf.of": ("{value} sur {total}", "{value} of {total}"),
    "arb.pf.infeasible.one": (
        "Un projet imposé ne peut pas être retenu ; les autres choix restent affichés :",
        "One project forced in cannot be taken; the other choices are still shown:",
    ),
    "arb.pf.infeasible.other": (
        "{count} projets imposés ne peuvent pas être retenus ; les autres choix restent "
        "affichés :",
        "{count} projects forced in cannot be taken; the other choices are still shown:",
    ),
    "arb.pf.infeasible_item": ("**{project}** — {reason}", "**{project}** — {reason}"),
    "arb.pf.none": ("Aucun projet proposé à arbitrer.", "No proposed project to choose from."),
    "arb.pf.requests": (
        "Inclure les sollicitations ouvertes des habitants",
        "Include the residents' open requests",
    ),
    "arb.pf.requests_help": (
        "Chaque sollicitation ouverte à la date de référence et qu'aucun projet ne porte encore "
        "devient un candidat : son effort est celui des projets terminés comparables (niveau, "
        "périmètre, équipe), sur leur durée typique à partir du premier mois.",
        "Each request open on the reference day and not yet carried by a project becomes a "
        "candidate: its effort is that of comparable finished projects (level, perimeter, team), "
        "over their typical life from the first month.",
    ),
    "arb.pf.request_level": (
        "Niveau envisagé pour les sollicitations", "Level considered for the requests",
    ),
    "arb.pf.request_priority": ("Priorité d'une sollicitation", "Priority of one request"),
    "arb.pf.requests_caption.one": (
        "{count} sollicitation ouverte au {day} sans projet qui la porte est mise en balance avec "
        "les projets proposés.",
        "{count} request open on {day} without a project carrying it is weighed against the "
        "proposed projects.",
    ),
    "arb.pf.requests_caption.other": (
        "{count} sollicitations ouvertes au {day} sans projet qui les porte sont mises en "
        "balance avec les projets proposés.",
        "{count} requests open on {day} without a project carrying them are weighed against "
        "the proposed projects.",
    ),
    "arb.pf.requests_taken": ("Sollicitations retenues", "Requests taken"),
    "arb.pf.request_levels": (
        "Choisir un autre niveau pour certaines sollicitations",
        "Choose another level for some requests",
    ),
    "arb.col.topic": ("Objet", "Topic"),
    "arb.col.kind": ("Nature", "Kind"),
    "arb.kind.project": ("Projet proposé", "Proposed project"),
    "arb.kind.request": ("Sollicitation", "Request"),
    "arb.col.priority": ("Priorité", "Priority"),
    "arb.col.proposed_level": ("Niveau proposé", "Proposed level"),
    "arb.col.chosen_level": ("Niveau retenu", "Level taken"),
    "arb.col.months": ("Durée (mois)", "Duration (months)"),
    "arb.col.why": ("Pourquoi", "Why"),
    "arb.col.initiative": ("Initiative", "Initiative"),
    "arb.pf.left_out": ("Écarté", "Left out"),
    "arb.reason.forced_out": ("Écarté à votre demande.", "Forced out by you."),
    "arb.reason.no_priority": ("Aucune priorité donnée.", "No priority given."),
    "arb.reason.no_team": (
        "Service inconnu ou trop petit pour être montré : non évalué.",
        "Unknown service, or too small to be shown: not assessed.",
    ),
    "arb.reason.too_large": (
        "Trop lourd pour l'équipe, même au niveau le plus léger : il demande {needed} en {month}, "
        "l'équipe n'a que {room} sous sa limite ; il manque {hours}.",
        "Too heavy for the team, even at the lightest level: it needs {needed} in {month}, the "
        "team has only {room} under its limit; {hours} short.",
    ),
    "arb.reason.crowded_out": (
        "Tiendrait seul, mais les projets plus prioritaires de l'équipe prennent la place : il "
        "manque {hours} en {month}.",
        "Would fit alone, but the team's higher-priority projects take the room: {hours} short "
        "in {month}.",
    ),
    "arb.reason.lighter_level": (
        "Retenu à un niveau plus léger : au niveau proposé, il manquerait {hours} en {month}.",
        "Taken at a lighter level: at the proposed level, {hours} would be short in {month}.",
    ),
    "arb.reason.already_over": (
        "L'équipe dépasse déjà sa limite de {over} en {month} sans aucun nouveau projet : rien ne "
        "peut s'y ajouter ce mois-là.",
        "The team is already {over} over its limit in {month} without any new project: nothing "
        "can be added that month.",
    ),
    "arb.reason.forced_too_large": (
        "Imposé, mais trop lourd même au niveau le plus léger : il demande {needed} en {month}, "
        "l'équipe n'a que {room} sous sa limite ; il manque {hours}.",
        "Forced in, but too heavy even at the lightest level: it needs {needed} in {month}, the "
        "team has only {room} under its limit; {hours} short.",
    ),
    "arb.reason.forced_crowded": (
        "Imposé, mais ne tient pas avec les projets imposés plus prioritaires de l'équipe : "
        "ensemble ils demandent {needed} en {month}, l'équipe n'a que {room} sous sa limite ; "
        "il manque {hours}.",
        "Forced in, but does not fit beside the team's higher-priority projects forced in: "
        "together they need {needed} in {month}, the team has only {room} under its limit; "
        "{hours} short.",
    ),
    "arb.reason.forced_already_over": (
        "Imposé, mais l'équipe dépasse déjà sa limite de {over} en {month} sans aucun nouveau "
        "projet : rien ne peut s'y ajouter ce mois-là.",
        "Forced in, but the team is already {over} over its limit in {month} without any new "
        "project: nothing can be added that month.",
    ),
    "arb.reason.taken": (
        "Retenu au niveau proposé : il tient chaque mois avec les autres projets retenus.",
        "Taken at the proposed level: it fits every month beside the other projects taken.",
    ),
    "arb.reason.forced_in": ("Imposé à votre demande.", "Forced in by you."),
    # demand
    "arb.demand.header": (
        "La demande que la participation fait naître",
        "The demand participation generates",
    ),
    "arb.demand.caption": (
        "Sollicitations des habitants sur la période choisie dans le volet de gauche ({start} – "
        "{end}){team}.",
        "Residents' requests over the period chosen in the left panel ({start} – {end}){team}.",
    ),
    "arb.demand.team_filter": (", pour le service {team}", ", for the service {team}"),
    "arb.demand.hidden_service": (
        "Le service choisi compte moins de {n} agents, même regroupé : la demande de tous les "
        "services est montrée.",
        "The chosen service has fewer than {n} agents, even merged: the demand of every service "
        "is shown.",
    ),
    "arb.demand.level_filter": (
        "Filtre de niveau « {level} » : il s'applique à l'écho des projets ci-dessous.",
        "Level filter “{level}”: it applies to the echo of projects below.",
    ),
    "arb.demand.received": ("Sollicitations reçues", "Requests received"),
    "arb.demand.born_share": ("Nées d'un projet", "Born from a project"),
    "arb.demand.open_at_end": ("Non closes en fin de période", "Open at the end"),
    "arb.demand.days_p50": ("Délai médian de clôture", "Median time to close"),
    "arb.demand.days_p80": ("Délai de clôture, P80", "Time to close, P80"),
    "arb.demand.days": ("{days} j", "{days} d"),
    "arb.demand.by": ("Détailler par", "Break down by"),
    "arb.demand.close_caption": (
        "Délai de clôture (jours entre réception et clôture) des sollicitations closes sur la "
        "période.",
        "Time to close (days from receipt to closing) of the requests closed in the period.",
    ),
    "arb.demand.echo_header": (
        "L'écho des projets : sollicitations nées de chaque projet",
        "The echo of projects: requests born from each project",
    ),
    "arb.demand.echo_caption": (
        "Projets participatifs commencés (en cours ou terminés) d'ici le {end} et sollicitations "
        "qui leur sont liées, sur toute leur vie.",
        "Participatory projects started (active or done) by {end} and the requests linked to "
        "them, over their whole life.",
    ),
    "arb.demand.none": ("Aucune sollicitation sur la période.", "No request in the period."),
    "arb.col.closed": ("Closes", "Closed"),
    "arb.col.days_p50": ("Délai médian (jours)", "Median (days)"),
    "arb.col.days_p80": ("Délai P80 (jours)", "P80 (days)"),
    "arb.col.month": ("Mois", "Month"),
    "arb.col.received": ("Reçues", "Received"),
    "arb.col.born_from_projects": ("Nées d'un projet", "Born from a project"),
    "arb.col.open_at_month_end": ("Non closes en fin de mois", "Open at month end"),
    "arb.col.with_requests": ("Projets avec sollicitations", "Projects with requests"),
    "arb.col.requests_born": ("Sollicitations nées", "Requests born"),
    "arb.col.per_project": ("Par projet (moyenne)", "Per project (mean)"),
    "arb.col.median_per_project": ("Par projet (médiane)", "Per project (median)"),
    "arb.col.open_born": ("Dont non closes", "Of which open"),
    "arb.col.team": ("Service", "Service"),
    "arb.col.level": ("Niveau", "Level"),
    # figures
    "arb.fig.box.title": (
        "Coût des projets terminés par niveau (heures de personnel par projet, échelle "
        "logarithmique)",
        "Cost of finished projects by level (staff hours per project, log scale)",
    ),
    "arb.fig.box.y": ("Heures de personnel par projet (h)", "Staff hours per project (h)"),
    "arb.fig.box.x": ("Niveau d'implication", "Level of involvement"),
    "arb.fig.by.title": (
        "Heures de personnel par projet terminé, typique (P50) et pessimiste (P80), par {dimension}",
        "Staff hours per finished project, typical (P50) and pessimistic (P80), by {dimension}",
    ),
    "arb.fig.by.y": ("Heures par projet (h)", "Hours per project (h)"),
    "arb.fig.life.title": (
        "Répartition de l'effort sur la vie des projets « {level} » terminés, par activité "
        "(% des heures)",
        "Spread of effort over the life of finished “{level}” projects, by activity "
        "(% of hours)",
    ),
    "arb.fig.life.x": ("Avancement du projet (% de sa durée)", "Progress of the project (% of its life)"),
    "arb.fig.life.y": ("Part des heures du niveau (%)", "Share of the level's hours (%)"),
    "arb.fig.sim.title": (
        "Charge hebdomadaire de l'équipe {team}, avec et sans le projet (heures par semaine)",
        "Weekly load of the {team} team, with and without the project (hours per week)",
    ),
    "arb.fig.sim.ordinary": ("Travail ordinaire", "Ordinary work"),
    "arb.fig.sim.committed": ("Projets engagés", "Committed projects"),
    "arb.fig.sim.tentative": ("Projets provisoires (P50)", "Tentative projects (P50)"),
    "arb.fig.sim.project": ("Nouveau projet (P50)", "New project (P50)"),
    "arb.fig.sim.with_p80": (
        "Charge avec le projet, pessimiste (P80)", "Load with the project, pessimistic (P80)",
    ),
    "arb.fig.sim.capacity": ("Capacité", "Capacity"),
    "arb.fig.sim.target": ("Objectif d'occupation ({target})", "Target utilisation ({target})"),
    "arb.fig.pf.title": (
        "Mois le plus serré de chaque équipe sur les {months} prochains mois : heures sous la "
        "limite et heures prises par les projets retenus ce mois-là",
        "Each team's tightest month over the next {months} months: hours under the limit and "
        "hours the chosen projects take that month",
    ),
    "arb.fig.pf.available": ("Disponibles sous la limite", "Available under the limit"),
    "arb.fig.pf.chosen": ("Prises par les projets retenus", "Taken by the chosen projects"),
    "arb.fig.pf.y": ("Heures dans le mois (h)", "Hours in the month (h)"),
    "arb.fig.pf.x": ("Équipe (mois le plus serré)", "Team (tightest month)"),
    "arb.fig.pf.team_month": ("{team} ({month})", "{team} ({month})"),
    "arb.fig.requests.title": (
        "Sollicitations reçues par mois, dont celles nées d'un projet (nombre)",
        "Requests received per month, including those born from a project (count)",
    ),
    "arb.fig.requests.other": ("Autres sollicitations", "Other requests"),
    "arb.fig.requests.born": ("Nées d'un projet", "Born from a project"),
    "arb.fig.requests.y": ("Sollicitations (nombre)", "Requests (count)"),
    "arb.fig.month": ("Mois", "Month"),
    "arb.fig.backlog.title": (
        "Sollicitations non closes en fin de mois (nombre)",
        "Requests still open at month end (count)",
    ),
    "arb.fig.by_dim.title": (
        "Sollicitations reçues par mois et par {dimension} (nombre)",
        "Requests received per month by {dimension} (count)",
    ),
    "arb.fig.echo.title": (
        "Sollicitations nées par projet commencé, par niveau (moyenne, nombre)",
        "Requests born per started project, by level (mean, count)",
    ),
    "arb.fig.echo.y": ("Sollicitations par projet (nombre)", "Requests per project (count)"),
    # command line
    "arb.cli.team": ("Équipe : {team} ({team_id}) · situation au {as_of}",
                     "Team: {team} ({team_id}) · as of {as_of}"),
    "arb.cli.project": ("Projet : {level}, {perimeter}, dès le {start}, {months}",
                        "Project: {level}, {perimeter}, from {start}, {months}"),
    "arb.cli.verdict": ("{label} : {verdict} {facts}", "{label}: {verdict} {facts}"),
}
