"""The caches in production, and the CDN that is told when a page changes.

Redis at ``REDIS_URL`` holds what every worker process must share: the share form's rate limits and the page cache
(home/page_cache.py: pages and the stamps that invalidate them). It is configured so that an outage costs speed, never a
page: with ``IGNORE_EXCEPTIONS`` a Redis that is down or unreachable makes reads miss and writes vanish instead of
raising (``DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS`` logs each one). The socket timeouts bound how long a request waits for
a Redis host that does not answer at all (a dropped route, not a refused connection): without them it would wait
forever. Code that needs a cache value to decide something (the share form's rate limit) must expect ``None``.

Wagtail's own look-ups stay in each process's memory: the site root paths, the sites themselves and their home pages
in every language (read on every request, in the ``default`` cache; home/site_lookup.py, home/routing.py) and image
renditions (the ``renditions`` cache, read for every picture not prefetched). In Redis each would be a network round
trip per request for data that almost never changes. What changes them clears them in the process that made the
change only, so these caches keep nothing longer than ``LOCAL_SECONDS``: another worker sees a renamed site, a home
page unpublished in one language or a replaced image file's renditions within a minute.

Without ``REDIS_URL`` the page cache is off (``DummyCache``): each worker's memory would keep its own copy of a page,
and only the worker that published a change would drop it. Pages still carry their ``Cache-Control`` and ``ETag``.
"""

import os

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

SOCKET_TIMEOUT_SECONDS = 1
LOCAL_SECONDS = 60


class ShortLivedLocMemCache(LocMemCache):
    """One process's memory, where nothing stays longer than its ``TIMEOUT``, whatever timeout the caller asks for
    (Wagtail keeps the site root paths for an hour)."""

    def get_backend_timeout(self, timeout=DEFAULT_TIMEOUT):
        if timeout is DEFAULT_TIMEOUT or timeout is None or timeout > self.default_timeout:
            timeout = self.default_timeout
        return super().get_backend_timeout(timeout)


def redis_cache(url, key_prefix=""):
    """A ``CACHES`` entry for the Redis server at ``url``."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": SOCKET_TIMEOUT_SECONDS,
            "SOCKET_TIMEOUT": SOCKET_TIMEOUT_SECONDS,
        },
    }


def local_cache(name):
    return {"BACKEND": "config.caches.ShortLivedLocMemCache", "LOCATION": name, "TIMEOUT": LOCAL_SECONDS}


def production_caches(redis_url, rate_limit_fallback):
    """``CACHES`` for production: Redis for what is shared when ``redis_url`` is set, ``rate_limit_fallback`` (the
    database) for the rate limits otherwise."""
    local = {"default": local_cache("wagtail"), "renditions": local_cache("renditions")}
    if not redis_url:
        pages = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        return {**local, "ratelimit": rate_limit_fallback, "pages": pages}
    return {**local, "ratelimit": redis_cache(redis_url), "pages": redis_cache(redis_url, key_prefix="pages")}


def frontend_cache_from_env(environ=os.environ):
    """``WAGTAILFRONTENDCACHE``: the CDNs to tell when a page changes (wagtail.contrib.frontend_cache), any of

    * ``SANCTUARY_CDN_PURGE_URL``: a cache that takes HTTP ``PURGE`` requests (Varnish, nginx's proxy cache), e.g.
      ``http://127.0.0.1:6081``;
    * ``SANCTUARY_CLOUDFLARE_ZONE_ID`` with ``SANCTUARY_CLOUDFLARE_API_TOKEN`` (a token allowed "Cache Purge");
    * ``SANCTUARY_CLOUDFRONT_DISTRIBUTION_ID`` (needs boto3; AWS credentials from the usual ``AWS_*`` variables).
    """
    backends = {}
    if url := environ.get("SANCTUARY_CDN_PURGE_URL", "").strip():
        backends["http"] = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
    if zone := environ.get("SANCTUARY_CLOUDFLARE_ZONE_ID", "").strip():
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": environ.get("SANCTUARY_CLOUDFLARE_API_TOKEN", "").strip(),
        }
    if distribution := environ.get("SANCTUARY_CLOUDFRONT_DISTRIBUTION_ID", "").strip():
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
        }
    return backends
