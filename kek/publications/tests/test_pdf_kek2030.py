"""The PDF of the whole KEK 2030 holds every Handlungsansatz and every measure, and poppler renders it."""

import pytest

from kek.core.richtext import text_of
from kek.plan.models import ApproachPage, Measure
from kek.publications.pdf import PDF_FILE

from .pdf_text import pdf_text, render_first_page, squeezed

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]


def test_pdf_of_the_kek2030_holds_every_approach_and_measure(tmp_path):
    from wagtail.models import Site

    path = tmp_path / "kek2030.pdf"
    path.write_bytes(PDF_FILE.build(Site.objects.get(is_default_site=True)))
    text = squeezed(pdf_text(path, body_only=True))
    approaches = list(ApproachPage.objects.live())
    measures = list(Measure.objects.all())
    assert (len(approaches), len(measures)) == (49, 226)
    missing = [a.title for a in approaches if squeezed(a.title) not in text]
    missing += [m.key for m in measures if squeezed(text_of(m.text)) not in text]
    assert missing == []
    assert render_first_page(path, tmp_path).stat().st_size > 1000
