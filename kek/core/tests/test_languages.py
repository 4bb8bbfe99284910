"""English interface at /en/: the page frame's own pages. (Concept pages in English:
kek/plan/tests/test_languages.py; forms: kek/legal/tests.)"""

import pytest

pytestmark = pytest.mark.django_db


def test_english_404(client):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'lang="en"' in response.content.decode()
