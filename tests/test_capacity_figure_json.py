"""The band heatmaps, built as JSON dicts, reach the browser exactly as the ``go.Figure`` plotly
validated did: the spec ``st.plotly_chart`` sends is compared with the one of the previous
implementation (kept below as the reference), value for value (the data's JSON character for
character; the layout's keys come in another order, which JSON objects do not have)."""

from __future__ import annotations

import json
import math
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io
import plotly.tools
import pytest

from analytics.capacity import figures
from analytics.capacity.figures import (
    BAND_COLOURS,
    BAND_ORDER,
    _height,
    agent_load_heatmap,
    band_labels,
    colon,
    date_axis,
    forecast_heatmap,
    percent_text,
    service_load_heatmap,
)
from analytics.figures import base_layout, drawable
from analytics.i18n import Translator

FR, EN = Translator("fr"), Translator("en")
LIMITS = (0.85, 1.00, 1.10)


def reference_band_heatmap(
    frame: pd.DataFrame, row_label: pd.Series, hours_col: str, capacity_col: str,
    title: str, y_title: str, limits: tuple[float, float, float], t: Translator,
) -> go.Figure:
    """The heatmap as a validated ``go.Figure`` (the implementation before the JSON dict)."""
    codes = {band: i for i, band in enumerate(BAND_ORDER)}
    labels = band_labels(limits, t)
    row_at, row_names = pd.factorize(row_label.to_numpy())
    week_at, week_starts = pd.factorize(pd.to_datetime(frame["week_start"]).to_numpy(), sort=True)
    rows = list(row_names)
    weeks = list(pd.DatetimeIndex(week_starts))

    def grid(values: np.ndarray) -> np.ndarray:
        table = np.full((len(rows), len(weeks)), np.nan, dtype=values.dtype)
        table[row_at, week_at] = values
        return table

    def column(name: str) -> np.ndarray:
        return grid(frame[name].to_numpy(dtype=float))

    sep = colon(t)
    custom = np.dstack([column(hours_col), column(capacity_col)])
    texts = (percent_text(frame["load_ratio"].reset_index(drop=True), t)
             + "<br>" + frame["band"].map(labels).reset_index(drop=True).astype(object))
    text = grid(texts.to_numpy(dtype=object))
    steps = len(BAND_ORDER)
    scale = []
    for i, band in enumerate(BAND_ORDER):
        scale += [[i / steps, BAND_COLOURS[band]], [(i + 1) / steps, BAND_COLOURS[band]]]
    fig = go.Figure(go.Heatmap(
        x=weeks, y=rows, z=grid(frame["band"].map(codes).to_numpy(dtype=float)),
        customdata=custom, text=text, zmin=-0.5, zmax=steps - 0.5,
        colorscale=scale, xgap=1, ygap=1, hoverongaps=False,
        colorbar={"tickvals": list(range(steps)), "ticktext": [labels[b] for b in BAND_ORDER],
                  "title": {"text": t("capacity.fig.load_band")},
                  "lenmode": "pixels", "len": 220, "y": 1, "yanchor": "top"},
        hovertemplate=(
            "%{y}<br>" + t("capacity.fig.week_of") + " %{x|%d/%m/%Y}<br>"
            + t("capacity.fig.hours") + sep + "%{customdata[0]:,.1f} h<br>"
            + t("capacity.fig.capacity") + sep + "%{customdata[1]:,.1f} h<br>"
            + t("capacity.fig.load") + sep + "%{text}<extra></extra>"
        ),
    ))
    fig.update_yaxes(autorange="reversed", type="category")
    fig = base_layout(fig, t, title, t("fig.axis.week"), y_title)
    fig.update_layout(height=_height(len(rows)), hovermode="closest")
    return date_axis(fig, mondays=weeks)


def spec(figure: Any) -> str:
    """The JSON ``st.plotly_chart`` sends to the browser for ``figure`` (Streamlit 1.67)."""
    shown = plotly.tools.return_figure_from_figure_or_data(figure, validate_figure=True)
    return plotly.io.to_json(shown, validate=False)


def data_json(sent: str) -> str:
    """The traces' part of a spec, as sent."""
    return json.dumps(json.loads(sent)["data"])


def _weeks(n_rows: int, n_weeks: int, seed: int) -> pd.DataFrame:
    """Agent weeks with gaps (rows missing some weeks), undefined loads and names needing escapes."""
    rng = np.random.default_rng(seed)
    mondays = pd.date_range(date(2026, 1, 5), periods=n_weeks, freq="7D")
    rows = [(f"a{i}", m) for i in range(n_rows) for m in mondays if rng.random() > 0.15]
    hours = rng.uniform(0, 45, len(rows)).round(1)
    capacity = rng.choice([0.0, 28.0, 35.0], len(rows))
    ratio = np.where(capacity > 0, hours / np.where(capacity > 0, capacity, 1), math.nan)
    band = np.select([np.isnan(ratio), ratio < 0.85, ratio < 1.0, ratio < 1.1],
                     ["missing", "under", "near", "full"], "over")
    names = {f"a{i}": ["Alice", "Zoé <b>&</b>", "Bruno", None][i % 4] for i in range(n_rows)}
    services = {f"a{i}": ["CCAS", "Urbanisme & <i>voirie</i>", None][i % 3] for i in range(n_rows)}
    frame = pd.DataFrame({"agent_id": [r[0] for r in rows], "week_start": [r[1] for r in rows],
                          "hours": hours, "capacity_hours": capacity, "load_ratio": ratio,
                          "band": band})
    frame["agent_name"] = frame["agent_id"].map(names)
    frame["service_name"] = frame["agent_id"].map(services)
    frame["service_id"] = frame["agent_id"]
    frame["recorded_capacity_hours"] = frame["capacity_hours"]
    frame["projected_hours"] = frame["hours"]
    frame["week_start"] = pd.to_datetime(frame["week_start"]).dt.date
    return frame


CASES = [(FR, 12, 30, 1), (EN, 12, 30, 2), (FR, 1, 1, 3), (EN, 40, 60, 4), (FR, 0, 5, 5)]


@pytest.mark.parametrize(("t", "rows", "weeks", "seed"), CASES)
@pytest.mark.parametrize("draw", [
    lambda w, t: agent_load_heatmap(w, LIMITS, t),
    lambda w, t: agent_load_heatmap(w, LIMITS, t, ranking=pd.Series(w["agent_id"].unique()[::-1])),
    lambda w, t: service_load_heatmap(w, LIMITS, t),
    lambda w, t: forecast_heatmap(w, (0.8, 1.0, 1.2), t),
], ids=["agents", "agents ranked", "services", "forecast"])
def test_the_browser_gets_the_same_heatmap(
    draw: Any, t: Translator, rows: int, weeks: int, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    frame = _weeks(rows, weeks, seed)
    ours = spec(drawable(draw(frame, t)))
    monkeypatch.setattr(figures, "band_heatmap", reference_band_heatmap)
    theirs = spec(draw(frame, t))
    assert json.loads(ours) == json.loads(theirs)
    assert data_json(ours) == data_json(theirs)


def test_the_heatmap_is_drawn_without_validation() -> None:
    """The page hands the dict over through ``drawable``: no second validation by Streamlit."""
    figure = drawable(agent_load_heatmap(_weeks(3, 4, 0), LIMITS, FR))
    assert isinstance(figure, go.Figure) and figure._validate is False
