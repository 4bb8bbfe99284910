"""Accounts and groups in the back office: only superusers hand out power.

The Administration manages accounts and groups, but must not be able to raise anyone, itself
included, to superuser or into the Administration, nor turn another group into a second
Administration. Wagtail's user and group screens are customised the way Wagtail 8 intends: our
own viewsets (``WagtailUsersConfig`` in apps.py names them) return guarded forms and views; the
bulk action "Rolle zuweisen" is checked by a hook in wagtail_hooks.py.
"""

from django import forms
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin import messages
from wagtail.users.forms import GroupForm, UserCreationForm, UserEditForm
from wagtail.users.views import groups, users

from .roles import ADMINISTRATION

ADMINISTRATION_ONLY_FOR_SUPERUSERS = _("Nur Superuser können die Rolle „Administration“ vergeben.")
# Permissions that let a group manage accounts or groups: together they are the Administration.
POWER_PERMISSIONS = [f"{action}_{model}" for model in ("user", "group") for action in ("add", "change", "delete")]


def may_hand_out_power(user: AbstractBaseUser) -> bool:
    return bool(user.is_superuser)


def power_permissions() -> QuerySet[Permission]:
    return Permission.objects.filter(content_type__app_label="auth", codename__in=POWER_PERMISSIONS)


def is_administration(group: Group) -> bool:
    return group.name == ADMINISTRATION


def refuse(request: HttpRequest, message: str, url: str) -> HttpResponse:
    """Refuse in the admin's own way: back to a listing with a message, nothing changed."""
    messages.error(request, message)
    return redirect(url)


class GuardedUserFormMixin:
    """Without superuser rights: no superuser checkbox, and no new Administration membership."""

    def __init__(self, *args, granted_by: AbstractBaseUser, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.granted_by = granted_by
        if not may_hand_out_power(granted_by):
            self.fields.pop("is_superuser", None)

    def clean_groups(self) -> QuerySet[Group]:
        chosen = self.cleaned_data["groups"]
        if may_hand_out_power(self.granted_by):
            return chosen
        before = set(self.instance.groups.values_list("pk", flat=True)) if self.instance.pk else set()
        if any(is_administration(group) and group.pk not in before for group in chosen):
            raise forms.ValidationError(ADMINISTRATION_ONLY_FOR_SUPERUSERS, code="administration")
        return chosen


class GuardedUserCreationForm(GuardedUserFormMixin, UserCreationForm):
    pass


class GuardedUserEditForm(GuardedUserFormMixin, UserEditForm):
    reset_two_factor = forms.BooleanField(
        label=_("Authenticator-App zurücksetzen"),
        required=False,
        help_text=_(
            "Bei verlorenem oder neuem Diensthandy: Die Person richtet bei der nächsten Anmeldung "
            "eine neue App ein, falls ihre Rolle das verlangt."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not (self.instance.pk and TOTPDevice.objects.filter(user=self.instance).exists()):
            del self.fields["reset_two_factor"]

    def save(self, commit: bool = True) -> AbstractBaseUser:
        user = super().save(commit)
        if self.cleaned_data.get("reset_two_factor"):
            TOTPDevice.objects.filter(user=user).delete()
        return user


class UserCreateView(users.CreateView):
    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "granted_by": self.request.user}


class UserEditView(users.EditView):
    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # A new password or e-mail address would hand the account, and with it all rights, over.
        if self.object.is_superuser and not may_hand_out_power(request.user):
            return refuse(
                request, _("Konten von Superusern können nur Superuser bearbeiten."), reverse(self.index_url_name)
            )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "granted_by": self.request.user}


class UserViewSet(users.UserViewSet):
    add_view_class = UserCreateView
    edit_view_class = UserEditView
    edit_template_name = "editorial/user_edit.html"

    def get_form_class(self, for_update: bool = False) -> type[forms.ModelForm]:
        return GuardedUserEditForm if for_update else GuardedUserCreationForm


class GuardedGroupForm(GroupForm):
    """Without superuser rights the permissions to manage accounts and groups are not offered;
    a group that already has them keeps them (Wagtail's form re-adds what it does not show)."""

    def __init__(self, *args, granted_by: AbstractBaseUser, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not may_hand_out_power(granted_by):
            self.registered_permissions = self.registered_permissions.exclude(pk__in=power_permissions())
            self.fields["permissions"].queryset = self.registered_permissions.select_related("content_type")


class GroupCreateView(groups.CreateView):
    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "granted_by": self.request.user}


class GroupEditView(groups.EditView):
    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if is_administration(self.get_object()) and not may_hand_out_power(request.user):
            return refuse(
                request, _("Die Gruppe „Administration“ können nur Superuser ändern."), reverse(self.index_url_name)
            )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "granted_by": self.request.user}


class GroupDeleteView(groups.DeleteView):
    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if is_administration(self.get_object()) and not may_hand_out_power(request.user):
            return refuse(
                request, _("Die Gruppe „Administration“ können nur Superuser ändern."), reverse(self.index_url_name)
            )
        return super().dispatch(request, *args, **kwargs)


class GroupViewSet(groups.GroupViewSet):
    add_view_class = GroupCreateView
    edit_view_class = GroupEditView
    delete_view_class = GroupDeleteView

    def get_form_class(self, for_update: bool = False) -> type[forms.ModelForm]:
        return GuardedGroupForm
