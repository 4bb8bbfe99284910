"""The open-data API on the small concept: contents, identifiers, pagination, filters, site scope,
HTTP caching, CORS, rate limit, query budget."""

import datetime
import os
import subprocess
import sys

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import parse_http_date

from kek.places.tests.factories import SiteFactory
from kek.plan.models import Project
from kek.plan.tests.factories import HomePageFactory, MeasureFactory, branch, publish
from kek.publications.models import ContentVersion

pytestmark = pytest.mark.django_db


def ids(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_catalogue_names_the_licence_and_the_county(concept, client):
    data = client.get("/api/v1/").json()
    assert data["licence"]["id"] == "dl-de-by-2.0"
    assert data["licence"]["name"] == "Datenlizenz Deutschland – Namensnennung – Version 2.0"
    assert data["licence"]["attribution"] == concept.home.county
    assert {"measures", "projects", "ideas", "fields", "changes", "indicators"} <= {d["name"] for d in data["datasets"]}


def test_licence_is_set_per_site(concept, client):
    from kek.opendata.licences import OpenDataSettings

    OpenDataSettings.objects.update_or_create(
        site=concept.site, defaults={"licence": "cc-by-4.0", "attribution": "Kreis M."}
    )
    licence = client.get("/api/v1/").json()["licence"]
    assert (licence["id"], licence["attribution"]) == ("cc-by-4.0", "Kreis M.")


def test_items_carry_their_keys_and_place_in_the_hierarchy(concept, client):
    assert ids(client.get("/api/v1/measures")) == [m.key for m in concept.measures]
    assert ids(client.get("/api/v1/projects")) == [p.key for p in concept.running]
    assert ids(client.get("/api/v1/ideas")) == [p.key for p in concept.ideas]
    measure = client.get("/api/v1/measures/berufsschulen").json()
    approach_id = concept.approach.url_path[len(concept.home.url_path) :].strip("/")
    assert measure["approach"] == approach_id
    assert measure["field"] == concept.field.slug
    assert measure["projects"] == ["ausbildungsmesse"] and measure["ideas"] == ["azubi-ticket"]
    assert measure["url"].endswith("#massnahme-berufsschulen")
    assert ids(client.get("/api/v1/approaches"))[0] == approach_id
    assert client.get(f"/api/v1/approaches/{approach_id}").json()["sub_goal"] == approach_id.rsplit("/", 1)[0]


def test_unknown_key_is_a_german_404(concept, client):
    response = client.get("/api/v1/measures/gibt-es-nicht")
    assert response.status_code == 404
    assert response.json() == {"detail": "Kein Eintrag mit dieser Kennung."}


def test_drafts_are_not_published(concept, client):
    Project.objects.filter(key="azubi-ticket").update(live=False)
    assert "azubi-ticket" not in ids(client.get("/api/v1/ideas"))
    assert client.get("/api/v1/measures/berufsschulen").json()["ideas"] == []


def test_pagination_with_limit_and_offset(concept, client):
    first = client.get("/api/v1/measures?limit=2").json()
    second = client.get("/api/v1/measures?limit=2&offset=2").json()
    assert first["count"] == second["count"] == 3
    assert [i["id"] for i in first["items"] + second["items"]] == [m.key for m in concept.measures]
    assert client.get("/api/v1/measures?limit=0").status_code == 422
    assert "Anfrage" in client.get("/api/v1/measures?limit=abc").json()["detail"]


def test_filters_use_the_sites_names(concept, client):
    assert ids(client.get("/api/v1/measures?thema=digitalisierung")) == ["breitband-gewerbegebiete"]
    assert ids(client.get("/api/v1/ideas?thema=digitalisierung")) == ["wlan-ortszentren"]
    assert ids(client.get("/api/v1/projects?ort=altdorf")) == ["ausbildungsmesse"]
    second_approach = concept.approaches[1].url_path[len(concept.home.url_path) :].strip("/")
    assert ids(client.get(f"/api/v1/measures?ansatz={second_approach}")) == ["gruenderzentrum"]
    assert ids(client.get(f"/api/v1/measures?feld={concept.field.slug}")) == [m.key for m in concept.measures]
    assert ids(client.get("/api/v1/measures?feld=anderes-feld")) == []
    assert ids(client.get("/api/v1/places?art=amt")) == ["amt-elbtal-land"]


def test_each_site_sees_only_its_own_concept(concept, client, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "zweiter.example"]
    home = HomePageFactory(title="Zweites Konzept", slug="zweites", county="Landkreis Zwei")
    SiteFactory(root_page=home, hostname="zweiter.example", is_default_site=False)
    approach = branch(home, "Zweites Feld")
    MeasureFactory(approach=approach, key="nur-im-zweiten", text="<p>Nur im zweiten Konzept</p>")
    publish(approach)
    assert ids(client.get("/api/v1/measures", HTTP_HOST="zweiter.example")) == ["nur-im-zweiten"]
    assert "nur-im-zweiten" not in ids(client.get("/api/v1/measures"))
    assert client.get("/api/v1/", HTTP_HOST="zweiter.example").json()["county"] == "Landkreis Zwei"


def test_etag_and_last_modified_answer_304_until_something_changes(concept, client):
    first = client.get("/api/v1/measures")
    assert first["ETag"] and first["Last-Modified"]
    assert client.get("/api/v1/measures", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get("/api/v1/measures", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    Project.objects.filter(key="azubi-ticket").update(live=False)
    assert client.get("/api/v1/measures", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_last_modified_moves_with_a_publication(concept, client, django_capture_on_commit_callbacks):
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    ContentVersion.objects.update_or_create(site=concept.site, defaults={"changed_at": an_hour_ago})
    before = client.get("/api/v1/measures")["Last-Modified"]
    assert client.get("/api/v1/measures", HTTP_IF_MODIFIED_SINCE=before).status_code == 304
    idea = Project.objects.get(key="azubi-ticket")
    idea.title = "Azubi-Ticket für alle"
    with django_capture_on_commit_callbacks(execute=True):
        idea.save_revision().publish()
    after = client.get("/api/v1/measures", HTTP_IF_MODIFIED_SINCE=before)
    assert after.status_code == 200
    assert parse_http_date(after["Last-Modified"]) > parse_http_date(before)


def test_cors_allows_reading_from_any_origin(concept, client):
    response = client.get("/api/v1/measures", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/measures", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert client.post("/api/v1/measures").status_code == 405  # read-only
    head = client.head("/api/v1/measures")
    assert head.status_code == 200 and head["ETag"] == response["ETag"] and head.content == b""


def test_rate_limit_answers_429_in_german(concept, client, settings):
    settings.KEK_API_RATE = "2/m"
    assert client.get("/api/v1/themes").status_code == 200
    assert client.get("/api/v1/themes").status_code == 200
    refused = client.get("/api/v1/themes")
    assert refused.status_code == 429
    assert "Zu viele Anfragen" in refused.json()["detail"]
    assert int(refused["Retry-After"]) >= 1


COUNT_IN_ANOTHER_PROCESS = """
import django; django.setup()
from django.test import RequestFactory
from kek.opendata.api import ClientThrottle
print(ClientThrottle().allow_request(RequestFactory().get("/api/v1/themes", REMOTE_ADDR="127.0.0.1")))
"""


def test_rate_limit_counts_across_worker_processes(concept, client, settings):
    """gunicorn runs several processes: a limit counted per process would let each address have
    the published number of requests once per worker."""
    settings.KEK_API_RATE = "2/m"
    assert client.get("/api/v1/themes").status_code == 200
    assert client.get("/api/v1/themes").status_code == 200
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"], "KEK_API_RATE": "2/m"}
    other = subprocess.run([sys.executable, "-c", COUNT_IN_ANOTHER_PROCESS], env=env, capture_output=True, text=True)
    assert other.stdout.strip() == "False", other.stderr  # the other process sees this one's two requests


def test_openapi_schema_lists_every_dataset(concept, client):
    schema = client.get("/api/v1/openapi.json").json()
    for name in ("fields", "goals", "sub-goals", "approaches", "measures", "projects", "ideas", "themes", "places"):
        assert f"/api/v1/{name}" in schema["paths"]
    measure = schema["components"]["schemas"]["MeasuresRecord"]["properties"]
    assert measure["id"]["description"] == "Dauerhafter Schlüssel der Maßnahme"


def test_query_count_does_not_grow_with_the_content(concept, client):
    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    urls = ("/api/v1/measures", "/api/v1/projects", "/api/v1/approaches")
    for url in urls:  # fill the process-wide caches (content types) first: they are not per content
        queries(url)
    before = {url: queries(url) for url in urls}
    for n in range(5):
        MeasureFactory(approach=concept.approach, key=f"mehr-{n}", themes=[concept.theme])
    approach = branch(concept.home, "Noch ein Feld")
    MeasureFactory(approach=approach, key="ganz-neu")
    publish(concept.approach, approach)
    assert {url: queries(url) for url in before} == before
