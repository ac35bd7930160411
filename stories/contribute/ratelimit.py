"""How many stories one address may send an hour (``SANCTUARY_SUBMISSIONS_PER_HOUR``), counted in the shared cache."""

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    return request.META.get("REMOTE_ADDR", "")


def allow_submission(ip_address):
    """Count a submission attempt from ``ip_address``; False once it has used up this hour's allowance."""
    key = f"share-story-attempts:{ip_address}"
    cache.add(key, 0, timeout=60 * 60)
    try:
        return cache.incr(key) <= settings.SANCTUARY_SUBMISSIONS_PER_HOUR
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=60 * 60)
        return True
