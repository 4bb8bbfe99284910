"""What the history compares for a project or idea (pages describe themselves: change_sections)."""

from django.utils.translation import gettext as _

from kek.core.richtext import text_of
from kek.plan.models import Measure, Project


def project_sections(project: Project) -> dict[str, list[str]]:
    measure = Measure.objects.filter(pk=project.measure_id).first()
    sections = {
        _("Titel"): [project.title],
        _("Art"): [project.get_kind_display()],
        _("Maßnahme"): [text_of(measure.text)] if measure else [],
        _("Externer Link"): [project.url] if project.url else [],
        _("Beschreibung"): [project.description] if project.description else [],
    }
    return {key: value for key, value in sections.items() if value}
