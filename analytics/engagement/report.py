"""The downloadable evaluation report for the council: one self-contained HTML file, printable.

The file embeds plotly.js once (inline, no network: readable offline, e.g. sent by email or opened
from a USB stick years later). On top, the town (:func:`analytics.settings.town_name`) and the period;
then a one-page summary of findings in plain sentences (:func:`summary_findings`, from the same figures
as the page) with the key figures; then each section of
:func:`analytics.engagement.sections.sections` with its definitions, tiles, key charts
(:data:`REPORT_FIGURES`), notes and short tables; then the methods. A print stylesheet (A4, page
breaks, tables at page width) keeps the demo's report within 6 pages. It names no resident, not even
by pseudonym, whoever downloads it; long tables are left to the page's downloads (the milestones to
:data:`MILESTONES_CSV` beside the report). French by default (the translator's language).
Every text that comes from the data (town, milestone titles, project names) is HTML-escaped; the
page's texts are markdown (``t`` escapes data values for Streamlit), so their markdown escapes are
undone first.
"""

from __future__ import annotations

import copy
from datetime import datetime
from html import escape as _escape
from typing import Final

import plotly.io as pio
from plotly.offline import get_plotlyjs

from analytics.engagement.figures import Figure
from analytics.engagement.page import EngagementData
from analytics.engagement.scope import Scope
from analytics.engagement.sections import (
    Metric,
    Section,
    headline_metrics,
    r_score_text,
    sections,
)
from analytics.engagement.tables import format_table
from analytics.figures import figure_title, is_empty
from analytics.i18n import Translator, counted, plain_text

STYLE: Final[str] = """
@page { size: A4; margin: 12mm 13mm 14mm; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 1.5rem auto;
       max-width: 182mm; padding: 0 1rem; color: #222; line-height: 1.35; font-size: 10pt; }
.town { font-size: 1.1rem; font-weight: 600; color: #0072B2; margin: 0; text-transform: uppercase;
        letter-spacing: 0.05em; }
h1 { font-size: 1.55rem; margin: 0.2rem 0; } .period { font-size: 1.15rem; margin: 0.2rem 0; }
h2 { font-size: 1.2rem; margin-top: 1.4rem; border-bottom: 2px solid #0072B2;
     padding-bottom: 0.15rem; break-after: avoid; }
h3 { font-size: 0.95rem; margin: 0.8rem 0 0.3rem; break-after: avoid; }
.meta { color: #555; font-size: 0.85rem; }
.findings li { margin: 0.35rem 0; } .findings { padding-left: 1.2rem; }
.tiles { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.5rem 0; }
.tile { border: 1px solid #ddd; border-radius: 4px; padding: 0.25rem 0.5rem; flex: 1 1 9rem;
        break-inside: avoid; }
.tile .label { font-size: 0.75rem; color: #555; } .tile .value { font-size: 1.1rem; font-weight: 600; }
.note { background: #f6f8fa; padding: 0.25rem 0.6rem; border-left: 3px solid #E69F00;
        margin: 0.3rem 0; font-size: 0.78rem; }
.note p { margin: 0.1rem 0; }
.figure { break-inside: avoid; overflow: hidden; min-width: 0; }
table { border-collapse: collapse; margin: 0.3rem 0 0.8rem; font-size: 0.75rem; width: 100%;
        table-layout: fixed; break-inside: avoid; }
th, td { border: 1px solid #ddd; padding: 0.1rem 0.3rem; text-align: right; overflow-wrap: anywhere; }
th { background: #f0f4f8; } td:first-child, th:first-child { text-align: left; }
#methods ul { columns: 2; column-gap: 1.2rem; padding-left: 1rem; }
#methods li { font-size: 0.75rem; margin: 0.1rem 0; break-inside: avoid; }
footer { margin-top: 0.6rem; color: #777; font-size: 0.7rem; break-before: avoid; }
@media print {
  body { margin: 0; padding: 0; max-width: none; }
  #summary { break-after: page; }
  section { break-before: auto; }
  a { color: inherit; text-decoration: none; }
}
"""
FIGURE_HEIGHT: Final[str] = "230px"
"""Height of each chart in the report (the page's are taller)."""
REPORT_FIGURES: Final[dict[str, tuple[int, ...]]] = {
    "rotation": (1,), "concentration": (1,), "cohorts": (0,), "fatigue": (0,),
    "representativeness": (), "milestones": (0,),
}
"""The charts of each section the report prints (by their order on the page): newcomers and
returning per year, concentration per year, retention by cohort, year-on-year erosion,
milestones (representativeness prints its two tables instead). The page keeps the others."""
MAX_TABLE_ROWS: Final[int] = 8
"""Longest table printed in the report; a longer one is left to its download on the page."""
MILESTONES_CSV: Final[str] = "cailloux_blancs"
"""Stem of the CSV of every milestone, downloaded beside the report (the report only counts them)."""
INDIVIDUAL_TABLES: Final[frozenset[str]] = frozenset({"volunteer_risk_signals"})
"""Tables with one row per resident (pseudonym): never in the report, whoever downloads it."""


