"""The evaluation report printed by Debian's chromium (headless, A4 from the print stylesheet): the
demo's report fits in 6 pages for each role that downloads it (issue 15: it took 18)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import duckdb
import pytest

from analytics.engagement.page import compute_engagement
from analytics.settings import Thresholds
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.test_engagement_council_report import DEMO_YEAR, as_elected, render

MAX_PAGES = 6


def printed_pages(html: str, tmp: Path) -> int:
    """Pages of the PDF chromium prints from ``html`` (the page tree's largest /Count)."""
    source, pdf = tmp / "report.html", tmp / "report.pdf"
    source.write_text(html, encoding="utf-8")
    subprocess.run(
        [CHROMIUM, "--headless", *CHROMIUM_ARGS, "--no-pdf-header-footer",
         "--virtual-time-budget=10000", f"--print-to-pdf={pdf}", source.as_uri()],
        check=True, capture_output=True, timeout=180,
    )
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf.read_bytes())]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf.read_bytes())]
    return max(counts)


@pytest.mark.parametrize(("role", "lang"), [
    ("elected", "fr"),
    ("direction", "fr"),
    ("direction", "en"),
])
def test_the_demo_report_prints_within_six_a4_pages(
    demo_con: duckdb.DuckDBPyConnection, tmp_path: Path, role: str, lang: str
) -> None:
    data = compute_engagement(demo_con.cursor(), DEMO_YEAR, Thresholds())
    html = render(as_elected(data) if role == "elected" else data, lang)
    assert "@page" in html and "size: A4" in html
    assert 1 <= printed_pages(html, tmp_path) <= MAX_PAGES
