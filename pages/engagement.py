"""Engagement (evaluators): is participation reaching new people or always the same ones, is
volunteers' engagement eroding, is the public representative of the town? Plus the report."""

from __future__ import annotations

import duckdb
import streamlit as st

from analytics.engagement.report import MILESTONES_CSV, report_file_name
from analytics.engagement.sections import SECTION_KEYS, Metric, headline_metrics
from analytics.engagement.tables import export_frame, format_table
from analytics.settings import town_name
from analytics.store.db import StoreError
from dashboard import components
from dashboard.access import logged_download, page_guard
from dashboard.registry import ENGAGEMENT
from dashboard.session import require_frame, scope, translator
from dashboard.store import source

TILES_PER_ROW = 4


def tiles(metrics: list[Metric]) -> None:
    """Metric tiles, at most four to a row (labels stay readable)."""
    for first in range(0, len(metrics), TILES_PER_ROW):
        row = metrics[first:first + TILES_PER_ROW]
        for column, metric in zip(st.columns(TILES_PER_ROW), row, strict=False):
            column.metric(metric.label, metric.value, help=metric.help)


require_frame("pages/engagement.py")
t = translator()
who = page_guard("engagement", t)
src, f = source(), scope()  # f.individuals: no row about one resident for elected officials

tab_titles = [t(f"eng.tab.{key}") for key in SECTION_KEYS] + [t("eng.tab.report")]
st.title(t("eng.title"))
try:
    head = ENGAGEMENT["overview"](src, f)
except StoreError as exc:
    components.store_error(exc, t)
    st.stop()
except duckdb.Error as exc:
    st.error(t("eng.error", reason=str(exc)))
    st.stop()
st.caption(t("eng.intro", start=t.date(f.start), end=t.date(f.end), k=head.min_group_size))

st.subheader(t("eng.key_figures"))
if head.headline.hidden:
    st.info(t("eng.hidden_period", k=head.min_group_size))
tiles(headline_metrics(head.headline, t))

tabs = st.tabs(tab_titles, key="engagement_tab", on_change="rerun")
for key, tab in zip(SECTION_KEYS, tabs, strict=False):
    if not tab.open:
        continue
    with tab:
        try:
            shown = ENGAGEMENT[f"section[{key}]"](src, f, key=key, lang=t.lang)
        except StoreError as exc:
            components.store_error(exc, t)
            continue
        except duckdb.Error as exc:
            st.error(t("eng.error", reason=str(exc)))
            continue
        if shown.hidden:
            st.info(shown.hidden)
            continue
        st.markdown(shown.text)
        tiles(shown.metrics)
        for note in shown.notes:
            st.caption(note)
        for figure in shown.figures:
            components.chart(figure, t)
        for table in shown.tables:
            st.markdown(f"**{table.title}**")
            if table.frame.empty:
                st.caption(t("eng.empty_table"))
                continue
            st.dataframe(format_table(table, t), hide_index=True, width="stretch")
            components.download_buttons(export_frame(table), table.name, t)

with tabs[-1]:
    st.markdown(t("eng.report.intro", start=t.date(f.start), end=t.date(f.end)))
    services = ENGAGEMENT["services"](src)
    names = dict(zip(services["service_id"], services["service_name"], strict=True))
    service_label = names.get(f.service, f.service) if f.service else t("sidebar.all")
    level_label = t.label("level", f.level) if f.level else t("sidebar.all")
    origin = t("eng.report.demo_note") if ENGAGEMENT["freshness"](src).origin == "demo" else None
    st.download_button(
        t("eng.report.download"),
        data=logged_download(
            lambda: ENGAGEMENT["report_html (on click)"](
                src, f, lang=t.lang, town=town_name(), service_label=service_label,
                level_label=level_label, origin_note=origin),
            "engagement_report", "html"),
        file_name=report_file_name(head.scope), mime="text/html", on_click="ignore",
        icon=":material/description:", key="engagement_report",
    )
    st.caption(t("eng.report.milestones_csv"))
    components.download_buttons(lambda: ENGAGEMENT["milestones_frame (on click)"](src, f, lang=t.lang),
                                MILESTONES_CSV, t)
