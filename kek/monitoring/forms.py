"""Admin forms: which item a record belongs to, and what may be chosen for it, are permission and
site questions; published progress entries stay as they were published.

These forms know the models only through their own instance (`type(self.instance)`), so the
records can name them as their base form without an import cycle."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from kek.core.pages import home_path
from kek.core.sites import sites_for_user

# Entry fields that make up the public record; once published they do not change.
FIXED_ENTRY_FIELDS = ("date", "status")


class ImplementationForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        sites = sites_for_user(user) if user is not None else None
        if sites is not None:
            roots = [site.root_page.path for site in sites.select_related("root_page")]
            if "unit" in self.fields:
                self.fields["unit"].queryset = self.fields["unit"].queryset.filter(site__in=sites)
            if "places" in self.fields:
                self.fields["places"].queryset = self.fields["places"].queryset.filter(site__in=sites)
            if "sub_regions" in self.fields:
                regex = "^(" + "|".join(roots) + ")" if roots else "^$"
                self.fields["sub_regions"].queryset = self.fields["sub_regions"].queryset.filter(path__regex=regex)

    def clean(self):
        cleaned = super().clean()
        measure, project = cleaned.get("measure"), cleaned.get("project")
        if bool(measure) == bool(project):
            raise ValidationError(_("Bitte wählen Sie genau eines: eine Maßnahme oder ein Projekt bzw. eine Idee."))
        item = measure or project
        name = "measure" if measure else "project"
        original = (self.instance.measure_id, self.instance.project_id) if self.instance.pk else None
        if original is not None and original != (getattr(measure, "pk", None), getattr(project, "pk", None)):
            self.add_error(
                name, _("Ein Umsetzungsstand bleibt bei seinem Eintrag; legen Sie für einen anderen einen neuen an.")
            )
            return cleaned
        user = getattr(self, "for_user", None)
        if user is not None and not item.approach.permissions_for_user(user).can_edit():
            self.add_error(name, _("Sie dürfen nur den Umsetzungsstand von Einträgen Ihres Bereichs erfassen."))
            return cleaned
        others = type(self.instance).objects.filter(**{name: item}).exclude(pk=self.instance.pk)
        if others.exists():
            self.add_error(
                name, _("Für diesen Eintrag gibt es schon einen Umsetzungsstand. Bitte schreiben Sie ihn dort fort.")
            )
        home = home_path(item.approach.path)
        unit = cleaned.get("unit")
        if unit is not None and unit.site.root_page.path != home:
            self.add_error("unit", _("Die Stelle gehört zu einem anderen Konzept."))
        places, regions = cleaned.get("places") or [], cleaned.get("sub_regions") or []
        if project is not None and (places or regions):
            self.add_error("places", _("Orte und Teilräume eines Projekts tragen Sie im Projekt selbst ein."))
        if any(p.site.root_page.path != home for p in places) or any(not r.path.startswith(home) for r in regions):
            self.add_error("places", _("Orte und Teilräume müssen zum selben Konzept gehören."))
        return cleaned

    def validate_unique(self):
        """Our message for a second record of the same item says what to do; Django's would not."""
        if not {"measure", "project"} & set(self.errors):
            super().validate_unique()

    def is_valid(self) -> bool:
        valid = super().is_valid()
        return self._published_entries_kept() and valid

    def _published_entries_kept(self) -> bool:
        """Entries of the published record are kept for good: not deleted, date and status unchanged
        (their wording may be corrected; every revision keeps the earlier one)."""
        formset = self.formsets.get("entries") if hasattr(self, "formsets") else None
        if formset is None or not self.instance.pk or not self.instance.live:
            return True
        published = {e.pk: e for e in type(self.instance).objects.get(pk=self.instance.pk).entries.all()}
        kept = True
        for form in formset.forms:
            entry = published.get(form.instance.pk)
            if entry is None or not hasattr(form, "cleaned_data"):
                continue
            if form.cleaned_data.get("DELETE"):
                form.add_error(None, _("Veröffentlichte Einträge bleiben erhalten und können nicht gelöscht werden."))
                kept = False
            elif any(form.cleaned_data.get(f) != getattr(entry, f) for f in FIXED_ENTRY_FIELDS):
                form.add_error(
                    None,
                    _(
                        "Datum und Stand eines veröffentlichten Eintrags bleiben, wie sie sind. "
                        "Für eine Änderung schreiben Sie bitte einen neuen Eintrag."
                    ),
                )
                kept = False
        return kept


class UnitForm(WagtailAdminModelForm):
    """Offers only the sites the editor works on."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        sites = sites_for_user(user) if user is not None else None
        if sites is not None and "site" in self.fields:
            self.fields["site"].queryset = sites
