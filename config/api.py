"""The read-only headless API (/api/v2/): pages (filterable with ?locale=), images and documents.

Whatever a program sends, the API answers JSON: a 400 with a ``message`` for parameters it cannot use (Wagtail's own
checks, and those below for input that would otherwise reach the database and fail there), a 404 with a ``message``
for what does not exist (``api_not_found`` and ``config.locale_middleware``), never a 500 or an HTML page.
"""

import re

from django.http import JsonResponse
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale

from stories.contribute.submission import PHOTO_COLLECTION

# Far beyond any listing this site will have, and far below the databases' 64-bit limit on OFFSET.
MAX_OFFSET = 2**31 - 1
# The search backends build one nested expression per word: hundreds of words exhaust Python's recursion limit.
MAX_SEARCH_WORDS = 32
MAX_SEARCH_CHARACTERS = 500
SEARCH_OPERATORS = ("and", "or")
MAX_ID = 2**63 - 1  # the largest id a database column holds


def above(text, maximum):
    """Whether ``text``, a run of digits, stands for a number above ``maximum``.

    Checked by length first: Python refuses to read a number of more than 4300 digits (a ValueError, not a 400).
    """
    digits = text.lstrip("0")
    return len(digits) > len(str(maximum)) or int(digits or "0") > maximum


def check_parameters(query):
    """Raise BadRequestError, with a message saying what to change, for parameters the database could not take."""
    for name, values in query.lists():
        if any("\x00" in text for text in (name, *values)):
            raise BadRequestError("query parameters cannot contain null characters")
    if query.get("format", "json") != "json":
        raise BadRequestError("format must be json")
    offset = query.get("offset", "")
    if offset.isdecimal() and above(offset, MAX_OFFSET):
        raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
    if "search_operator" in query and query["search_operator"] not in SEARCH_OPERATORS:
        raise BadRequestError("search_operator must be 'and' or 'or'")
    search = query.get("search", "")
    if len(search) > MAX_SEARCH_CHARACTERS:
        raise BadRequestError(f"search cannot be longer than {MAX_SEARCH_CHARACTERS} characters")
    if len(re.findall(r"\w+", search)) > MAX_SEARCH_WORDS:
        raise BadRequestError(f"search cannot have more than {MAX_SEARCH_WORDS} words")


class CheckedParametersMixin:
    """Checks every request's parameters before Wagtail's views use them; answers JSON only."""

    renderer_classes = [JSONRenderer]  # Wagtail adds DRF's HTML browsable API; this site's API is JSON only

    def initial(self, request, *args, **kwargs):
        check_parameters(request.GET)
        super().initial(request, *args, **kwargs)

    def find_object(self, queryset, request):
        if "id" in request.GET:
            if not request.GET["id"].isdecimal():
                raise BadRequestError("id must be an integer")
            if above(request.GET["id"], MAX_ID):
                raise BadRequestError(f"id cannot be higher than {MAX_ID}")
        return super().find_object(queryset, request)

    def handle_exception(self, exc):
        if isinstance(exc, RecursionError):  # a query too deeply nested for the search backend, whatever its form
            exc = BadRequestError("search is too complex")
        return super().handle_exception(exc)


class PublicPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        locale = self.request.GET.get("locale")
        if locale is not None and not Locale.objects.filter(language_code=locale).exists():
            raise BadRequestError(f"unknown locale: {locale[:20]}")


class PublicImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    """Images, except photos sent with "Share your story": those are shown only inside the stories they belong to."""

    def get_queryset(self):
        return super().get_queryset().exclude(collection__name=PHOTO_COLLECTION)


class PublicDocumentsAPIViewSet(CheckedParametersMixin, DocumentsAPIViewSet):
    pass


def api_not_found(request, *args, **kwargs):
    """Any other address under /api/: a JSON 404, as the endpoints give, rather than the site's HTML page."""
    return JsonResponse({"message": "not found"}, status=404)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
