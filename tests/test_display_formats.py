"""One format per kind of value, in the page's language: dates (« 1er janv. »), ISO weeks
(« 2026-S36 » / « 2026-W36 »), times in the town's time zone, figures' number separators."""

from __future__ import annotations

from datetime import date, datetime

import duckdb
import pytest

from analytics.data_health import import_history, week_labels
from analytics.figures import TEMPLATE, separators
from analytics.i18n import Translator

NBSP_CHARS = {"\u00a0", "\u202f"}


def plain(text: str) -> str:
    return "".join(" " if ch in NBSP_CHARS else ch for ch in text)


@pytest.mark.parametrize(
    ("lang", "day", "fmt", "expected"),
    [
        ("fr", date(2027, 1, 1), "medium", "1er janv. 2027"),
        ("fr", date(2027, 6, 1), "long", "1er juin 2027"),
        ("fr", date(2027, 6, 1), "full", "mardi 1er juin 2027"),
        ("fr", date(2027, 6, 1), "short", "01/06/2027"),
        ("fr", date(2027, 1, 11), "medium", "11 janv. 2027"),
        ("fr", date(2027, 1, 21), "medium", "21 janv. 2027"),
        ("fr", datetime(2027, 3, 1, 9, 30), "d MMMM", "1er mars"),
        ("en", date(2027, 1, 1), "medium", "1 Jan 2027"),
    ],
)
def test_a_date_reads_the_french_way(lang: str, day: date, fmt: str, expected: str) -> None:
    assert plain(Translator(lang).date(day, fmt)) == expected


@pytest.mark.parametrize(
    ("lang", "start", "end", "expected"),
    [
        ("fr", date(2026, 8, 31), date(2026, 9, 13), ["2026-S36", "2026-S37"]),
        ("en", date(2026, 8, 31), date(2026, 9, 13), ["2026-W36", "2026-W37"]),
        ("en", date(2026, 12, 28), date(2027, 1, 4), ["2026-W53", "2027-W01"]),
    ],
)
def test_iso_weeks_are_labelled_in_the_pages_language(
    lang: str, start: date, end: date, expected: list[str]
) -> None:
    assert week_labels(start, end, Translator(lang)) == expected


@pytest.mark.parametrize(
    ("stored_utc", "shown_in_paris"),
    [
        ("2026-07-01 10:00:00", datetime(2026, 7, 1, 12, 0)),   # summer time: UTC+2
        ("2026-12-07 04:50:00", datetime(2026, 12, 7, 5, 50)),  # winter time: UTC+1
    ],
)
def test_import_history_is_in_the_towns_time(
    store: duckdb.DuckDBPyConnection, stored_utc: str, shown_in_paris: datetime
) -> None:
    store.execute("SET TimeZone = 'UTC'")
    store.execute(
        "INSERT INTO imports (file_name, sha256, format, imported_at, rows_read, rows_accepted, "
        "rows_rejected, status) VALUES ('a.csv', 'x', 'kimai', ?::TIMESTAMP, 1, 1, 0, 'imported')",
        [stored_utc])
    history = import_history(store)
    assert history["imported_at"].tolist() == [shown_in_paris]


@pytest.mark.parametrize(("lang", "expected"), [("fr", ",\u202f"), ("en", ".,")])
def test_figures_use_the_languages_separators(lang: str, expected: str) -> None:
    assert separators(Translator(lang)) == expected


@pytest.mark.parametrize("part", ["xaxis", "yaxis"])
def test_every_axis_separates_thousands_even_for_four_digits(part: str) -> None:
    assert TEMPLATE.layout[part].separatethousands is True


HEADLINE = dict(participants=120, attendances=400, newcomers=30, newcomer_share=0.25,
                top10_share=0.4, gini=0.3, retention=0.5, previous_active=100, lapsed_12m=10,
                lapsed_12m_share=0.1, r_score_age=0.2, dissimilarity_quartier=0.1,
                dissimilarity_age=0.1)


@pytest.mark.parametrize(
    ("lang", "r_score", "expected"),
    [("fr", 0.0471, "4,7 %"), ("en", 0.0471, "4.7%"), ("fr", None, "–")],
)
def test_representativeness_reads_as_on_the_overview(
    lang: str, r_score: float | None, expected: str
) -> None:
    """The overview tile (t.indicator of the catalogue's kind) and the Engagement tile agree."""
    from analytics.engagement.headline import Headline
    from analytics.engagement.sections import headline_metrics
    from analytics.indicators import indicator

    t = Translator(lang)
    key = "representativeness.r_score_quartier"
    overview = t.indicator(indicator(key).kind, r_score)
    tiles = headline_metrics(Headline(**HEADLINE, r_score_quartier=r_score), t)
    engagement = next(m.value for m in tiles if m.help == key)
    assert plain(engagement) == plain(overview) == expected
