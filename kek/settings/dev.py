"""Local development: autoreload, debug pages, a fixed throwaway key."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
WHITENOISE_USE_FINDERS = True  # serve static files without collectstatic
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}  # tasks run in the request
