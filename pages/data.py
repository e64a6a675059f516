"""Data: upload and import files (with a column mapping when needed), refused rows, templates,
import history, and data health (which agents lack timesheets for which weeks)."""

from __future__ import annotations

from functools import partial

import streamlit as st

from analytics.audit import import_details
from analytics.i18n import counted, escape_markdown
from analytics.ingest import import_batch
from analytics.ingest import mapping as mappings
from analytics.ingest.mapping import ColumnMapping
from analytics.ingest.preview import UPLOAD_TYPES, Preview, max_upload_mb, preview_file
from analytics.ingest.review import localised_history
from analytics.ingest.templates import template_csv, templates_zip
from analytics.schema import LOAD_ORDER
from dashboard import components
from dashboard.access import page_guard, record
from dashboard.import_widgets import (
    completion_editor,
    mapping_editor,
    review_rejects,
    saved_base,
    show_result,
    value_mapper,
)
from dashboard.registry import DATA
from dashboard.session import require_frame, scope, translator
from dashboard.store import connection, db_path, source, version

require_frame("pages/data.py")
t = translator()
who = page_guard("data", t)
con = connection(db_path())
limit_mb = max_upload_mb()
table_label = lambda table: t(f"data.table.{table}")  # noqa: E731


@st.cache_data(max_entries=20, show_spinner=False)
def cached_preview(data: bytes, name: str, mappings: tuple[str, ...]) -> Preview:
    """The preview of an upload, read once per file (and again when a mapping is saved)."""
    return preview_file(con, data, name)


st.title(t("data.title"))
st.caption(t("data.intro"))
components.uploader_words(t, limit_mb, UPLOAD_TYPES)
uploads = st.file_uploader(t("data.upload"), type=UPLOAD_TYPES, accept_multiple_files=True,
                           max_upload_size=limit_mb, key="data_upload",
                           help=t("data.upload_help", mb=limit_mb))
strict = st.toggle(t("data.strict"), key="data_strict", help=t("data.strict_help"))
plans: list[tuple[bytes, str, ColumnMapping | None]] = []
for upload in uploads or []:
    if upload.size > limit_mb * 1024 * 1024:
        st.error(t("data.too_big", name=upload.name, mb=limit_mb))
        continue
    with st.expander(escape_markdown(upload.name), expanded=True):
        info = cached_preview(upload.getvalue(), upload.name, tuple(mappings.saved_names(con)))
        mapping = None
        if info.recognised:
            st.markdown(t("data.detected", label=info.label.render(t) if info.label else "",
                          format=info.format, rows=counted(t, "data.rows", info.rows),
                          target=table_label(info.target)))
            mapping = value_mapper(con, info, saved_base(con, info), t)
        elif info.needs_mapping:
            st.warning(t("data.not_recognised"))
            st.caption(f"{info.refusal.render(t) if info.refusal else ''}\n\n{t('data.mapping_help')}")
            mapping = mapping_editor(con, info, t)
        else:
            st.error(t("data.unreadable", reason=info.refusal.render(t) if info.refusal else ""))
        st.dataframe(info.sample, hide_index=True)
        plans.append((upload.getvalue(), upload.name, mapping))

if plans and st.button(t("data.import"), type="primary", key="data_import"):
    bar = st.progress(0.0, text=t("data.importing"))
    results = import_batch(
        con, plans, strict, lambda done, step: bar.progress(min(1.0, done), text=step.render(t)))
    for result in results:
        record(who, "import", result.file, import_details(result))
    st.session_state["data_results"] = results
    st.rerun()
for position, result in enumerate(st.session_state.get("data_results", [])):
    show_result(position, result, t)

st.subheader(t("data.complete.title"))
completion_editor(con, t, db_path(), version(con))

st.subheader(t("data.templates"))
st.caption(t("data.templates_help"))
left, right = st.columns(2)
table = left.selectbox(t("data.template_table"), LOAD_ORDER, key="template_table",
                       format_func=table_label)
# the files are generated on click only (deferred download), not on every run of the page
left.download_button(t("data.download_template"), partial(template_csv, table), f"modele_{table}.csv",
                     mime="text/csv", icon=":material/download:", key="template_one")
right.download_button(t("data.download_all"), templates_zip, "modeles.zip",
                      mime="application/zip", icon=":material/folder_zip:", key="template_all")

st.subheader(t("data.history"))
history = DATA["import_history"](source())
if history.empty:
    st.info(t("data.no_history"))
else:
    st.dataframe(localised_history(history, t).rename(columns=lambda c: t(f"data.col.{c}")),
                 hide_index=True)
    review_rejects(con, history, t)

st.subheader(t("data.health"))
st.caption(t("data.health_help"))
only_gaps = not st.toggle(t("data.health_all"), key="health_all")
summary, grid = DATA["health"](source(), scope(), only_gaps=only_gaps, lang=t.lang)
left, right = st.columns(2)
left.metric(t("data.health_missing"), t.percent(summary.missing_share),
            help=f"{summary.missing} / {summary.expected}")
right.metric(t("data.health_agents"), t.number(summary.agents_with_gaps))
if grid.empty:
    st.success(t("data.health_none"))
else:
    st.dataframe(grid.rename(columns={"gaps": t("data.col.gaps")}))
