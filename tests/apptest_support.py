"""Make AppTest run this app the way the server does.

Streamlit decides once per process whether an app uses the legacy ``pages/`` folder (MPA v1) or
``st.navigation``; the server learns it on the first run, when ``app.py`` calls ``st.navigation``.
AppTest resets that flag before every run and infers it from the folder, so from the second run on it
would execute ``pages/<page>.py`` alone, without the frame (streamlit issue #9446, still true in 1.67
when a ``pages/`` folder exists). This plugin keeps the flag at "uses st.navigation", as on a server.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import app_test


class NavigationPagesManager(PagesManager):
    """A PagesManager that never falls back to the legacy ``pages/`` folder behaviour."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        PagesManager.uses_pages_directory = False


@pytest.fixture(autouse=True)
def _apptest_uses_navigation(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(app_test, "PagesManager", NavigationPagesManager)
    yield
