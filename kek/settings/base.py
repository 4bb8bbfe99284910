"""Settings shared by every environment.

Environment variables (all optional here; production.py requires SECRET_KEY):
- DATABASE_URL   e.g. postgres://user:pass@host/db; default: SQLite file var/kek.sqlite3
- KEK_SITE_NAME  name of the portal shown in titles; default "KEK 2030 Ludwigslust-Parchim"
- KEK_TRUSTED_PROXIES  comma-separated addresses or networks of the reverse proxies whose
                 X-Forwarded-For is believed; default empty: the socket address is the client
"""

import datetime
import ipaddress
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "kek"
VAR_DIR = Path(os.environ.get("KEK_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)  # SQLite file and uploads live here

INSTALLED_APPS = [
    "kek.core",
    "kek.plan",
    "kek.places",
    "kek.legal",
    "kek.editorial",
    "kek.history",
    "kek.search",
    "kek.indicators",
    "kek.monitoring",
    "kek.participation",
    "kek.background",
    "kek.exchange",
    # publications before operations: its signal receivers record the content version, those of
    # operations ask nginx to refresh pages, which must already see the new version (in autocommit,
    # e.g. a management command, commit callbacks run at once, in the receivers' order)
    "kek.publications",
    "kek.operations",
    "kek.opendata",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.sites",
    "kek.editorial.apps.WagtailUsersConfig",  # wagtail.users with guarded forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

MIDDLEWARE = [
    "kek.operations.middleware.AccessLogMiddleware",  # first: times the whole request
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.gzip.GZipMiddleware",  # Django ≥ 4.2 pads responses against BREACH
    "django.middleware.http.ConditionalGetMiddleware",  # ETag from the body, 304 answers
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kek.core.middleware.MaintenanceMiddleware",
    "kek.operations.middleware.PublicCacheMiddleware",  # outside sessions and CSRF: sees their cookies
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "kek.opendata.middleware.OpenDataHeadersMiddleware",  # CORS, ETag, Last-Modified of /api/v1/
    "kek.core.middleware.MethodNotAllowedPageMiddleware",
    "kek.core.middleware.FormCharsetMiddleware",  # before the CSRF check, which reads the form
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "kek.editorial.login.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "kek.urls"
WSGI_APPLICATION = "kek.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kek.core.context_processors.portal",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'kek.sqlite3'}",
        conn_max_age=60,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins while locked out
    "django.contrib.auth.backends.ModelBackend",
]

# Back-office login throttling (django-axes; see docs/deployment.md). Failures are counted per
# client address and, separately, per user name: one address guessing many accounts and many
# addresses guessing one account are both stopped after 10 failures within 15 minutes, and the
# lock lasts 15 minutes. Raw addresses of failed attempts are kept only that long; successful
# logins are not logged.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_CLIENT_IP_CALLABLE = "kek.core.ratelimit.client_address"
AXES_LOCKOUT_CALLABLE = "kek.editorial.login.locked_out"
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# Two-factor login (django-otp, TOTP): required per group, see kek/editorial/login.py.
OTP_TOTP_ISSUER = os.environ.get("KEK_SITE_NAME", "KEK 2030 Ludwigslust-Parchim")

# A write waits at most 5 s for another writer; then the visitor gets a 503 page that keeps the
# form (kek/core/errors.py). SQLite: WAL lets pages be read while one process writes, IMMEDIATE
# transactions queue writers at their start (instead of failing mid-way). PostgreSQL: lock_timeout.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 5,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    # random_page_cost 1.1 instead of 4: the usual value for SSDs and for data that fits in memory (the
    # portal's does). With 4, PostgreSQL scans a large site's whole search index row by row for a query
    # with synonyms (seven LIKEs per row, 31 ms) instead of using its trigram index (8 ms; docs/scaling.md).
    _options["options"] = (_options.get("options", "") + " -c lock_timeout=5s -c random_page_cost=1.1").strip()

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]  # the interface; content stays German
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail (workflow notices, barrier reports). Every mail is queued as a background task, which hands it
# to KEK_EMAIL_BACKEND: SMTP with EMAIL_HOST, otherwise the worker's console.
EMAIL_BACKEND = "kek.background.mail.TaskEmailBackend"
KEK_EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "1") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kek-portal@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Background tasks: kept in the database and run by `manage.py db_worker`. A failed task is tried again
# after KEK_TASK_RETRY_DELAY seconds, doubling each time, KEK_TASK_ATTEMPTS times in all; /healthz fails when
# a due task has waited longer than KEK_TASK_MAX_WAIT seconds.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
KEK_TASK_ATTEMPTS = int(os.environ.get("KEK_TASK_ATTEMPTS", "4"))
KEK_TASK_RETRY_DELAY = float(os.environ.get("KEK_TASK_RETRY_DELAY", "60"))
KEK_TASK_MAX_WAIT = float(os.environ.get("KEK_TASK_MAX_WAIT", "120"))

