"""Overview: what needs attention ("À traiter"), the few numbers each user looks at first, data
freshness, links to the pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.access import min_group_size_applies
from analytics.capacity.forecast import HORIZON_WEEKS
from analytics.disclosure import protect_indicators
from analytics.engagement.page import headline_indicators
from analytics.figures import partial_note
from analytics.i18n import escape_markdown
from analytics.overview import AttentionItem, describe
from analytics.peaks import peak_text, weekly_peak
from analytics.periods import partial_weeks_of_data
from analytics.vega_figures import weekly_load_chart
from dashboard import components
from dashboard.access import page_guard
from dashboard.loaders import OVERVIEW_COMPUTED, OVERVIEW_TILES
from dashboard.registry import OVERVIEW
from dashboard.session import require_frame, scope, translator
from dashboard.store import source

require_frame("pages/overview.py")
t = translator()
who = page_guard("overview", t)
src, f = source(), scope()
MARKS = {"act": ":red[:material/priority_high:]", "watch": ":orange[:material/visibility:]"}


def draw_item(item: AttentionItem) -> None:
    """One row of "À traiter": a mark (red: to act on; orange: to watch), the sentence, and a link
    to the page and tab with the detail."""
    text, link = st.columns([5, 2], vertical_alignment="center")
    text.markdown(f"{MARKS[item.severity]} {describe(item, t)}")
    with link:
        components.detail_link(item.links, who.role, t, team=item.team)


st.title(t("overview.title"))
st.caption(t("overview.intro"))
fresh = OVERVIEW["freshness"](src)
values = OVERVIEW["indicators"](src, f, keys=OVERVIEW_COMPUTED)

st.subheader(t("overview.todo.title"))
st.caption(t("overview.todo.intro", weeks=HORIZON_WEEKS))
todo = st.container()  # filled once the chart below is on its way (see the end of this section)
st.subheader(t("overview.dgs"))
dgs_tiles = st.container()  # these tiles count the lists of "À traiter"
st.caption(t("overview.risk_note"))
components.page_link("capacity", who.role, t, ":material/groups_3:")
weeks = OVERVIEW["weekly_load"](src, f)
if weeks["hours"].sum() > 0:
    partial = partial_weeks_of_data(pd.to_datetime(weeks["week_start"]).dt.date, f.start, f.end,
                                    fresh.first_work_date, fresh.last_work_date)
    components.vega_toolbar_words(t)
    st.vega_lite_chart(weekly_load_chart(weeks, t, [p.start for p in partial]), width="stretch")
    if partial:
        st.caption(partial_note(partial, t))
    if peak := peak_text(t, "overview.peak", values.get("capacity.load_ratio"),
                         weekly_peak(weeks, "hours")):
        st.caption(peak)
else:
    st.info(t("overview.no_data"))

# The chart is sent first: the browser loads the charting code while "À traiter" is computed (on a
# first visit, the slowest part of the page), then drawn in its place above.
with todo, components.section(t, "overview.todo.error"):
    found = OVERVIEW["todo"](src, f, role=who.role)
    values = {**values, **found.counts}  # the tiles count the lists
    items = found.items
    if not items:
        st.success(t("overview.todo.none"), icon=":material/check_circle:")
    else:
        with st.container(border=True):
            for item in items:
                draw_item(item)
protected = min_group_size_applies(who.role)  # officials, evaluators: the Engagement page's rule
values = protect_indicators(
    values, f.floor, headline_indicators(OVERVIEW["headline"](src, f).headline) if protected else None
)
with dgs_tiles:
    components.indicator_tiles(values, OVERVIEW_TILES["dgs"], t)
    components.indicator_tiles(values, OVERVIEW_TILES["legal"], t)

st.subheader(t("overview.officials"))
components.indicator_tiles(values, OVERVIEW_TILES["officials"], t)
components.page_link("arbitration", who.role, t, ":material/balance:")

st.subheader(t("overview.evaluators"))
components.indicator_tiles(values, OVERVIEW_TILES["evaluators"], t)
components.page_link("engagement", who.role, t, ":material/groups:")

st.subheader(t("overview.freshness"))
left, middle, right, last = st.columns(4)
left.metric(t("overview.last_work_date"), t.date(fresh.last_work_date))
middle.metric(t("overview.last_event_date"), t.date(fresh.last_event_date))
right.metric(t("overview.last_request_date"), t.date(fresh.last_request_date))
last.metric(t("overview.imports"), t.number(fresh.imports),
            help=escape_markdown(fresh.last_import_file) if fresh.last_import_file else None)
