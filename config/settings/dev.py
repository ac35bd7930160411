"""Local development: works with no environment variables at all (SQLite file, console email)."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-used-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": RATE_LIMIT_DATABASE_CACHE,  # noqa: F405
    "pages": PAGE_CACHE_LOCAL_MEMORY,  # noqa: F405
}
