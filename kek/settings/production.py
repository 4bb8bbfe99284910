"""Production: refuses to start without SECRET_KEY; HTTPS-only unless told otherwise.

Environment variables:
- SECRET_KEY            required
- ALLOWED_HOSTS         comma-separated host names; default "127.0.0.1,localhost"
- KEK_HTTP_ONLY=1       serve over plain HTTP (only for `make run` on a developer machine)
- KEK_LOG_FORMAT        "json" (default here) or "text"; KEK_ACCESS_LOG=1 (default here): a JSON
                        line per request (kek/operations/middleware.py)
- KEK_FRONTEND_CACHE_URL, KEK_CACHE_SECONDS: the nginx page cache (docs/operations.md)
"""

import os

from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("KEK_LOG_FORMAT", "json")  # read by base.LOGGING
os.environ.setdefault("KEK_ACCESS_LOG", "1")

from .base import *  # noqa: F403

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY muss als Umgebungsvariable gesetzt sein.")

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

_https = os.environ.get("KEK_HTTP_ONLY") != "1"
SECURE_SSL_REDIRECT = _https
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # probes ask the server directly, not through the HTTPS proxy
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
SECURE_HSTS_SECONDS = 31_536_000 if _https else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _https
SECURE_HSTS_PRELOAD = _https
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
