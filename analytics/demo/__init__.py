"""The deterministic demo town (Loos-en-Gohelle-like by default; larger scales for benchmarks).

``generate_town(scale, seed, as_of)`` returns one canonical DataFrame per table;
``load_demo(con, ...)`` generates and inserts them into the store in one transaction. The same
``(scale, seed, as_of)`` always gives the same town.
"""

from analytics.demo.catalogue import SCALES, STORY_QUARTIER, STORY_SERVICE_ID, ScaleSpec
from analytics.demo.generator import (
    AS_OF_RANGE,
    DemoTown,
    build_town,
    check_as_of,
    generate_town,
    load_demo,
)

__all__ = [
    "AS_OF_RANGE",
    "SCALES",
    "STORY_QUARTIER",
    "STORY_SERVICE_ID",
    "DemoTown",
    "ScaleSpec",
    "build_town",
    "check_as_of",
    "generate_town",
    "load_demo",
]
