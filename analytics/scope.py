"""The one scope every number of a page is computed for: the period, the sidebar's filters and what
the viewer's role may see.

Every dashboard loader takes a :class:`Scope` (with the store's path and data version), and the
analytics entry points read their period and filters from it: there is no other "period + filters"
type. ``floor`` and ``individuals`` come from the role (:func:`for_role`): a loader that publishes
groups or rows about one person reads them there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from analytics.access import Role, can_see_pseudonyms, group_floor


@dataclass(frozen=True)
class Scope:
    """An inclusive period ``[start, end]``, optionally one service and one level, and the role's
    disclosure: ``floor`` is the smallest group the role may see (1: every group, the direction),
    ``individuals`` whether it may see rows about one resident (by pseudonym)."""

    start: date
    end: date
    service: str | None = None
    level: str | None = None
    floor: int = 1
    individuals: bool = True

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    def params(self, **extra: Any) -> dict[str, Any]:
        """Bound SQL parameters: ``$start``, ``$end``, ``$service``, ``$level`` plus ``extra``."""
        return {
            "start": self.start, "end": self.end, "service": self.service, "level": self.level,
            **extra,
        }

    def for_every_role(self) -> Scope:
        """The same period and filters without the role's disclosure: the key of a computation that
        does not depend on who looks (one cache entry shared by every role)."""
        return replace(self, floor=1, individuals=True)

    def without_individuals(self) -> Scope:
        """The same scope for a view that never lists one resident (the overview's lines)."""
        return replace(self, individuals=False)


def for_role(
    start: date, end: date, service: str | None, level: str | None, role: Role | None,
    min_group_size: int,
) -> Scope:
    """The scope of the sidebar's choices for ``role`` (its group floor and disclosure)."""
    return Scope(start, end, service, level, floor=group_floor(role, min_group_size),
                 individuals=can_see_pseudonyms(role))
