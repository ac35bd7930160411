"""/sitemap.xml: a sitemap index with one section per language (``/sitemap-<language>.xml``), each paginated
(``?p=2``, …, SECTION_SIZE addresses a page), listing every live public page of that language that has its own text,
with its hreflang alternates.

Wagtail's own sitemap lists the default Site's tree only (the source language) at the request's host, in one file
that grows with every page. Here:

* every language's tree, but only real translations: an alias shows another language's text, and search engines
  are told about the original instead (the pages' canonical links say the same, home/templatetags/page_meta.py);
  a language whose tree holds only aliases has no section;
* each address has ``xhtml:link`` alternates for every real translation of the page, and ``x-default`` for the
  source language's version, as Google asks (every version lists all of them, itself included);
* addresses on the one configured public address (WAGTAILADMIN_BASE_URL), whatever host the request came in on.

The index costs two queries (the restricted pages, the pages counted per language); a section page a few (the
restricted pages, its count, its pages, their translations, the site root paths), whatever the number of pages.
Nothing is cached here: a withdrawn story must leave the sitemap at once.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.models import Page

from home.visibility import public_pages

SECTION_SIZE = 200  # addresses per section page: the protocol allows 50,000; 1,000 took 8 times a story page
PAGE_FIELDS = ("id", "url_path", "path", "depth", "locale_id", "translation_key", "last_published_at")


def absolute(url):
    """``url`` (a path) on the configured public address."""
    return settings.WAGTAILADMIN_BASE_URL + url


def real_pages():
    """Live public pages with their own text (no aliases), below the root, with their language."""
    return (
        public_pages(Page.objects)
        .filter(alias_of__isnull=True, depth__gt=1)
        .select_related("locale")
        .only(*PAGE_FIELDS, "locale__language_code")
    )


class TranslatedPagesSitemap(Sitemap):
    """One language's real pages, in tree order, SECTION_SIZE to a page of the section."""

    def __init__(self, request, language_code):
        self.request = request
        self.language_code = language_code

    def items(self):
        return real_pages().filter(locale__language_code=self.language_code).order_by("path")

    @cached_property
    def paginator(self):
        return Paginator(self.items(), SECTION_SIZE)

    def get_urls(self, page=1, site=None, protocol=None):
        """Django's list of addresses for one page of the section, each with the page's real translations."""
        number = self.paginator.validate_number(page)
        pages = list(self.paginator.page(number).object_list)
        keys = {item.translation_key for item in pages}
        versions = {}
        for version in real_pages().filter(translation_key__in=keys).order_by("locale__language_code", "path"):
            path = page_path(version, self.request)
            if path is not None:
                versions.setdefault(version.translation_key, []).append((version.locale.language_code, path))
        urls = []
        for item in pages:
            path = page_path(item, self.request)
            if path is None:
                continue  # not under any site's root: no address to give
            alternates = [
                {"lang_code": code, "location": absolute(path)} for code, path in versions.get(item.translation_key, [])
            ]
            default = next((a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None)
            if len(alternates) > 1 and default:
                alternates.append({"lang_code": "x-default", "location": default["location"]})
            urls.append(
                {
                    "item": item,
                    "location": absolute(path),
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


@dataclass
class IndexEntry:
    location: str
    last_mod: object = None


def section_pages():
    """(language code, number of section pages) for every language with real pages, in the configured order."""
    counts = dict(
        real_pages()
        .order_by()
        .values_list("locale__language_code")
        .annotate(count=Count("id"))
        .values_list("locale__language_code", "count")
    )
    order = [code for code, _name in settings.LANGUAGES]
    languages = sorted(counts, key=lambda code: order.index(code) if code in order else len(order))
    return [(code, -(-counts[code] // SECTION_SIZE)) for code in languages]


def sitemap_index(request):
    entries = []
    for code, pages in section_pages():
        location = absolute(reverse("sitemap_section", kwargs={"section": code}))
        entries += [IndexEntry(location if number == 1 else f"{location}?p={number}") for number in range(1, pages + 1)]
    response = TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml; charset=utf-8"
    )
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"  # as Django's sitemap views
    return response


def sitemap_section(request, section):
    if section not in dict(settings.LANGUAGES):
        raise Http404("No such sitemap section.")
    return django_sitemap(request, {section: TranslatedPagesSitemap(request, section)}, section=section)
