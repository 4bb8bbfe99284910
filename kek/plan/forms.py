"""The admin form of projects and ideas: where they go is a permission question too."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kek.core.change_note import ChangeNoteModelForm


class ProjectForm(ChangeNoteModelForm):
    def clean_approach(self):
        """Whoever adds, edits or moves a project must be allowed to edit the approach it goes to
        (and, for the project it was, kek.plan.wagtail_hooks checks the approach it comes from)."""
        approach = self.cleaned_data.get("approach")
        user = getattr(self, "for_user", None)
        if approach is not None and user is not None and not approach.permissions_for_user(user).can_edit():
            raise ValidationError(
                _("Sie dürfen Projekte und Ideen nur in Handlungsansätzen anlegen, die Sie bearbeiten dürfen.")
            )
        return approach
