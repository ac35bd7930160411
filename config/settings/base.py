"""Settings shared by every environment. Environment-specific files import * from here."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.conf import global_settings

from config.machine_translation import machine_translator_from_env
from config.search import database_search
from config.security_headers import public_directives
from config.task_queue import task_settings
from home.languages import language_codes, register_language_info, rtl_codes

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"


def env_flag(name, default):
    """A true/false environment variable ("true", "1", "yes" and "on" are true)."""
    return os.environ.get(name, str(default)).strip().lower() in ("true", "1", "yes", "on")


# Project apps, from the shared base up (see the import-linter contracts in pyproject.toml).
INSTALLED_APPS = [
    "home",
    "cities",
    "stories",
    "exhibitions",
    "editorial",
    "community_translation",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "editorial.apps.SanctuaryUsersConfig",  # wagtail.users, a single name enough (editorial/single_name.py)
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",  # its system checks of CONTENT_SECURITY_POLICY
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
# Abuse limits: the share form's rate limits and the admin login lockout (see "Abuse limits" below).
INSTALLED_APPS += ["django_ratelimit", "axes"]
# Background tasks (Wagtail's search and reference index updates, file deletions): the queue's table is always migrated,
# so switching SANCTUARY_TASK_BACKEND needs no migration (config/task_queue.py).
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Anonymous readers' pages from the "pages" cache, stored with the headers the middleware below it adds (the
    # Content-Security-Policy included): a cached answer skips all of it. Inside it, what turns a 404 into a redirect
    # or a 410.
    "home.page_cache.PageCacheMiddleware",
    "home.site_lookup.SiteMiddleware",  # the request's Wagtail Site and the page's route from the cache
    "config.security_headers.SecurityHeadersMiddleware",  # Content-Security-Policy, Permissions-Policy
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.locale_middleware.SanctuaryLocaleMiddleware",  # Django's, minus redirects for /api/ and /admin/ 404s
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "stories.withdrawal.WithdrawnStoryMiddleware",
    # Last, so that it is the first to see a view's exception: a database outage answers 503, not 500.
    "home.outage.DatabaseOutageMiddleware",
]
# Last: it turns a locked-out sign-in's answer into the lockout page (editorial/login_lockout.py).
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]

ROOT_URLCONF = "config.urls"
# A form refused by CSRF protection gets the site's own page, in the reader's language (config/views.py).
CSRF_FAILURE_VIEW = "config.views.csrf_failure"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out address or account before the password is checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the content languages and the UI languages are the same set (config/languages.py).
# SANCTUARY_LANGUAGES: the codes from the environment variable of that name, source language first.
SANCTUARY_LANGUAGES = language_codes()
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = register_language_info(SANCTUARY_LANGUAGES)
LANGUAGES_BIDI = sorted(set(global_settings.LANGUAGES_BIDI) | set(rtl_codes(SANCTUARY_LANGUAGES)))
LANGUAGE_CODE = SANCTUARY_LANGUAGES[0]
LOCALE_PATHS = [SITE_DIR / "locale"]
USE_I18N = True
WAGTAIL_I18N_ENABLED = True
TIME_ZONE = "Europe/London"
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))  # where collectstatic writes
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Photos that are not public yet (tellers' photos, pending uploads) are kept here, outside MEDIA_ROOT, and served by
# a view that checks (home.private_media). The web server must not serve this folder.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STORAGES = {
    "default": {"BACKEND": "home.private_media.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "City of Sanctuary"
# The site's one public address: the default Site is set to it (home/bootstrap.py), and the sitemap, the API's
# detail_url and the notification e-mails all build their links from it.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
# Content-Security-Policy (django-csp): the public site's; /admin/ gets a looser one (config/security_headers.py).
CONTENT_SECURITY_POLICY = {"DIRECTIVES": public_directives(STATIC_URL, MEDIA_URL)}
# PostgreSQL's text search configuration for the database search backend (config/search.py): how words are stemmed.
SANCTUARY_SEARCH_CONFIG = os.environ.get("SANCTUARY_SEARCH_CONFIG", "english")
WAGTAILSEARCH_BACKENDS = {"default": database_search(SANCTUARY_SEARCH_CONFIG)}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]

# The site's own settings. Every one is listed in the README; those read from the environment say so there.
# Uploads: one place for each limit. The forms' texts ("10 MB", "up to 3 photos") are formatted from these.
SANCTUARY_MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # per photo (teller or editor) and per document
SANCTUARY_MAX_IMAGE_PIXELS = 40_000_000
SANCTUARY_MAX_PHOTOS_PER_STORY = 3
SANCTUARY_MAX_STORY_CHARACTERS = 20_000
# "Share your story" submissions one address may make in an hour.
SANCTUARY_SUBMISSIONS_PER_HOUR = int(os.environ.get("SANCTUARY_SUBMISSIONS_PER_HOUR", "5"))
# Every POST to that form from one address in an hour, accepted or not: a teller's mistakes do not use up their stories.
SANCTUARY_FORM_POSTS_PER_HOUR = int(os.environ.get("SANCTUARY_FORM_POSTS_PER_HOUR", "30"))
# Community translations (community_translation/): sendings of the public translation form one address may make in an
# hour, accepted or not; draft saves (as the translator types) may be twenty times as many.
SANCTUARY_TRANSLATION_POSTS_PER_HOUR = int(os.environ.get("SANCTUARY_TRANSLATION_POSTS_PER_HOUR", "20"))
# How many reverse proxies stand in front of the application, each appending to X-Forwarded-For: the visitor's address
# is the one that many places from the right (home/client_address.py). 0: the visitor connects directly (REMOTE_ADDR).
SANCTUARY_TRUSTED_PROXIES = int(os.environ.get("SANCTUARY_TRUSTED_PROXIES", "0"))
# Translators' "Publish" submits translations for review (editorial/wagtail_localize_workflows.py).
SANCTUARY_REVIEW_TRANSLATIONS = env_flag("SANCTUARY_REVIEW_TRANSLATIONS", True)
# How long an anonymous reader's page is kept in the "pages" cache, and how long a CDN may keep it (s-maxage); it is
# dropped sooner, exactly, when what it shows changes (home/page_cache.py). 0: no page caching.
SANCTUARY_PAGE_CACHE_SECONDS = int(os.environ.get("SANCTUARY_PAGE_CACHE_SECONDS", "300"))

WAGTAILDOCS_MAX_UPLOAD_SIZE = SANCTUARY_MAX_UPLOAD_BYTES
WAGTAILIMAGES_MAX_UPLOAD_SIZE = SANCTUARY_MAX_UPLOAD_BYTES
WAGTAILIMAGES_MAX_IMAGE_PIXELS = SANCTUARY_MAX_IMAGE_PIXELS
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# Photos are served as WebP (JPEG for the rest) in widths for each place they are shown (home/pictures.py); at 70
# a detailed photo 800 px wide is about 75 KB, so a story page with its photo stays under 120 KB on a phone.
WAGTAILIMAGES_WEBP_QUALITY = 70
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: it would send a digest of every editor's e-mail address to a third party, and the admin's
# Content-Security-Policy loads images from this site only (config/security_headers.py).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# An edit made during review sends the page back through every step: a story's consent check covers the exact version
# that goes live (stories.models.workflow.consent_check_passed).
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILADMIN_COMMENTS_ENABLED = True

# Scale-out (docs/deployment.md). Read here, used by config/settings/production.py: where background tasks run
# ("immediate" or "database", config/task_queue.py), the media buckets (config/object_storage.py) and an external
# search engine (config/search.py). Development and tests run tasks immediately and keep media in folders.
SANCTUARY_TASK_BACKEND = os.environ.get("SANCTUARY_TASK_BACKEND", "immediate")
TASKS = task_settings(SANCTUARY_TASK_BACKEND)
SANCTUARY_S3_BUCKET = os.environ.get("SANCTUARY_S3_BUCKET", "").strip()
SANCTUARY_S3_PRIVATE_BUCKET = os.environ.get("SANCTUARY_S3_PRIVATE_BUCKET", "").strip()
SANCTUARY_SEARCH_URL = os.environ.get("SANCTUARY_SEARCH_URL", "").strip()
SANCTUARY_SEARCH_BACKEND = os.environ.get("SANCTUARY_SEARCH_BACKEND", "elasticsearch8").strip()

WAGTAILLOCALIZE_JOBS = {"BACKEND": "wagtail_localize.tasks.ImmediateBackend"}
if _machine_translator := machine_translator_from_env():
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = _machine_translator

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "City of Sanctuary <no-reply@localhost>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

WAGTAILIMAGES_IMAGE_MODEL = "home.SanctuaryImage"


# Abuse limits. The share form's limits (stories/contribute/ratelimit.py, django-ratelimit) count in the "ratelimit"
# cache: Redis when REDIS_URL is set (config/settings/production.py), otherwise this table, which every worker shares
# (config/counter_cache.py; created by `manage.py createcachetable`).
RATE_LIMIT_DATABASE_CACHE = {
    "BACKEND": "config.counter_cache.DatabaseCounterCache",
    "LOCATION": "sanctuary_rate_limits",
    "OPTIONS": {"MAX_ENTRIES": 100_000},  # culling would drop live counters: keep it far above an hour's addresses
}
RATELIMIT_USE_CACHE = "ratelimit"
# The page cache in one process's memory (development, tests): its entries and tags are the largest set of keys.
PAGE_CACHE_LOCAL_MEMORY = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "sanctuary-pages",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
RATELIMIT_IP_META_KEY = "home.client_address.client_ip"
RATELIMIT_FAIL_OPEN = True  # a cache outage must never refuse a teller's story
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]  # "not officially supported": our DatabaseCounterCache, see above
# The admin login: django-axes locks out an address, and separately an account name, after AXES_FAILURE_LIMIT failed
# sign-ins, for AXES_COOLOFF_TIME, even with the right password (editorial/login_lockout.py; README).
AXES_FAILURE_LIMIT = int(os.environ.get("SANCTUARY_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SANCTUARY_LOGIN_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_CLIENT_IP_CALLABLE = "home.client_address.client_ip"
AXES_LOCKOUT_CALLABLE = "editorial.login_lockout.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # keep failures only: no record of who signed in from where
