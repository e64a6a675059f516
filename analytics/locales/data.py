"""Messages of the Data page: imports, column mapping, templates, history, data health."""

from analytics.schema import TABLES

MESSAGES: dict[str, tuple[str, str]] = {
    "data.title": ("Données : imports et santé des données", "Data: imports and data health"),
    "data.intro": (
        "Importez les exports de vos outils (Toggl, Clockify, Harvest, Kimai, Decidim…) ou les "
        "modèles du tableau de bord. Chaque fichier est importé en entier ou pas du tout ; les "
        "lignes refusées sont gardées avec leur numéro et la raison.",
        "Import your tools' exports (Toggl, Clockify, Harvest, Kimai, Decidim…) or the "
        "dashboard's templates. Each file is imported whole or not at all; refused rows are kept "
        "with their line number and reason.",
    ),
    "data.upload": ("Fichiers à importer", "Files to import"),
    "data.upload_button": ("Choisir des fichiers", "Upload"),
    "data.upload_limits": (
        "{mb} Mo au plus par fichier · {types}",
        "{mb} MB per file · {types}",
    ),
    "data.upload_help": (
        "CSV, TSV, XLSX, XLS, ODS ou JSON ; {mb} Mo au plus par fichier.",
        "CSV, TSV, XLSX, XLS, ODS or JSON; at most {mb} MB per file.",
    ),
    "data.too_big": (
        "{name} dépasse la taille autorisée ({mb} Mo) : non importé.",
        "{name} exceeds the allowed size ({mb} MB): not imported.",
    ),
    "data.strict": ("Mode strict", "Strict mode"),
    "data.strict_help": (
        "Refuser un fichier entier dès qu'une ligne est refusée.",
        "Refuse a whole file as soon as one row is refused.",
    ),
    "data.detected": (
        "Format reconnu : **{label}** ({format}) → table « {target} », {rows}.",
        "Recognised format: **{label}** ({format}) → table '{target}', {rows}.",
    ),
    "data.rows.one": ("{n} ligne", "{n} row"),
    "data.rows.other": ("{n} lignes", "{n} rows"),
    "data.not_recognised": (
        "Format non reconnu : indiquez ci-dessous quelle colonne correspond à quoi.",
        "Format not recognised: say below which column holds what.",
    ),
    "data.unreadable": ("Fichier illisible : {reason}", "Unreadable file: {reason}"),
    "data.mapping": ("Correspondance des colonnes", "Column mapping"),
    "data.mapping_help": (
        "Pour chaque colonne attendue, choisissez l'en-tête du fichier (laissez vide si absent).",
        "For each expected column, choose the file's header (leave empty when absent).",
    ),
    "data.target": ("Table de destination", "Target table"),
    "data.column": ("Colonne attendue", "Expected column"),
    "data.header": ("En-tête du fichier", "File header"),
    "data.mapping_name": ("Nom de la correspondance", "Mapping name"),
    "data.save_mapping": ("Enregistrer la correspondance", "Save the mapping"),
    "data.mapping_saved": (
        "Correspondance « {name} » enregistrée : les prochains fichiers de même forme seront "
        "reconnus.",
        "Mapping '{name}' saved: the next files of the same shape will be recognised.",
    ),
    "data.mapping_error": ("Correspondance incomplète : {reason}", "Incomplete mapping: {reason}"),
    "data.import": ("Importer", "Import"),
    "data.importing": ("Import en cours…", "Importing…"),
    "data.status.imported": ("Importé", "Imported"),
    "data.status.refused": ("Refusé", "Refused"),
    "data.status.already_imported": ("Déjà importé", "Already imported"),
    "data.summary": (
        "**{file}** — {status} : {read}, {accepted} ({added}), {rejected}.",
        "**{file}** — {status}: {read}, {accepted} ({added}), {rejected}.",
    ),
    "data.summary.read.one": ("{n} ligne lue", "{n} row read"),
    "data.summary.read.other": ("{n} lignes lues", "{n} rows read"),
    "data.summary.accepted.one": ("{n} acceptée", "{n} accepted"),
    "data.summary.accepted.other": ("{n} acceptées", "{n} accepted"),
    "data.summary.added.one": ("{n} nouvelle", "{n} new"),
    "data.summary.added.other": ("{n} nouvelles", "{n} new"),
    "data.summary.rejected.one": ("{n} refusée", "{n} refused"),
    "data.summary.rejected.other": ("{n} refusées", "{n} refused"),
    "data.created": (
        "À compléter (service, contrat, niveau) : {items}",
        "To complete (service, contract, level): {items}",
    ),
    "data.rejects": ("Lignes refusées", "Refused rows"),
    "data.remarks": ("Lignes importées avec une remarque", "Rows imported with a remark"),
    "data.col.remarks_kept": ("Remarques", "Remarks"),
    "data.values.title": ("Valeurs à faire correspondre", "Values to map"),
    "data.values.help": (
        "Ces valeurs ne correspondent à aucun code connu. Sans choix, les lignes sont importées "
        "avec la valeur vide (niveau vide = travail ordinaire) et le résumé de l'import le dit.",
        "These values match no known code. Without a choice the rows are imported with the value "
        "empty (empty level = ordinary work) and the import's summary says so.",
    ),
    "data.values.label": ("«\u00a0{column}\u00a0» = «\u00a0{label}\u00a0» ({rows})",
                          "'{column}' = '{label}' ({rows})"),
    "data.values.rows.one": ("{count} ligne", "{count} row"),
    "data.values.rows.other": ("{count} lignes", "{count} rows"),
    "data.values.unplaced": ("(laisser vide)", "(leave empty)"),
    "data.values.name": ("Nom pour réutiliser ces choix", "Name to reuse these choices"),
    "data.values.save": ("Enregistrer les choix", "Save the choices"),
    "data.values.saved": (
        "Choix enregistrés sous «\u00a0{name}\u00a0» : ils s'appliqueront aux prochains fichiers "
        "de même forme.",
        "Choices saved as '{name}': they will apply to the next files of the same shape.",
    ),
    "data.complete.title": ("À compléter", "To complete"),
    "data.complete.help": (
        "Agents et projets créés par un import à partir d'un nom : indiquez le service et le "
        "contrat des agents (sans contrat, leur capacité est nulle), le niveau, l'initiative et le "
        "périmètre des projets (sans niveau, leurs heures comptent comme travail ordinaire).",
        "Agents and projects created by an import from a name: give the agents' service and "
        "contract (without a contract their capacity is zero), the projects' level, initiative and "
        "perimeter (without a level their hours count as ordinary work).",
    ),
    "data.complete.agents": ("Agents", "Agents"),
    "data.complete.projects": ("Projets", "Projects"),
    "data.complete.save": ("Enregistrer", "Save"),
    "data.complete.saved": (
        "Enregistré — agents : {agents} ; contrats : {contracts} ; projets : {projects}.",
        "Saved — agents: {agents}; contracts: {contracts}; projects: {projects}.",
    ),
    "data.complete.error": ("Rien n'a été enregistré : {reason}", "Nothing was saved: {reason}"),
    "data.complete.none": ("Rien à compléter.", "Nothing to complete."),
    "data.col.agent_id": ("Identifiant", "Id"),
    "data.col.agent_name": ("Agent", "Agent"),
    "data.col.project_id": ("Identifiant", "Id"),
    "data.col.project_name": ("Projet", "Project"),
    "data.col.service_id": ("Service", "Service"),
    "data.col.contracts": ("Contrats", "Contracts"),
    "data.col.weekly_hours": ("Heures par semaine", "Weekly hours"),
    "data.col.valid_from": ("Contrat à partir du", "Contract from"),
    "data.col.hours": ("Heures saisies", "Hours recorded"),
    "data.col.level": ("Niveau", "Level"),
    "data.col.initiative": ("Initiative", "Initiative"),
    "data.col.perimeter": ("Périmètre (quartier, commune…)", "Perimeter (quartier, commune…)"),
    "data.templates": ("Modèles à télécharger", "Templates to download"),
    "data.templates_help": (
        "Un fichier par table, avec les colonnes attendues et une ligne d'exemple. Les en-têtes "
        "français sont acceptés aussi.",
        "One file per table, with the expected columns and an example row. French headers are "
        "accepted too.",
    ),
    "data.template_table": ("Table", "Table"),
    "data.download_template": ("Télécharger le modèle", "Download the template"),
    "data.download_all": ("Tous les modèles (zip)", "All templates (zip)"),
    "data.history": ("Historique des imports", "Import history"),
    "data.no_history": ("Aucun import pour l'instant.", "No import yet."),
    "data.health": ("Santé des données : temps saisi par agent et par semaine",
                    "Data health: time recorded per agent and week"),
    "data.health_help": (
        "Une semaine sans saisie n'est pas une semaine libre : ces trous faussent la capacité "
        "disponible. ✔ temps saisi · ✖ rien de saisi alors que l'agent avait des heures de "
        "contrat ces jours-là (hors fériés et absences) · ○ absent toute la semaine · « · » rien "
        "d'attendu (pas de contrat ni de jour travaillé). Une semaine coupée par la période ne "
        "compte que ses jours dans la période, comme dans l'onglet Charge de la page Capacité.",
        "A week without timesheets is not a free week: such gaps distort available capacity. "
        "✔ time recorded · ✖ nothing recorded although the agent had contracted hours on those "
        "days (holidays and absences excepted) · ○ absent all week · '·' nothing expected (no "
        "contract or working day). A week cut by the period counts only its days inside it, as "
        "in the Load tab of the Capacity page.",
    ),
    "data.health_missing": ("Semaines-agents sans saisie", "Agent-weeks without timesheets"),
    "data.health_agents": ("Agents concernés", "Agents concerned"),
    "data.health_none": (
        "Aucun trou : chaque semaine attendue a du temps saisi.",
        "No gap: every expected week has recorded time.",
    ),
    "data.health_all": ("Montrer tous les agents", "Show every agent"),
    "data.col.gaps": ("Semaines sans saisie", "Weeks without time"),
    "data.col.import_id": ("N°", "No."),
    "data.col.imported_at": ("Date", "Date"),
    "data.col.file_name": ("Fichier", "File"),
    "data.col.format": ("Format", "Format"),
    "data.col.status": ("Statut", "Status"),
    "data.col.rows_read": ("Lues", "Read"),
    "data.col.rows_accepted": ("Acceptées", "Accepted"),
    "data.col.rows_rejected": ("Refusées", "Refused"),
    "data.col.rejects_kept": ("Gardées pour revue", "Kept for review"),
    "data.col.message": ("Détail", "Details"),
    "data.col.line": ("Ligne", "Line"),
    "data.col.column": ("Colonne", "Column"),
    "data.col.reason": ("Raison", "Reason"),
    "data.col.raw": ("Contenu", "Content"),
}

