"""Public forms render with KERN UX markup and an error summary, like GOV.UK forms."""

import codecs

from django import forms
from django.forms.renderers import DjangoTemplates
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _


class KernFormRenderer(DjangoTemplates):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class MisdeclaredFormData(QueryDict):
    """Form data sent with a charset other than UTF-8, read as well as it can be.

    HTML forms are always sent as UTF-8, and Django refuses anything else with an error that
    loses what was typed. FormCharsetMiddleware reads such data with the declared charset (or as
    UTF-8 when the charset is unknown) so a visitor form can show the text back; every KernForm
    bound to it is invalid, so nothing read this way is stored.
    """

    def __init__(self, body: bytes, charset: str):
        try:
            codec = codecs.lookup(charset).name
        except LookupError:
            codec = "utf-8"
        ascii_compatible = "a=b".encode(codec, errors="replace") == b"a=b"
        try:
            text = body.decode("ascii")  # percent-encoded, as it should be
        except UnicodeDecodeError:
            text = body.decode(codec if ascii_compatible else "latin-1", errors="replace")
        super().__init__(text, encoding=codec)
        self.declared_charset = charset


class KernForm(forms.Form):
    """Base class for every form a visitor fills in."""

    default_renderer = KernFormRenderer()
    required_css_class = ""

    def full_clean(self) -> None:
        super().full_clean()
        if self.is_bound and isinstance(self.data, MisdeclaredFormData):
            self.add_error(
                None,
                _(
                    "Ihr Browser hat das Formular in einer anderen Zeichenkodierung als UTF-8 geschickt "
                    "(„%(charset)s“). Wir haben Ihre Angaben so gut wie möglich übernommen: Bitte prüfen Sie "
                    "sie unten, vor allem Umlaute und Sonderzeichen, und senden Sie das Formular noch einmal."
                )
                % {"charset": self.data.declared_charset[:40]},
            )