def escape(text: str) -> str:
    """HTML-escape a text of the page (its markdown escapes undone: what the reader sees),
    apostrophes kept as is (every attribute here is double-quoted); a percent sign stays on the line
    of its number (no-break space before it, French style)."""
    return _escape(plain_text(text), quote=False).replace('"', "&quot;").replace(" %", "\u00a0%")


def _metrics_html(metrics: list[Metric]) -> str:
    """Metric tiles, label and value (their definitions are in the section's text and the
    methods; a tile's help may be a catalogue key, which a reader has no use for)."""
    tiles = "".join(
        f'<div class="tile"><div class="label">{escape(m.label)}</div>'
        f'<div class="value">{escape(m.value)}</div></div>'
        for m in metrics
    )
    return f'<div class="tiles">{tiles}</div>' if metrics else ""


def _tables_html(section: Section, t: Translator) -> str:
    """Short tables as they are; a list of residents, the milestones and long tables left to
    their downloads, named in one note (where the full list is)."""
    shown, elsewhere = [], []
    for table in section.tables:
        rows = len(table.frame)
        if table.name in INDIVIDUAL_TABLES:
            elsewhere.append(t("eng.report.no_individuals", title=table.title))
        elif table.name == "milestones" and rows > MAX_TABLE_ROWS:
            elsewhere.append(t("eng.report.csv_instead", title=table.title, n=t.number(rows),
                               file=f"{MILESTONES_CSV}.csv"))
        elif rows > MAX_TABLE_ROWS:
            elsewhere.append(t("eng.report.long_table", title=table.title, n=t.number(rows),
                               tab=section.title))
        elif not rows:
            shown.append(f"<h3>{escape(table.title)}</h3><p>{escape(t('eng.empty_table'))}</p>")
        else:
            body = format_table(table, t).to_html(index=False, escape=True, border=0, na_rep="–")
            shown.append(f"<h3>{escape(table.title)}</h3>{body}")
    notes = "".join(f"<p>{escape(text)}</p>" for text in elsewhere)
    return "".join(shown) + (f'<div class="note elsewhere">{notes}</div>' if notes else "")


AXIS_TITLE_LINE: Final[int] = 26
"""Longest axis title kept on one line in the report's short charts (a longer one is broken in two
at the space nearest its middle, so that it stays beside the plot)."""


def _two_lines(text: str) -> str:
    """``text`` broken at the space nearest its middle when longer than :data:`AXIS_TITLE_LINE`."""
    spaces = [i for i, char in enumerate(text) if char == " "]
    if len(text) <= AXIS_TITLE_LINE or not spaces:
        return text
    middle = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:middle] + "<br>" + text[middle + 1:]


