"""Messages of the Engagement page (evaluators) and of its downloadable report."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Page frame
    "eng.title": ("Engagement des habitants", "Residents' engagement"),
    "eng.intro": (
        "Chiffres clés de la période du {start} au {end} ; les tendances, cohortes et courbes de "
        "maintien couvrent toutes les années de données jusqu'au {end} (la dernière année peut être "
        "incomplète). Les participants ne sont connus que par un pseudonyme ; aucun groupe de moins "
        "de {k} personnes n'est affiché ni exporté.",
        "Key figures for the period from {start} to {end}; trends, cohorts and survival curves cover "
        "every year of data up to {end} (the last year may be incomplete). Participants are known by "
        "a pseudonym only; no group of fewer than {k} people is shown or exported.",
    ),
    "eng.hidden_period": (
        "Moins de {k} participants sur la période et ces filtres : les chiffres de la période ne "
        "sont pas affichés, pour protéger les personnes.",
        "Fewer than {k} participants in this period and these filters: the period's figures are not "
        "shown, to protect people.",
    ),
    "eng.section_hidden": (
        "Section masquée : moins de {k} personnes dans ce périmètre (période et filtres). "
        "Élargissez la période ou retirez un filtre.",
        "Section hidden: fewer than {k} people in this scope (period and filters). Widen the "
        "period or remove a filter.",
    ),
    "eng.no_data": (
        "Aucune participation enregistrée pour ces filtres.",
        "No participation recorded for these filters.",
    ),
    "eng.error": (
        "Les chiffres d'engagement n'ont pas pu être calculés : {reason}",
        "The engagement figures could not be computed: {reason}",
    ),
    "eng.tab.rotation": ("Renouvellement", "Rotation"),
    "eng.tab.concentration": ("Concentration", "Concentration"),
    "eng.tab.cohorts": ("Cohortes et maintien", "Cohorts and survival"),
    "eng.tab.fatigue": ("Érosion et fatigue", "Erosion and fatigue"),
    "eng.tab.representativeness": ("Représentativité", "Representativeness"),
    "eng.tab.milestones": ("Cailloux blancs", "Milestones"),
    "eng.tab.report": ("Rapport", "Report"),
    "eng.key_figures": ("Chiffres clés de la période", "Key figures of the period"),
    # Tiles
    "eng.tile.gini": ("Indice de Gini", "Gini index"),
    "eng.tile.gini_n": ("Indice de Gini (n = {n})", "Gini index (n = {n})"),
    "eng.tile.newcomers": ("Nouveaux venus", "Newcomers"),
    "eng.tile.attendances": ("Présences", "Attendances"),
    "eng.tile.lapsed_12m": ("Perdus de vue (12 mois)", "Lapsed (12 months)"),
    "eng.tile.lapsed_12m_share": ("Part perdue de vue", "Share lapsed"),
    "eng.tile.median_survival": ("Durée médiane d'engagement", "Median engagement"),
    "eng.tile.volunteers": ("Bénévoles suivis", "Volunteers followed"),
    "eng.tile.r_score": ("Score de représentation ({dimension})", "Representation score ({dimension})"),
    "eng.tile.dissimilarity": ("Indice de dissimilarité ({dimension})", "Dissimilarity ({dimension})"),
    "eng.tile.milestones": ("Cailloux blancs", "Milestones"),
    "eng.months.one": ("{n} mois", "{n} month"),
    "eng.months.other": ("{n} mois", "{n} months"),
    "eng.n_equals": ("n = {n}", "n = {n}"),
    # Definitions (page captions and report)
    "eng.def.rotation": (
        "Participants distincts : habitants venus au moins une fois (présence « venu ») à un "
        "rendez-vous daté du trimestre ou de l'année. Un nouveau venu y vient pour la première fois "
        "(dans le périmètre des filtres) ; les autres reviennent.",
        "Distinct participants: residents who attended at least one event dated in the quarter or "
        "year. A newcomer attends for the first time (within the filters); the others are returning.",
    ),
    "eng.def.frequency": (
        "Fréquence dans l'année : ponctuel = 1 rendez-vous, occasionnel = 2 à 4, assidu = 5 ou plus. "
        "La règle « 90-9-1 » (90 % de ponctuels, 9 % d'occasionnels, 1 % d'assidus) n'est qu'un "
        "repère tracé en pointillé, pas un objectif.",
        "Frequency within the year: one-time = 1 event, occasional = 2 to 4, frequent = 5 or more. "
        "The 90-9-1 rule of thumb (90 % one-time, 9 % occasional, 1 % frequent) is a dotted "
        "reference line only, not a target.",
    ),
    "eng.def.concentration": (
        "Part des 10 % les plus actifs : présences des ⌈n/10⌉ participants les plus assidus ÷ "
        "toutes les présences. Indice de Gini : 0 si chacun vient aussi souvent, proche de 1 si "
        "quelques personnes font presque toutes les présences ; n = nombre de participants. La "
        "courbe de Lorenz cumule les présences des participants, du moins au plus assidu.",
        "Share of the most active 10 %: attendances of the ⌈n/10⌉ most active participants ÷ all "
        "attendances. Gini index: 0 when everybody comes equally often, close to 1 when a few people "
        "make nearly all attendances; n = number of participants. The Lorenz curve accumulates "
        "attendances from the least to the most active participant.",
    ),
    "eng.def.retention": (
        "Cohorte : participants dont le premier rendez-vous tombe dans l'année. Maintien à k ans : "
        "part de la cohorte venue au moins une fois dans l'année + k (pas forcément chaque année).",
        "Cohort: participants whose first event falls in that year. Retention after k years: share "
        "of the cohort who attended at least once in year + k (not necessarily every year).",
    ),
    "eng.def.survival": (
        "Courbe de Kaplan–Meier : part estimée des participants encore engagés t mois après leur "
        "premier rendez-vous. L'engagement va du premier au dernier rendez-vous ; il est terminé "
        "après 12 mois sans venir. Les personnes venues dans les 12 derniers mois sont peut-être "
        "encore engagées : leur durée est censurée (connue comme au moins aussi longue). Groupes "
        "selon le niveau ou l'initiative du projet du premier rendez-vous ; la courbe s'arrête quand "
        "moins de 5 personnes restent suivies.",
        "Kaplan–Meier curve: estimated share of participants still engaged t months after their "
        "first event. Engagement runs from the first to the last event; it has ended after 12 months "
        "without coming. People who came in the last 12 months may still be engaged: their duration "
        "is censored (known to be at least that long). Groups by the level or initiative of the "
        "project of the first event; a curve stops when fewer than 5 people are still followed.",
    ),
    "eng.def.median_survival": (
        "Mois après le premier rendez-vous où la courbe de maintien passe sous 50 %.",
        "Months after the first event at which the survival curve falls below 50 %.",
    ),
    "eng.def.lapsed": (
        "Perdus de vue : venus au moins une fois dans les 12 mois précédant les 12 derniers mois, "
        "et plus du tout depuis. D'une année sur l'autre : parmi les participants de l'année "
        "précédente, ceux revenus et ceux perdus de vue.",
        "Lapsed: attended at least once in the 12 months before the last 12 months, and never since. "
        "Year on year: of the previous year's participants, those who came back and those who "
        "lapsed.",
    ),
    "eng.def.lapsed_short": (
        "Venus dans les 12 mois précédant les 12 derniers mois, plus depuis.",
        "Came in the 12 months before the last 12 months, not since.",
    ),
    "eng.lapsed_windows": (
        "Venus entre le {earlier_start} et le {earlier_end}, pas entre le {recent_start} et le "
        "{recent_end}.",
        "Came between {earlier_start} and {earlier_end}, not between {recent_start} and "
        "{recent_end}.",
    ),
    "eng.def.volunteers": (
        "Participants venus au moins une fois comme bénévoles dans les {months} derniers mois.",
        "Participants who came at least once as volunteers in the last {months} months.",
    ),
    "eng.risk_note": (
        "Ces indicateurs de fatigue des bénévoles sont des signaux de risque qui invitent à une "
        "conversation, jamais un diagnostic d'épuisement. Chaque signal est montré séparément avec "
        "son seuil.",
        "These volunteer-fatigue indicators are risk signals that invite a conversation, never a "
        "diagnosis of burnout. Each signal is shown separately with its threshold.",
    ),
    "eng.def.attendance": (
        "Fréquentation par rendez-vous : présences « venu » de chaque rendez-vous (ou le nombre de "
        "participants déclaré quand il n'y a pas de liste nominative), moyenne par année. La "
        "tendance (tirets) est une droite des moindres carrés ajustée sur tous les rendez-vous ; sa "
        "pente est donnée avec son intervalle de confiance à 95 %.",
        "Attendance per event: attended attendances of each event (or its declared attendee count "
        "when there is no per-person list), averaged per year. The trend (dashes) is a least-squares "
        "line fitted on every event; its slope is given with its 95 % confidence interval.",
    ),
    "eng.def.representation": (
        "Participants de la période selon leur quartier de résidence et leur tranche d'âge, comparés "
        "au recensement (table population). Taux de participation = participants ÷ population du "
        "groupe ; score de représentation = taux le plus bas ÷ taux le plus haut (1 = tous les "
        "groupes participent autant, 0 = un groupe est absent) ; écart = part parmi les participants "
        "− part dans la population, en points.",
        "Participants of the period by the quartier they live in and their age band, compared with "
        "the census (population table). Participation rate = participants ÷ the group's population; "
        "representation score = lowest rate ÷ highest rate (1 = every group takes part as much, 0 = "
        "a group is absent); gap = share among participants − share in the population, in points.",
    ),
    "eng.def.r_score": (
        "Taux de participation le plus bas ÷ le plus haut.",
        "Lowest participation rate ÷ highest.",
    ),
    "eng.def.dissimilarity": (
        "Indice de dissimilarité = ½ Σ |part parmi les participants − part dans la population| : la "
        "part des participants qui devraient venir d'un autre groupe pour que le public ressemble à "
        "la ville (0 = même composition).",
        "Dissimilarity index = ½ Σ |share among participants − share in the population|: the share "
        "of participants who would have to come from another group for the public to mirror the "
        "town (0 = same make-up).",
    ),
    "eng.def.milestones": (
        "Cailloux blancs (petites réussites visibles) du {start} au {end}, au-dessus du nombre de "
        "participants distincts par mois. La frise couvre au moins les 24 derniers mois.",
        "Milestones (small visible achievements) from {start} to {end}, above the number of distinct "
        "participants per month. The timeline covers at least the last 24 months.",
    ),
    "eng.def.privacy": (
        "Protection des personnes : les habitants ne sont désignés que par un pseudonyme (HMAC) ; "
        "tout groupe de moins de {k} personnes est masqué (–), ainsi que les chiffres qui "
        "permettraient de le retrouver par soustraction.",
        "Privacy: residents are known by a pseudonym (HMAC) only; every group of fewer than {k} people "
        "is hidden (–), and so are the numbers that would let one recover it by subtraction.",
    ),
    # Notes
    "eng.note.data_start.newcomers": (
        "Les données de participation commencent le {date} : qui venait déjà avant est compté comme "
        "nouveau venu à sa première présence enregistrée, si bien que la première année compte "
        "presque uniquement des nouveaux venus.",
        "Participation data start on {date}: whoever came before is counted as a newcomer at their "
        "first recorded event, so the first year shows almost only newcomers.",
    ),
    "eng.note.data_start.inflated": (
        "La période commence moins d'un an après le début des données ({date}) : cette part compte "
        "comme nouveaux des participants peut-être venus avant.",
        "The period starts less than a year after the data start ({date}): this share counts as new "
        "participants who may have come before.",
    ),
    "eng.note.data_start.cohorts": (
        "La première cohorte part du début des données, le {date} : elle mêle habitués de longue "
        "date et vrais nouveaux venus, sa fidélisation ne se compare pas aux suivantes.",
        "The first cohort starts with the data, on {date}: it mixes long-standing regulars and true "
        "newcomers, so its retention does not compare with the later ones.",
    ),
    "eng.note.data_start.trends": (
        "Départs et tendances sont calculés à partir du {date}, début des données : rien n'est "
        "connu avant.",
        "Lapses and trends are computed from {date}, the start of the data: nothing is known "
        "before.",
    ),
    "eng.note.trend": (
        "{group} : {slope} participant par rendez-vous et par an (IC 95 % : {low} à {high} ; "
        "{n} rendez-vous) — {direction}.",
        "{group}: {slope} attendees per event per year (95 % CI: {low} to {high}; {n} events) — "
        "{direction}.",
    ),
    "eng.note.unmatched.one": (
        "{n} participant dont la donnée « {dimension} » manque dans la table population n'est pas "
        "compté dans les taux.",
        "{n} participant without a {dimension} known to the population table is left out of the "
        "rates.",
    ),
    "eng.note.unmatched.other": (
        "{n} participants dont la donnée « {dimension} » manque dans la table population ne sont "
        "pas comptés dans les taux.",
        "{n} participants without a {dimension} known to the population table are left out of the "
        "rates.",
    ),
    "eng.note.uncompared": (
        "Catégories de «\u00a0{dimension}\u00a0» absentes de la table population, donc non "
        "comparées : {categories}.",
        "Categories of '{dimension}' missing from the population table, so not compared: "
        "{categories}.",
    ),
    "eng.note.uncompared_others": ("d'autres, portées par moins de personnes",
                                   "others, held by fewer people"),
    "eng.note.unmatched_hidden": (
        "Quelques participants dont la donnée « {dimension} » manque dans la table population ne "
        "sont pas comptés dans les taux (nombre masqué : petit groupe).",
        "A few participants without a {dimension} known to the population table are left out of "
        "the rates (number hidden: small group).",
    ),
    "eng.direction.down": ("en baisse", "falling"),
    "eng.direction.up": ("en hausse", "rising"),
    "eng.direction.flat": ("pas de tendance nette", "no clear trend"),
    "eng.chi2.result": (
        "Test du khi-deux ({dimension}) : χ² = {statistic}, {dof} degrés de liberté, p = {p}. Un p "
        "faible indique que le public ne ressemble pas à la population.",
        "Chi-square test ({dimension}): χ² = {statistic}, {dof} degrees of freedom, p = {p}. A small "
        "p means the public does not look like the population.",
    ),
    "eng.chi2.not_shown": (
        "Test du khi-deux ({dimension}) non présenté : {reason}",
        "Chi-square test ({dimension}) not shown: {reason}",
    ),
    "eng.chi2.small_expected": (
        "un effectif attendu est inférieur à 5 (plus petit : {expected}), le test ne serait pas "
        "fiable.",
        "an expected count is under 5 (smallest: {expected}), the test would not be reliable.",
    ),
    "eng.chi2.too_few_groups": (
        "il faut au moins deux groupes dans la table population.",
        "at least two groups are needed in the population table.",
    ),
    "eng.chi2.small_groups": (
        "des groupes de moins de {k} personnes sont masqués dans ce tableau, et le test (comme le "
        "score de représentation et l'indice de dissimilarité) permettrait de les retrouver.",
        "groups of fewer than {k} people are hidden in this table, and the test (like the "
        "representation score and the dissimilarity index) would give them away.",
    ),
    "eng.chi2.no_participants": ("aucun participant sur la période.", "no participant in the period."),
    # Signals
    "eng.signal.commitments": ("Engagements simultanés", "Concurrent commitments"),
    "eng.signal.hours": ("Beaucoup d'heures", "Many hours"),
    "eng.signal.run": ("Longue série sans pause", "Long unbroken run"),
    "eng.signal.no_shows": ("Absences en hausse", "Rising no-shows"),
    "eng.threshold.commitments": (
        "Seuil : au moins {n} projets de coproduction fréquentés sur les {months} derniers mois.",
        "Threshold: at least {n} coproduction projects attended in the last {months} months.",
    ),
    "eng.threshold.hours": (
        "Seuil : au moins {hours} h de bénévolat par mois en moyenne sur les {months} derniers mois.",
        "Threshold: at least {hours} volunteer hours a month on average over the last {months} "
        "months.",
    ),
    "eng.threshold.run": (
        "Seuil : au moins {months} mois consécutifs avec un rendez-vous, série toujours en cours.",
        "Threshold: at least {months} consecutive months with an event, run still going.",
    ),
    "eng.threshold.no_shows": (
        "Seuil : part d'absences en hausse d'au moins {points} points sur les {months} derniers mois "
        "par rapport aux {months} précédents (au moins {n} inscriptions récentes).",
        "Threshold: share of no-shows up by at least {points} points in the last {months} months "
        "against the {months} before (at least {n} recent registrations).",
    ),
    "eng.no_baseline.no_shows": (
        "Une hausse se mesure par rapport à une base : sans au moins {baseline} inscriptions sur "
        "les {months} mois d'avant (bénévole récent, ou données qui commencent là), pas de "
        "signal. Bénévoles dans ce cas : {n}.",
        "A rise is measured against a baseline: without at least {baseline} registrations in the "
        "{months} months before (a new volunteer, or data starting there), no signal. Volunteers "
        "in that case: {n}.",
    ),
    # Series and axes
    "eng.newcomers": ("Nouveaux venus", "Newcomers"),
    "eng.returning": ("Habitués (déjà venus)", "Returning"),
    "eng.class.one_time": ("Ponctuels (1)", "One-time (1)"),
    "eng.class.occasional": ("Occasionnels (2–4)", "Occasional (2–4)"),
    "eng.class.frequent": ("Assidus (5 et plus)", "Frequent (5+)"),
    "eng.reference_90_9_1": ("repère 90-9-1 : {value}", "90-9-1 reference: {value}"),
    "eng.top10_share": ("Part des 10 % les plus actifs", "Share of the most active 10 %"),
    "eng.gini": ("Indice de Gini", "Gini index"),
    "eng.equality": ("Égalité parfaite", "Perfect equality"),
    "eng.lorenz": ("Courbe de Lorenz", "Lorenz curve"),
    "eng.still_active": ("Revenus", "Came back"),
    "eng.lapsed": ("Perdus de vue", "Lapsed"),
    "eng.events_unit": ("rendez-vous", "events"),
    "eng.trend_of": ("Tendance : {group}", "Trend: {group}"),
    "eng.trend_hover": ("tendance : {slope} par an", "trend: {slope} per year"),
    "eng.participant_share": ("Part parmi les participants", "Share among participants"),
    "eng.population_share": ("Part dans la population", "Share of the population"),
    "eng.participants_month": ("Participants distincts du mois", "Distinct participants in the month"),
    "eng.milestones": ("Cailloux blancs", "Milestones"),
    "eng.milestones_of": ("Cailloux blancs : {level}", "Milestones: {level}"),
    "eng.hidden_group": ("masqué", "hidden"),
    "eng.unknown": ("Non renseigné", "Unknown"),
    "eng.all_participants": ("Tous les participants", "All participants"),
    "eng.quarter_label": ("T{quarter} {year}", "Q{quarter} {year}"),
    "eng.dimension.period": ("Période", "Period"),
    "eng.dimension.year": ("Année", "Year"),
    "eng.dimension.level": ("Niveau d'implication", "Level of involvement"),
    "eng.dimension.event_kind": ("Type de rendez-vous", "Kind of event"),
    "eng.dimension.initiative": ("Initiative", "Initiative"),
    "eng.fig.rotation_quarter": (
        "Participants distincts par trimestre : nouveaux venus et habitués",
        "Distinct participants per quarter: newcomers and returning",
    ),
    "eng.fig.rotation_year": (
        "Participants distincts par année : nouveaux venus et habitués",
        "Distinct participants per year: newcomers and returning",
    ),
    "eng.fig.frequency": (
        "Fréquence de participation dans l'année (part des participants)",
        "How often participants came within the year (share of participants)",
    ),
    "eng.fig.concentration_trend": (
        "Concentration des présences par année (part des 10 % les plus actifs, Gini)",
        "Concentration of attendances per year (share of the most active 10 %, Gini)",
    ),
    "eng.fig.concentration_level": (
        "Concentration des présences par niveau d'implication (période)",
        "Concentration of attendances by level of involvement (period)",
    ),
    "eng.fig.concentration_event_kind": (
        "Concentration des présences par type de rendez-vous (période)",
        "Concentration of attendances by kind of event (period)",
    ),
    "eng.fig.lorenz": (
        "Courbe de Lorenz des présences de la période (Gini = {gini})",
        "Lorenz curve of the period's attendances (Gini = {gini})",
    ),
    "eng.fig.retention": (
        "Maintien des cohortes : part encore venue k années après la première",
        "Cohort retention: share still coming k years after the first",
    ),
    "eng.fig.survival_level": (
        "Maintien de l'engagement (Kaplan–Meier) selon le niveau du premier rendez-vous",
        "Engagement survival (Kaplan–Meier) by level of the first event",
    ),
    "eng.fig.survival_initiative": (
        "Maintien de l'engagement (Kaplan–Meier) selon l'initiative du premier rendez-vous",
        "Engagement survival (Kaplan–Meier) by initiative of the first event",
    ),
    "eng.fig.transitions": (
        "Participants de l'année précédente : revenus ou perdus de vue",
        "Last year's participants: came back or lapsed",
    ),
    "eng.fig.attendance_event_kind": (
        "Fréquentation moyenne par rendez-vous et par an, selon le type de rendez-vous",
        "Mean attendance per event and year, by kind of event",
    ),
    "eng.fig.attendance_initiative": (
        "Fréquentation moyenne par rendez-vous et par an, selon l'initiative du projet",
        "Mean attendance per event and year, by initiative of the project",
    ),
    "eng.fig.representation_quartier": (
        "Participants et population par quartier de résidence (période)",
        "Participants and population by quartier of residence (period)",
    ),
    "eng.fig.representation_age_band": (
        "Participants et population par tranche d'âge (période)",
        "Participants and population by age band (period)",
    ),
    "eng.fig.milestones": (
        "Cailloux blancs et participants distincts par mois",
        "Milestones and distinct participants per month",
    ),
    "eng.axis.quarter": ("Trimestre", "Quarter"),
    "eng.axis.year": ("Année", "Year"),
    "eng.axis.month": ("Mois", "Month"),
    "eng.axis.participants": ("Participants (personnes)", "Participants (people)"),
    "eng.axis.participants_prev_year": (
        "Participants de l'année précédente (personnes)", "Previous year's participants (people)"
    ),
    "eng.axis.share_participants": ("Part des participants (%)", "Share of participants (%)"),
    "eng.axis.concentration": ("Part (%) ou indice (0 à 1)", "Share (%) or index (0 to 1)"),
    "eng.axis.level": ("Niveau d'implication", "Level of involvement"),
    "eng.axis.event_kind": ("Type de rendez-vous", "Kind of event"),
    "eng.axis.people_share": (
        "Part cumulée des participants, du moins au plus assidu (%)",
        "Cumulative share of participants, least to most active (%)",
    ),
    "eng.axis.attendance_share": ("Part cumulée des présences (%)", "Cumulative share of attendances (%)"),
    "eng.axis.cohort": ("Année du premier rendez-vous (cohorte)", "Year of first event (cohort)"),
    "eng.axis.years_after": ("Années après la première (k)", "Years after the first (k)"),
    "eng.axis.months_since_first": (
        "Mois depuis le premier rendez-vous", "Months since the first event"
    ),
    "eng.axis.still_engaged": ("Part encore engagée (%)", "Share still engaged (%)"),
    "eng.axis.attendees_per_event": (
        "Participants par rendez-vous (personnes)", "Attendees per event (people)"
    ),
    "eng.axis.attendees_per_event_short": ("Participants / rendez-vous", "Attendees / event"),
    "eng.axis.quartier": ("Quartier", "Quartier"),
    "eng.axis.age_band": ("Tranche d'âge", "Age band"),
    "eng.axis.share": ("Part (%)", "Share (%)"),
    # Table titles and columns
    "eng.table.participants_quarter": ("Participants par trimestre", "Participants per quarter"),
    "eng.table.participants_year": ("Participants par année", "Participants per year"),
    "eng.table.frequency_classes": ("Fréquence de participation par année", "Frequency per year"),
    "eng.table.concentration": ("Concentration des présences", "Concentration of attendances"),
    "eng.table.cohort_retention": ("Maintien des cohortes", "Cohort retention"),
    "eng.table.survival_level": (
        "Maintien de l'engagement selon le niveau", "Engagement survival by level"
    ),
    "eng.table.survival_initiative": (
        "Maintien de l'engagement selon l'initiative", "Engagement survival by initiative"
    ),
    "eng.table.year_on_year": ("Érosion d'une année sur l'autre", "Year-on-year erosion"),
    "eng.table.volunteer_risk_signals": (
        "Bénévoles présentant au moins un signal de risque (pseudonymes)",
        "Volunteers showing at least one risk signal (pseudonyms)",
    ),
    "eng.table.attendance_trends": (
        "Tendance de la fréquentation par rendez-vous", "Trend of attendance per event"
    ),
    "eng.table.representation_quartier": (
        "Représentation par quartier", "Representation by quartier"
    ),
    "eng.table.representation_age_band": (
        "Représentation par tranche d'âge", "Representation by age band"
    ),
    "eng.table.milestones": ("Cailloux blancs", "Milestones"),
    "eng.empty_table": ("Aucune ligne à afficher.", "No row to show."),
    "eng.col.participants": ("Participants", "Participants"),
    "eng.col.newcomer_share": ("Part de nouveaux venus", "Newcomer share"),
    "eng.col.share_one_time": ("Part de ponctuels", "Share one-time"),
    "eng.col.share_occasional": ("Part d'occasionnels", "Share occasional"),
    "eng.col.share_frequent": ("Part d'assidus", "Share frequent"),
    "eng.col.breakdown": ("Découpage", "Breakdown"),
    "eng.col.group": ("Groupe", "Group"),
    "eng.col.n": ("n (participants)", "n (participants)"),
    "eng.col.attendances": ("Présences", "Attendances"),
    "eng.col.cohort_size": ("Taille de la cohorte", "Cohort size"),
    "eng.col.years_after.one": ("Après {n} an", "After {n} year"),
    "eng.col.years_after.other": ("Après {n} ans", "After {n} years"),
    "eng.col.median_months": ("Durée médiane (mois)", "Median (months)"),
    "eng.col.survival_at": ("Encore engagés à {months} mois", "Still engaged at {months} months"),
    "eng.col.previous_active": ("Venus l'année précédente", "Active the year before"),
    "eng.col.lapsed_share": ("Part perdue de vue", "Share lapsed"),
    "eng.col.pseudonym": ("Pseudonyme", "Pseudonym"),
    "eng.col.coproduction_projects": (
        "Projets de coproduction (3 derniers mois)", "Coproduction projects (last 3 months)"
    ),
    "eng.col.hours_per_month": ("Heures de bénévolat par mois", "Volunteer hours per month"),
    "eng.col.run_months": ("Mois consécutifs en cours", "Current run (months)"),
    "eng.col.no_show_recent": ("Absences (6 derniers mois)", "No-shows (last 6 months)"),
    "eng.col.no_show_earlier": ("Absences (6 mois d'avant)", "No-shows (6 months before)"),
    "eng.col.events": ("Rendez-vous", "Events"),
    "eng.col.slope": ("Pente (participants / rendez-vous / an)", "Slope (attendees / event / year)"),
    "eng.col.ci_low": ("IC 95 % bas", "95 % CI low"),
    "eng.col.ci_high": ("IC 95 % haut", "95 % CI high"),
    "eng.col.relative_slope": ("Variation par an (% de la moyenne)", "Change per year (% of mean)"),
    "eng.col.direction": ("Sens", "Direction"),
    "eng.col.population": ("Population", "Population"),
    "eng.col.rate": ("Taux de participation", "Participation rate"),
    "eng.col.gap": ("Écart (points)", "Gap (points)"),
    "eng.col.date": ("Date", "Date"),
    "eng.col.milestone": ("Caillou blanc", "Milestone"),
    "eng.col.project": ("Projet", "Project"),
    "eng.col.level": ("Niveau", "Level"),
    # Report
    "eng.report.title": ("Rapport d'évaluation de l'engagement des habitants",
                         "Evaluation report on residents' engagement"),
    "eng.report.meta": (
        "Période du {start} au {end} · service : {service} · niveau : {level} · produit le "
        "{generated}",
        "Period from {start} to {end} · service: {service} · level: {level} · produced on "
        "{generated}",
    ),
    "eng.report.key_figures": ("Chiffres clés", "Key figures"),
    "eng.report.town": ("{town}", "{town}"),
    "eng.report.period": ("Période du {start} au {end}", "Period from {start} to {end}"),
    "eng.report.filters": (
        "Service : {service} · niveau : {level} · produit le {generated}",
        "Service: {service} · level: {level} · produced on {generated}",
    ),
    "eng.report.csv_instead": (
        "{title} : {n} lignes, trop pour un rapport imprimé. La liste complète est le fichier "
        "{file}, à télécharger à côté du rapport (page Engagement, onglet Rapport).",
        "{title}: {n} rows, too many for a printed report. The full list is the file {file}, to "
        "download beside the report (Engagement page, Report tab).",
    ),
    "eng.report.long_table": (
        "{title} : {n} lignes ; le tableau complet se télécharge (CSV, Excel) sur la page "
        "Engagement, onglet {tab}.",
        "{title}: {n} rows; the full table downloads (CSV, Excel) from the Engagement page, {tab} "
        "tab.",
    ),
    "eng.report.no_individuals": (
        "{title} : le rapport ne nomme personne, même par pseudonyme ; la liste reste sur la page, "
        "pour les rôles autorisés à la voir.",
        "{title}: the report names nobody, not even by pseudonym; the list stays on the page, for "
        "the roles allowed to see it.",
    ),
    "eng.report.milestones_csv": (
        "La liste complète des cailloux blancs, que le rapport ne fait que compter :",
        "The full list of milestones, which the report only counts:",
    ),
    "eng.summary.title": ("Synthèse", "Summary"),
    "eng.summary.hidden": (
        "Moins de {k} habitants ont participé sur la période et ces filtres : aucun chiffre n'est "
        "publié, pour protéger les personnes.",
        "Fewer than {k} residents took part in this period and these filters: no figure is "
        "published, to protect people.",
    ),
    "eng.summary.engagement.one": (
        "{n} habitant a participé au moins une fois à un rendez-vous de la période ({attendances} "
        "présences) ; {share} d'entre eux venaient pour la première fois.",
        "{n} resident attended at least one event of the period ({attendances} attendances); "
        "{share} of them came for the first time.",
    ),
    "eng.summary.engagement.other": (
        "{n} habitants ont participé au moins une fois à un rendez-vous de la période "
        "({attendances} présences) ; {share} d'entre eux venaient pour la première fois.",
        "{n} residents attended at least one event of the period ({attendances} attendances); "
        "{share} of them came for the first time.",
    ),
    "eng.summary.engagement_no_share.one": (
        "{n} habitant a participé au moins une fois à un rendez-vous de la période ({attendances} "
        "présences) ; la part de nouveaux venus n'est pas publiée (moins de {k} personnes).",
        "{n} resident attended at least one event of the period ({attendances} attendances); the "
        "share of newcomers is not published (fewer than {k} people).",
    ),
    "eng.summary.engagement_no_share.other": (
        "{n} habitants ont participé au moins une fois à un rendez-vous de la période "
        "({attendances} présences) ; la part de nouveaux venus n'est pas publiée (moins de {k} "
        "personnes).",
        "{n} residents attended at least one event of the period ({attendances} attendances); the "
        "share of newcomers is not published (fewer than {k} people).",
    ),
    "eng.summary.retention.one": (
        "Fidélisation : {share} du seul participant de la période précédente est revenu.",
        "Retention: {share} of the one participant of the previous period came back.",
    ),
    "eng.summary.retention.other": (
        "Fidélisation : {share} des {n} participants de la période précédente sont revenus.",
        "Retention: {share} of the {n} participants of the previous period came back.",
    ),
    "eng.summary.retention_none": (
        "Fidélisation : personne n'avait participé pendant la période précédente, rien à mesurer.",
        "Retention: nobody took part in the previous period, nothing to measure.",
    ),
    "eng.summary.retention_hidden": (
        "Fidélisation : non publiée (moins de {k} personnes).",
        "Retention: not published (fewer than {k} people).",
    ),
    "eng.summary.lapsed.one": (
        "{n} participant venu entre le {start} et le {end} n'est plus venu depuis, soit {share} "
        "de ceux venus alors.",
        "{n} participant who came between {start} and {end} has not come since: {share} of those "
        "who came then.",
    ),
    "eng.summary.lapsed.other": (
        "{n} participants venus entre le {start} et le {end} ne sont plus venus depuis, soit "
        "{share} de ceux venus alors.",
        "{n} participants who came between {start} and {end} have not come since: {share} of "
        "those who came then.",
    ),
    "eng.summary.lapsed_hidden": (
        "Perdus de vue : non publié (moins de {k} personnes).",
        "Lapsed participants: not published (fewer than {k} people).",
    ),
    "eng.summary.volunteers": (
        "Bénévoles suivis : {n}, dont {any} avec au moins un signal de fatigue (section "
        "« {section} »).",
        "Volunteers followed: {n}, of whom {any} with at least one sign of fatigue (section "
        "“{section}”).",
    ),
    "eng.summary.volunteers_hidden": (
        "Bénévoles : signaux de fatigue non publiés (moins de {k} personnes).",
        "Volunteers: signs of fatigue not published (fewer than {k} people).",
    ),
    "eng.summary.representation": (
        "Représentation par quartier : le quartier qui participe le moins le fait à un taux égal à "
        "{r_score} de celui qui participe le plus ; {dissimilarity} des participants devraient "
        "venir d'un autre quartier pour que le public ressemble à la ville.",
        "Representation by neighbourhood: the neighbourhood that takes part least does so at "
        "{r_score} of the rate of the one that takes part most; {dissimilarity} of the "
        "participants would have to come from another neighbourhood for the public to look like "
        "the town.",
    ),
    "eng.summary.representation_hidden": (
        "Représentation par quartier : non calculée (pas de table de population, ou un quartier "
        "compte moins de {k} participants).",
        "Representation by neighbourhood: not computed (no population table, or a neighbourhood "
        "has fewer than {k} participants).",
    ),
    "eng.summary.concentration": (
        "Les 10 % les plus assidus totalisent {top10} des présences ; l'indice de Gini est de "
        "{gini} (0 = présences également réparties, 1 = toutes chez une seule personne).",
        "The 10% most active account for {top10} of attendances; the Gini index is {gini} "
        "(0 = attendances evenly spread, 1 = all with one person).",
    ),
    "eng.summary.concentration_no_top": (
        "Les 10 % les plus assidus : part non publiée (moins de {k} personnes) ; l'indice de Gini "
        "est de {gini} (0 = présences également réparties, 1 = toutes chez une seule personne).",
        "The 10% most active: share not published (fewer than {k} people); the Gini index is "
        "{gini} (0 = attendances evenly spread, 1 = all with one person).",
    ),
    "eng.summary.concentration_hidden": (
        "Concentration : non publiée (moins de {k} personnes).",
        "Concentration: not published (fewer than {k} people).",
    ),
    "eng.report.methods": ("Définitions et méthodes", "Definitions and methods"),
    "eng.report.footer": (
        "Rapport produit par le tableau de bord Charge et participation. Fichier autonome : il se "
        "lit sans connexion et sans l'application.",
        "Report produced by the Workload and participation dashboard. Self-contained file: readable "
        "offline and without the app.",
    ),
    "eng.report.intro": (
        "Le rapport d'évaluation pour le conseil, pour la période et les filtres choisis dans la "
        "barre latérale (du {start} au {end}) : une page de synthèse, puis chaque section avec ses "
        "graphiques clés et ses tableaux courts, en 6 pages A4 au plus une fois imprimé. Il ne "
        "nomme aucun habitant ; les longs tableaux se téléchargent dans leur onglet. C'est un "
        "fichier HTML autonome : il s'ouvre dans un navigateur, sans connexion, et s'imprime (ou "
        "s'enregistre en PDF) depuis le navigateur.",
        "The evaluation report for the council, for the period and filters chosen in the sidebar "
        "(from {start} to {end}): a one-page summary, then each section with its key charts and "
        "short tables, at most 6 A4 pages once printed. It names no resident; long tables download "
        "from their tab. It is a self-contained HTML file: it opens in a browser, offline, and "
        "prints (or saves as PDF) from the browser.",
    ),
    "eng.report.download": ("Télécharger le rapport (HTML)", "Download the report (HTML)"),
    "eng.report.demo_note": (
        "Données de démonstration : ville fictive, aucun habitant réel.",
        "Demo data: a fictional town, no real resident.",
    ),
    "eng.method.engagement.participants": (
        "participants distincts venus au moins une fois à un rendez-vous de la période.",
        "distinct participants who attended at least one event in the period.",
    ),
    "eng.method.engagement.newcomer_share": (
        "part de ceux dont le tout premier rendez-vous (dans le périmètre des filtres) tombe dans la "
        "période.",
        "share of them whose very first event (within the filters) falls in the period.",
    ),
    "eng.method.engagement.top10_share": (
        "présences des ⌈n/10⌉ participants les plus assidus ÷ toutes les présences de la période.",
        "attendances of the ⌈n/10⌉ most active participants ÷ all attendances of the period.",
    ),
    "eng.method.engagement.gini": (
        "(2 Σ i·x(i) − (n+1) Σ x) ÷ (n Σ x), x = nombres de présences rangés par ordre croissant.",
        "(2 Σ i·x(i) − (n+1) Σ x) ÷ (n Σ x), x = attendance counts in ascending order.",
    ),
    "eng.method.engagement.retention": (
        "parmi les participants de la période précédente de même durée, part revenue dans la "
        "période.",
        "of the participants of the preceding period of the same length, share who came back.",
    ),
    "eng.method.representativeness.r_score_quartier": (
        "taux de participation du quartier le plus bas ÷ celui du plus haut (0 si un quartier n'a "
        "aucun participant).",
        "participation rate of the lowest quartier ÷ that of the highest (0 when a quartier has no "
        "participant).",
    ),
}
