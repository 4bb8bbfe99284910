"""The concept as PDF on the small concept: every level in its text, tagged with title and language,
page numbers in the table of contents, rendered by poppler; rebuilt when the content changes."""

import re
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks import default_task_backend

from kek.core.richtext import text_of
from kek.plan.models import Project
from kek.publications import files
from kek.publications.models import ContentVersion, StoredFile
from kek.publications.pdf import PDF_FILE
from kek.publications.tasks import build_site_files, served

from .pdf_text import catalogue_entries, pdf_text, render_first_page, squeezed

pytestmark = pytest.mark.django_db


@pytest.fixture
def pdf_path(concept, tmp_path):
    path = tmp_path / "konzept.pdf"
    path.write_bytes(PDF_FILE.build(concept.site))
    return path


def test_pdf_holds_every_level_down_to_projects_and_ideas(concept, pdf_path):
    text = squeezed(pdf_text(pdf_path, body_only=True))
    for page in [concept.field, concept.goal, concept.sub_goal, *concept.approaches, concept.theme]:
        assert squeezed(page.title) in text, page.title
    for measure in concept.measures:
        assert squeezed(text_of(measure.text)) in text, measure.key
    for example in concept.running + concept.ideas:
        assert squeezed(example.title) in text, example.key
    assert squeezed("So lesen Sie die Beispiele") in text  # the legend
    assert squeezed("Redaktionelle Ergänzungen und Quellen") in text
    assert squeezed("(Link, Ergänzung: https://messe.musterland.example/)") in text


def test_pdf_has_title_page_contents_with_page_numbers_running_heads_and_page_numbers(concept, pdf_path):
    text = pdf_text(pdf_path)
    pages = text.split("\f")
    assert concept.home.title.split()[0] in pages[0] and "Stand der Inhalte" in pages[0]
    assert re.search(r"Handlungsfeld: Starke Wirtschaft – S\. \d+", text)
    total = len([p for p in pages if p.strip()])
    assert f"Seite 2 von {total}" in pages[1]
    field_pages = [p for p in pages if "Die Betriebe finden Fachkräfte" in p and "Inhalt" not in p]
    assert field_pages and all("Handlungsfeld: Starke Wirtschaft" in p for p in field_pages)


def test_pdf_is_tagged_in_german_with_the_concepts_title(concept, pdf_path):
    info = subprocess.run(["pdfinfo", str(pdf_path)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, flags=re.M)
    assert re.search(rf"^Title:\s+{re.escape(concept.home.title)}$", info, flags=re.M)
    assert re.search(rb"/Lang\s*\(de\)", catalogue_entries(pdf_path))


def test_pdf_renders_with_pdftoppm(pdf_path, tmp_path):
    image = render_first_page(pdf_path, tmp_path)
    assert image.stat().st_size > 1000


def test_the_worker_rebuilds_only_what_is_stale(concept, django_capture_on_commit_callbacks):
    assert PDF_FILE.name in build_site_files.call(concept.site.pk)
    assert build_site_files.call(concept.site.pk) == []  # nothing changed since
    idea = Project.objects.get(key="azubi-ticket")
    idea.title = "Azubi-Ticket für Bus, Bahn und Rufbus"
    with django_capture_on_commit_callbacks(execute=True):  # the publication queues the rebuild
        idea.save_revision().publish()
    stored = StoredFile.objects.get(site=concept.site, name=PDF_FILE.name)
    assert stored.content_at == files.changed_at(concept.site)
    assert squeezed("Azubi-Ticket für Bus, Bahn und Rufbus") in squeezed(pdf_text(Path(stored.file.path)))


def test_a_missing_file_is_built_on_request(concept):
    stored = files.current(concept.site, PDF_FILE)
    stored.file.storage.delete(stored.file.name)
    again = files.current(concept.site, PDF_FILE)
    assert again.file.storage.exists(again.file.name)


def test_a_stale_file_is_handed_out_at_once_while_the_worker_rebuilds_it(concept, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    first = files.build(concept.site, PDF_FILE)
    ContentVersion.objects.update_or_create(site=concept.site, defaults={"changed_at": timezone.now()})
    handed_out = served(concept.site, PDF_FILE)
    assert handed_out.pk == first.pk and handed_out.content_at == first.content_at  # no waiting
    queued = [r for r in default_task_backend.results if r.task.func is build_site_files.func]
    assert [r.args for r in queued] == [[concept.site.pk]]


def test_without_background_builds_a_stale_file_is_rebuilt_on_request(concept, settings):
    settings.KEK_BUILD_FILES = False
    first = files.build(concept.site, PDF_FILE)
    ContentVersion.objects.update_or_create(site=concept.site, defaults={"changed_at": timezone.now()})
    again = served(concept.site, PDF_FILE)
    assert again.content_at > first.content_at
