"""The visitors' forms: a proposal, a support. Both carry a honeypot and a signed time stamp.

A robot fills the invisible field or sends the form within a moment of loading it; a person does
neither. Both are refused with a polite message and the typed text kept, in case a person was
wrong-footed after all (an autofill filling the invisible field).
"""

import html
import time
import uuid

import nh3
from django import forms
from django.conf import settings
from django.core import signing
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from kek.core.forms import KernForm
from kek.places.models import Place, SubRegionPage
from kek.plan.models import ApproachPage, FieldOfActionPage
from kek.plan.tree import field_path

from .models import Comment, PriorityRound, Proposal, Subscription

STARTED = "kek.participation.form-started"
INPUT = {"class": "kern-form-input__input"}
ONLY_A_HASH = _("Sie bekommen einen Link zum Bestätigen. Gespeichert wird nur ein Prüfwert, nicht die Adresse.")


class Honeypot(forms.TextInput):
    """A text input that the page hides from people (CSS `kek-hp`, out of the tab order)."""

    is_hidden = True  # rendered with the hidden fields, outside the visible list


def plain_text(value: str, what: str) -> str:
    """`value` unless it holds HTML markup (nh3 finds it as a browser would); then a German error."""
    if html.unescape(nh3.clean(value, tags=set())) != value:
        raise forms.ValidationError(
            _("Bitte schreiben Sie %(what)s als einfachen Text, ohne HTML-Auszeichnungen wie <b> oder <a>."),
            params={"what": what},
            code="markup",
        )
    return value


def email_field(help_text: str, *, required: str = _("Bitte geben Sie Ihre E-Mail-Adresse an.")) -> forms.EmailField:
    """The visitor's address, as every form of the dialogue asks for it; only what it is for differs."""
    return forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        max_length=254,
        help_text=help_text,
        widget=forms.EmailInput(attrs={**INPUT, "autocomplete": "email"}),
        error_messages={
            "required": required,
            "invalid": _("Bitte geben Sie eine E-Mail-Adresse in der Form name@beispiel.de an."),
        },
    )


def author_name_field(help_text: str) -> forms.CharField:
    """The optional name or pseudonym shown with what the visitor writes; `help_text` says where."""
    return forms.CharField(
        label=_("Name oder Pseudonym"),
        required=False,
        max_length=100,
        help_text=help_text,
        widget=forms.TextInput(attrs={**INPUT, "autocomplete": "nickname"}),
        error_messages={"max_length": _("Bitte kürzen Sie den Namen auf höchstens %(limit_value)d Zeichen.")},
    )


def consent_field() -> forms.BooleanField:
    """The consent to the privacy notice shown at the form (Art. 13 GDPR), the same on every form."""
    return forms.BooleanField(
        label=_("Ich habe die Datenschutzhinweise zu diesem Formular gelesen."),
        error_messages={"required": _("Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben.")},
        widget=forms.CheckboxInput(attrs={"class": "kern-form-check__input"}),
    )


