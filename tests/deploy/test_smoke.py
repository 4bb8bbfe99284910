"""Smoke tests through nginx, against the recipe of deploy/ as it is started on this machine."""

import gzip
import json
import re

import pytest
from bs4 import BeautifulSoup

from .stack import HOST, ROOT, Stack, Visitor, wait_for

pytestmark = pytest.mark.kek2030


def test_pages_come_over_https_with_the_security_headers(visitor: Visitor) -> None:
    response = visitor.get("/")
    assert response.status == 200
    assert "Kreisentwicklungskonzept" in response.text
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["Server"] == "nginx"  # no version (server_tokens off)
    field = BeautifulSoup(response.text, "html.parser").select_one("nav a[href^='/']:not([href='/'])")
    assert visitor.get(field["href"]).status == 200


def test_plain_http_is_redirected_to_https(stack: Stack) -> None:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", stack.http_port, timeout=10)
    connection.request("GET", "/suche/", headers={"Host": HOST})
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == f"https://{HOST}/suche/"


def test_static_files_come_from_nginx_compressed_and_cached_for_good(visitor: Visitor) -> None:
    page = BeautifulSoup(visitor.get("/").text, "html.parser")
    stylesheet = page.select_one("link[rel=stylesheet]")["href"]
    assert re.search(r"\.[0-9a-f]{12}\.css$", stylesheet), stylesheet
    response = visitor.get(stylesheet, headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.headers.get_all("Cache-Control") == ["public, max-age=31536000, immutable"]
    assert gzip.decompress(response.body) == (ROOT / "staticfiles" / stylesheet.removeprefix("/static/")).read_bytes()
    assert visitor.get("/static/does-not-exist.css").status == 404


def test_the_barrier_form_is_never_cached_and_its_post_is_stored(stack: Stack, visitor: Visitor) -> None:
    form_page = visitor.get("/barrierefreiheit/")
    assert form_page.status == 200
    assert "private" in form_page.headers["Cache-Control"]
    assert form_page.cache != "HIT"
    assert form_page.cache != "HIT" and visitor.get("/barrierefreiheit/").cache != "HIT"
    soup = BeautifulSoup(form_page.text, "html.parser")
    hidden = {tag["name"]: tag.get("value", "") for tag in soup.select("form[method=post] input[type=hidden]")}
    text = "Die Karte lässt sich mit der Tastatur nicht bedienen (Rauchtest)."
    answer = visitor.post("/barrierefreiheit/", {**hidden, "description": text, "page_url": "/orte/karte/"})
    assert answer.status == 302, answer.text[:500]
    assert "/barrierefreiheit/danke/" in answer.headers["Location"]  # …/danke/<reference>/
    stored = stack.shell(
        f"from kek.legal.models import BarrierReport;print(BarrierReport.objects.filter(description={text!r}).count())"
    )
    assert stored.strip() == "1"


def test_admin_login_page_is_served_and_never_cached(visitor: Visitor) -> None:
    for _ in range(2):
        response = visitor.get("/admin/login/")
        assert response.status == 200
        assert 'name="password"' in response.text
        assert "no-store" in response.headers["Cache-Control"]
        assert response.cache != "HIT"


def test_healthz_through_nginx_reports_database_cache_and_worker(visitor: Visitor) -> None:
    # After the first import the worker has some 2,000 of Wagtail's bookkeeping tasks to do first.
    wait_for(lambda: visitor.get("/healthz").status == 200, seconds=180, what="/healthz meldet gesund.")
    response = visitor.get("/healthz")
    assert json.loads(response.text)["healthy"] is True
    assert "no-store" in response.headers["Cache-Control"]


def test_check_deploy_is_clean_with_the_recipes_settings(stack: Stack) -> None:
    result = stack.manage("check", "--deploy", "--fail-level", "WARNING", check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_logs_are_json_lines_without_personal_data(stack: Stack, visitor: Visitor) -> None:
    visitor.get("/suche/?q=Radweg+Lisa+M%C3%BCller", headers={"User-Agent": "Rauchtest/1.0"})
    lines = [json.loads(line) for line in (stack.var / "gunicorn.log").read_text().splitlines() if line.startswith("{")]
    search = [line for line in lines if line.get("path") == "/suche/"]
    assert search, lines[-5:]
    assert search[-1]["status"] == 200
    assert search[-1]["duration_ms"] > 0
    written = json.dumps(lines)
    assert "Lisa" not in written and "Rauchtest" not in written and "127.0.0.1" not in written
    access = (stack.var / "nginx" / "access.log").read_text().splitlines()
    assert all(json.loads(line)["request_time"] >= 0 for line in access)
    assert "Lisa" not in "".join(access) and "127.0.0.1" not in "".join(access)