def printable(fig: Figure) -> Figure:
    """A copy of ``fig`` for the report's short charts: smaller title and axis titles, long axis
    titles on two lines (the page's figure is left as it is)."""
    found = copy.deepcopy(fig)
    layout = found.setdefault("layout", {})
    title = layout.get("title")
    if isinstance(title, dict):
        title.setdefault("font", {})["size"] = 13
    for name, axis in layout.items():
        if not (name.startswith(("xaxis", "yaxis")) and isinstance(axis, dict)):
            continue
        axis_title = axis.get("title")
        if isinstance(axis_title, dict) and isinstance(axis_title.get("text"), str):
            axis_title["text"] = _two_lines(axis_title["text"])
            axis_title.setdefault("font", {})["size"] = 10
    return found


def _figure_html(fig: Figure, t: Translator) -> str:
    if is_empty(fig):
        return f'<p class="note">{escape(t("chart.empty", title=figure_title(fig)))}</p>'
    div = pio.to_html(printable(fig), full_html=False, include_plotlyjs=False,
                      config={"responsive": True, "displayModeBar": False},
                      default_height=FIGURE_HEIGHT, validate=False)  # validated traces and layout
    return f'<div class="figure">{div}</div>'


def _section_html(section: Section, t: Translator) -> str:
    if section.hidden:
        return (f'<section id="{escape(section.key)}"><h2>{escape(section.title)}</h2>'
                f'<p class="note">{escape(section.hidden)}</p></section>')
    parts = [f'<section id="{escape(section.key)}"><h2>{escape(section.title)}</h2>',
             f"<p>{escape(section.text)}</p>", _metrics_html(section.metrics)]
    shown = [section.figures[i] for i in REPORT_FIGURES.get(section.key, ())
             if i < len(section.figures)]
    parts += [_figure_html(fig, t) for fig in shown]  # before the notes: fewer half-empty pages
    if section.notes:
        parts.append('<div class="note">'
                     + "".join(f"<p>{escape(note)}</p>" for note in section.notes) + "</div>")
    parts.append(_tables_html(section, t))
    parts.append("</section>")
    return "\n".join(parts)


def _methods_html(data: EngagementData, t: Translator) -> str:
    keys = ["engagement.participants", "engagement.newcomer_share", "engagement.top10_share",
            "engagement.gini", "engagement.retention", "representativeness.r_score_quartier"]
    items = "".join(
        f"<li><strong>{escape(t(f'ind.{key}'))}</strong> : {escape(t(f'eng.method.{key}'))}</li>"
        for key in keys
    )
    extra = "".join(
        f"<li>{escape(t(key))}</li>"
        for key in ("eng.def.r_score", "eng.def.dissimilarity")
    )
    return (
        f'<section id="methods"><h2>{escape(t("eng.report.methods"))}</h2><ul>{items}{extra}'
        f'<li>{escape(t("eng.def.privacy", k=data.min_group_size))}</li></ul></section>'
    )


def summary_findings(data: EngagementData, t: Translator) -> list[str]:
    """The report's summary: each finding in one plain sentence with its numbers, from the same
    figures as the page (the headline and the erosion section's counts, small groups already
    hidden): engagement (participants, attendances, newcomers), retention, lapsed participants,
    volunteers' fatigue, representation by quartier, concentration. A number the small-group rule
    hides is said to be unpublished, never guessed."""
    h, k = data.headline, data.min_group_size
    if h.small_scope or h.participants is None:
        return [t("eng.summary.hidden", k=k)]
    counts = {"attendances": t.number(h.attendances), "k": k}
    found = [
        counted(t, "eng.summary.engagement", h.participants, share=t.percent(h.newcomer_share),
                **counts) if h.newcomer_share is not None
        else counted(t, "eng.summary.engagement_no_share", h.participants, **counts)
    ]
    if h.retention is not None and h.previous_active is not None:
        found.append(counted(t, "eng.summary.retention", h.previous_active,
                             share=t.percent(h.retention)))
    else:
        found.append(t("eng.summary.retention_none") if h.previous_active == 0
                     else t("eng.summary.retention_hidden", k=k))
    earlier = data.fatigue.lapsed_windows[0]
    found.append(
        counted(t, "eng.summary.lapsed", h.lapsed_12m, start=t.date(earlier.start),
                end=t.date(earlier.end), share=t.percent(h.lapsed_12m_share))
        if h.lapsed_12m is not None else t("eng.summary.lapsed_hidden", k=k)
    )
    signals = data.fatigue.signal_counts
    volunteers, at_risk = signals.get("volunteers"), signals.get("any")
    if volunteers is None or (volunteers and at_risk is None):
        found.append(t("eng.summary.volunteers_hidden", k=k))
    elif volunteers:  # no sentence when the scope has no volunteer
        found.append(t("eng.summary.volunteers", any=t.number(at_risk), n=t.number(volunteers),
                       section=t("eng.tab.fatigue")))
    found.append(
        t("eng.summary.representation", r_score=r_score_text(h.r_score_quartier, t),
          dissimilarity=t.percent(h.dissimilarity_quartier))
        if h.r_score_quartier is not None and h.dissimilarity_quartier is not None
        else t("eng.summary.representation_hidden", k=k)
    )
    if h.gini is None:
        found.append(t("eng.summary.concentration_hidden", k=k))
    elif h.top10_share is None:
        found.append(t("eng.summary.concentration_no_top", k=k, gini=t.ratio(h.gini)))
    else:
        found.append(t("eng.summary.concentration", top10=t.percent(h.top10_share),
                       gini=t.ratio(h.gini)))
    return found


