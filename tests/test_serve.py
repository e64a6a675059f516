"""`python -m dashboard.serve`: the app's modules are imported before the server takes a visit."""

from __future__ import annotations

import pytest

from dashboard.serve import imported_modules, warm


@pytest.mark.parametrize("module", [
    "streamlit", "pandas", "dashboard.components", "dashboard.sidebar",
    "dashboard.overview_loaders", "dashboard.capacity_loaders", "dashboard.arbitration_loaders",
    "dashboard.engagement_loaders", "analytics.capacity.figures", "analytics.arbitration.figures",
])
def test_every_module_the_pages_import_is_warmed(module: str) -> None:
    assert module in list(imported_modules())


def test_warming_imports_every_module_of_the_app() -> None:
    assert warm() == []
