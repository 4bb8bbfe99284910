"""Public forms render with KERN UX markup and an error summary, like GOV.UK forms."""

from django import forms
from django.forms.renderers import DjangoTemplates


class KernFormRenderer(DjangoTemplates):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class KernForm(forms.Form):
    """Base class for every form a visitor fills in."""

    default_renderer = KernFormRenderer()
    required_css_class = ""
