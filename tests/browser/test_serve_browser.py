"""The server as `make run` starts it answers the small requests of a first visit without stalls."""

from __future__ import annotations

import http.client
import statistics
import time
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/_stcore/health", "/favicon.png"])
def test_small_responses_on_one_connection_do_not_wait_for_acks(fresh_server: str, path: str) -> None:
    """A browser reuses its six connections for the ~60 script files of a first visit; with Nagle's
    algorithm on, each response's body waited for the browser's delayed ACK (~40 ms each)."""
    address = urlsplit(fresh_server)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    times = []
    for _ in range(15):
        started = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        times.append(time.perf_counter() - started)
        assert response.status == 200
    connection.close()
    assert statistics.median(times) < 0.02, [round(t * 1000) for t in times]
