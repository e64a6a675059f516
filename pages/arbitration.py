"""Arbitration (elected officials): what participation costs by level, a what-if simulator for a new
project, the choice of proposed projects within the teams' capacity, and the demand participation
generates. Officials see services (teams), never agents.

Scope (sidebar) → the store's history (``dashboard.registry.ARBITRATION``) → the open tab, drawn by
:class:`dashboard.arbitration_view.ArbitrationTabs`, which calls that tab's loaders with the
widgets' choices; the simulator's verdict is asked here, with the choices of its form. Only the
open tab is computed; the choices made in a tab are kept while another one is open."""

from __future__ import annotations

import streamlit as st

from analytics.arbitration import present
from analytics.arbitration.teams import hidden_services, merged_services
from analytics.settings import load_thresholds
from dashboard import components
from dashboard.access import page_guard
from dashboard.arbitration_view import ArbitrationTabs
from dashboard.registry import ARBITRATION
from dashboard.session import require_frame, scope, translator
from dashboard.store import source

require_frame("pages/arbitration.py")
t = translator()
who = page_guard("arbitration", t)
src, chosen = source(), scope()

st.title(t("arb.title"))
ctx = ARBITRATION["history"](src)
if ctx is None:
    st.info(t("arb.no_data"))
    st.stop()
st.caption(t("arb.intro", as_of=t.date(ctx.as_of)))
st.caption(t("arb.privacy", n=ctx.min_group_size))
for services, key in ((merged_services(ctx.mapping), "arb.privacy.merged"),
                      (hidden_services(ctx.mapping), "arb.privacy.hidden")):
    if services:
        st.caption(t(key, n=ctx.min_group_size, services=", ".join(services)))

draw = ArbitrationTabs(t, load_thresholds(), src, chosen, ctx, present.team_names(ctx.teams, t))
tabs = st.tabs([t(f"arb.tab.{name}") for name in ARBITRATION.tabs], key="arbitration_tab",
               on_change="rerun")
for tab, name in zip(tabs, ARBITRATION.tabs, strict=True):
    if tab.open is not False:  # only the open tab is computed (None: state not tracked)
        with tab, components.section(t, "arb.error"):
            if name != "simulator":
                draw.draw(name)
            elif (asked := draw.simulator_form()) is not None:  # None: nothing to simulate
                draw.simulation_part(asked, ARBITRATION["simulation"](src, **asked.choices))
