"""The request's Site without a query on every request.

Wagtail finds it with a query each time (``Site.find_for_request``), then keeps it on ``request._wagtail_site`` for
the rest of the request, as its docstring says. The sites are a handful of rows that almost never change, so this
middleware keeps them all in the ``default`` cache, next to Wagtail's own site root paths (config/caches.py: each
process's memory, at most a minute in production), makes Wagtail's choice among them in Python, and leaves it where
Wagtail looks first. Saving or deleting a site drops the list in that process (``apps.HomeConfig.ready``).

For a page, the middleware also finds the route from the sites' cached home pages (home/routing.py).
"""

import contextlib

from django.core.cache import cache
from django.db import DatabaseError
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.views import serve

from home import routing

SITES_KEY = "sanctuary:sites"


def all_sites():
    sites = cache.get(SITES_KEY)
    if sites is None:
        sites = list(Site.objects.select_related("root_page"))
        cache.set(SITES_KEY, sites)
    return sites


def forget_sites(**kwargs):
    cache.delete_many([SITES_KEY, routing.HOMES_KEY])  # the home pages are the sites' roots


def site_for(hostname, port, sites):
    """The site Wagtail's ``get_site_for_hostname`` picks: the exact hostname and port, else the hostname on the
    default site, else the only other site with that hostname, else the default site; None if there is none."""

    def rank(site):
        if site.hostname == hostname:
            return 0 if site.port == port else 1 if site.is_default_site else 3
        return 2  # the default site, under another hostname

    candidates = sorted((site for site in sites if site.hostname == hostname or site.is_default_site), key=rank)
    if not candidates:
        return None
    if len(candidates) == 1 or rank(candidates[0]) in (0, 1):
        return candidates[0]
    if rank(candidates[0]) == 2:
        return candidates[len(candidates) == 2]  # one other site has the hostname: that one, else the default
    return None


class SiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            self.find_site(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """For a page, Wagtail's route from the cached home pages (home/routing.py), once the language is active."""
        site = getattr(request, "_wagtail_site", None)
        if view_func is not serve or site is None or hasattr(request, "_wagtail_route_for_request"):
            return None
        # As in find_site, an outage leaves it to Wagtail, which routes again and meets it (a 503).
        with contextlib.suppress(DatabaseError):
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            request._wagtail_route_for_request = routing.route(request, site, all_sites(), path)
        return None

    @staticmethod
    def find_site(request):
        try:
            sites = all_sites()
        except DatabaseError:
            # A speed-up only: Wagtail looks again if the view needs a site, where an outage is answered with a 503
            # (home/outage.py); a view that needs none (/healthz) is served as usual.
            return
        hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail: no ALLOWED_HOSTS check here
        request._wagtail_site = site_for(hostname, request.get_port(), sites)
