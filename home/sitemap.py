"""/sitemap.xml: every live public page in every language that has its own text, with its hreflang alternates.

Wagtail's own sitemap lists the default Site's tree only (the source language) at the request's host. Here:

* every language's tree, but only real translations: an alias shows another language's text, and search engines
  are told about the original instead (the pages' canonical links say the same, home/templatetags/page_meta.py);
* each address has ``xhtml:link`` alternates for every real translation of the page, and ``x-default`` for the
  source language's version, as Google asks (every version lists all of them, itself included);
* addresses on the one configured public address (WAGTAILADMIN_BASE_URL), whatever host the request came in on.

A few queries, whatever the number of pages: the restricted pages, the pages (and their count), the site root
paths. A sitemap index
split by language (for sites past Django's 50,000 addresses per file) is left to issue 13.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as django_sitemap
from wagtail.models import Page

from home.visibility import public_pages

PAGE_FIELDS = ("id", "url_path", "path", "depth", "locale_id", "translation_key", "last_published_at")


def absolute(url):
    """``url`` (a path) on the configured public address."""
    return settings.WAGTAILADMIN_BASE_URL + url


class TranslatedPagesSitemap(Sitemap):
    def __init__(self, request):
        self.request = request

    def items(self):
        return (
            public_pages(Page.objects)
            .filter(alias_of__isnull=True, depth__gt=1)
            .select_related("locale")
            .only(*PAGE_FIELDS, "locale__language_code")
            .order_by("locale__language_code", "path")
        )

    def get_urls(self, page=1, site=None, protocol=None):
        """Django's list of addresses, each with the page's real translations as alternates."""
        pages = list(self.items())
        paths = {item.pk: page_path(item, self.request) for item in pages}
        translations = defaultdict(list)
        for item in pages:
            if paths[item.pk] is not None:
                translations[item.translation_key].append(item)
        number = self.paginator.validate_number(page)
        urls = []
        for item in pages[(number - 1) * self.limit : number * self.limit]:
            if paths[item.pk] is None:
                continue  # not under any site's root: no address to give
            alternates = [
                {"lang_code": version.locale.language_code, "location": absolute(paths[version.pk])}
                for version in translations[item.translation_key]
            ]
            default = next((a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None)
            if len(alternates) > 1 and default:
                alternates.append({"lang_code": "x-default", "location": default["location"]})
            urls.append(
                {
                    "item": item,
                    "location": absolute(paths[item.pk]),
                    "lastmod": item.last_published_at,
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        self.latest_lastmod = max((url["lastmod"] for url in urls if url["lastmod"]), default=None)
        return urls


def page_path(page, request):
    """The page's path from its site's root ("/ar/stories/…"), or None when it is under no site's root."""
    parts = page.get_url_parts(request)
    return parts[2] if parts else None


def sitemap(request):
    return django_sitemap(request, {"pages": TranslatedPagesSitemap(request)})
