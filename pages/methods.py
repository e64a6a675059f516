"""Methods: every indicator's key and definition, the thresholds in force, the legal basis."""

from __future__ import annotations

import streamlit as st

from analytics.indicators import FILTERS_NOTE_EN, FILTERS_NOTE_FR
from analytics.methods import catalogue_table, parameters_table, thresholds_table
from analytics.settings import load_thresholds
from dashboard.access import page_guard
from dashboard.session import require_frame, translator

require_frame("pages/methods.py")
t = translator()
who = page_guard("methods", t)
thresholds = load_thresholds()

st.title(t("methods.title"))
st.markdown(t("methods.intro"))

st.subheader(t("methods.catalogue"))
st.dataframe(catalogue_table(t, thresholds), hide_index=True, width="stretch")
st.caption(t("methods.period"))

st.subheader(t("methods.thresholds"))
st.dataframe(thresholds_table(thresholds, t), hide_index=True, width="stretch")
st.caption(t("methods.thresholds_note"))

st.subheader(t("methods.parameters"))
st.dataframe(parameters_table(t), hide_index=True, width="stretch")
st.caption(t("methods.parameters_note"))

st.subheader(t("methods.filters"))
st.markdown(FILTERS_NOTE_FR if t.lang == "fr" else FILTERS_NOTE_EN)

st.subheader(t("methods.legal"))
st.markdown(t("methods.legal_text"))

st.subheader(t("methods.risk"))
st.markdown(t("methods.risk_text"))

st.subheader(t("methods.privacy"))
st.markdown(t("methods.privacy_text", min_group=thresholds.min_group_size))
