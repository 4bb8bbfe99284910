"""The pages the law asks for, and the barrier feedback form."""

import uuid

import pytest
from bs4 import BeautifulSoup
from django.utils.formats import date_format

from kek.core.models import FormSubmission
from kek.legal.models import BarrierReport, LegalSettings
from kek.legal.services import ensure_pages
from kek.places.tests.factories import SiteFactory
from kek.plan.tests.factories import FieldOfActionPageFactory, HomePageFactory

pytestmark = pytest.mark.usefixtures("concept")  # the small concept with its legal pages

LEGAL_PAGES = {
    "/impressum/": "Impressum",
    "/datenschutz/": "Datenschutzerklärung",
    "/barrierefreiheit/": "Erklärung zur Barrierefreiheit",
    "/leichte-sprache/": "Leichte Sprache",
    "/gebaerdensprache/": "Gebärdensprache",
}
FORM_URL = "/barrierefreiheit/"


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize("page", ["home", "field", "approach", "about", None])
def test_every_page_links_all_legal_pages_in_its_footer(client, concept, page):
    url = getattr(concept, page).url if page else "/gibt-es-nicht/"
    footer = soup_of(client.get(url)).find("footer")
    links = {a["href"]: a.get_text(strip=True) for a in footer.find_all("a")}
    for href, title in LEGAL_PAGES.items():
        assert links.get(href) == title


@pytest.mark.parametrize("url", LEGAL_PAGES)
def test_legal_pages_render(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert soup_of(response).h1.get_text(strip=True) == LEGAL_PAGES[url]


def test_imprint_and_privacy_come_from_the_cms_settings(client, concept):
    settings = LegalSettings.for_site(concept.site)
    settings.represented_by = "die Landrätin Erika Beispiel"
    settings.data_protection_officer = "Frau Datenschutz, Beispielweg 1"
    settings.save()
    assert "vertreten durch die Landrätin Erika Beispiel" in soup_of(client.get("/impressum/")).main.get_text()
    privacy = soup_of(client.get("/datenschutz/")).main.get_text()
    assert "Frau Datenschutz, Beispielweg 1" in privacy
    assert "Lennéstraße 1, 19053 Schwerin" in privacy  # LfDI M-V, the supervisory authority
    assert "Art. 77 DSGVO" in privacy


def test_statement_follows_the_mv_template(client):
    text = soup_of(client.get(FORM_URL)).main.get_text(" ")
    for heading in (
        "Stand der Vereinbarkeit mit den Anforderungen",
        "Nicht barrierefreie Inhalte",
        "Erstellung der Erklärung zur Barrierefreiheit",
        "Feedback und Kontaktangaben",
        "Durchsetzungsverfahren",
    ):
        assert heading in text
    assert "Anlauf- und Überwachungsstelle „Digitale Barrierefreiheit“" in text
    assert "BITVO M-V" in text


def _form_values(client) -> dict:
    soup = soup_of(client.get(FORM_URL))
    token = soup.find("input", attrs={"name": "token"})["value"]
    return {
        "token": token,
        "page_url": "/starke-wirtschaft/",
        "description": "Die Tabelle ist mit dem Screenreader nicht lesbar.",
        "name": "Kim Muster",
        "email": "kim@example.org",
    }


def test_good_feedback_is_stored_exactly_once(client):
    values = _form_values(client)
    first = client.post(FORM_URL, values)
    again = client.post(FORM_URL, values)  # the browser sends the form a second time
    assert first.status_code == again.status_code == 302
    assert first["Location"] == f"/barrierefreiheit/danke/{values['token']}/"
    report = BarrierReport.objects.get()
    assert report.description == values["description"]
    assert report.status == BarrierReport.Status.NEW
    assert (report.answer_due - report.created.date()).days == 42
    thanks = client.get(first["Location"]).content.decode()
    assert "Vielen Dank für Ihren Hinweis" in thanks
    assert f"Ihre Vorgangsnummer: <strong>{report.reference}</strong>" in thanks
    assert report.reference == f"BF-{report.created:%Y}-{report.pk:05d}"
    other = client.get("/barrierefreiheit/danke/00000000-0000-4000-8000-000000000000/").content.decode()
    assert "Vielen Dank" in other and "Vorgangsnummer" not in other  # no report, no number


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"description": ""}, "Bitte beschreiben Sie die Barriere."),
        ({"description": "kaputt"}, "mindestens 10 Zeichen"),
        ({"email": "kim-at-example"}, "Bitte geben Sie eine E-Mail-Adresse in der Form name@beispiel.de an."),
        ({"description": "x" * 5001}, "höchstens 5000 Zeichen"),
    ],
)
def test_bad_feedback_is_rejected_politely_and_keeps_the_input(client, change, message):
    values = {**_form_values(client), **change}
    response = client.post(FORM_URL, values)
    assert response.status_code == 400
    soup = soup_of(response)
    summary = soup.select_one(".kek-error-summary")
    assert message in summary.get_text()
    assert soup.find("input", attrs={"name": "name"})["value"] == "Kim Muster"
    assert soup.find("textarea", attrs={"name": "description"}).get_text().removeprefix("\n") == values["description"]
    assert not BarrierReport.objects.exists()


