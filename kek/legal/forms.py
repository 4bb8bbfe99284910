"""The barrier feedback form."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from kek.core.forms import KernForm


class BarrierReportForm(KernForm):
    # One token per displayed form: sending the same form twice stores it once.
    token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    page_url = forms.CharField(
        label=_("Auf welcher Seite ist die Barriere?"),
        required=False,
        max_length=500,
        help_text=_("Adresse oder Titel der Seite."),
        widget=forms.TextInput(attrs={"class": "kern-form-input__input", "autocomplete": "off"}),
    )
    description = forms.CharField(
        label=_("Was ist die Barriere?"),
        min_length=10,
        max_length=5000,
        help_text=_("Beschreiben Sie bitte, was nicht funktioniert hat und welches Hilfsmittel Sie nutzen."),
        widget=forms.Textarea(attrs={"class": "kern-form-input__input", "rows": 6}),
        error_messages={
            "required": _("Bitte beschreiben Sie die Barriere."),
            "min_length": _("Bitte beschreiben Sie die Barriere in mindestens 10 Zeichen."),
            "max_length": _("Bitte fassen Sie sich kürzer (höchstens 5000 Zeichen)."),
        },
    )
    name = forms.CharField(
        label=_("Ihr Name"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "kern-form-input__input", "autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        required=False,
        help_text=_("Nur nötig, wenn Sie eine Antwort möchten."),
        widget=forms.EmailInput(attrs={"class": "kern-form-input__input", "autocomplete": "email"}),
        error_messages={"invalid": _("Bitte geben Sie eine E-Mail-Adresse in der Form name@beispiel.de an.")},
    )

    def clean_token(self) -> uuid.UUID:
        return self.cleaned_data.get("token") or uuid.uuid4()
