"""Production: everything comes from the environment. Security settings have no insecure default."""

import os

from config.caches import frontend_cache_from_env, production_caches

from .base import *  # noqa: F403


def required_env(name):
    """The value of ``name``, or stop the process with a one-line message saying what is missing."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise SystemExit(f"Sanctuary refuses to start: the environment variable {name} is not set.")
    return value


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# The demo network's commands are for trying the site out; a production site runs without them unless asked.
if not env_flag("SANCTUARY_DEMO", False):  # noqa: F405
    INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "demo"]  # noqa: F405

DEBUG = False
SECRET_KEY = required_env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [required_env("ALLOWED_HOSTS")]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# TLS is terminated by the reverse proxy, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# WhiteNoise serves the collected static files right after the security middleware.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if os.environ.get("MEDIA_URL"):
    MEDIA_URL = os.environ["MEDIA_URL"]
    CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": public_directives(STATIC_URL, MEDIA_URL)  # noqa: F405
    }

# Caches and CDN (config/caches.py): Wagtail's look-ups in each process's memory, rate limits and pages in Redis.
CACHES = production_caches(os.environ.get("REDIS_URL"), RATE_LIMIT_DATABASE_CACHE)  # noqa: F405
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True  # a Redis outage is logged, not raised
WAGTAILFRONTENDCACHE = frontend_cache_from_env()

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
