"""Router and frame of the dashboard: page config, the store, the shared sidebar, navigation.

Run with ``make run`` (see README): ``python -m dashboard.serve run app.py``, which is ``streamlit run``
with the app's modules imported before the first visit. Each screen is one file in ``pages/``.
"""

from __future__ import annotations

import streamlit as st

from analytics.access import can_see_pseudonyms, group_floor
from analytics.settings import load_thresholds
from analytics.store.db import StoreError
from dashboard import access, components, loaders, sidebar
from dashboard.access import PageSpec
from dashboard.session import translator, wanted_page
from dashboard.store import connection, db_path, ensure_data, ensure_derived, version

st.set_page_config(page_title="Charge et participation", page_icon="📊", layout="wide")
t = translator()
identity = access.gate(t)  # sign-in, "not authorised" and refusal screens stop here

try:
    con = connection(db_path())
except StoreError as exc:
    components.store_error(exc, t)
    st.stop()

with components.unexpected_errors("frame", stop=True):  # no page runs without its frame
    if ensure_data(con, t("banner.building_demo")):
        st.session_state["demo_just_built"] = True
    ensure_derived(con, t("banner.updating_derived"))
    current_version = version(con)
    floor = group_floor(identity.role, load_thresholds().min_group_size)
    sidebar.render(db_path(), current_version, floor, can_see_pseudonyms(identity.role))
    t = translator()  # the sidebar may have switched the language
    access.sidebar_badge(identity, t)
    components.demo_banner(loaders.freshness(db_path(), current_version), t)

PAGES = [
    PageSpec("overview", "pages/overview.py", "nav.overview", ":material/dashboard:"),
    PageSpec("capacity", "pages/capacity.py", "nav.capacity", ":material/groups_3:"),
    PageSpec("arbitration", "pages/arbitration.py", "nav.arbitration", ":material/balance:"),
    PageSpec("engagement", "pages/engagement.py", "nav.engagement", ":material/groups:"),
    PageSpec("data", "pages/data.py", "nav.data", ":material/upload_file:"),
    PageSpec("methods", "pages/methods.py", "nav.methods", ":material/menu_book:"),
    PageSpec("audit", "pages/audit.py", "nav.audit", ":material/history:"),
]
page = st.navigation(access.navigation_pages(identity.role, PAGES, t))
deep_link = wanted_page()
if deep_link and access.may_open_file(identity.role, deep_link, PAGES):
    st.switch_page(deep_link)
components.open_linked_tab(page.url_path or "overview", t)
with components.unexpected_errors(page.url_path or "overview"):
    page.run()
