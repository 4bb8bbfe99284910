"""Rate limits for public forms, kept in the database, and who the client is.

The usual package (django-ratelimit) needs memcached or Redis; the portal runs on SQLite with no
other service, so submissions are counted in a small table instead. Only keyed hashes are stored
(never the address), and rows older than a day are removed.

Two budgets apply to every submission. One browser (its CSRF cookie) may send `limit` per `per`,
as the form asks, which stops one person flooding. One address may send
``settings.KEK_FORM_ADDRESS_LIMIT`` per ``KEK_FORM_ADDRESS_PERIOD`` (60 per hour), which is
enough for a school class behind one address and still bounds a script that throws its cookies
away. A client without a CSRF cookie is treated as one browser per address.
"""

import datetime
import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from ipware import get_client_ip

from .models import FormSubmission


def _is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(proxy, strict=False) for proxy in settings.KEK_TRUSTED_PROXIES)


def client_address(request: HttpRequest) -> str:
    """The visitor's address, for rate limits and the login lockout.

    X-Forwarded-For is believed only when the connection comes from a configured proxy
    (``KEK_TRUSTED_PROXIES``), and then only its last entry, the one the proxy appended;
    anything before it was sent by the client and could be invented.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted_proxy(remote):
        return remote
    forwarded, _routable = get_client_ip(
        request, proxy_count=0, request_header_order=["HTTP_X_FORWARDED_FOR"], strict=False
    )
    return forwarded or remote


def _key(value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def client_key(request: HttpRequest) -> str:
    """`address:browser`, both keyed hashes, 64 characters: one row counts for both budgets."""
    address = _key("address " + client_address(request))[:31]
    cookie = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    browser = _key("browser " + cookie)[:32] if cookie else address + "-"
    return f"{address}:{browser}"


def allow(request: HttpRequest, form: str, *, limit: int, per: datetime.timedelta) -> bool:
    """Record one attempt of `form` from this client; False when a budget is used up.

    `limit` per `per` applies to one browser, the address budget from the settings to everyone
    behind one address.
    """
    now = timezone.now()
    FormSubmission.objects.filter(created__lt=now - datetime.timedelta(days=1)).delete()
    key = client_key(request)
    address, browser = key.split(":")
    recent = FormSubmission.objects.filter(form=form)
    if recent.filter(client__endswith=":" + browser, created__gte=now - per).count() >= limit:
        return False
    since = now - settings.KEK_FORM_ADDRESS_PERIOD
    if recent.filter(client__startswith=address + ":", created__gte=since).count() >= settings.KEK_FORM_ADDRESS_LIMIT:
        return False
    FormSubmission.objects.create(form=form, client=key)
    return True
