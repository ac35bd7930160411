"""Site-wide views that live outside the page tree."""

from django.db import DatabaseError, connection
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers a query, 503 with the error's kind otherwise (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse({"status": "error", "database": type(error).__name__}, status=503)
    return JsonResponse({"status": "ok"})


@never_cache
def csrf_failure(request, reason=""):
    """A form refused by CSRF protection (CSRF_FAILURE_VIEW): the site's own page, in the reader's language.

    It says what matters to someone who has just typed their story: it is not lost (it is still in the form they
    came from), and how to send it again. Django's reason is for developers and is not shown.
    """
    return render(request, "403_csrf.html", status=403)


def not_found(request, **kwargs):
    raise Http404