_TABLE_LABELS: dict[str, tuple[str, str]] = {
    "services": ("Services", "Services"),
    "agents": ("Agents", "Agents"),
    "contracts": ("Contrats (temps de travail)", "Contracts (working time)"),
    "absences": ("Absences", "Absences"),
    "projects": ("Projets", "Projects"),
    "time_entries": ("Temps saisis", "Time entries"),
    "events": ("Rendez-vous", "Events"),
    "participants": ("Participants", "Participants"),
    "attendances": ("Présences", "Attendances"),
    "requests": ("Sollicitations", "Requests"),
    "population": ("Population (recensement)", "Population (census)"),
    "milestones": ("Cailloux blancs", "Milestones"),
}
MESSAGES.update({f"data.table.{table}": _TABLE_LABELS[table] for table in TABLES})


_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "absence_kind": ("Type d'absence", "Absence type"),
    "achieved_on": ("Atteint le", "Achieved on"),
    "activity": ("Activité", "Activity"),
    "age_band": ("Tranche d'âge", "Age band"),
    "agent_email": ("E-mail de l'agent", "Agent email"),
    "agent_id": ("Identifiant de l'agent", "Agent id"),
    "agent_name": ("Nom de l'agent", "Agent name"),
    "attendees_count": ("Nombre de participants", "Number of attendees"),
    "category": ("Catégorie", "Category"),
    "channel": ("Canal", "Channel"),
    "closed_on": ("Close le", "Closed on"),
    "description": ("Description", "Description"),
    "dimension": ("Dimension", "Dimension"),
    "end_date": ("Date de fin", "End date"),
    "end_time": ("Heure de fin", "End time"),
    "entry_id": ("Identifiant de la saisie", "Entry id"),
    "event_date": ("Date du rendez-vous", "Event date"),
    "event_id": ("Identifiant du rendez-vous", "Event id"),
    "event_kind": ("Type de rendez-vous", "Event type"),
    "first_name": ("Prénom", "First name"),
    "hours": ("Heures", "Hours"),
    "initiative": ("Initiative", "Initiative"),
    "last_name": ("Nom de famille", "Last name"),
    "level": ("Niveau d'implication", "Level of involvement"),
    "milestone_id": ("Identifiant du caillou blanc", "Milestone id"),
    "participant_email": ("E-mail du participant", "Participant email"),
    "participant_id": ("Identifiant du participant", "Participant id"),
    "participant_name": ("Nom du participant", "Participant name"),
    "perimeter": ("Périmètre", "Perimeter"),
    "planned_hours": ("Heures prévues", "Planned hours"),
    "population": ("Population", "Population"),
    "priority": ("Priorité", "Priority"),
    "project_id": ("Identifiant du projet", "Project id"),
    "project_name": ("Nom du projet", "Project name"),
    "quartier": ("Quartier", "Neighbourhood"),
    "received_on": ("Reçue le", "Received on"),
    "request_id": ("Identifiant de la sollicitation", "Request id"),
    "role": ("Rôle", "Role"),
    "service_id": ("Identifiant du service", "Service id"),
    "service_name": ("Nom du service", "Service name"),
    "start_date": ("Date de début", "Start date"),
    "start_time": ("Heure de début", "Start time"),
    "status": ("Statut", "Status"),
    "theme": ("Thème", "Theme"),
    "title": ("Intitulé", "Title"),
    "topic": ("Sujet", "Topic"),
    "valid_from": ("Valable du", "Valid from"),
    "valid_to": ("Valable jusqu'au", "Valid to"),
    "weekly_hours": ("Heures hebdomadaires", "Weekly hours"),
    "work_date": ("Date travaillée", "Work date"),
}
"""Labels of the expected columns, shown by the column-mapping editor."""
MESSAGES.update({f"data.field.{column}": texts for column, texts in _FIELD_LABELS.items()})
MESSAGES["data.header_absent"] = ("(absente)", "(absent)")