class GuardedForm(KernForm):
    """Honeypot and time check for every visitor form of the dialogue."""

    website = forms.CharField(
        required=False,
        label=_("Bitte leer lassen"),
        widget=Honeypot(attrs={"class": "kek-hp", "tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=STARTED)

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _(
                    "Ihre Angaben konnten so nicht angenommen werden. Bitte lassen Sie das Feld „Bitte leer lassen“ leer."
                ),
                code="honeypot",
            )
        try:
            started = float(signing.loads(self.data.get(self.add_prefix("started"), ""), salt=STARTED, max_age=86400))
        except (signing.BadSignature, TypeError, ValueError):
            self._restart()
            raise forms.ValidationError(
                _(
                    "Das Formular war zu lange geöffnet oder ist unvollständig angekommen. Ihre Angaben sind noch da: bitte senden Sie es noch einmal."
                ),
                code="stale",
            ) from None
        if time.time() - started < settings.KEK_FORM_MIN_SECONDS:
            raise forms.ValidationError(
                _("Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie das Formular noch einmal."),
                code="too_fast",
            )
        return cleaned

    def _restart(self) -> None:
        """A fresh time stamp for the form shown again (the old one is damaged or too old)."""
        self.data = self.data.copy()
        self.data[self.add_prefix("started")] = signing.dumps(time.time(), salt=STARTED)


class GroupedApproaches(ModelChoiceIterator):
    """The approaches in the concept's order, one <optgroup> per Handlungsfeld: a long list a person
    can scan without JavaScript (approach-filter.js adds filtering as you type). Two queries, when
    the form is shown; validating a choice needs neither."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        approaches = list(self.queryset.only("title", "path"))
        paths = {field_path(approach.path) for approach in approaches}
        titles = dict(FieldOfActionPage.objects.filter(path__in=paths).values_list("path", "title"))
        groups: dict[str, list] = {}
        for approach in approaches:
            groups.setdefault(field_path(approach.path), []).append(self.choice(approach))
        for path, choices in groups.items():
            yield (titles.get(path, ""), choices)


class ApproachChoiceField(forms.ModelChoiceField):
    iterator = GroupedApproaches

    def label_from_instance(self, obj: ApproachPage) -> str:
        return obj.title


class ProposalForm(GuardedForm):
    token = forms.UUIDField(widget=forms.HiddenInput, required=False)  # one per displayed form: stored once
    title = forms.CharField(
        label=_("Titel Ihres Vorschlags"),
        max_length=Proposal.TITLE_MAX,
        min_length=5,
        widget=forms.TextInput(attrs={**INPUT, "autocomplete": "off"}),
        error_messages={
            "required": _("Bitte geben Sie Ihrem Vorschlag einen Titel."),
            "min_length": _("Bitte geben Sie einen Titel mit mindestens 5 Zeichen an."),
            "max_length": _("Bitte kürzen Sie den Titel auf höchstens %(limit_value)d Zeichen (jetzt %(show_value)d)."),
        },
    )
    description = forms.CharField(
        label=_("Beschreibung"),
        min_length=20,
        max_length=Proposal.DESCRIPTION_MAX,
        help_text=_("Was schlagen Sie vor, und was soll es bewirken? Höchstens 4000 Zeichen."),
        widget=forms.Textarea(attrs={**INPUT, "rows": 8}),
        error_messages={
            "required": _("Bitte beschreiben Sie Ihren Vorschlag."),
            "min_length": _("Bitte beschreiben Sie Ihren Vorschlag in mindestens 20 Zeichen."),
            "max_length": _(
                "Bitte kürzen Sie die Beschreibung auf höchstens %(limit_value)d Zeichen (jetzt %(show_value)d)."
            ),
        },
    )
    approach = ApproachChoiceField(
        label=_("Handlungsansatz"),
        queryset=ApproachPage.objects.none(),
        help_text=_("Zu welchem Handlungsansatz des Konzepts gehört Ihr Vorschlag?"),
        empty_label=_("Bitte wählen"),
        widget=forms.Select(
            attrs={
                **INPUT,
                "data-approach-filter": _("Handlungsansätze filtern"),
                "data-filter-hint": _("Tippen Sie ein Stichwort; die Liste zeigt dann nur passende Handlungsansätze."),
                "data-filter-one": _("1 Handlungsansatz passt."),
                "data-filter-many": _("{n} Handlungsansätze passen."),
                "data-filter-none": _("Kein Handlungsansatz passt. Bitte versuchen Sie ein anderes Stichwort."),
            }
        ),
        error_messages={
            "required": _("Bitte wählen Sie den Handlungsansatz, zu dem Ihr Vorschlag gehört."),
            "invalid_choice": _("Bitte wählen Sie einen Handlungsansatz aus der Liste."),
        },
    )
    sub_region = forms.ModelChoiceField(
        label=_("Teilraum"),
        required=False,
        queryset=SubRegionPage.objects.none(),
        widget=forms.Select(attrs=INPUT),
        error_messages={"invalid_choice": _("Bitte wählen Sie einen Teilraum aus der Liste.")},
    )
    place = forms.ModelChoiceField(
        label=_("Gemeinde oder Stadt"),
        required=False,
        queryset=Place.objects.none(),
        widget=forms.Select(attrs=INPUT),
        error_messages={"invalid_choice": _("Bitte wählen Sie einen Ort aus der Liste.")},
    )
    author_name = author_name_field(_("Wird mit dem Vorschlag veröffentlicht. Ohne Angabe steht dort „anonym“."))
    email = email_field(
        _("Für den Bestätigungslink und Nachrichten zu Ihrem Vorschlag. Sie wird nicht veröffentlicht."),
        required=_("Bitte geben Sie Ihre E-Mail-Adresse an, damit Sie den Vorschlag bestätigen können."),
    )
    consent = consent_field()

    def __init__(self, *args, home_path: str, **kwargs):
        super().__init__(*args, **kwargs)
        pages = {"path__startswith": home_path}
        self.fields["approach"].queryset = ApproachPage.objects.live().filter(**pages).order_by("path")
        self.fields["sub_region"].queryset = SubRegionPage.objects.live().filter(**pages).order_by("path")
        self.fields["place"].queryset = Place.objects.of_site_at(home_path).exclude(kind=Place.Kind.OFFICE)
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4())

    def clean_title(self) -> str:
        return plain_text(self.cleaned_data["title"].strip(), _("den Titel"))

    def clean_description(self) -> str:
        return plain_text(self.cleaned_data["description"].strip(), _("die Beschreibung"))

    def clean_author_name(self) -> str:
        return plain_text(self.cleaned_data["author_name"].strip(), _("den Namen"))

    def clean_token(self) -> uuid.UUID:
        return self.cleaned_data.get("token") or uuid.uuid4()

    def clean(self) -> dict:
        cleaned = super().clean()
        place = cleaned.get("place")
        if place is not None and cleaned.get("sub_region") is None and place.sub_region_slug:
            cleaned["sub_region"] = self.fields["sub_region"].queryset.filter(slug=place.sub_region_slug).first()
        return cleaned


class CommentForm(GuardedForm):
    """A comment on a public proposal; it appears once the author confirmed it and the Moderation
    published it. Prefixed, because it shares the proposal's page with the support form."""

    prefix = "kommentar"
    token = forms.UUIDField(widget=forms.HiddenInput, required=False)  # one per displayed form: stored once
    text = forms.CharField(
        label=_("Ihr Kommentar"),
        min_length=5,
        max_length=Comment.TEXT_MAX,
        help_text=_("Höchstens 2000 Zeichen. Er erscheint, nachdem die Moderation ihn geprüft hat."),
        widget=forms.Textarea(attrs={**INPUT, "rows": 5}),
        error_messages={
            "required": _("Bitte schreiben Sie Ihren Kommentar."),
            "min_length": _("Bitte schreiben Sie einen Kommentar mit mindestens 5 Zeichen."),
            "max_length": _(
                "Bitte kürzen Sie den Kommentar auf höchstens %(limit_value)d Zeichen (jetzt %(show_value)d)."
            ),
        },
    )
    author_name = author_name_field(_("Wird mit dem Kommentar veröffentlicht. Ohne Angabe steht dort „anonym“."))
    email = email_field(
        _("Für den Bestätigungslink. Sie wird nicht veröffentlicht."),
        required=_("Bitte geben Sie Ihre E-Mail-Adresse an, damit Sie den Kommentar bestätigen können."),
    )
    consent = consent_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4())

    def clean_text(self) -> str:
        return plain_text(self.cleaned_data["text"].strip(), _("den Kommentar"))

    def clean_author_name(self) -> str:
        return plain_text(self.cleaned_data["author_name"].strip(), _("den Namen"))

    def clean_token(self) -> uuid.UUID:
        return self.cleaned_data.get("token") or uuid.uuid4()


class SupportForm(GuardedForm):
    email = email_field(ONLY_A_HASH)
    consent = consent_field()


class SubscriptionForm(GuardedForm):
    email = email_field(_("Sie bekommen einen Link zum Bestätigen. Die Adresse wird nicht veröffentlicht."))
    frequency = forms.ChoiceField(
        label=_("Wie oft möchten Sie eine E-Mail?"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.WEEKLY,
        widget=forms.RadioSelect(attrs={"class": "kern-form-check__input"}),
        error_messages={"required": _("Bitte wählen Sie, wie oft Sie eine E-Mail möchten.")},
    )
    consent = consent_field()


class RoundJoinForm(GuardedForm):
    """Taking part in a public priority round: the address gets the confirmation link."""

    email = email_field(ONLY_A_HASH)
    consent = consent_field()


class RoundCodeForm(GuardedForm):
    """Taking part with a printed one-time code."""

    code = forms.CharField(
        label=_("Ihr Code"),
        help_text=_("Der Code steht auf dem Zettel, den Sie erhalten haben, z. B. ABCDE-FGH23."),
        max_length=20,
        widget=forms.TextInput(attrs={**INPUT, "autocomplete": "off", "autocapitalize": "characters"}),
    )


class RatingForm(KernForm):
    """One choice on the fixed scale per approach of the round, all required.

    No honeypot or time check here: only a holder of a personal link reaches this form, and
    sending it again only changes that person's own ratings."""

    def __init__(self, *args, approaches: list[ApproachPage], **kwargs):
        super().__init__(*args, **kwargs)
        self.approaches = approaches
        for approach in approaches:
            self.fields[f"ansatz_{approach.pk}"] = forms.TypedChoiceField(
                label=approach.title,
                choices=[(value, label) for value, label in PriorityRound.SCALE],
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "kern-form-check__input"}),
                error_messages={
                    "required": _("Bitte wählen Sie eine Bewertung für diesen Handlungsansatz."),
                    "invalid_choice": _("Bitte wählen Sie eine Bewertung von 1 bis 5 aus der Liste."),
                },
            )

    def ratings(self) -> dict[int, int]:
        return {a.pk: self.cleaned_data[f"ansatz_{a.pk}"] for a in self.approaches}
