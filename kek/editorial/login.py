"""The back-office login beyond the password: lockout page and two-factor login.

django-axes counts failed logins (settings: AXES_*) and answers a locked client with
`locked_out`. django-otp does the TOTP part; this module adds what Wagtail lacks: groups can
require a second factor (`LoginPolicy`), `TwoFactorMiddleware` keeps a member of such a group
who has only given the password out of the admin until they have set up an authenticator app
(`enrol`, with a QR code drawn here, no third-party service) and entered its code (`verify`).
The code is asked at every login because django-otp keeps the verification in the session.
wagtail-2fa would do this, but does not work with Wagtail 8.
"""

from base64 import b32encode
from collections.abc import Callable

import django_otp
import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import mark_safe
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import LoginPolicy

# Admin views an unverified member may still reach: the steps themselves, logout, and what the
# admin's page frame loads.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "kek_two_factor_verify",
    "kek_two_factor_enrol",
}


def locked_out(request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None) -> HttpResponse:
    """django-axes' answer while a client is locked: 429 Too Many Requests, in the admin's look.

    429 rather than 403: nothing is wrong with the account or its rights, there were just too
    many attempts, and Retry-After tells when to try again.
    """
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(request, "editorial/login_locked.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


class TwoFactorMiddleware:
    """Keeps members of groups that require two-factor login out of the admin until verified."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        match = request.resolver_match
        if (
            match is None
            or match.url_name in OPEN_URL_NAMES
            or not request.path.startswith(reverse("wagtailadmin_home"))
        ):
            return None  # public pages are not touched, not even the session
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not LoginPolicy.requires_two_factor(user):
            return None
        step = "kek_two_factor_verify" if confirmed_device(user) else "kek_two_factor_enrol"
        return redirect(f"{reverse(step)}?{urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})}")


class LoginPolicyPanel(forms.ModelForm):
    """The switch "Zwei-Faktor-Anmeldung erforderlich" on a group's edit screen."""

    class Meta:
        model = LoginPolicy
        fields = ["two_factor_required"]

    def __init__(self, data=None, files=None, instance=None, prefix: str = "login_policy") -> None:
        self.group = instance
        policy = LoginPolicy.objects.filter(group=instance).first() if instance and instance.pk else None
        super().__init__(data, files, instance=policy or LoginPolicy(), prefix=prefix)

    def save(self, commit: bool = True) -> LoginPolicy:
        self.instance.group = self.group  # saved by now, also when the group is new
        return super().save(commit)

    def as_admin_panel(self) -> str:
        return render_to_string("editorial/login_policy_panel.html", {"form": self})


class CodeForm(forms.Form):
    """One code from the app; django-otp checks it, slows down guessing and refuses reuse."""

    code = forms.CharField(
        label=_("Code aus der Authenticator-App"),
        max_length=10,
        help_text=_("Sechs Ziffern; die App zeigt alle 30 Sekunden einen neuen Code."),
        error_messages={"required": _("Bitte geben Sie den Code aus Ihrer Authenticator-App ein.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, device: TOTPDevice, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].replace(" ", "")
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                _(
                    "Es wurden gerade mehrere falsche Codes eingegeben. Bitte warten Sie einen Moment und versuchen Sie es dann erneut."
                )
            )
        if not self.device.verify_token(code):
            raise forms.ValidationError(
                _("Dieser Code stimmt nicht. Bitte geben Sie den Code ein, den die App gerade anzeigt.")
            )
        return code


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _done(request: HttpRequest, device: TOTPDevice) -> HttpResponseRedirect:
    django_otp.login(request, device)
    return HttpResponseRedirect(_next_url(request))


@never_cache
@sensitive_post_parameters("code")
@login_required(login_url="wagtailadmin_login")
def verify(request: HttpRequest) -> HttpResponse:
    """Second step of every login for members of groups that require it."""
    device = confirmed_device(request.user)
    if device is None:
        return redirect(f"{reverse('kek_two_factor_enrol')}?{urlencode({REDIRECT_FIELD_NAME: _next_url(request)})}")
    if request.user.is_verified():
        return HttpResponseRedirect(_next_url(request))
    form = CodeForm(device, request.POST if request.method == "POST" else None)
    if form.is_valid():
        return _done(request, device)
    context = {"form": form, "next": _next_url(request)}
    return render(request, "editorial/two_factor_verify.html", context, status=400 if form.is_bound else 200)


@never_cache
@sensitive_post_parameters("code")
@login_required(login_url="wagtailadmin_login")
def enrol(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator app: scan the QR code (or type the key), confirm with one code.

    Only while the account has no app yet; replacing one needs a reset (docs/deployment.md), so
    someone who knows only the password cannot add their own app.
    """
    if confirmed_device(request.user) is not None:
        return redirect(f"{reverse('kek_two_factor_verify')}?{urlencode({REDIRECT_FIELD_NAME: _next_url(request)})}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="Authenticator-App", confirmed=False)
    form = CodeForm(device, request.POST if request.method == "POST" else None)
    if form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return _done(request, device)
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg = image.to_string(encoding="unicode").split("?>", 1)[-1]
    secret = b32encode(device.bin_key).decode().rstrip("=")
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_svg": mark_safe(svg),  # noqa: S308 - drawn here from our own key, no user input
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
    }
    return render(request, "editorial/two_factor_enrol.html", context, status=400 if form.is_bound else 200)
