"""Page URLs by Wagtail's own rules, worked out faster: from a ``url_path`` alone (for queries that read rows, not
pages), and without reversing Wagtail's URL pattern for every link."""

import functools
import re
from urllib.parse import quote

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.coreutils import WAGTAIL_APPEND_SLASH, get_supported_content_language_variant
from wagtail.models import Page


@functools.cache
def serve_path_pattern():
    """Wagtail's ``wagtail_serve`` pattern, which a page's path must match (imported late: wagtail.urls imports
    views, which need the models loaded)."""
    from wagtail.urls import serve_pattern

    return re.compile(serve_pattern)


SAFE_IN_PATH = RFC3986_SUBDELIMS + "/~:@"  # what Django's reverse() leaves unquoted


def url_parts(page, request=None):
    """What Wagtail's ``Page.get_url_parts`` returns, the same in every case: ``(site_id, root_url, page_path)``, None
    for a page no site serves, ``(site_id, None, None)`` when the URL pattern refuses its path.

    Wagtail reverses its ``wagtail_serve`` pattern for each page, in the page's language: 25 to 50 microseconds a
    link, 5 ms for the hundred links of the fifty cities on /cities/. The pattern's prefix (language and script
    prefix) is the same for every page of a language, so it is reversed once (``serve_prefix``) and the page's path
    is checked against the pattern and quoted as ``reverse`` does. tests/test_page_urls.py compares the two.
    """
    possible_sites = page._get_relevant_site_root_paths(request)
    if not possible_sites:
        return None
    if len({values[0] for values in possible_sites}) > 1 and request is not None:
        return Page.get_url_parts(page, request)  # a page of several sites: Wagtail's own choice of the site
    site_id, root_path, root_url, language_code = possible_sites[0]
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        try:
            if get_supported_content_language_variant(translation.get_language()) == language_code:
                language_code = translation.get_language()
        except LookupError:
            pass
    rest = page.url_path[len(root_path) :]
    prefix = serve_prefix(language_code, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    if prefix is None or not serve_path_pattern().search(rest):
        return (site_id, None, None)
    page_path = prefix + quote(rest, safe=SAFE_IN_PATH)
    if not WAGTAIL_APPEND_SLASH and page_path != "/":
        page_path = page_path.rstrip("/")
    return (site_id, root_url, page_path)


@functools.lru_cache(maxsize=256)
def serve_prefix(language_code, script_prefix, urlconf):
    """``reverse("wagtail_serve", args=[""])`` in ``language_code``: the script prefix and the language's prefix."""
    try:
        with translation.override(language_code):
            return reverse("wagtail_serve", args=("",), urlconf=urlconf)
    except NoReverseMatch:
        return None


class _UrlPath:
    """Just what Wagtail's ``Page.get_url`` reads of a page: its ``url_path``, and the sites' root paths (kept on the
    request, as Wagtail keeps them)."""

    get_url = Page.get_url
    get_url_parts = url_parts
    _get_relevant_site_root_paths = Page._get_relevant_site_root_paths
    _get_site_root_paths = Page._get_site_root_paths

    def __init__(self, url_path):
        self.url_path = url_path


def page_url(url_path, request=None):
    """What ``page.get_url(request)`` returns for the page at ``url_path`` (None when no site serves it)."""
    return _UrlPath(url_path).get_url(request)
