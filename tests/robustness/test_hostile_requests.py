"""Requests no browser would send still get a page in the site's design with a fitting status.

Disallowed Host headers, paths that look like another host, forms in another charset, HEAD and
the security headers every response carries.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from kek.legal.models import BarrierReport

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]

FORM_URL = "/barrierefreiheit/"
DESCRIPTION = "Die Grafik hat keinen Alternativtext – für Screenreader unbrauchbar."


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def assert_site_design(response) -> None:
    html = response.content.decode()
    assert "kern.min.css" in html and "kek.css" in html
    assert "Traceback" not in html


# Item 6: a Host header outside ALLOWED_HOSTS.


@pytest.mark.parametrize("url", ["/", "/gibt-es-nicht/", FORM_URL, "/suche/?q=Radweg", "/en/"])
def test_disallowed_host_gets_400_in_the_site_design(url):
    response = Client(raise_request_exception=False).get(url, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert_site_design(response)
    assert "Ungültige Anfrage" in response.content.decode() or "Bad request" in response.content.decode()
    assert "evil.example" not in response.content.decode()


def test_disallowed_host_on_a_form_post_gets_400():
    client = Client(raise_request_exception=False)
    response = client.post(FORM_URL, {"description": DESCRIPTION}, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert_site_design(response)
    assert not BarrierReport.objects.exists()


def test_404_still_renders_when_its_full_frame_fails(client, caplog):
    """A fault in the frame (here: a settings table that is gone) falls back to the plain frame."""
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE legal_legalsettings")  # rolled back with the test's transaction
    response = Client(raise_request_exception=False).get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert_site_design(response)
    assert "Seite nicht gefunden" in response.content.decode()
    assert any("Fehlerseite" in record.getMessage() for record in caplog.records)


# Item 9: paths that look like another host must not turn into links to it.


def _links(response) -> list[str]:
    soup = soup_of(response)
    return [tag.get("href") for tag in soup.find_all(["a", "link"]) if tag.get("href")] + [
        form.get("action") for form in soup.find_all("form") if form.get("action")
    ]


@pytest.mark.parametrize(
    "path",
    ["//evil.example/x/", "/x//evil.example/x/", "/en//evil.example/x/", "/\\evil.example/x/", "//evil.example"],
)
def test_links_stay_on_the_site_whatever_the_path(client, path):
    response = client.get("/", PATH_INFO=path)  # as sent: the test client would read "//host" as a host
    assert response.status_code in (404, 301)
    if response.status_code == 301:  # CommonMiddleware's slash redirect: to our own host only
        assert response["Location"].startswith("/") and not response["Location"].startswith("//")
        response = client.get(response["Location"])
    for url in _links(response):
        own = url.startswith("http://testserver/")
        relative = url.startswith(("/", "#", "?")) and not url.startswith(("//", "/\\"))
        assert own or relative, url
        assert "evil.example" not in url.split("/", 3)[2 if own else 0], url


def test_language_links_keep_the_page_in_the_other_language(client):
    soup = soup_of(client.get("/ueber-das-kek/"))
    assert {a["hreflang"]: a["href"] for a in soup.select(".kek-languages a")} == {
        "de": "/ueber-das-kek/",
        "en": "/en/ueber-das-kek/",
    }


# Item 7: form data in a charset other than UTF-8.


def _csrf_client() -> tuple[Client, str, str]:
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    soup = soup_of(client.get(FORM_URL))
    csrf = soup.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    token = soup.find("input", attrs={"name": "token"})["value"]
    return client, csrf, token


@pytest.mark.parametrize(
    ("charset", "encoding"), [("latin-1", "latin-1"), ("ISO-8859-15", "iso-8859-15"), ("x-nonsense", "utf-8")]
)
def test_form_in_another_charset_gets_400_and_the_text_back(charset, encoding):
    client, csrf, token = _csrf_client()
    description = "Die Schaltfläche „Suchen“ ist für Menschen mit Sehbehinderung zu klein."
    body = "&".join(
        f"{key}={value}"
        for key, value in {
            "csrfmiddlewaretoken": csrf,
            "token": token,
            "description": _quote(description.replace("„", '"').replace("“", '"'), encoding),
            "name": _quote("Jürgen Mäder", encoding),
        }.items()
    )
    response = client.generic(
        "POST", FORM_URL, body.encode("ascii"), content_type=f"application/x-www-form-urlencoded; charset={charset}"
    )
    assert response.status_code == 400
    assert_site_design(response)
    soup = soup_of(response)
    assert "Zeichenkodierung" in soup.select_one(".kek-error-summary").get_text()
    typed = soup.find("textarea", attrs={"name": "description"}).get_text().removeprefix("\n")
    assert typed == description.replace("„", '"').replace("“", '"')
    assert soup.find("input", attrs={"name": "name"})["value"] == "Jürgen Mäder"
    assert not BarrierReport.objects.exists()


def _quote(text: str, encoding: str) -> str:
    from urllib.parse import quote_plus

    return quote_plus(text, encoding=encoding)


def test_form_in_utf8_under_another_spelling_is_accepted():
    client, csrf, token = _csrf_client()
    body = f"csrfmiddlewaretoken={csrf}&token={token}&description={_quote(DESCRIPTION, 'utf-8')}"
    response = client.generic(
        "POST", FORM_URL, body.encode("ascii"), content_type="application/x-www-form-urlencoded; charset=UTF8"
    )
    assert response.status_code == 302
    assert BarrierReport.objects.get().description == DESCRIPTION


@pytest.mark.parametrize("charset", ["latin-1", "x-nonsense"])
def test_search_with_a_charset_answers_without_error(client, charset):
    response = client.get(
        "/suche/", {"q": "Radweg"}, content_type=f"application/x-www-form-urlencoded; charset={charset}"
    )
    assert response.status_code == 200
    assert soup_of(response).find("input", attrs={"name": "q"})["value"] == "Radweg"


def test_search_posted_in_another_charset_gets_a_page_not_a_500():
    client, csrf, _ = _csrf_client()
    response = client.generic(
        "POST",
        "/suche/",
        f"csrfmiddlewaretoken={csrf}&q=Stra%DFe".encode("ascii"),
        content_type="application/x-www-form-urlencoded; charset=latin-1",
    )
    assert response.status_code in (400, 405)
    assert_site_design(response)


# Item 10: Permissions-Policy on every response.


@pytest.mark.parametrize("url", ["/", "/gibt-es-nicht/", "/admin/login/", "/suche/?q=Radweg"])
def test_every_response_carries_the_permissions_policy(client, url):
    response = client.get(url)
    policy = response["Permissions-Policy"]
    for feature in ("geolocation=()", "camera=()", "microphone=()"):
        assert feature in policy


def test_error_responses_carry_the_permissions_policy():
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "geolocation=()" in response["Permissions-Policy"]


# Item 11: HEAD like GET; logging in on the front end lands on a real page.


@pytest.mark.parametrize("url", ["/suche/", "/suche/?q=Radweg", "/suche/vorschlaege/?q=Rad"])
def test_head_answers_like_get_without_a_body(client, url):
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]


@pytest.fixture
def visitor():
    return User.objects.create_user("besucherin", password="ein-langes-Passwort-2030")


def test_front_end_login_without_next_lands_on_the_start_page(client, visitor):
    response = client.post("/_util/login/", {"username": "besucherin", "password": "ein-langes-Passwort-2030"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get(response["Location"]).status_code == 200


def test_front_end_login_follows_a_local_next_but_not_a_foreign_one(client, visitor):
    credentials = {"username": "besucherin", "password": "ein-langes-Passwort-2030"}
    response = client.post("/_util/login/", {**credentials, "next": "/ueber-das-kek/"})
    assert response["Location"] == "/ueber-das-kek/"
    client.logout()
    response = client.post("/_util/login/", {**credentials, "next": "//evil.example/"})
    assert response["Location"] == "/"


def test_private_page_sends_visitors_to_login_and_back(client, visitor):
    page = Page.objects.get(url_path__endswith="/ueber-das-kek/")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/ueber-das-kek/")
    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url.startswith("/_util/login/?next=")
    response = client.post(
        login_url, {"username": "besucherin", "password": "ein-langes-Passwort-2030", "next": "/ueber-das-kek/"}
    )
    assert response["Location"] == "/ueber-das-kek/"
    assert client.get("/ueber-das-kek/").status_code == 200


def test_password_page_with_a_foreign_return_url_lands_on_the_start_page(client):
    page = Page.objects.get(url_path__endswith="/ueber-das-kek/")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="kreistag"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    response = client.post(url, {"password": "kreistag", "return_url": "//evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_login_page_is_in_the_site_design(client):
    response = client.get("/_util/login/")
    assert response.status_code == 200
    assert_site_design(response)
    assert re.search(r"<h1[^>]*>\s*Anmelden", response.content.decode())
