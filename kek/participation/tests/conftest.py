import pytest

from kek.participation.services import ensure_page
from kek.plan.tests.fixtures import concept_fixtures

from .smtp import smtp_server

# The small concept with its "Mitmachen" page, as setup_site leaves every site.
module_concept, concept = concept_fixtures(lambda concept: ensure_page(concept.home))


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    """Test clients send forms at once; the time check has its own test."""
    settings.KEK_FORM_MIN_SECONDS = 0


@pytest.fixture
def smtp(settings):
    """A real SMTP server (aiosmtpd); every mail goes to it through the task backend (kek/background's
    TaskEmailBackend, run at once by the tests' immediate task backend)."""
    with smtp_server() as inbox:
        settings.EMAIL_BACKEND = "kek.background.mail.TaskEmailBackend"
        settings.KEK_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = inbox.port
        settings.EMAIL_USE_TLS = False
        yield inbox
