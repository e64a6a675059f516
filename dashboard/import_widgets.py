"""Widgets of the Data page: the column mapping of an unknown sheet, codes chosen for unknown values,
the result of an import (summary, refused rows, rows with a remark), the review of past imports,
and the completion of the agents and projects an import created. Each reads and writes through
:mod:`analytics.ingest`; nothing here computes."""

from __future__ import annotations

import duckdb
import pandas as pd
import streamlit as st

from analytics import schema
from analytics.i18n import Translator, counted
from analytics.ingest import ImportResult, Reject
from analytics.ingest import mapping as mappings
from analytics.ingest.completion import (
    AgentAnswer,
    ProjectAnswer,
    complete,
)
from analytics.ingest.mapping import ColumnMapping
from analytics.ingest.messages import MessageError
from analytics.ingest.preview import Preview
from analytics.ingest.review import kept_rejects
from analytics.ingest.templates import rejects_frame
from analytics.ingest.vocabulary import CODES
from analytics.mapping_view import absent, mapping_edits, mapping_view
from analytics.overview import services
from analytics.schema import LOAD_ORDER
from dashboard import components
from dashboard.registry import DATA
from dashboard.store import Source


def mapping_editor(con: duckdb.DuckDBPyConnection, info: Preview, t: Translator) -> ColumnMapping:
    """Target table and header of each expected column, proposed then corrected; saved by name."""
    key = info.name
    target = st.selectbox(t("data.target"), LOAD_ORDER, key=f"target_{key}",
                          index=LOAD_ORDER.index(info.proposed.target),
                          format_func=lambda table: t(f"data.table.{table}"))
    proposed = mappings.mapping_table(info.headers, target)
    edited = st.data_editor(
        mapping_view(proposed, t), key=f"mapping_{key}_{target}", hide_index=True,
        column_config={
            "column": st.column_config.TextColumn(t("data.column"), disabled=True),
            "header": st.column_config.SelectboxColumn(t("data.header"),
                                                       options=[absent(t), *info.headers]),
        },
    )
    mapping = mappings.mapping_from_table(target, mapping_edits(edited, proposed, t))
    name = st.text_input(t("data.mapping_name"), key=f"mapping_name_{key}")
    if st.button(t("data.save_mapping"), key=f"save_{key}", disabled=not name.strip()):
        try:
            mappings.save_mapping(con, name, mapping, info.headers)
            st.success(t("data.mapping_saved", name=name.strip()))
        except Exception as exc:  # incomplete mapping, or the store refused: shown, not raised
            reason = exc.message.render(t) if isinstance(exc, MessageError) else str(exc)
            st.error(t("data.mapping_error", reason=reason))
    return mapping


def show_rejects(rejects: list[Reject], name: str, t: Translator) -> None:
    """Refused rows with their reason in the reader's language; the downloads carry it too."""
    frame = rejects_frame(rejects, t).rename(columns=lambda c: t(f"data.col.{c}"))
    st.dataframe(components.safe_for_spreadsheet(frame), hide_index=True)
    components.download_buttons(frame, name, t)


def show_result(index: int, result: ImportResult, t: Translator) -> None:
    """Summary of one import, what to complete, and its refused rows (downloadable)."""
    text = t("data.summary", file=result.file, status=t(f"data.status.{result.status}"),
             **{part: counted(t, f"data.summary.{part}", getattr(result, f"rows_{part}"))
                for part in ("read", "accepted", "added", "rejected")})
    {"imported": st.success, "refused": st.error}.get(result.status, st.info)(text)
    if result.status != "already_imported":
        st.caption(result.text(t))
    if result.created_agents or result.created_projects:
        created = result.created_agents + result.created_projects
        st.caption(t("data.created", items=", ".join(created[:30])))
    if result.rejects:
        show_rejects(result.rejects, f"lignes_refusees_{index}", t)
    if result.remarks:
        st.markdown(f"**{t('data.remarks')}**")
        show_rejects(result.remarks, f"lignes_avec_remarque_{index}", t)


