"""Property tests: random field values, charsets and methods against every public form.

Whatever arrives, the site answers without a 5xx, writes a report completely or not at all, and
every error answer to a form submission shows the form again with what was typed. The forms are
the barrier feedback (POST) and the search (GET). Other methods than a form's own get a 405
page with an Allow header (OPTIONS: the Allow header) and write nothing.
"""

import codecs
import uuid
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kek.legal.models import BarrierReport

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]

FORM_URL = "/barrierefreiheit/"
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
CHARSETS = [None, "", "utf-8", "UTF8", "latin-1", "ISO-8859-15", "windows-1252", "utf-16", "x-nonsense", '"latin-1"']
HOSTILE = [
    "<script>alert(1)</script>",
    "' OR 1=1; DROP TABLE legal_barrierreport; --",
    "%00%ff%C3%28",
    "\u202egnirts desrever",
    "Straße ÄÖÜ äöü ß € – „Anführung“ 🦽",
    "x" * 5001,
]
EXAMPLES = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def _codec(charset: str | None) -> str:
    """The codec the sender encodes with: the declared one if Python knows it, else UTF-8."""
    try:
        return codecs.lookup((charset or "utf-8").strip('"')).name
    except LookupError:
        return "utf-8"


def _texts(codec: str) -> st.SearchStrategy[str]:
    typed = st.text(
        alphabet=st.characters(codec=codec, exclude_categories=("Cc", "Cs"), include_characters="\n"), max_size=300
    )
    return typed | st.sampled_from([t for t in HOSTILE if _encodable(t, codec)])


def _encodable(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _send(client: Client, method: str, path: str, fields: dict, charset: str | None):
    """Send `fields` as a browser would: in the address as UTF-8 (GET, HEAD), else as a form body
    in the declared charset; the Content-Type header carries the charset either way."""
    content_type = "application/x-www-form-urlencoded" + (f"; charset={charset}" if charset is not None else "")
    if method in ("GET", "HEAD"):
        query = urlencode(fields, encoding="utf-8")
        return getattr(client, method.lower())(f"{path}?{query}", content_type=content_type)
    body = urlencode(fields, encoding=_codec(charset)).encode("ascii")
    return client.generic(method, path, body, content_type=content_type)


def _shown(soup: BeautifulSoup, name: str) -> str | None:
    textarea = soup.find("textarea", attrs={"name": name})
    if textarea is not None:
        return textarea.get_text().removeprefix("\n")
    field = soup.find("input", attrs={"name": name})
    return field.get("value", "") if field is not None else None


@st.composite
def barrier_submissions(draw) -> tuple[str, str | None, dict]:
    method = draw(st.sampled_from(METHODS))
    charset = draw(st.sampled_from(CHARSETS))
    texts = _texts(_codec(charset))
    fields = {
        "description": draw(texts),
        "page_url": draw(texts),
        "name": draw(texts),
        "email": draw(texts | st.sampled_from(["kim@example.org", "kim-at-example", ""])),
        "token": draw(st.sampled_from([str(uuid.uuid4()), "", "kein-token", "00000000-0000-0000-0000-000000000000"])),
    }
    leave_out = draw(st.sets(st.sampled_from(sorted(fields))))
    return method, charset, {k: v for k, v in fields.items() if k not in leave_out}


@EXAMPLES
@given(submission=barrier_submissions())
def test_barrier_form_never_fails_and_never_loses_the_text(submission):
    method, charset, fields = submission
    before = BarrierReport.objects.count()
    response = _send(Client(raise_request_exception=False), method, FORM_URL, fields, charset)
    after = BarrierReport.objects.count()

    assert response.status_code < 500
    if method not in ("GET", "HEAD", "POST"):
        assert response.status_code == (200 if method == "OPTIONS" else 405)
        assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS", "POST"}
        assert after == before
        return
    if method != "POST":
        assert response.status_code == 200
        assert after == before
        return
    if response.status_code == 302:
        location = response["Location"]
        assert location.startswith("/barrierefreiheit/danke/") and location.endswith("/")
        token = location.removeprefix("/barrierefreiheit/danke/").removesuffix("/")
        sent = fields.get("token", "")
        assert token == sent if sent else uuid.UUID(token)  # a form sent without its token gets one
        assert after in (before, before + 1)  # a token sent before is stored once
        if after == before + 1:
            report = BarrierReport.objects.order_by("-pk").first()
            assert report.description == fields["description"].strip()
            assert report.name == fields.get("name", "").strip()
            assert report.email == fields.get("email", "").strip()
            assert report.page_url == fields.get("page_url", "").strip()
        return
    assert response.status_code in (400, 429)
    assert after == before  # nothing half-written
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one(".kek-error-summary, .kern-alert") is not None
    for name in ("description", "page_url", "name", "email"):
        if fields.get(name):
            assert _shown(soup, name) == fields[name], name


@st.composite
def search_requests(draw) -> tuple[str, str | None, dict]:
    method = draw(st.sampled_from(METHODS))
    charset = draw(st.sampled_from(CHARSETS))
    texts = _texts(_codec(charset) if method not in ("GET", "HEAD") else "utf-8")
    fields = {"q": draw(texts)}
    for facet in draw(st.sets(st.sampled_from(["art", "feld", "ziel", "thema", "teilraum", "seite"]))):
        fields[facet] = draw(texts | st.sampled_from(["1", "-1", "999999", "lebenswerte-orte", "massnahme"]))
    return method, charset, fields


@EXAMPLES
@given(request=search_requests())
def test_search_never_fails_and_shows_the_query(request):
    method, charset, fields = request
    response = _send(Client(raise_request_exception=False), method, "/suche/", fields, charset)

    assert response.status_code < 500
    if method == "HEAD":
        assert response.status_code == 200 and response.content == b""
        return
    if method != "GET":
        assert response.status_code in (400, 405)  # 400: a POST in another charset, before anything
        assert "kern.min.css" in response.content.decode()
        return
    assert response.status_code == 200
    shown = _shown(BeautifulSoup(response.content.decode(), "html.parser"), "q")
    assert shown == fields["q"].strip()[:200]