def test_hostile_input_is_stored_as_text_and_shown_escaped(client, admin_client):
    values = {**_form_values(client), "description": "<script>alert(1)</script> ' OR 1=1; DROP TABLE x; --"}
    client.post(FORM_URL, values)
    report = BarrierReport.objects.get()
    assert report.description == values["description"]
    page = admin_client.get(f"/admin/snippets/legal/barrierreport/edit/{report.pk}/")
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.content.decode()


def test_too_many_reports_get_429_and_keep_the_text(client):
    for _ in range(5):
        assert client.post(FORM_URL, {**_form_values(client), "token": str(uuid.uuid4())}).status_code == 302
    values = {**_form_values(client), "description": "Die sechste Meldung in kurzer Zeit."}
    response = client.post(FORM_URL, values)
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "Die sechste Meldung in kurzer Zeit." in response.content.decode()
    assert BarrierReport.objects.count() == 5
    assert FormSubmission.objects.filter(form="barrier-report").count() == 5


def test_reports_are_listed_with_their_deadline_in_the_admin(client, admin_client):
    client.post(FORM_URL, _form_values(client))
    report = BarrierReport.objects.get()
    listing = admin_client.get("/admin/snippets/legal/barrierreport/").content.decode()
    assert "Antwort fällig bis" in listing
    assert date_format(report.answer_due, "j. F Y") in listing


def test_field_pages_offer_their_easy_language_summary(client, concept):
    soup = soup_of(client.get(concept.field.url))
    summary = soup.select_one(".kek-easy-summary")
    assert "In Leichter Sprache" in summary.summary.get_text()
    assert "Alle Menschen in Musterland sollen gute Arbeit finden." in summary.get_text()
    easy = soup_of(client.get("/leichte-sprache/")).main.get_text()
    assert "Alle Menschen in Musterland sollen gute Arbeit finden." in easy


def test_privacy_notice_explains_the_map_consent(client):
    text = soup_of(client.get("/datenschutz/")).main.get_text(" ")
    assert "Wenn Sie den Kartenhintergrund laden" in text
    assert "OpenStreetMap" in text and "Art. 6 Abs. 1 Buchst. a DSGVO" in text


def test_the_form_speaks_english_at_en(client):
    soup = soup_of(client.get("/en" + FORM_URL))
    assert soup.find("label", attrs={"for": "id_description"}).get_text(strip=True).startswith("What")


def test_legal_pages_show_only_their_own_sites_concept(client, concept, settings):
    """A second concept on a site of its own (created after the first, so its pages come later in the
    tree): each site's Leichte Sprache lists its own fields only, each statement links its own privacy page."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "nachbarkreis.example"]
    home = HomePageFactory(slug="nachbarkreis", title="KEK Nachbarkreis")
    SiteFactory(root_page=home, hostname="nachbarkreis.example", is_default_site=False)
    FieldOfActionPageFactory(parent=home, easy_language_summary="<p>Im Nachbarkreis gibt es gute Schulen.</p>")
    ensure_pages(home)
    for host, own, other in [
        ("testserver", "Alle Menschen in Musterland", "Im Nachbarkreis"),
        ("nachbarkreis.example", "Im Nachbarkreis", "Alle Menschen in Musterland"),
    ]:
        easy = soup_of(client.get("/leichte-sprache/", HTTP_HOST=host)).main.get_text()
        assert own in easy and other not in easy, host
        form = soup_of(client.get(FORM_URL, HTTP_HOST=host)).select_one(".kek-form__privacy a")
        assert form["href"] == "/datenschutz/", host  # a page of another site would have a full URL
