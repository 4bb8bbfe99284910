"""On the KEK 2030 as decided: every item starts exactly where the concept puts it, nothing invented."""

import pytest

from kek.plan.models import Project

from .test_pages import overview_counts, text

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]


def test_the_decided_concept_starts_honestly(client):
    counts = overview_counts(client)
    assert counts["Zusammen"] == [226, 87, 78]
    assert counts["noch nicht bewertet"] == [226, 0, 0]
    assert counts["laufend"] == [0, 87, 0]
    assert counts["Idee"] == [0, 0, 78]
    assert sum(sum(row) for label, row in counts.items() if label != "Zusammen") == 226 + 87 + 78
    running = Project.objects.filter(kind="running").order_by("pk").first()
    idea = Project.objects.filter(kind="idea").order_by("pk").first()
    assert "laufend (Stand 12.10.2017)" in text(client.get(f"/projekte/{running.key}/"))
    assert "Idee (Stand 12.10.2017)" in text(client.get(f"/projekte/{idea.key}/"))
