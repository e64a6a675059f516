"""Plotly's own words (modebar tooltips, box-plot hover labels, download messages) in French.

Streamlit's plotly.js registers only English; plotly's ``config.locales`` takes a dictionary with the
chart instead (a supported option of ``st.plotly_chart(config=...)``). Streamlit adds its own
« Fullscreen » button to the modebar with a fixed English title that no locale reaches: in French
the modebar lists its buttons explicitly (``modeBarButtons``), which leaves that one out.
"""

from __future__ import annotations

from typing import Any, Final

FRENCH: Final[dict[str, str]] = {
    "Autoscale": "Échelle automatique",
    "Box Select": "Sélection rectangulaire",
    "Compare data on hover": "Comparer les données au survol",
    "Double-click to zoom back out": "Double-cliquez pour revenir au zoom initial",
    "Download plot": "Télécharger le graphique",
    "Download plot as a PNG": "Télécharger le graphique (PNG)",
    "Download plot as JSON": "Télécharger le graphique (JSON)",
    "Image download succeeded": "Image téléchargée",
    "Lasso Select": "Sélection au lasso",
    "Pan": "Déplacer",
    "Preparing image - this may take a few seconds":
        "Préparation de l'image : quelques secondes",
    "Produced with Plotly.js": "Réalisé avec Plotly.js",
    "Reset": "Réinitialiser",
    "Reset axes": "Réinitialiser les axes",
    "Reset view": "Réinitialiser la vue",
    "Reset views": "Réinitialiser les vues",
    "Show closest data on hover": "Donnée la plus proche au survol",
    "Sorry, there was a problem downloading your image!":
        "Le téléchargement de l'image a échoué.",
    "Toggle Spike Lines": "Lignes de repère",
    "Toggle show closest data on hover": "Donnée la plus proche au survol",
    "Zoom": "Zoom",
    "Zoom in": "Agrandir",
    "Zoom out": "Réduire",
    "max": "max.",
    "min": "min.",
    "median": "médiane",
    "mean": "moyenne",
    "q1": "1er quartile",
    "q3": "3e quartile",
    "upper fence": "limite haute",
    "lower fence": "limite basse",
}
"""plotly.js English message → French."""

MODEBAR: Final[list[list[str]]] = [
    ["toImage"], ["zoom2d", "pan2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d"],
]
"""The modebar buttons shown in French (plotly's, all translated; Streamlit's fullscreen is not)."""


def chart_config(lang: str) -> dict[str, Any]:
    """``st.plotly_chart``'s ``config`` for a page in ``lang``: in French, plotly's French words and
    only the buttons whose tooltip they translate; in English, Streamlit's defaults."""
    if lang != "fr":
        return {"displaylogo": False}
    return {"displaylogo": False, "locale": "fr", "locales": {"fr": {"dictionary": FRENCH}},
            "modeBarButtons": MODEBAR}
