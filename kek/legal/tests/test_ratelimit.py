"""Who is the client, and how many public reports may it send.

Real POSTs of the barrier form through the whole stack. Behind the reverse proxy every request
comes from the proxy's address; only a configured proxy may name the real client in
X-Forwarded-For, and a school class sharing one address can still report.
"""

import pytest
from bs4 import BeautifulSoup
from django.test import Client, override_settings
from django.test.client import RequestFactory

from kek.core.ratelimit import client_address
from kek.legal.models import BarrierReport

pytestmark = pytest.mark.django_db
with_the_form = pytest.mark.usefixtures("concept")  # the small concept with its legal pages

FORM_URL = "/barrierefreiheit/"
PROXY = "10.0.0.5"


def report(browser: Client, text: str = "Die Tabelle ist mit dem Screenreader nicht lesbar.", **meta) -> int:
    """Open the form and send it, as a visitor's browser does (CSRF checked); return the status."""
    page = BeautifulSoup(browser.get(FORM_URL, **meta).content.decode(), "html.parser")
    values = {field["name"]: field.get("value", "") for field in page.select("form input[type=hidden]")}
    values.update({"description": text, "page_url": "/", "name": "", "email": ""})
    return browser.post(FORM_URL, values, **meta).status_code


def browser() -> Client:
    return Client(enforce_csrf_checks=True)


def test_direct_connection_uses_the_socket_address_and_ignores_x_forwarded_for():
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client_address(request) == "198.51.100.9"


@override_settings(KEK_TRUSTED_PROXIES=[PROXY])
def test_behind_a_trusted_proxy_the_address_it_appended_counts():
    factory = RequestFactory()
    proxied = factory.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client_address(proxied) == "203.0.113.7"
    # The client sent its own X-Forwarded-For; the proxy appended the real address at the end.
    forged_through_proxy = factory.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.7")
    assert client_address(forged_through_proxy) == "203.0.113.7"
    # Someone reaching the server directly cannot claim another address.
    direct = factory.get("/", REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client_address(direct) == "198.51.100.9"


@override_settings(KEK_TRUSTED_PROXIES=["10.0.0.0/24"])
def test_trusted_proxies_may_be_networks_and_a_missing_header_falls_back_to_the_proxy():
    factory = RequestFactory()
    assert client_address(factory.get("/", REMOTE_ADDR="10.0.0.77", HTTP_X_FORWARDED_FOR="203.0.113.8")) == (
        "203.0.113.8"
    )
    assert client_address(factory.get("/", REMOTE_ADDR="10.0.0.77")) == "10.0.0.77"
    assert client_address(factory.get("/", REMOTE_ADDR="10.0.0.77", HTTP_X_FORWARDED_FOR="kein-ip")) == "10.0.0.77"


@with_the_form
def test_a_school_class_behind_one_address_can_all_report_while_one_browser_flooding_is_stopped():
    for pupil in range(50):
        assert report(browser(), f"Meldung Nummer {pupil} aus der Klasse 9b.") == 302, pupil
    assert BarrierReport.objects.count() == 50

    flooder = browser()
    statuses = [report(flooder, f"Flut Nummer {n}, immer derselbe Browser.") for n in range(6)]
    assert statuses == [302] * 5 + [429]

    # Fresh cookies for every request do not help: the address has used up its hourly budget.
    statuses = [report(browser(), f"Flut mit neuem Browser {n}.") for n in range(6)]
    assert statuses == [302] * 5 + [429]
    assert BarrierReport.objects.count() == 60


@with_the_form
@override_settings(KEK_TRUSTED_PROXIES=[PROXY])
def test_behind_the_proxy_visitors_have_their_own_budgets_and_spoofing_does_not_help():
    # Two visitors behind the proxy; the first uses up the whole address budget with fresh browsers.
    first = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    second = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.8"}
    for n in range(60):
        assert report(browser(), f"Meldung {n} von der ersten Adresse.", **first) == 302
    assert report(browser(), "Eine zu viel von der ersten Adresse.", **first) == 429
    assert report(browser(), "Die zweite Adresse hat ihr eigenes Budget.", **second) == 302

    # Claiming the second visitor's address in an own X-Forwarded-For header changes nothing:
    # the proxy appends the real address, and that is the one that counts.
    spoofed = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.8, 203.0.113.7"}
    assert report(browser(), "Versuch mit gefälschtem Header.", **spoofed) == 429


@with_the_form
def test_without_trusted_proxies_a_spoofed_header_does_not_open_a_new_bucket():
    for n in range(60):
        assert report(browser(), f"Meldung {n}, direkt verbunden.", REMOTE_ADDR="198.51.100.9") == 302
    spoofed = {"REMOTE_ADDR": "198.51.100.9", "HTTP_X_FORWARDED_FOR": "203.0.113.99"}
    assert report(browser(), "Versuch mit erfundener Adresse im Header.", **spoofed) == 429
