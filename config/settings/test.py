"""The test suite: SQLite unless DATABASE_URL says otherwise; fast hashing; mail kept in memory."""

import os
import tempfile

from config.task_queue import task_settings

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": RATE_LIMIT_DATABASE_CACHE,  # noqa: F405
    "pages": PAGE_CACHE_LOCAL_MEMORY,  # noqa: F405
}
# Off unless asked for (tests/test_page_cache.py turns it on; the benchmark sets the variable for its cached figures):
# a test that changes the database behind Wagtail's back (queryset.update) must see its change, and the query counts
# must measure rendering, not the cache.
SANCTUARY_PAGE_CACHE_SECONDS = int(os.environ.get("SANCTUARY_PAGE_CACHE_SECONDS", "0"))
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "https://sanctuary.example.org"  # fixed, whatever the environment says
MEDIA_ROOT = tempfile.mkdtemp(prefix="sanctuary-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="sanctuary-test-private-media-")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
# Background tasks run in the request, media stay in the folders above, whatever the environment says.
SANCTUARY_TASK_BACKEND = "immediate"
TASKS = task_settings(SANCTUARY_TASK_BACKEND)
# On SQLite the test database lives in memory, and the live server used by the browser tests shares the test's one
# connection across threads: two requests at once (Wagtail's editor autosaves every half second while someone types)
# break each other's savepoints ("no such savepoint"), as Django's LiveServerTestCase documentation warns. Autosave is
# Wagtail's, not ours; on PostgreSQL, where each thread has its own connection, the browser tests run with it on.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    WAGTAIL_AUTOSAVE_INTERVAL = 0
