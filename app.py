"""Router and frame of the dashboard: page config, the store, the shared sidebar, navigation.

Run with ``streamlit run app.py`` (see README). Each screen is one file in ``pages/``.
"""

from __future__ import annotations

import streamlit as st

from analytics.store.db import StoreError
from dashboard import components, loaders, sidebar
from dashboard.session import translator, wanted_page
from dashboard.store import connection, db_path, ensure_data, version

st.set_page_config(page_title="Charge et participation", page_icon="📊", layout="wide")
t = translator()

try:
    con = connection(db_path())
except StoreError as exc:
    st.error(t("error.store", reason=str(exc)))
    st.stop()

if ensure_data(con, t("banner.building_demo")):
    st.session_state["demo_just_built"] = True
current_version = version(con)
sidebar.render(db_path(), current_version)
t = translator()  # the sidebar may have switched the language
components.demo_banner(loaders.freshness(db_path(), current_version), t)

pages = [
    st.Page("pages/overview.py", title=t("nav.overview"), icon=":material/dashboard:", default=True),
    st.Page("pages/capacity.py", title=t("nav.capacity"), icon=":material/groups_3:"),
    st.Page("pages/arbitration.py", title=t("nav.arbitration"), icon=":material/balance:"),
    st.Page("pages/engagement.py", title=t("nav.engagement"), icon=":material/groups:"),
    st.Page("pages/data.py", title=t("nav.data"), icon=":material/upload_file:"),
    st.Page("pages/methods.py", title=t("nav.methods"), icon=":material/menu_book:"),
]
page = st.navigation(pages)
deep_link = wanted_page()
if deep_link:
    st.switch_page(deep_link)
page.run()