def review_rejects(con: duckdb.DuckDBPyConnection, history: pd.DataFrame, t: Translator) -> None:
    """The refused rows kept for a past import, and the rows it imported with a remark, read back
    in the reader's language."""
    kept = history[(history["rejects_kept"] > 0) | (history["remarks_kept"] > 0)]
    if kept.empty:
        return
    files = {int(i): (f, int(n), int(m)) for i, f, n, m in zip(
        kept["import_id"], kept["file_name"], kept["rejects_kept"], kept["remarks_kept"],
        strict=True)}
    chosen = st.selectbox(t("ingest.page.review"), list(files), key="review_import",
                          format_func=lambda i: t.plain(
                              "ingest.page.review_item", id=i, file=files[i][0],
                              count=t.number(files[i][1]), remarks=t.number(files[i][2])))
    if chosen is None:
        return
    if rejects := kept_rejects(con, chosen):
        show_rejects(rejects, f"lignes_refusees_import_{chosen}", t)
    remarks = kept_rejects(con, chosen, kind="note")
    if remarks:
        st.markdown(f"**{t('data.remarks')}**")
        show_rejects(remarks, f"lignes_avec_remarque_import_{chosen}", t)


EMPTY = ""
"""The choice "leave empty" in a value's dropdown."""


def value_mapper(con: duckdb.DuckDBPyConnection, info: Preview, base: ColumnMapping | None,
                 t: Translator) -> ColumnMapping | None:
    """A dropdown per unknown value of each coded column (a code, or leave empty), and a name to
    save the choices for the next files; returns the mapping to import with (None: none chosen)."""
    if not info.unplaced:
        return base
    st.markdown(f"**{t('data.values.title')}**")
    st.caption(t("data.values.help"))
    chosen: dict[str, dict[str, str]] = {}
    for column in info.unplaced:
        options = [EMPTY, *CODES[column.vocabulary]]
        for label, rows in column.labels.items():
            code = st.selectbox(
                t("data.values.label", column=column.header, label=label,
                  rows=t("data.values.rows", count=rows)),
                options, key=f"value_{info.name}_{column.vocabulary}_{label}",
                format_func=lambda c, v=column.vocabulary: (
                    t("data.values.unplaced") if c == EMPTY else t.label(v, c)))
            if code:
                chosen.setdefault(column.vocabulary, {})[label] = code
    if not chosen:
        return base
    result = (base.with_values(chosen) if base is not None
              else ColumnMapping.for_values(str(info.target), _format_name(info), chosen))
    name = st.text_input(t("data.values.name"), key=f"values_name_{info.name}",
                         value=_saved_name(info))
    if st.button(t("data.values.save"), key=f"values_save_{info.name}", disabled=not name.strip()):
        try:
            mappings.save_mapping(con, name, result, info.headers)
            st.success(t("data.values.saved", name=name.strip()))
        except MessageError as exc:
            st.error(t("data.mapping_error", reason=exc.message.render(t)))
    return result


def _format_name(info: Preview) -> str:
    """The recognised format a value-only mapping applies to."""
    return str(info.format).split(":", 1)[0] if info.format else ""


def _saved_name(info: Preview) -> str:
    """The saved mapping the file was recognised by, if any (its choices are updated in place)."""
    return info.mapping_name or ""


def saved_base(con: duckdb.DuckDBPyConnection, info: Preview) -> ColumnMapping | None:
    """The saved mapping the file was recognised by (so that new choices complete it)."""
    name = _saved_name(info)
    return mappings.load_mapping(con, name) if name else None


DONE_KEY = "complete_done"


