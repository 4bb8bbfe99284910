"""Slow clients must not stall the server: a few half-sent request headers, then a normal visit.

The server is the browser tests' gunicorn, started from the repository root, so it runs with
./gunicorn.conf.py exactly as `make run` does.
"""

import socket
import time
from urllib.parse import urlsplit

import pytest

from .live import Visitor

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030

SLOW_CLIENTS = 4


def test_half_sent_headers_do_not_block_other_visitors(site_url):
    parts = urlsplit(site_url)
    slow = []
    try:
        for _ in range(SLOW_CLIENTS):
            sock = socket.create_connection((parts.hostname, parts.port), timeout=5)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Langsam: ")  # and then nothing more
            slow.append(sock)
        started = time.monotonic()
        response = Visitor(site_url, timeout=15).get("/impressum/")
        elapsed = time.monotonic() - started
    finally:
        for sock in slow:
            sock.close()
    assert response.status == 200
    assert elapsed < 3, f"{elapsed:.1f} s bis zur Antwort"