def _summary_html(data: EngagementData, t: Translator) -> str:
    items = "".join(f"<li>{escape(finding)}</li>" for finding in summary_findings(data, t))
    return (f'<section id="summary"><h2>{escape(t("eng.summary.title"))}</h2>'
            f'<ul class="findings">{items}</ul>'
            f"<h3>{escape(t('eng.report.key_figures'))}</h3>"
            f"{_metrics_html(headline_metrics(data.headline, t))}</section>")


def build_report(
    data: EngagementData,
    t: Translator,
    *,
    town: str,
    service_label: str,
    level_label: str,
    generated_at: datetime,
    origin_note: str | None = None,
) -> str:
    """The whole report as one HTML document (UTF-8 text, plotly.js inline, no external resource),
    printable on at most 6 A4 pages (:data:`STYLE`): the town and the period on top, the summary of
    findings (:func:`summary_findings`) and the key figures on the first page, then each section
    (definitions, figures, short tables), then the methods. It names no resident, not even by
    pseudonym, whoever downloads it; lists too long to print are left to CSV files.

    ``town`` is the town's name (:func:`analytics.settings.town_name`); ``service_label`` /
    ``level_label`` describe the filters in force (e.g. "Tous"); ``origin_note`` says where the data
    come from (e.g. that it is the demo town).
    """
    scope = data.scope
    title = t("eng.report.title")
    head = (
        f'<!DOCTYPE html><html lang="{t.lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(town)} · {escape(title)}</title><style>{STYLE}</style>"
        f'<script type="text/javascript">{get_plotlyjs()}</script></head><body>'
    )
    filters = t("eng.report.filters", service=service_label, level=level_label,
                generated=t.date(generated_at, "long") + generated_at.strftime(" %H:%M"))
    period = t("eng.report.period", start=t.date(scope.start), end=t.date(scope.end))
    intro = [
        f'<header><p class="town">{escape(town)}</p><h1>{escape(title)}</h1>',
        f'<p class="period">{escape(period)}</p>',
        f'<p class="meta">{escape(filters)}</p></header>',
    ]
    if origin_note:
        intro.append(f'<p class="note">{escape(origin_note)}</p>')
    intro.append(_summary_html(data, t))
    body = "\n".join(_section_html(section, t) for section in sections(data, t))
    footer = f"<footer>{escape(t('eng.report.footer'))}</footer></body></html>"
    return "\n".join([head, *intro, body, _methods_html(data, t), footer])


def report_file_name(scope: Scope) -> str:
    """``rapport_engagement_<start>_<end>.html``."""
    return f"rapport_engagement_{scope.start:%Y-%m-%d}_{scope.end:%Y-%m-%d}.html"