# Files built from the published concept (kek/publications: PDF, open-data downloads): rebuilt by the task
# worker after each publication; KEK_BUILD_FILES=0 leaves that to the first download instead (test servers
# whose worker must stay free for the tasks they time).
KEK_BUILD_FILES = os.environ.get("KEK_BUILD_FILES", "1") == "1"

# Open-data API (kek/opendata): the published rate limit per client address, and its pages.
KEK_API_RATE = os.environ.get("KEK_API_RATE", "120/m")
NINJA_PAGINATION_PER_PAGE = 100
NINJA_PAGINATION_MAX_LIMIT = 1000

# Map tiles: loaded only after the visitor agrees (their address goes to the tile server).
KEK_MAP_TILES = {
    "url": os.environ.get("KEK_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
    "attribution": os.environ.get("KEK_MAP_TILE_ATTRIBUTION", "© OpenStreetMap-Mitwirkende"),
    "provider": os.environ.get("KEK_MAP_TILE_PROVIDER", "OpenStreetMap"),
}

# Who the client is (rate limits, login lockout): see kek/core/ratelimit.py and docs/deployment.md.
KEK_TRUSTED_PROXIES = [p.strip() for p in os.environ.get("KEK_TRUSTED_PROXIES", "").split(",") if p.strip()]
for _proxy in KEK_TRUSTED_PROXIES:
    ipaddress.ip_network(_proxy, strict=False)  # a typo must stop the start, not trust everyone
# Public forms: besides the per-browser limit of each form, everyone behind one address together
# may send this many per period (a school class of 50 fits; a script that drops cookies does not).
KEK_FORM_ADDRESS_LIMIT = 60
KEK_FORM_ADDRESS_PERIOD = datetime.timedelta(hours=1)

# Citizens' proposals (kek/participation): confirmation links expire after KEK_CONFIRM_HOURS; a form
# sent faster than KEK_FORM_MIN_SECONDS after it was shown is taken for a robot; personal data of
# decided proposals is erased KEK_PARTICIPATION_RETENTION_DAYS after the decision.
KEK_CONFIRM_HOURS = int(os.environ.get("KEK_CONFIRM_HOURS", "48"))
KEK_FORM_MIN_SECONDS = float(os.environ.get("KEK_FORM_MIN_SECONDS", "3"))
KEK_PARTICIPATION_RETENTION_DAYS = int(os.environ.get("KEK_PARTICIPATION_RETENTION_DAYS", "180"))

# Maintenance mode: KEK_MAINTENANCE=1 shows visitors a 503 page (the admin stays reachable).
KEK_MAINTENANCE = os.environ.get("KEK_MAINTENANCE") == "1"

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("KEK_SITE_NAME", "KEK 2030 Ludwigslust-Parchim")
WAGTAILADMIN_BASE_URL = os.environ.get("KEK_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "german"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]

# Security headers that hold in every environment. The public site runs no inline script or
# style, so the policy can be strict; the Wagtail admin is excluded because its editor widgets
# still rely on inline code.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = {"geolocation": [], "camera": [], "microphone": []}  # sent by django-permissions-policy

# Error pages that cannot fail in turn (kek/core/errors.py; handler400 etc. in kek/urls.py).
CSRF_FAILURE_VIEW = "kek.core.errors.csrf_failure"

# Logging in on the public site (Wagtail's /_util/login/ for private pages) ends on the page the
# visitor came from (`next`), else on the start page: Django's /accounts/profile/ does not exist.
LOGIN_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "core/login.html"

# Parts of pages kept between requests until their site's content changes (kek/core/content_cache.py).
# Each process keeps its own (local memory): the key holds the site's content version, read from the
# database on each request, so no process serves a part older than the last publication. Entries of
# older versions leave by age or when MAX_ENTRIES is reached.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "kek-fragments",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # Whole concept pages (KekPage.keep_content), apart so that their number is bounded on its own:
    # about 15 KB each (the KEK 2030 has 99 such pages, 57 KB the largest), the least recently used
    # leave first. 1000 pages are about 15 MB per worker process.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "kek-pages",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("KEK_KEPT_PAGES", "1000"))},
    },
    # The API's rate counts (kek/opendata/api.py): shared by every worker process of the machine, so
    # the published limit holds per address however many workers answer. Files need no service.
    "rates": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "cache" / "rates",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
}
KEK_FRAGMENT_SECONDS = int(os.environ.get("KEK_FRAGMENT_SECONDS", "86400"))

