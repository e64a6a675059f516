"""Messages of sign-in, roles, refusals, the audit log and small-group protection."""

MESSAGES: dict[str, tuple[str, str]] = {
    "nav.audit": ("Journal d'accès", "Access log"),
    "vocab.user_role.direction": ("Direction", "Management"),
    "vocab.user_role.elected": ("Élu·e", "Elected official"),
    "vocab.user_role.evaluator": ("Évaluateur·rice", "Evaluator"),
    "vocab.user_role.data_admin": ("Administration des données", "Data administration"),
    "vocab.audit_action.sign_in": ("Connexion", "Sign-in"),
    "vocab.audit_action.sign_out": ("Déconnexion", "Sign-out"),
    "vocab.audit_action.denied": ("Accès refusé", "Access denied"),
    "vocab.audit_action.import": ("Import", "Import"),
    "vocab.audit_action.download": ("Téléchargement", "Download"),
    # sign-in
    "access.signin.title": ("Connexion", "Sign in"),
    "access.signin.intro": (
        "Ce tableau de bord contient des données sur le temps de travail des agents et la "
        "participation des habitants. Identifiez-vous avec votre compte professionnel pour continuer.",
        "This dashboard holds data on staff working time and residents' participation. Sign in with "
        "your work account to continue.",
    ),
    "access.signin.button": ("S'identifier avec {provider}", "Sign in with {provider}"),
    "access.signin.button_default": ("Se connecter", "Sign in"),
    "access.signout": ("Se déconnecter", "Sign out"),
    "access.signed_in_as": ("Connecté·e : {name} — rôle {role}", "Signed in: {name} — role {role}"),
    # signed in without a role
    "access.denied.title": ("Accès non autorisé", "Access not authorised"),
    "access.denied.text": (
        "Vous êtes bien connecté·e ({user}), mais aucun rôle ne vous a été attribué dans ce tableau "
        "de bord : aucune donnée ne vous est montrée.",
        "You are signed in ({user}), but no role has been given to you in this dashboard: no data is "
        "shown to you.",
    ),
    "access.denied.ambiguous": (
        "Vos groupes correspondent à plusieurs rôles différents : l'administrateur doit vous "
        "attribuer un rôle nominativement.",
        "Your groups map to several different roles: the administrator must give you a role by name.",
    ),
    "access.denied.roles_file": (
        "Le fichier des rôles est illisible ou mal protégé ; l'administrateur doit le corriger "
        "(voir le journal du serveur).",
        "The roles file is unreadable or badly protected; the administrator must fix it (see the "
        "server log).",
    ),
    "access.denied.send_ids": (
        "Pour obtenir un accès, transmettez à l'administrateur du tableau de bord l'identifiant "
        "ci-dessous :",
        "To get access, send the dashboard's administrator the identifier below:",
    ),
    "access.page_denied": (
        "Votre rôle ne donne pas accès à cette page.",
        "Your role does not give access to this page.",
    ),
    # refusal (no provider, network address)
    "access.refuse.title": ("Tableau de bord non disponible", "Dashboard not available"),
    "access.refuse.network_address": (
        "Aucune connexion (OpenID Connect) n'est configurée et le serveur écoute sur une adresse "
        "réseau : les données ne sont pas servies.",
        "No sign-in (OpenID Connect) is configured and the server listens on a network address: no "
        "data is served.",
    ),
    "access.refuse.incomplete_auth": (
        "La section [auth] des secrets Streamlit est incomplète : la connexion ne peut pas "
        "fonctionner, aucune donnée n'est servie. Éléments manquants ou invalides :",
        "The [auth] section of the Streamlit secrets is incomplete: sign-in cannot work, no data is "
        "served. Missing or invalid entries:",
    ),
    "access.refuse.proxied_request": (
        "Le mode local mono-utilisateur n'est pas disponible derrière un proxy : configurez une "
        "connexion OpenID Connect.",
        "The local single-user mode is not available behind a proxy: configure OpenID Connect "
        "sign-in.",
    ),
    "access.refuse.remote_client": (
        "Le mode local mono-utilisateur ne s'ouvre que depuis la machine elle-même "
        "(http://127.0.0.1 ou http://localhost).",
        "The local single-user mode only opens from the machine itself (http://127.0.0.1 or "
        "http://localhost).",
    ),
    "access.refuse.fix": (
        "Pour essayer le tableau de bord sur votre poste, lancez-le sur l'adresse locale "
        "(`make run`, qui écoute sur 127.0.0.1). Pour le servir à d'autres personnes, configurez "
        "une connexion OpenID Connect (ProConnect, Keycloak, Microsoft Entra) : voir "
        "`docs/deployment.md`.",
        "To try the dashboard on your computer, run it on the local address (`make run`, which "
        "listens on 127.0.0.1). To serve it to other people, configure OpenID Connect sign-in "
        "(ProConnect, Keycloak, Microsoft Entra): see `docs/deployment.md`.",
    ),
    # local mode
    "access.local.badge": (
        "Mode local mono-utilisateur — rôle Direction, sans connexion",
        "Local single-user mode — Management role, no sign-in",
    ),
    "access.local.help": (
        "Réservé à un essai sur ce poste (adresse 127.0.0.1). Pour un usage partagé, configurez "
        "une connexion : voir docs/deployment.md.",
        "Only for trying the app on this computer (address 127.0.0.1). For shared use, configure "
        "sign-in: see docs/deployment.md.",
    ),
    # warnings shown to the direction
    "access.warning.loose_permissions": (
        "Fichiers secrets lisibles par d'autres utilisateurs : {paths}. Exécutez chmod 600.",
        "Secret files readable by other users: {paths}. Run chmod 600.",
    ),
    "access.warning.http_redirect_uri": (
        "L'adresse de retour de connexion (redirect_uri) n'est pas en HTTPS.",
        "The sign-in return address (redirect_uri) is not HTTPS.",
    ),
    "access.warning.short_cookie_secret": (
        "Le secret des cookies (cookie_secret) est trop court : utilisez openssl rand -hex 32.",
        "The cookie secret (cookie_secret) is too short: use openssl rand -hex 32.",
    ),
    "access.warning.redirect_uri_path": (
        "L'adresse de retour de connexion (redirect_uri) doit se terminer par /oauth2callback.",
        "The sign-in return address (redirect_uri) must end with /oauth2callback.",
    ),
    # audit page
    "audit.title": ("Journal d'accès", "Access log"),
    "audit.intro": (
        "Qui s'est connecté, a importé ou téléchargé quoi, et quand (heure de Paris). Seule la "
        "direction voit ce journal ; le télécharger est aussi journalisé.",
        "Who signed in, imported or downloaded what, and when (Paris time). Only the management sees "
        "this log; downloading it is logged too.",
    ),
    "audit.actions": ("Actions", "Actions"),
    "audit.choose": ("Choisir des actions", "Choose actions"),
    "audit.empty": ("Aucun événement pour ces critères.", "No event matches."),
    "audit.count.one": ("{n} événement (les {limit} plus récents au plus)",
                        "{n} event (at most the {limit} most recent)"),
    "audit.count.other": ("{n} événements (les {limit} plus récents au plus)",
                          "{n} events (at most the {limit} most recent)"),
    "audit.col.when": ("Date et heure", "Date and time"),
    "audit.col.user": ("Utilisateur", "User"),
    "audit.col.role": ("Rôle", "Role"),
    "audit.col.action": ("Action", "Action"),
    "audit.col.target": ("Objet", "Target"),
    "audit.col.details": ("Détails", "Details"),
    "audit.detail.status": ("Statut", "Status"),
    "audit.detail.format": ("Format", "Format"),
    "audit.detail.import_id": ("N° d'import", "Import no."),
    "audit.detail.rows_read": ("Lignes lues", "Rows read"),
    "audit.detail.rows_added": ("Lignes ajoutées", "Rows added"),
    "audit.detail.rows_rejected": ("Lignes refusées", "Rows refused"),
    "audit.detail.mode": ("Mode", "Mode"),
    "audit.detail.by": ("Décidé par", "Decided by"),
    "vocab.import_status.imported": ("Importé", "Imported"),
    "vocab.import_status.refused": ("Refusé", "Refused"),
    "vocab.import_status.already_imported": ("Déjà importé", "Already imported"),
    "vocab.import_status.demo": ("Ville de démonstration", "Demo town"),
    "vocab.auth_mode.oidc": ("authentification unique", "single sign-on"),
    "vocab.auth_mode.local": ("poste local", "local computer"),
    "vocab.auth_mode.refuse": ("accès refusé", "access refused"),
    "vocab.auth_reason.provider": ("fournisseur d'identité", "identity provider"),
    "vocab.auth_reason.loopback": ("connexion depuis la machine elle-même",
                                   "connection from the machine itself"),
    "vocab.auth_reason.network_address": ("adresse réseau", "network address"),
    "vocab.auth_reason.incomplete_auth": ("authentification incomplète",
                                          "incomplete authentication settings"),
    "vocab.auth_reason.proxied_request": ("requête relayée par un proxy", "request through a proxy"),
    "vocab.auth_reason.remote_client": ("poste distant", "remote computer"),
    "vocab.auth_reason.signed_out": ("déconnecté", "signed out"),
    "vocab.auth_reason.roles_file": ("fichier des rôles inutilisable", "roles file unusable"),
    "vocab.auth_reason.email": ("adresse e-mail", "email address"),
    "vocab.auth_reason.subject": ("identifiant", "subject identifier"),
    "vocab.auth_reason.group": ("groupe", "group"),
    "vocab.auth_reason.unknown": ("utilisateur inconnu", "unknown user"),
    "vocab.auth_reason.ambiguous": ("rôles ambigus", "ambiguous roles"),
}
