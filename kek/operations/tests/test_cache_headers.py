"""Which responses a shared cache (nginx, a CDN) may keep: public pages for cookie-free visitors only."""

from django.conf import settings
from django.test import Client
from django.utils.http import parse_http_date

PUBLIC = "public, max-age=0, s-maxage=300"


def test_a_public_page_may_be_kept_and_carries_validators(client: Client, concept) -> None:
    response = client.get(concept.approach.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC
    assert parse_http_date(response["Last-Modified"])
    assert response["ETag"]
    again = client.get(concept.approach.url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_an_edited_page_gets_a_new_etag(client: Client, concept) -> None:
    before = client.get(concept.approach.url)["ETag"]
    concept.approach.search_description = "Eine neue Beschreibung"
    concept.approach.save_revision().publish()
    assert client.get(concept.approach.url)["ETag"] != before


def test_not_found_pages_may_be_kept_too(client: Client, concept) -> None:
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert response["Cache-Control"] == PUBLIC


def test_addresses_with_a_query_string_are_not_kept(client: Client, concept) -> None:
    response = client.get("/suche/", {"q": "Radweg"})
    assert response["Cache-Control"] == "private, no-cache"


def test_the_english_interface_is_not_kept(client: Client, concept) -> None:
    response = client.get("/en" + concept.approach.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"


def test_a_visitor_with_a_session_gets_a_private_answer(client: Client, concept) -> None:
    client.cookies["sessionid"] = "irgendeine-sitzung"
    assert client.get(concept.approach.url)["Cache-Control"] == "private, no-cache"


def test_pages_with_a_form_are_never_kept(client: Client, concept) -> None:
    response = client.get("/barrierefreiheit/")
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert response["Cache-Control"] == "private, no-cache"


def test_pages_with_a_form_are_never_kept_for_a_visitor_who_has_a_form_cookie(client: Client, concept) -> None:
    """A visitor who sent a form before has the CSRF cookie: the page's token is made from it, so a
    kept copy would hand that visitor's token to everyone (and their forms would be refused)."""
    client.get("/barrierefreiheit/")
    assert settings.CSRF_COOKIE_NAME in client.cookies
    response = client.get("/barrierefreiheit/")
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert response["Cache-Control"] == "private, no-cache"
    assert "public" in client.get(concept.approach.url)["Cache-Control"]  # a page without a form still is


def test_the_admin_and_health_check_are_never_kept(client: Client, concept) -> None:
    assert "no-store" in client.get("/admin/login/")["Cache-Control"]
    assert "public" not in client.get("/healthz")["Cache-Control"]
    assert "public" not in client.get("/admin/")["Cache-Control"]


def test_posts_are_never_kept(client: Client, concept) -> None:
    response = client.post("/barrierefreiheit/", {"description": "zu kurz"})
    assert "public" not in response.get("Cache-Control", "")