# Page cache for anonymous visitors (kek/operations/middleware.py, purge.py; docs/operations.md):
# how long nginx or a CDN may keep a public page without a refresh, and paths never kept.
KEK_CACHE_SECONDS = int(os.environ.get("KEK_CACHE_SECONDS", "300"))
# The English interface (/en/) is rarely used: not kept, so publishing need not refresh it twice.
KEK_CACHE_EXCLUDED_PATHS = ["/admin/", "/dokumente/", "/_util/", "/healthz", "/en/"]
# Cache refreshes after publishing go to nginx's refresh server (deploy/nginx/kek.conf); without
# it nothing is sent. Wagtail's rewriting of addresses per language is off: German pages have no
# prefix and English ones are not kept.
if os.environ.get("KEK_FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "kek.operations.frontend_cache.NginxRefreshBackend",
            "LOCATION": os.environ["KEK_FRONTEND_CACHE_URL"],
        }
    }
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []

# Logs go to stderr (journald under systemd). KEK_LOG_FORMAT=json writes one JSON object per line
# (kek/operations/logs.py); KEK_ACCESS_LOG=1 adds a line per request with its duration and no
# personal data (the production settings switch both on).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "kek.operations.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if os.environ.get("KEK_LOG_FORMAT") == "json" else None,
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "kek.access": {"level": "INFO" if os.environ.get("KEK_ACCESS_LOG") == "1" else "WARNING"},
        "kek.cache": {"level": "INFO"},
    },
}

# Monitoring (kek/monitoring): a measure or project whose state has not been written for this many days
# appears in the staff reminders; after KEK_STALE_AFTER_DAYS it is marked "veraltet". A unit gets at most
# one reminder e-mail per KEK_REMIND_PAUSE_DAYS.
KEK_REMIND_AFTER_DAYS = int(os.environ.get("KEK_REMIND_AFTER_DAYS", "90"))
KEK_STALE_AFTER_DAYS = int(os.environ.get("KEK_STALE_AFTER_DAYS", "180"))
# `make demo` only: a copy of the concept with an invented implementation history, every page stamped
# "Beispieldaten"; `manage.py load_demo` refuses to run without it.
KEK_DEMO = os.environ.get("KEK_DEMO") == "1"
KEK_REMIND_PAUSE_DAYS = int(os.environ.get("KEK_REMIND_PAUSE_DAYS", "5"))
