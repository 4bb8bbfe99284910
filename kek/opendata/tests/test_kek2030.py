"""The open data of the whole KEK 2030."""

import csv
import io

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]


def test_measures_list_holds_all_226_measures_in_the_concepts_order(client, content):
    expected = [
        measure.key
        for field in content.fields
        for goal in field.goals
        for sub_goal in goal.sub_goals
        for approach in sub_goal.approaches
        for measure in approach.measures
    ]
    first = client.get("/api/v1/measures").json()
    assert first["count"] == 226 == len(expected)
    pages = [client.get(f"/api/v1/measures?offset={offset}").json()["items"] for offset in range(0, 226, 100)]
    assert [item["id"] for page in pages for item in page] == expected
    assert len(client.get("/api/v1/approaches?limit=1000").json()["items"]) == 49


def test_measures_csv_holds_all_226_measures(client):
    text = client.get("/daten/massnahmen.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(rows) == 1 + 226
    assert len({row[0] for row in rows[1:]}) == 226
