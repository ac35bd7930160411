"""Django's LocaleMiddleware, without its language redirect for addresses that are not in a language's tree.

Django answers a 404 at an address without a language prefix by redirecting to the same address under the reader's
language, when that address exists there. Wagtail's page tree matches any address under a language prefix, so a 404
from the API (``/api/v2/pages/99999999/``), the admin or the documents view became a 302 to the site's HTML 404 page
under ``/en/``. Here a 404 from a view that lives outside the language prefixes is kept as that view gave it.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers


class SanctuaryLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        if response.status_code == 404 and is_valid_path(request.path_info, urlconf):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
