"""The change note an editor writes with each save; it appears in "Änderungen am KEK".

The note belongs to one revision only, so the edit form always starts with an empty note.
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
        if not self.is_bound and "change_note" in self.fields:
            self.initial["change_note"] = ""


class ChangeNotePageForm(_EmptyNote, WagtailAdminPageForm):
    pass


class ChangeNoteModelForm(_EmptyNote, WagtailAdminModelForm):
    pass
