"""Plain HTTP against the test server, from a chosen loopback address, and its database.

Each visitor gets its own source address (127.0.0.x), so the forms' rate limit, which counts
per address, treats them as the different people they stand for.
"""

import http.client
import itertools
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from bs4 import BeautifulSoup

from .conftest import SERVER_ENV

_addresses = itertools.count(10)


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    text: str

    @property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.text, "html.parser")


@dataclass
class Visitor:
    """One person with a browser: own address, own cookies, no redirects followed."""

    site_url: str
    address: str = field(default_factory=lambda: f"127.0.0.{next(_addresses) % 250 + 2}")
    cookies: dict[str, str] = field(default_factory=dict)
    timeout: float = 60

    def request(self, method: str, path: str, body: bytes = b"", headers: dict | None = None) -> Response:
        parts = urlsplit(self.site_url)
        connection = http.client.HTTPConnection(
            parts.hostname, parts.port, timeout=self.timeout, source_address=(self.address, 0)
        )
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            text = answer.read().decode()
            for value in answer.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(value).items():
                    self.cookies[name] = morsel.value
            return Response(answer.status, dict(answer.headers.items()), text)
        finally:
            connection.close()

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, values: dict) -> Response:
        body = urlencode(values).encode()
        return self.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def form(self, path: str) -> dict[str, str]:
        """The hidden fields of the form on `path` (CSRF token, form token)."""
        soup = self.get(path).soup
        return {tag["name"]: tag.get("value", "") for tag in soup.select("form[method=post] input[type=hidden]")}


def is_postgres() -> bool:
    return SERVER_ENV["DATABASE_URL"].startswith(("postgres://", "postgresql://"))


def query(sql_sqlite: str, sql_postgres: str, *params) -> list[tuple]:
    """Run a read on the server's database through a connection of our own."""
    url = SERVER_ENV["DATABASE_URL"]
    if is_postgres():
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            return conn.execute(sql_postgres, params).fetchall()
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return conn.execute(sql_sqlite, params).fetchall()


def reports_with_token(token: str) -> int:
    return query(
        "SELECT count(*) FROM legal_barrierreport WHERE token = ?",
        "SELECT count(*) FROM legal_barrierreport WHERE token = %s",
        token.replace("-", "") if not is_postgres() else token,
    )[0][0]


@contextmanager
def write_lock(tables: list[str]) -> Iterator[Callable[[], int]]:
    """Another writer holds the database: SQLite `BEGIN IMMEDIATE` (the whole file), PostgreSQL
    SHARE locks on `tables` (reads go on, writes wait). Yields a function counting the server's
    connections that wait for the lock (PostgreSQL; SQLite cannot tell, it answers -1)."""
    url = SERVER_ENV["DATABASE_URL"]
    if not is_postgres():
        conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield lambda: -1
        finally:
            conn.execute("ROLLBACK")
            conn.close()
        return
    import psycopg

    with psycopg.connect(url) as conn:
        for table in tables:
            conn.execute(f"LOCK TABLE {table} IN SHARE MODE")  # our own table names

        def waiting() -> int:
            return query(
                "",
                "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                "WHERE NOT l.granted AND c.relname = ANY(%s)",
                tables,
            )[0][0]

        try:
            yield waiting
        finally:
            conn.rollback()


def wait_until(condition: Callable[[], bool], *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"Nicht eingetreten innerhalb von {seconds} s: {what}")
        time.sleep(0.05)
