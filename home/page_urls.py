"""A page's URL from its ``url_path`` alone, by Wagtail's own rules, for queries that read rows, not pages."""

from wagtail.models import Page


class _UrlPath:
    """Just what Wagtail's ``Page.get_url`` reads of a page: its ``url_path``, and the sites' root paths (kept on the
    request, as Wagtail keeps them)."""

    get_url = Page.get_url
    get_url_parts = Page.get_url_parts
    _get_relevant_site_root_paths = Page._get_relevant_site_root_paths
    _get_site_root_paths = Page._get_site_root_paths

    def __init__(self, url_path):
        self.url_path = url_path


def page_url(url_path, request=None):
    """What ``page.get_url(request)`` returns for the page at ``url_path`` (None when no site serves it)."""
    return _UrlPath(url_path).get_url(request)
