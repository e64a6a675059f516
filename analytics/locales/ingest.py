"""Messages of the importer: why a row or a file is refused, notes and summaries of an import.

Each key is raised in ``analytics/ingest/`` with its parameters (see
:mod:`analytics.ingest.messages`); the English text is also what ``str()`` gives (command line, logs).
A value the user typed is quoted « like this » in French (non-breaking spaces inside the guillemets)
and 'like this' in English.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- shared pieces ---------------------------------------------------------------------------
    "ingest.quoted": ("«\u00a0{value}\u00a0»", "'{value}'"),
    "ingest.style.dmy": ("JJ/MM/AAAA", "DD/MM/YYYY"),
    "ingest.style.mdy": ("MM/JJ/AAAA", "MM/DD/YYYY"),
    "ingest.none": ("aucun", "none"),
    # --- one cell that cannot be read (analytics/ingest/parse.py, vocabulary.py) -----------------
    "ingest.cell.not_number": (
        "nombre illisible : «\u00a0{value}\u00a0»",
        "not a number: '{value}'",
    ),
    "ingest.cell.invalid_date": (
        "date invalide : «\u00a0{value}\u00a0»",
        "invalid date '{value}'",
    ),
    "ingest.cell.not_date": (
        "date illisible : «\u00a0{value}\u00a0» (attendu : JJ/MM/AAAA ou AAAA-MM-JJ)",
        "not a date: '{value}' (expected DD/MM/YYYY or YYYY-MM-DD)",
    ),
    "ingest.cell.invalid_month": (
        "date invalide : «\u00a0{value}\u00a0», le mois serait {month} (la colonne est lue au "
        "format {style})",
        "invalid date '{value}': month {month} (the column reads {style})",
    ),
    "ingest.cell.invalid_12h_time": (
        "heure invalide au format 12 heures : «\u00a0{value}\u00a0»",
        "invalid 12-hour time '{value}'",
    ),
    "ingest.cell.not_time": (
        "heure illisible : «\u00a0{value}\u00a0» (attendu : HH:MM)",
        "not a time: '{value}' (expected HH:MM)",
    ),
    "ingest.cell.invalid_time": (
        "heure invalide : «\u00a0{value}\u00a0»",
        "invalid time '{value}'",
    ),
    "ingest.cell.invalid_duration": (
        "durée invalide : «\u00a0{value}\u00a0»",
        "invalid duration '{value}'",
    ),
    "ingest.cell.not_duration": (
        "durée illisible : «\u00a0{value}\u00a0» (attendu : H:MM ou un nombre d'heures, par "
        "exemple 1,5)",
        "not a duration: '{value}' (expected H:MM or decimal hours)",
    ),
    "ingest.cell.negative_duration": (
        "durée négative : «\u00a0{value}\u00a0»",
        "negative duration '{value}'",
    ),
    "ingest.cell.not_datetime": (
        "date et heure illisibles : «\u00a0{value}\u00a0»",
        "not a date and time: '{value}'",
    ),
    "ingest.cell.not_whole": (
        "nombre de personnes attendu (entier positif ou nul), trouvé «\u00a0{value}\u00a0»",
        "expected a whole number of people, found '{value}'",
    ),
    "ingest.cell.unknown_value": (
        "valeur inconnue : «\u00a0{value}\u00a0» (valeurs acceptées : {allowed})",
        "unknown value '{value}' (expected one of: {allowed})",
    ),
    "ingest.cell.date_out_of_range": (
        "date hors de la période acceptée ({first}–{last}) : «\u00a0{value}\u00a0»",
        "date outside the accepted years ({first}–{last}): '{value}'",
    ),
    "ingest.cell.number_too_large": (
        "nombre trop grand pour cette colonne (au plus {max}) : «\u00a0{value}\u00a0»",
        "number too large for this column (at most {max}): '{value}'",
    ),
    # --- a row that breaks a rule (analytics/ingest/build.py, decode.py) -------------------------
    "ingest.row.no_date": ("date manquante", "no date"),
    "ingest.row.no_duration": (
        "durée manquante : indiquez les heures, ou une heure de début et une heure de fin",
        "no duration: give the hours, or a start and an end time",
    ),
    "ingest.row.too_long": (
        "plus de {max} heures dans une seule saisie",
        "more than {max} hours in one entry",
    ),
    "ingest.row.negative_duration": ("durée négative", "negative duration"),
    "ingest.row.no_agent": (
        "aucun agent (identifiant, nom ou courriel)",
        "no agent (id, name or e-mail)",
    ),
    "ingest.row.no_participant": (
        "aucun participant (identifiant, nom ou courriel)",
        "no participant (id, name or e-mail)",
    ),
    "ingest.row.no_meeting_id": ("identifiant de la rencontre manquant", "no meeting id"),
    "ingest.row.no_event_id": ("identifiant du rendez-vous manquant", "no event id"),
    "ingest.row.no_volunteer_hours": ("heures de bénévolat manquantes", "no volunteer hours"),
    "ingest.row.no_shift_id": ("identifiant du créneau manquant", "no shift id"),
    "ingest.row.required": (
        "valeur obligatoire manquante : {column}",
        "no {column}",
    ),
    "ingest.row.need_one": (
        "il faut au moins l'une de ces valeurs : {columns}",
        "no {columns}",
    ),
    "ingest.row.weekly_too_many": (
        "plus de {max} heures par semaine",
        "more than {max} hours a week",
    ),
    "ingest.row.duration_disagrees": (
        "durée {given} mais {span} entre le début et la fin : la durée indiquée est gardée",
        "duration {given} but {span} between start and end: the given duration is kept",
    ),
    "ingest.row.ends_before_start": ("la fin précède le début", "ends before it starts"),
    "ingest.row.duplicate": (
        "doublon de la ligne {line} (même {columns} : {values})",
        "duplicate of line {line} (same {columns}: {values})",
    ),
    "ingest.row.too_many_cells": (
        "{cells} cellules alors que l'en-tête en compte {width} (un séparateur non protégé par des "
        "guillemets ?)",
        "{cells} cells where the header has {width} (an unquoted separator?)",
    ),
    # --- a whole file refused (decode.py, pipeline.py) -------------------------------------------
    "ingest.file.empty": ("le fichier est vide", "the file is empty"),
    "ingest.file.no_header": (
        "le fichier est vide (aucune ligne d'en-tête)",
        "the file is empty (no header line)",
    ),
    "ingest.file.binary": (
        "le fichier contient des données binaires (octets nuls) : ce n'est ni du texte ni un "
        "tableur",
        "the file holds binary data (NUL bytes), not text or a spreadsheet",
    ),
    "ingest.file.encoding": (
        "l'encodage du texte du fichier n'a pas été reconnu",
        "the file's text encoding could not be recognised",
    ),
    "ingest.file.not_delimited": (
        "le fichier ne se lit pas comme un texte à colonnes séparées (CSV) : {detail}",
        "the file is not readable as delimited text: {detail}",
    ),
    "ingest.file.no_sheet": ("le classeur ne contient aucune feuille", "the workbook has no sheet"),
    "ingest.file.spreadsheet_unreadable": (
        "le classeur n'a pas pu être lu : {detail}",
        "the spreadsheet could not be read: {detail}",
    ),
    "ingest.file.sheet_empty": (
        "la première feuille du classeur est vide",
        "the spreadsheet's first sheet is empty",
    ),
    "ingest.file.sheet_too_large": (
        "la première feuille du classeur déclare {cells} cellules ({range}), au-delà des {limit} "
        "qu'une feuille peut compter : supprimez les lignes et colonnes vides puis enregistrez-la "
        "à nouveau (limite : PARTICIPATION_MAX_CELLS)",
        "the spreadsheet's first sheet declares {cells} cells ({range}), more than the {limit} a "
        "sheet may hold: delete its empty rows and columns and save it again (limit: "
        "PARTICIPATION_MAX_CELLS)",
    ),
    "ingest.file.too_many_cells": (
        "le tableau du fichier compterait {cells} cellules ({rows} lignes × {columns} colonnes), "
        "au-delà des {limit} permises (limite : PARTICIPATION_MAX_CELLS)",
        "the file's table would hold {cells} cells ({rows} rows × {columns} columns), more than "
        "the {limit} allowed (limit: PARTICIPATION_MAX_CELLS)",
    ),
    "ingest.file.too_many_columns": (
        "le fichier compte {columns} colonnes, au-delà des {limit} permises (limite : "
        "PARTICIPATION_MAX_COLUMNS)",
        "the file has {columns} columns, more than the {limit} allowed (limit: "
        "PARTICIPATION_MAX_COLUMNS)",
    ),
    "ingest.file.sheet_memory": (
        "la lecture du classeur demande plus de {mb} Mo de mémoire : il est refusé (limite : "
        "PARTICIPATION_SHEET_MEMORY_MB)",
        "reading the spreadsheet needs more than {mb} MB of memory: it is refused (limit: "
        "PARTICIPATION_SHEET_MEMORY_MB)",
    ),
    "ingest.file.sheet_time": (
        "la lecture du classeur prend plus de {seconds} s : elle a été arrêtée (limite : "
        "PARTICIPATION_SHEET_SECONDS)",
        "reading the spreadsheet takes more than {seconds} s: it was stopped (limit: "
        "PARTICIPATION_SHEET_SECONDS)",
    ),
    "ingest.file.json_unreadable": (
        "le JSON n'a pas pu être lu : {detail} (ligne {line}, colonne {column})",
        "the JSON could not be read: {detail} (line {line}, column {column})",
    ),
    "ingest.json.expecting_value": ("une valeur est attendue", "Expecting value"),
    "ingest.json.extra_data": ("des données suivent la fin du document", "Extra data"),
    "ingest.json.unterminated_string": (
        "un texte entre guillemets n'est pas refermé",
        "Unterminated string starting at",
    ),
    "ingest.json.control_character": (
        "un caractère de contrôle est interdit dans un texte",
        "Invalid control character at",
    ),
    "ingest.json.expecting_name": (
        "un nom de champ entre guillemets doubles est attendu",
        "Expecting property name enclosed in double quotes",
    ),
    "ingest.json.expecting_colon": ("un deux-points «\u00a0:\u00a0» est attendu", "Expecting ':' delimiter"),
    "ingest.json.expecting_comma": ("une virgule «\u00a0,\u00a0» est attendue", "Expecting ',' delimiter"),
    "ingest.csv.field_too_large": (
        "une cellule dépasse {limit} caractères (un guillemet non refermé ?)",
        "field larger than field limit ({limit})",
    ),
    "ingest.file.json_too_deep": (
        "le JSON n'a pas pu être lu : ses objets sont imbriqués trop profondément",
        "the JSON could not be read: its objects are nested too deeply",
    ),
    "ingest.file.json_no_list": (
        "le JSON ne contient aucune liste d'enregistrements",
        "the JSON holds no list of records",
    ),
    "ingest.file.json_not_records": (
        "la liste JSON ne contient pas d'enregistrements (objets)",
        "the JSON list does not hold records (objects)",
    ),
    "ingest.file.json_no_field": (
        "les enregistrements JSON n'ont aucun champ",
        "the JSON records hold no field",
    ),
    "ingest.file.cannot_open": ("impossible de lire {path} : {detail}", "cannot read {path}: {detail}"),
    "ingest.file.unreadable": ("le fichier n'a pas pu être lu", "the file could not be read"),
    "ingest.file.read_failed": (
        "le fichier n'a pas pu être lu : {detail}",
        "the file could not be read: {detail}",
    ),
    "ingest.file.internal_read": (
        "erreur interne pendant la lecture ({error} : {detail})",
        "internal error while reading ({error}: {detail})",
    ),
    # --- what each recognised format is (formats.py) ---------------------------------------------
    "ingest.format_label.canonical": ("Modèle canonique : {table}", "Canonical template: {table}"),
    "ingest.format_label.generic": ("Tableau générique", "Generic sheet"),
    "ingest.format_label.toggl": ("Toggl Track (export détaillé)", "Toggl Track (detailed export)"),
    "ingest.format_label.clockify": ("Clockify (rapport détaillé)", "Clockify (detailed report)"),
    "ingest.format_label.clockify_summary": (
        "Clockify (rapport résumé / partagé)", "Clockify (summary / shared report)"),
    "ingest.format_label.harvest": ("Harvest (rapport de temps)", "Harvest (time report)"),
    "ingest.format_label.kimai": (
        "Kimai (export CSV, 1.x et 2.x, anglais ou allemand)",
        "Kimai (CSV export, 1.x and 2.x, English or German)"),
    "ingest.format_label.solidtime": ("solidtime (export générique)", "solidtime (generic export)"),
    "ingest.format_label.decidim_meetings": (
        "Decidim : rencontres (données ouvertes)", "Decidim: meetings (open data)"),
    "ingest.format_label.decidim_registrations": (
        "Decidim : inscriptions à une rencontre", "Decidim: registrations to a meeting"),
    "ingest.format_label.volunteer_shifts": (
        "Créneaux de bénévoles (shifts)", "Volunteer shifts"),
    # --- the steps of an import, shown by the progress bar (pipeline.py) ---------------------------
    # --- completing what an import created (completion.py, the Data page) -------------------------
    "ingest.complete.unknown_service": (
        "service inconnu : «\u00a0{value}\u00a0»", "unknown service '{value}'"),
    "ingest.complete.unknown_code": ("valeur inconnue : «\u00a0{value}\u00a0»",
                                     "unknown value '{value}'"),
    "ingest.complete.contract_needs_both": (
        "contrat de {agent} : indiquez à la fois les heures par semaine et la date de début",
        "contract of {agent}: give both the weekly hours and the start date"),
    "ingest.complete.weekly_hours": (
        "contrat de {agent} : les heures par semaine vont de 0 à {max}",
        "contract of {agent}: weekly hours go from 0 to {max}"),
    "ingest.step.read": ("lecture du fichier", "reading the file"),
    "ingest.step.parse": ("lecture des lignes", "reading the rows"),
    "ingest.step.write": ("écriture dans la base", "writing to the store"),
    "ingest.step.derived": ("mise à jour des tableaux de bord", "updating the dashboards"),
    "ingest.step.done": ("terminé", "done"),
    "ingest.step.of_file": ("{file} : {step}", "{file}: {step}"),
    # --- formats and column mappings (formats.py, mapping.py, pipeline.py) -----------------------
    "ingest.format.unknown": (
        "format inconnu : «\u00a0{format}\u00a0»",
        "unknown format '{format}'",
    ),
    "ingest.format.needs": ("{format} : {headers}", "{format}: {headers}"),
    "ingest.format.mismatch": (
        "ce n'est pas un fichier {format} : en-têtes attendus {expected} ; en-têtes trouvés : "
        "{found}",
        "not a {format} file: expected the headers {expected}; found {found}",
    ),
    "ingest.format.unrecognised": (
        "export non reconnu (en-têtes trouvés : {found}). Il faut les en-têtes d'un format connu "
        "— {formats} ; ou un modèle canonique ({templates} : à télécharger sur la page Données) ; "
        "ou une correspondance de colonnes (à définir sur la page Données, ou --mapping NOM en "
        "ligne de commande).",
        "not a recognised export (headers found: {found}). Expected the headers of a known format "
        "— {formats}; or a canonical template ({templates}: download them from the Data page); or "
        "give a column mapping (--mapping NAME).",
    ),
    "ingest.format.no_builder": (
        "aucun lecteur pour le format {format}",
        "no builder for format {format}",
    ),
    "ingest.mapping.unknown_target": (
        "table de destination inconnue dans la correspondance : «\u00a0{table}\u00a0»",
        "unknown target table '{table}' in the mapping",
    ),
    "ingest.mapping.missing_header": (
        "la correspondance associe l'en-tête «\u00a0{header}\u00a0» à {role}, mais le fichier n'a "
        "pas cette colonne (en-têtes : {headers})",
        "the mapping names the header '{header}' for {role}, but the file has no such column "
        "(headers: {headers})",
    ),
    "ingest.mapping.incomplete": (
        "la correspondance vers la table «\u00a0{table}\u00a0» ne dit pas où trouver : {missing}",
        "the mapping onto {table} lacks: {missing}",
    ),
    "ingest.mapping.not_found": (
        "aucune correspondance enregistrée sous le nom «\u00a0{name}\u00a0» (enregistrez-en une "
        "depuis la page Données)",
        "no saved mapping called '{name}' (save one from the Data page first)",
    ),
    "ingest.mapping.needs_name": (
        "une correspondance doit avoir un nom",
        "a mapping needs a name",
    ),
    # --- the outcome of an import (pipeline.py) --------------------------------------------------
    "ingest.import.refused": ("{file} : refusé — {reason}", "{file}: refused — {reason}"),
    "ingest.import.strict": (
        "mode strict : lignes refusées : {count}, la première à la ligne {line} ({column} : "
        "{reason}) ; rien n'a été importé",
        "strict mode: rejected rows: {count}, the first at line {line} ({column}: {reason}); "
        "nothing was imported",
    ),
    "ingest.import.internal": (
        "erreur interne pendant l'import ({error} : {detail}) ; rien n'a été modifié",
        "internal error while importing ({error}: {detail}); nothing was changed",
    ),
    "ingest.import.already": (
        "{file} : déjà importé sous le nom {earlier} (le {at}) ; rien n'a été ajouté",
        "{file}: already imported as {earlier} ({at}); nothing added",
    ),
    "ingest.import.done": ("{file} — {details}", "{file}: {details}"),
    "ingest.import.counts": (
        "lignes lues : {read} ; acceptées : {accepted} (nouvelles : {added}) ; refusées : "
        "{rejected}",
        "rows read: {read}; accepted: {accepted} (new: {added}); refused: {rejected}",
    ),
    "ingest.import.unplaced.one": (
        "{count} ligne où «\u00a0{column}\u00a0» vaut {labels} : valeur inconnue laissée vide (à "
        "faire correspondre à un code sur la page Données)",
        "{count} row where '{column}' is {labels}: unknown value left empty (map it to a code on "
        "the Data page)",
    ),
    "ingest.import.unplaced.other": (
        "{count} lignes où «\u00a0{column}\u00a0» vaut {labels} : valeur inconnue laissée vide (à "
        "faire correspondre à un code sur la page Données)",
        "{count} rows where '{column}' is {labels}: unknown value left empty (map it to a code on "
        "the Data page)",
    ),
    "ingest.import.unplaced_hours": (
        "{hours} h déjà saisies sur ces projets comptent comme travail ordinaire tant que leur niveau "
        "n'est pas indiqué",
        "{hours} h already recorded on these projects count as ordinary work until their level is "
        "given",
    ),
    "ingest.import.same_as": (
        "lus comme existants (même nom à la ponctuation près) : {pairs}",
        "read as existing ones (same name but for punctuation): {pairs}",
    ),
    "ingest.import.same_as_pair": ("{given} → {existing}", "{given} → {existing}"),
    "ingest.import.notes.one": (
        "{count} ligne importée avec une remarque", "{count} row imported with a remark"),
    "ingest.import.notes.other": (
        "{count} lignes importées avec une remarque", "{count} rows imported with a remark"),
    "ingest.import.duration_unit": (
        "durées de «\u00a0{column}\u00a0» lues en {unit} ({reason})",
        "durations in '{column}' read as {unit} ({reason})",
    ),
    "ingest.unit.hours": ("heures", "hours"),
    "ingest.unit.minutes": ("minutes", "minutes"),
    "ingest.unit.seconds": ("secondes", "seconds"),
    "ingest.unit.by_clock": (
        "elles concordent ainsi avec les heures de début et de fin",
        "so they agree with the start and end times",
    ),
    "ingest.unit.by_size": (
        "nombres entiers jusqu'à {max}, trop grands pour des heures",
        "whole numbers up to {max}, too large for hours",
    ),
    "ingest.import.agents_created": ("agents créés : {names}", "agents created: {names}"),
    "ingest.import.projects_created": ("projets créés : {names}", "projects created: {names}"),
    # --- the Data page: refused rows kept for review -------------------------------------------
    "ingest.page.review": (
        "Revoir les lignes refusées ou importées avec une remarque d'un import",
        "Review the rows of an import that were refused or imported with a remark",
    ),
    "ingest.page.review_item": (
        "N° {id} — {file} (lignes refusées : {count} ; avec une remarque : {remarks})",
        "No. {id} — {file} (refused rows: {count}; with a remark: {remarks})"),
    "ingest.note.totals_skipped": (
        "ligne {line} : ligne de total ignorée",
        "line {line}: totals row skipped",
    ),
}
