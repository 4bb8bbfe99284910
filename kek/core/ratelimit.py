"""Rate limits for public forms, kept in the database.

The usual package (django-ratelimit) needs memcached or Redis; the portal runs on SQLite with no
other service, so submissions are counted in a small table instead. Only a keyed hash of the
client address is stored (never the address), and rows older than a day are removed.
"""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from .models import FormSubmission


def client_key(request: HttpRequest) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def allow(request: HttpRequest, form: str, *, limit: int, per: datetime.timedelta) -> bool:
    """Record one attempt of `form` from this client; False when it exceeds `limit` per `per`."""
    now = timezone.now()
    FormSubmission.objects.filter(created__lt=now - datetime.timedelta(days=1)).delete()
    key = client_key(request)
    recent = FormSubmission.objects.filter(form=form, client=key, created__gte=now - per).count()
    if recent >= limit:
        return False
    FormSubmission.objects.create(form=form, client=key)
    return True
