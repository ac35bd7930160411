"""The address of the person making a request, as the site's own reverse proxies report it.

Behind a reverse proxy, ``REMOTE_ADDR`` is the proxy's address: every visitor would share it. Each proxy appends the
address it received the request from to ``X-Forwarded-For``, so with ``SANCTUARY_TRUSTED_PROXIES`` = N proxies in
front of the application, the visitor is the N-th address from the right. Anything further left was written by the
visitor and can be forged, so it is never read. With 0 (no proxy), ``REMOTE_ADDR`` is the visitor.

The share form's rate limits (``RATELIMIT_IP_META_KEY``) and the admin login lockout (``AXES_CLIENT_IP_CALLABLE``)
both ask this function, so the two agree on who is who.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    """The visitor's address, normalised; ``REMOTE_ADDR`` when the proxies' header does not hold a usable one.

    A header with fewer addresses than there are trusted proxies did not come through them all (or they are
    misconfigured): its addresses cannot be trusted, so the direct peer's address is used.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.SANCTUARY_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-proxies]))
    except ValueError:
        return remote
