"""Team capacity (the director general's page): load per agent and service, where participation work
lands, hidden work, legal limits, sustained overload and the coming weeks.

Scope (sidebar) → the tiles' loader and the open tab's (``dashboard.registry.CAPACITY``) → drawn
by :class:`dashboard.capacity_view.CapacityTabs`."""

from __future__ import annotations

import streamlit as st

from analytics.access import can_see_agents
from analytics.settings import load_thresholds
from dashboard import components
from dashboard.access import page_guard
from dashboard.capacity_loaders import TILES
from dashboard.capacity_view import CapacityTabs
from dashboard.registry import CAPACITY
from dashboard.session import require_frame, scope, translator
from dashboard.store import source

require_frame("pages/capacity.py")
t = translator()
who = page_guard("capacity", t)
src, chosen = source(), scope()
PARTS = tuple(tab for tab in CAPACITY.tabs if tab != "agent" or can_see_agents(who.role))
draw = CapacityTabs(t, load_thresholds(), src, chosen)  # the agent card: direction only

st.title(t("capacity.title"))
st.caption(t("capacity.intro"))
with components.section(t, "capacity.error"):
    components.indicator_tiles(CAPACITY["tiles"](src, chosen), list(TILES), t)
if chosen.level:
    st.caption(t("capacity.level_note", level=t.label("level", chosen.level)))
tabs = st.tabs([t(f"capacity.tab.{name}") for name in PARTS], key="capacity_tab",
               on_change="rerun")
for tab, name in zip(tabs, PARTS, strict=True):
    if tab.open is not False:  # only the open tab is computed (None: state not tracked)
        with tab, components.section(t, "capacity.error"):
            draw.draw(name, None if name == "agent" else CAPACITY[name](src, chosen))
