"""Error pages: in the site's design, in German, helpful, with the fitting status."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, override_settings
from django.urls import path

from kek import urls as site_urls

pytestmark = pytest.mark.django_db


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("Absichtlicher Fehler für den Test")


urlpatterns = [path("verboten/", forbidden), path("kaputt/", broken), *site_urls.urlpatterns]
handler400, handler403, handler404, handler500 = (
    site_urls.handler400,
    site_urls.handler403,
    site_urls.handler404,
    site_urls.handler500,
)


@override_settings(ROOT_URLCONF=__name__)
def test_403_is_a_german_page_in_the_site_design(client):
    response = client.get("/verboten/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Zugriff nicht erlaubt" in html
    assert "kern.min.css" in html
    assert "kek-footer" in html  # the full frame, with the service links


@override_settings(ROOT_URLCONF=__name__)
def test_500_shows_no_stack_trace():
    client = Client(raise_request_exception=False)
    response = client.get("/kaputt/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Technischer Fehler" in html
    assert "Absichtlicher Fehler" not in html and "Traceback" not in html


def test_404_in_german(client):
    response = client.get("/gibt-es-wirklich-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_maintenance_mode_answers_503_but_keeps_the_admin(client):
    with override_settings(KEK_MAINTENANCE=True):
        response = client.get("/")
        assert response.status_code == 503
        assert response["Retry-After"] == "3600"
        assert "Wartungsarbeiten" in response.content.decode()
        assert client.get("/admin/login/").status_code == 200
    assert client.get("/").status_code == 200


def test_csrf_failure_explains_what_to_do():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/barrierefreiheit/", {"description": "Ein Text, der nicht verloren gehen soll."})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Das Formular ist abgelaufen" in html
    assert "Landkreis Ludwigslust-Parchim" in html  # the full frame with the provider from the settings
