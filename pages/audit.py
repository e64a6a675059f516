"""Access log (direction only): who signed in, imported or downloaded what, and when."""

from __future__ import annotations

import streamlit as st

from analytics.audit import ACTIONS, DEFAULT_LIMIT, audit_table, recent_events
from analytics.i18n import counted
from dashboard import components
from dashboard.access import page_guard
from dashboard.session import require_frame, translator
from dashboard.store import connection, db_path

require_frame("pages/audit.py")
t = translator()
page_guard("audit", t)  # direction only (ROLE_PAGES), checked here on the server

st.title(t("audit.title"))
st.caption(t("audit.intro"))
actions = st.multiselect(
    t("audit.actions"), ACTIONS, default=list(ACTIONS), key="audit_actions",
    format_func=lambda code: t.label("audit_action", code), placeholder=t("audit.choose"),
)
events = recent_events(connection(db_path()), DEFAULT_LIMIT, actions)
if events.empty:
    st.info(t("audit.empty"))
else:
    st.caption(counted(t, "audit.count", len(events), limit=t.number(DEFAULT_LIMIT)))
    table = audit_table(events, t)
    st.dataframe(table, hide_index=True, width="stretch")
    components.download_buttons(table, "journal_acces", t)
