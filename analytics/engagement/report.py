"""The downloadable evaluation report: one self-contained HTML file of the Engagement page.

The file embeds plotly.js once (inline, no network: readable offline, e.g. sent by email or opened
from a USB stick years later), then every section of :func:`analytics.engagement.sections.sections`
with its definitions, figures (interactive plotly charts), metric tiles, notes and tables, and a
closing part on methods, thresholds and privacy. French by default (the translator's language).
Every text that comes from the data (milestone titles, project names) is HTML-escaped; the page's texts
are markdown (``t`` escapes data values for Streamlit), so their markdown escapes are undone first.
"""

from __future__ import annotations

from datetime import datetime
from html import escape as _escape
from typing import Final

import plotly.io as pio
from plotly.offline import get_plotlyjs

from analytics.engagement.page import EngagementData
from analytics.engagement.scope import Scope
from analytics.engagement.sections import Metric, Section, headline_metrics, sections
from analytics.engagement.tables import Table, format_table
from analytics.figures import figure_title, is_empty
from analytics.i18n import Translator, plain_text

STYLE: Final[str] = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
       max-width: 1100px; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid
#0072B2; padding-bottom: 0.2rem; } h3 { font-size: 1.05rem; margin-top: 1.5rem; }
.meta { color: #555; } .tiles { display: flex; flex-wrap: wrap; gap: 0.8rem; margin: 1rem 0; }
.tile { border: 1px solid #ddd; border-radius: 6px; padding: 0.5rem 0.8rem; min-width: 10rem; }
.tile .label { font-size: 0.85rem; color: #555; } .tile .value { font-size: 1.4rem; font-weight: 600; }
.tile .help { font-size: 0.75rem; color: #777; } .note { background: #f6f8fa; padding: 0.5rem 0.8rem;
border-left: 3px solid #E69F00; margin: 0.5rem 0; } table { border-collapse: collapse; margin: 0.5rem 0
1.5rem; font-size: 0.85rem; } th, td { border: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align:
right; } th { background: #f0f4f8; } td:first-child, th:first-child { text-align: left; }
.figure { margin: 1rem 0; } footer { margin-top: 3rem; color: #777; font-size: 0.8rem; }
@media print { .figure { page-break-inside: avoid; } }
"""


def escape(text: str) -> str:
    """HTML-escape a text of the page (its markdown escapes undone: what the reader sees),
    apostrophes kept as is (every attribute here is double-quoted)."""
    return _escape(plain_text(text), quote=False).replace('"', "&quot;")


def _metrics_html(metrics: list[Metric]) -> str:
    tiles = "".join(
        f'<div class="tile"><div class="label">{escape(m.label)}</div>'
        f'<div class="value">{escape(m.value)}</div>'
        + (f'<div class="help">{escape(m.help)}</div>' if m.help else "")
        + "</div>"
        for m in metrics
    )
    return f'<div class="tiles">{tiles}</div>' if metrics else ""


def _table_html(table: Table, t: Translator) -> str:
    body = format_table(table, t).to_html(index=False, escape=True, border=0, na_rep="–")
    return body if len(table.frame) else f"<p>{escape(t('eng.empty_table'))}</p>"


def _section_html(section: Section, t: Translator) -> str:
    if section.hidden:
        return (f'<section id="{escape(section.key)}"><h2>{escape(section.title)}</h2>'
                f'<p class="note">{escape(section.hidden)}</p></section>')
    parts = [f'<section id="{escape(section.key)}"><h2>{escape(section.title)}</h2>',
             f"<p>{escape(section.text)}</p>", _metrics_html(section.metrics)]
    parts += [f'<p class="note">{escape(note)}</p>' for note in section.notes]
    for fig in section.figures:
        if is_empty(fig):
            parts.append(f'<p class="note">{escape(t("chart.empty", title=figure_title(fig)))}</p>')
            continue
        div = pio.to_html(fig, full_html=False, include_plotlyjs=False, config={"responsive": True},
                          validate=False)  # built from validated traces and layout
        parts.append(f'<div class="figure">{div}</div>')
    for table in section.tables:
        parts.append(f"<h3>{escape(table.title)}</h3>")
        parts.append(_table_html(table, t))
    parts.append("</section>")
    return "\n".join(parts)


def _methods_html(data: EngagementData, t: Translator) -> str:
    keys = ["engagement.participants", "engagement.newcomer_share", "engagement.top10_share",
            "engagement.gini", "engagement.retention", "representativeness.r_score_quartier"]
    items = "".join(
        f"<li><strong>{escape(t(f'ind.{key}'))}</strong> (<code>{escape(key)}</code>) : "
        f"{escape(t(f'eng.method.{key}'))}</li>"
        for key in keys
    )
    extra = "".join(
        f"<li>{escape(t(key))}</li>"
        for key in ("eng.def.rotation", "eng.def.frequency", "eng.def.concentration",
                    "eng.def.retention", "eng.def.survival", "eng.def.lapsed", "eng.def.attendance",
                    "eng.def.representation", "eng.def.dissimilarity")
    )
    return (
        f'<section id="methods"><h2>{escape(t("eng.report.methods"))}</h2><ul>{items}{extra}</ul>'
        f'<p class="note">{escape(t("eng.risk_note"))}</p>'
        f'<p class="note">{escape(t("eng.def.privacy", k=data.min_group_size))}</p></section>'
    )


def build_report(
    data: EngagementData,
    t: Translator,
    *,
    service_label: str,
    level_label: str,
    generated_at: datetime,
    origin_note: str | None = None,
) -> str:
    """The whole report as one HTML document (UTF-8 text, plotly.js inline, no external resource).

    ``service_label`` / ``level_label`` describe the filters in force (e.g. "Tous");
    ``origin_note`` says where the data come from (e.g. that it is the demo town).
    """
    scope = data.scope
    head = (
        f'<!DOCTYPE html><html lang="{t.lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(t('eng.report.title'))}</title><style>{STYLE}</style>"
        f'<script type="text/javascript">{get_plotlyjs()}</script></head><body>'
    )
    meta = t("eng.report.meta", start=t.date(scope.start), end=t.date(scope.end),
             service=service_label, level=level_label,
             generated=t.date(generated_at, "long") + generated_at.strftime(" %H:%M"))
    intro = [
        f"<h1>{escape(t('eng.report.title'))}</h1>",
        f'<p class="meta">{escape(meta)}</p>',
        "<p>" + escape(t("eng.intro", start=t.date(scope.start), end=t.date(scope.end),
                         k=data.min_group_size)) + "</p>",
    ]
    if origin_note:
        intro.append(f'<p class="note">{escape(origin_note)}</p>')
    if data.headline.hidden:
        intro.append(f'<p class="note">{escape(t("eng.hidden_period", k=data.min_group_size))}</p>')
    intro.append(f"<h2>{escape(t('eng.report.key_figures'))}</h2>")
    intro.append(_metrics_html(headline_metrics(data.headline, t)))
    parts = sections(data, t)
    toc = "".join(f'<li><a href="#{escape(s.key)}">{escape(s.title)}</a></li>' for s in parts)
    intro.append(f"<nav><ul>{toc}</ul></nav>")
    body = "\n".join(_section_html(section, t) for section in parts)
    footer = f"<footer>{escape(t('eng.report.footer'))}</footer></body></html>"
    return "\n".join([head, *intro, body, _methods_html(data, t), footer])


def report_file_name(scope: Scope) -> str:
    """``rapport_engagement_<start>_<end>.html``."""
    return f"rapport_engagement_{scope.start:%Y-%m-%d}_{scope.end:%Y-%m-%d}.html"
