"""The monitoring's implementation state in the API and the CSV files: status, its date and
origin, the responsible unit, the last update; the filter `stand` as on the site's list."""

import csv
import datetime
import io

import pytest

from kek.monitoring.tests.factories import record, unit
from kek.monitoring.vocabulary import Status

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 3, 14)


def items(response) -> dict[str, dict]:
    assert response.status_code == 200, response.content
    return {item["id"]: item for item in response.json()["items"]}


def test_items_without_entries_show_the_starting_point_of_the_decision(concept, client):
    decided = concept.home.decided_on.isoformat()
    measure = items(client.get("/api/v1/measures"))[concept.measures[0].key]
    assert (measure["status"], measure["status_date"], measure["status_origin"]) == ("not_assessed", None, "decision")
    assert measure["status_label"] == "noch nicht bewertet" and measure["implementing_unit"] is None
    project = items(client.get("/api/v1/projects"))[concept.running[0].key]
    assert (project["status"], project["status_date"], project["status_origin"]) == ("running", decided, "decision")
    idea = items(client.get("/api/v1/ideas"))[concept.ideas[0].key]
    assert (idea["status"], idea["status_label"]) == ("idea", "Idee")


def test_published_entry_sets_status_date_unit_and_last_update(concept, client):
    office = unit(concept.site, "Fachdienst Schule")
    record(concept.ideas[0], (DAY, Status.PLANNED, "Gespräche laufen."), unit=office)
    idea = items(client.get("/api/v1/ideas"))[concept.ideas[0].key]
    assert (idea["status"], idea["status_label"], idea["status_date"]) == ("planned", "geplant", DAY.isoformat())
    assert idea["status_origin"] == "entry" and idea["implementing_unit"] == "Fachdienst Schule"
    assert idea["last_updated"] >= DAY.isoformat()


def test_unapproved_entries_stay_out_of_the_open_data(concept, client):
    record(concept.measures[0], (DAY, Status.DROPPED, "Nie freigegeben"), publish=False)
    assert items(client.get("/api/v1/measures"))[concept.measures[0].key]["status"] == "not_assessed"


def test_stand_filter_takes_the_values_of_the_sites_list(concept, client):
    record(concept.measures[0], (DAY, Status.IMPLEMENTING, "Neubau begonnen."))
    implementing = client.get("/api/v1/measures?stand=implementing")
    assert list(items(implementing)) == [concept.measures[0].key]
    assert concept.measures[0].key not in items(client.get("/api/v1/measures?stand=not_assessed"))
    assert list(items(client.get("/api/v1/ideas?stand=idea"))) == [p.key for p in concept.ideas]
    unknown = client.get("/api/v1/projects?stand=fertig")
    assert unknown.status_code == 422
    assert unknown.json()["detail"].startswith("Die Anfrage enthält eine ungültige Angabe")


def test_schema_lists_the_status_vocabulary(concept, client):
    schema = client.get("/api/v1/openapi.json").json()
    parameters = schema["paths"]["/api/v1/measures"]["get"]["parameters"]
    stand = next(p for p in parameters if p["name"] == "stand")
    # exactly the choices of the site's list filter `stand` (kek/monitoring/filters.py)
    assert stand["schema"]["anyOf"][0]["enum"] == list(Status.values)


def test_csv_carries_the_status_columns(concept, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record(concept.running[0], (DAY, Status.COMPLETED, "Fertig."))
    data = client.get("/daten/projekte.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data, newline=""), delimiter=";"))
    header = rows[0]
    assert {"status", "status_label", "status_date", "status_origin", "implementing_unit", "last_updated"} <= set(
        header
    )
    row = dict(zip(header, next(r for r in rows if r[0] == concept.running[0].key), strict=True))
    assert (row["status"], row["status_label"], row["status_date"]) == ("completed", "abgeschlossen", "2025-03-14")
