"""Every message the Engagement page and its report use exists, in French and in English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analytics.engagement.fatigue import SIGNALS
from analytics.engagement.rotation import FREQUENCY_CLASSES
from analytics.engagement.sections import SECTION_KEYS
from analytics.i18n import catalogue

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*sorted((ROOT / "analytics" / "engagement").glob("*.py")), ROOT / "pages" / "engagement.py"]
LITERAL_KEY = re.compile(r"""["']((?:eng|ind|sidebar)\.[a-z0-9_.]+[a-z0-9_])["']""")


def _literal_keys() -> set[str]:
    return {key for path in SOURCES for key in LITERAL_KEY.findall(path.read_text(encoding="utf-8"))}


def test_every_literal_key_is_in_the_catalogue() -> None:
    missing = sorted(key for key in _literal_keys()
                     if key not in catalogue() and f"{key}.other" not in catalogue())
    assert missing == []


@pytest.mark.parametrize(
    "key",
    [*(f"eng.tab.{k}" for k in (*SECTION_KEYS, "report")),
     *(f"eng.signal.{s}" for s in SIGNALS), *(f"eng.class.{c}" for c in FREQUENCY_CLASSES),
     *(f"eng.direction.{d}" for d in ("down", "up", "flat")),
     *(f"eng.dimension.{d}" for d in ("period", "year", "level", "event_kind", "initiative")),
     *(f"eng.fig.{f}" for f in ("concentration_level", "concentration_event_kind",
                                "survival_level", "survival_initiative", "attendance_event_kind",
                                "attendance_initiative", "representation_quartier",
                                "representation_age_band"))],
)
def test_keys_built_from_codes_exist(key: str) -> None:
    assert key in catalogue()


def test_french_and_english_are_both_written() -> None:
    engagement = {key: texts for key, texts in catalogue().items() if key.startswith("eng.")}
    same = [key for key, (fr, en) in engagement.items() if not fr or not en]
    assert same == []
    placeholders = re.compile(r"\{(\w+)\}")
    mismatched = [key for key, (fr, en) in engagement.items()
                  if set(placeholders.findall(fr)) != set(placeholders.findall(en))]
    assert mismatched == []
