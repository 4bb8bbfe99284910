"""The change note an editor writes with each save; it appears in "Änderungen am KEK".

The note describes the changes not yet published. Once everything is published the edit form
starts with an empty note; while changes wait for approval, their note stays (so the Redaktion
approving from the edit form does not wipe it).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm


def change_note_field() -> models.CharField:
    return models.CharField(
        _("Änderungsnotiz"),
        max_length=300,
        blank=True,
        help_text=_("Was haben Sie geändert und warum? Erscheint öffentlich unter „Änderungen am KEK“."),
    )


class _EmptyNote:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pending = getattr(self.instance, "has_unpublished_changes", False)
        if not self.is_bound and "change_note" in self.fields and not pending:
            self.initial["change_note"] = ""


class ChangeNotePageForm(_EmptyNote, WagtailAdminPageForm):
    pass


class ChangeNoteModelForm(_EmptyNote, WagtailAdminModelForm):
    pass
