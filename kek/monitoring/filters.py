"""The filters of the list of all measures, projects and ideas: a plain GET form whose values stay
in the URL, so a filtered list can be bookmarked and shared. Filters combine (all must hold).

A Django form checks the values (unknown ones are an error, answered with 400 and a German
message); filtering then runs over the loaded items, so the list shows exactly what the overview
counts."""

from collections.abc import Callable

from django import forms
from django.utils.translation import gettext_lazy as _

from kek.core.forms import KernForm
from kek.places.models import Place

from .items import Concept, Item, ItemKind
from .records import OrganisationalUnit
from .vocabulary import Programme, Status

NO_UNIT = "ohne"
SORTINGS = [
    ("konzept", _("Reihenfolge im Konzept")),
    ("neueste", _("Zuletzt aktualisiert zuerst")),
    ("aelteste", _("Am längsten nicht aktualisiert zuerst")),
]
SELECT = forms.Select(attrs={"class": "kern-form-input__select"})


ALL = _("alle")


def _choices(pairs) -> list[tuple[str, str]]:
    return [("", ALL), *[(str(value), str(label)) for value, label in pairs]]


class ItemFilterForm(KernForm):
    """The filters; every choice list is that of the concept shown."""

    stand = forms.ChoiceField(label=_("Stand"), required=False, widget=SELECT)
    art = forms.ChoiceField(label=_("Art"), required=False, widget=SELECT)
    feld = forms.ChoiceField(label=_("Handlungsfeld"), required=False, widget=SELECT)
    stelle = forms.ChoiceField(label=_("Verantwortliche Stelle"), required=False, widget=SELECT)
    teilraum = forms.ChoiceField(label=_("Teilraum"), required=False, widget=SELECT)
    ort = forms.ChoiceField(label=_("Ort"), required=False, widget=SELECT)
    thema = forms.ChoiceField(label=_("Querschnittsthema"), required=False, widget=SELECT)
    foerderung = forms.ChoiceField(label=_("Finanzierung"), required=False, widget=SELECT)
    sortierung = forms.ChoiceField(label=_("Sortierung"), required=False, choices=SORTINGS, widget=SELECT)

    def __init__(self, data, *, concept: Concept, fields, regions, themes, **kwargs):
        super().__init__(data, **kwargs)
        self.places = {p.slug: p for p in Place.objects.filter(site=concept.site).prefetch_related("members")}
        units = OrganisationalUnit.objects.filter(site=concept.site).only("pk", "name")
        choices = self.fields
        choices["stand"].choices = _choices(Status.choices)
        choices["art"].choices = _choices(ItemKind.choices)
        choices["feld"].choices = _choices((f.slug, f.title) for f in fields)
        choices["stelle"].choices = _choices([*((u.pk, u.name) for u in units), (NO_UNIT, _("keine eingetragen"))])
        choices["teilraum"].choices = _choices((r.slug, r.title) for r in regions)
        choices["ort"].choices = _choices((p.slug, p.name) for p in self.places.values())
        choices["thema"].choices = _choices((t.slug, t.title) for t in themes)
        choices["foerderung"].choices = _choices(Programme.choices)
        self.region_ids = {r.slug: r.pk for r in regions}

    @property
    def active(self) -> dict[str, str]:
        """The chosen filters (valid form), for the URL of each page of results."""
        return {k: v for k, v in self.cleaned_data.items() if v and k != "sortierung"}

    def tests(self) -> list[Callable[[Item], bool]]:
        values = self.cleaned_data
        tests = []
        if status := values.get("stand"):
            tests.append(lambda item: item.state.status == status)
        if kind := values.get("art"):
            tests.append(lambda item: item.kind == kind)
        if field_slug := values.get("feld"):
            tests.append(lambda item: item.field is not None and item.field.slug == field_slug)
        if unit := values.get("stelle"):
            if unit == NO_UNIT:
                tests.append(lambda item: item.unit is None)
            else:
                tests.append(lambda item: item.unit is not None and str(item.unit.pk) == unit)
        if region := values.get("teilraum"):
            region_id = self.region_ids[region]
            tests.append(lambda item: region_id in item.sub_region_ids)
        if slug := values.get("ort"):
            place = self.places[slug]
            area = {place.pk, *(member.pk for member in place.members.all())}  # an Amt: also its Gemeinden
            tests.append(lambda item: any(p.pk in area for p in item.places))
        if theme := values.get("thema"):
            tests.append(lambda item: any(t.slug == theme for t in item.themes))
        if programme := values.get("foerderung"):
            tests.append(lambda item: programme in item.programmes)
        return tests

    def apply(self, items: list[Item]) -> list[Item]:
        tests = self.tests()
        chosen = [item for item in items if all(test(item) for test in tests)]
        sorting = self.cleaned_data.get("sortierung") or "konzept"
        if sorting == "neueste":
            chosen.sort(key=lambda item: item.last_update, reverse=True)  # stable: concept order within a day
        elif sorting == "aelteste":
            chosen.sort(key=lambda item: item.last_update)
        return chosen
