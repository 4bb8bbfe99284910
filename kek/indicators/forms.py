"""Admin forms: the indicator form (where an indicator goes is a permission question too) and the
CSV upload."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from kek.core.sites import sites_for_user

from .permissions import covers, granted_paths

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class IndicatorForm(WagtailAdminModelForm):
    """Offers the sites and Teilziele the editor works on; every link the editor adds or removes
    must lie where the editor may edit, and all pages must belong to the indicator's site."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        self.paths = None if user is None or user.is_superuser else granted_paths(user, ["change"])
        sites = sites_for_user(user) if user is not None else None
        if sites is not None and "site" in self.fields:
            self.fields["site"].queryset = sites
        for name in ("sub_goals", "approaches"):
            if name in self.fields and sites is not None:
                roots = [site.root_page.path for site in sites.select_related("root_page")]
                self.fields[name].queryset = self.fields[name].queryset.filter(path__regex=_prefix_regex(roots))

    def _may_edit(self, page) -> bool:
        return self.paths is None or covers(self.paths, page.path)

    def _check_links(self, name: str, site: Site | None) -> None:
        chosen = set(self.cleaned_data.get(name) or [])
        before = set(getattr(self.instance, name).all()) if self.instance.pk else set()
        if site is not None and any(not page.path.startswith(site.root_page.path) for page in chosen):
            self.add_error(name, _("Alle verknüpften Seiten müssen zum Konzept der gewählten Site gehören."))
        if any(not self._may_edit(page) for page in chosen ^ before):
            self.add_error(name, _("Sie dürfen nur Seiten verknüpfen oder lösen, die Sie bearbeiten dürfen."))

    def clean(self):
        cleaned = super().clean()
        site = cleaned.get("site")
        redaktion = self.paths is None or (site is not None and covers(self.paths, site.root_page.path))
        if site is not None and self.instance.pk and site.pk != self.instance.site_id and not redaktion:
            self.add_error("site", _("Nur die Redaktion kann einen Indikator einer anderen Site zuordnen."))
        self._check_links("sub_goals", site)
        self._check_links("approaches", site)
        own = any(self._may_edit(p) for p in cleaned.get("sub_goals") or [])
        if "sub_goals" not in self.errors and not redaktion and not own:
            self.add_error("sub_goals", _("Mindestens ein Teilziel muss in Ihrem Bereich liegen."))
        return cleaned


def _prefix_regex(paths: list[str]) -> str:
    return "^(" + "|".join(paths) + ")" if paths else "^$"


class ValuesUploadForm(forms.Form):
    site = forms.ModelChoiceField(queryset=Site.objects.none(), label=_("Site"))
    file = forms.FileField(
        label=_("CSV-Datei"),
        help_text=_("UTF-8, Semikolon-getrennt, Spalten indikator;jahr;wert;quelle;stand, Zahlen wie 1.234,5."),
    )

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        if sites.count() == 1:
            self.fields["site"].initial = sites.first()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("Die Datei ist größer als 2 MB."))
        return upload