def completion_editor(con: duckdb.DuckDBPyConnection, t: Translator, path: str,
                      version: str) -> None:
    """Tables of the agents and projects still to complete, edited in place and saved at once
    (read through a loader keyed by the store's ``version``: once saved, they are read afresh)."""
    if done := st.session_state.pop(DONE_KEY, None):
        st.success(done)
    agents, projects = DATA["to_complete"](Source(path, version))
    if agents.empty and projects.empty:
        st.caption(t("data.complete.none"))
        return
    st.caption(t("data.complete.help"))
    known = services(con)
    names = dict(zip(known["service_id"], known["service_name"], strict=True))
    ids = {name: service_id for service_id, name in names.items()}
    pick_service = st.column_config.SelectboxColumn(t("data.col.service_id"),
                                                    options=sorted(ids, key=str.casefold))
    edited_agents = edited_projects = pd.DataFrame()
    if not agents.empty:
        st.markdown(f"**{t('data.complete.agents')}**")
        frame = agents.assign(service_id=agents["service_id"].map(names), weekly_hours=None,
                              valid_from=None)
        edited_agents = st.data_editor(
            frame, key=f"complete_agents_{version}", hide_index=True, disabled=["agent_id", "agent_name",
                                                                     "contracts"],
            column_config={
                "agent_id": t("data.col.agent_id"), "agent_name": t("data.col.agent_name"),
                "service_id": pick_service, "contracts": t("data.col.contracts"),
                "weekly_hours": st.column_config.NumberColumn(
                    t("data.col.weekly_hours"), min_value=0.0, max_value=80.0, step=0.5),
                "valid_from": st.column_config.DateColumn(t("data.col.valid_from"),
                                                          format="DD/MM/YYYY"),
            })
    if not projects.empty:
        st.markdown(f"**{t('data.complete.projects')}**")
        frame = projects.assign(level=None, initiative=None, perimeter=None)
        edited_projects = st.data_editor(
            frame, key=f"complete_projects_{version}", hide_index=True,
            disabled=["project_id", "project_name", "hours"],
            column_order=["project_name", "hours", "level", "initiative", "perimeter",
                          "service_id", "project_id"],
            column_config={
                "project_id": t("data.col.project_id"), "project_name": t("data.col.project_name"),
                "hours": st.column_config.NumberColumn(t("data.col.hours"), format="localized"),
                "level": st.column_config.SelectboxColumn(
                    t("data.col.level"), options=list(choices(t, "level"))),
                "initiative": st.column_config.SelectboxColumn(
                    t("data.col.initiative"), options=list(choices(t, "initiative"))),
                "perimeter": st.column_config.TextColumn(t("data.col.perimeter")),
                "service_id": pick_service,
            })
    if st.button(t("data.complete.save"), key="complete_save"):
        try:
            done = complete(con, _agent_answers(agents, edited_agents, ids),
                            _project_answers(edited_projects, ids, t))
        except MessageError as exc:
            st.error(t("data.complete.error", reason=exc.message.render(t)))
            return
        st.session_state[DONE_KEY] = t("data.complete.saved", agents=done.agents,
                                       contracts=done.contracts, projects=done.projects)
        st.rerun()


def _cell(value: object) -> object:
    """An edited cell, None when left empty (None, NaN, NaT)."""
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _agent_answers(before: pd.DataFrame, frame: pd.DataFrame,
                   ids: dict[str, str]) -> list[AgentAnswer]:
    """What changed in the agents' table: a new service, or a contract."""
    if frame.empty:
        return []
    answers = []
    for old, row in zip(before["service_id"], frame.itertuples(index=False), strict=True):
        service = ids.get(str(_cell(row.service_id)))
        service = None if service == _cell(old) else service
        if service is not None or _cell(row.weekly_hours) is not None or _cell(
                row.valid_from) is not None:
            answers.append(AgentAnswer(row.agent_id, service, _cell(row.weekly_hours),
                                       _cell(row.valid_from)))
    return answers


def choices(t: Translator, vocabulary: str) -> dict[str, str]:
    """The codes a completion dropdown offers ('level' or 'initiative'), by their label in ``t``'s
    language (label → code)."""
    codes = ((schema.NO_LEVEL, *schema.LEVELS) if vocabulary == "level"
             else schema.INITIATIVES)
    return {t.label(vocabulary, code): code for code in codes}


def _code(value: object, labels: dict[str, str]) -> str | None:
    """The code of a label chosen in a dropdown (None when left empty)."""
    cell = _cell(value)
    return None if cell is None else labels.get(str(cell), str(cell))


def _project_answers(frame: pd.DataFrame, ids: dict[str, str],
                     t: Translator) -> list[ProjectAnswer]:
    """What was said about each project (rows left blank are not written); levels and
    initiatives were chosen by their label."""
    if frame.empty:
        return []
    levels, initiatives = choices(t, "level"), choices(t, "initiative")
    return [ProjectAnswer(row.project_id, _code(row.level, levels),
                          _code(row.initiative, initiatives),
                          _cell(row.perimeter), ids.get(str(_cell(row.service_id))))
            for row in frame.itertuples(index=False)
            if any(_cell(v) is not None for v in (row.level, row.initiative, row.perimeter,
                                                   row.service_id))]
