"""Production: everything comes from the environment. Security settings have no insecure default."""

import os

from config.caches import frontend_cache_from_env, production_caches
from config.object_storage import s3_media_storage, s3_media_url
from config.search import external_search
from config.task_queue import task_settings

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

# Persistent database connections: opening one costs more than rendering a typical page's queries (SQLite reads the
# schema again, PostgreSQL forks a backend). CONN_HEALTH_CHECKS drops a kept connection the database closed, so the site
# still recovers by itself from an outage (home/outage.py). DB_CONN_MAX_AGE=0 opens one per request again.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

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

# --- Scale-out: several application servers share the database, Redis, a bucket and a task worker -------------------
# (docs/deployment.md). Background tasks go to the database queue, run by `manage.py db_worker`, unless
# SANCTUARY_TASK_BACKEND=immediate (a single server without a worker).
SANCTUARY_TASK_BACKEND = os.environ.get("SANCTUARY_TASK_BACKEND", "database").strip()
TASKS = task_settings(SANCTUARY_TASK_BACKEND)
# Media in S3-compatible object storage when SANCTUARY_S3_BUCKET names a bucket (home/object_storage.py); private files
# in SANCTUARY_S3_PRIVATE_BUCKET, still served only through /private-media/ (home/private_media.py).
if SANCTUARY_S3_BUCKET:  # noqa: F405
    STORAGES["default"] = s3_media_storage(SANCTUARY_S3_BUCKET, SANCTUARY_S3_PRIVATE_BUCKET, os.environ)  # noqa: F405
    MEDIA_URL = os.environ.get("MEDIA_URL") or s3_media_url(STORAGES["default"]["OPTIONS"])
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": public_directives(STATIC_URL, MEDIA_URL)}  # noqa: F405
# Elasticsearch or OpenSearch instead of PostgreSQL's full-text search (config/search.py; its client installed apart).
if SANCTUARY_SEARCH_URL:  # noqa: F405
    WAGTAILSEARCH_BACKENDS = {"default": external_search(SANCTUARY_SEARCH_URL, SANCTUARY_SEARCH_BACKEND)}  # noqa: F405
