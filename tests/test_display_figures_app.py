"""Every chart of every page, as the browser receives it, writes numbers the page language's way:
« 4 000,5 » in French (a narrow no-break space, thousands separated even for four digits),
« 4,000.5 » in English."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")

PAGES = [
    ("pages/capacity.py", "capacity_tab",
     ["Charge", "Où va la participation", "Travail invisible", "Limites légales",
      "Surcharge prolongée", "Semaines à venir"]),
    ("pages/arbitration.py", "arbitration_tab",
     ["Coût par niveau", "Simulateur", "Choix des projets", "Demande générée"]),
    ("pages/engagement.py", None, []),
    ("pages/overview.py", None, []),
]


def specs(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def vega_specs(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def vega_number_format(spec: dict[str, Any]) -> tuple[str | None, bool, bool]:
    """A vega-lite chart's separators (its locale), and whether every number on an axis and every
    number of the tooltip separates thousands (a ``,`` in its d3 format)."""
    number = spec.get("config", {}).get("locale", {}).get("number", {})
    channels = [channel for layer in [spec, *spec.get("layer", [])]
                for channel in layer.get("encoding", {}).values()]
    axes = [c["axis"].get("format", "") for c in channels
            if isinstance(c, dict) and c.get("type") == "quantitative" and "axis" in c]
    tips = [tip.get("format", "") for c in channels if isinstance(c, list) for tip in c
            if tip.get("type") == "quantitative"]
    return (number.get("decimal", "") + number.get("thousands", "") or None,
            bool(axes) and all("," in f for f in axes), bool(tips) and all("," in f for f in tips))


def number_format(spec: dict[str, Any]) -> tuple[str | None, bool, bool]:
    layout = spec["layout"]
    axes = layout.get("template", {}).get("layout", {})
    return (layout.get("separators"), axes.get("xaxis", {}).get("separatethousands", False),
            axes.get("yaxis", {}).get("separatethousands", False))


@pytest.mark.parametrize(("page", "tab_key", "tabs"), PAGES, ids=[p[0] for p in PAGES])
def test_every_chart_separates_thousands_the_french_way(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, page: str, tab_key: str | None, tabs: list[str]
) -> None:
    monkeypatch.setenv("PARTICIPATION_DB", str(demo_db))
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    seen: list[tuple[str | None, bool, bool]] = []
    for tab in tabs or [None]:
        if tab is not None:
            at.session_state[tab_key] = tab
            at.run()
            assert not at.exception, (tab, at.exception)
        seen += [number_format(spec) for spec in specs(at)]
        seen += [vega_number_format(spec) for spec in vega_specs(at)]
    assert seen, "no chart drawn"
    assert set(seen) == {(",\u202f", True, True)}  # narrow no-break space, as Babel writes it
