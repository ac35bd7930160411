"""The shared cache in production: Redis at ``REDIS_URL``, configured so that an outage costs speed, never a page.

With ``IGNORE_EXCEPTIONS`` a Redis that is down or unreachable makes reads miss and writes vanish instead of raising
(``DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS`` logs each one). The socket timeouts bound how long a request waits for a
Redis host that does not answer at all (a dropped route, not a refused connection): without them it would wait
forever. Code that needs a cache value to decide something (the share form's rate limit) must expect ``None``.
"""

SOCKET_TIMEOUT_SECONDS = 1


def redis_cache(url):
    """The ``CACHES["default"]`` entry for the Redis server at ``url``."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": SOCKET_TIMEOUT_SECONDS,
            "SOCKET_TIMEOUT": SOCKET_TIMEOUT_SECONDS,
        },
    }
