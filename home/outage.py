"""What readers and tellers see while the database cannot be reached: "503, try again shortly", never a 500.

A database outage is temporary: PostgreSQL restarting, a failover, a full connection pool. Django then raises
``OperationalError`` or ``InterfaceError`` from the first query of a request. :class:`DatabaseOutageMiddleware` turns
those into the site's own short page (``site/templates/503.html``, in the reader's language) with status 503 and a
``Retry-After`` header, so browsers, crawlers and load balancers know to come back, and logs the error. The page is
rendered without touching the database. Nothing is kept between requests: once the database answers again the next
request is served as usual, with no restart (Django drops a persistent connection that failed, and production settings
check a kept one before each request: ``CONN_HEALTH_CHECKS``; see ``close_old_connections``).

A teller whose submission meets the outage is told that nothing was saved and that their text is still in the form
they came from (the browser keeps it when they go back).
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 120
OUTAGE_ERRORS = (OperationalError, InterfaceError)


def unavailable(response):
    """``response`` as a "503, come back in a while" answer: status, ``Retry-After``, never cached."""
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def outage_response(request):
    """The 503 answer for ``request``: JSON for the API, the site's own page otherwise."""
    if request.path.startswith("/api/"):
        return unavailable(JsonResponse({"message": _("The site is briefly unavailable. Please try again later.")}))
    # No request in the context: the context processors (user, site settings) would query the database.
    html = render_to_string("503.html", {"sent_something": request.method == "POST"})
    return unavailable(HttpResponse(html))


class DatabaseOutageMiddleware:
    """Answers 503 with the site's page when a view (or its template) cannot reach the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OUTAGE_ERRORS):
            return None
        logger.error("Database unreachable: answered %s %s with 503", request.method, request.path, exc_info=exception)
        return outage_response(request)
