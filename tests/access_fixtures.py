"""Access fixtures for every test (enable with ``pytest_plugins`` in tests/conftest.py).

Streamlit's test runner has no server, so ``server.address`` is unset, which the app reads as "listening
on every interface": without a sign-in provider it would refuse to show anything. Tests run the app as
``make run`` does, on 127.0.0.1, that is in the local single-user mode (role ``direction``). Tests of the
other modes set the address themselves (see tests/test_auth_mode.py).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from streamlit import config

LOCAL_ADDRESS = "127.0.0.1"


@pytest.fixture(autouse=True)
def loopback_server_address() -> Iterator[None]:
    """Run each test with ``server.address`` = 127.0.0.1, restoring the previous value after it."""
    before = config.get_option("server.address")
    config.set_option("server.address", LOCAL_ADDRESS)
    yield
    config.set_option("server.address", before)
