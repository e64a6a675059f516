"""Message catalogues: ``<lang>/LC_MESSAGES/<area>.po`` (gettext, read by :mod:`analytics.i18n`)."""
