"""The reader's ways into other languages: the language switcher, hreflang links, the untranslated notice and the
out-of-date notice.

All four come from one query for the page's translations (aliases included), made once per render and compiled
once per connection (home/prepared.py).
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from home import page_cache
from home.page_urls import page_url
from home.prepared import PreparedValues
from home.translation import out_of_date_with

register = template.Library()


class Version:
    """One language's version of the current page."""

    def __init__(self, code, url, page=None):
        info = get_language_info(code)
        self.code = code
        self.name = info["name_local"]
        self.bidi = info["bidi"]
        self.url = url
        self.page = page
        # An alias shows the source text: only real translations are advertised to search engines.
        self.is_translation = page is not None and page.alias_of_id is None


@dataclass(frozen=True)
class VersionPage:
    """What the tags need of a version's page: which page it is, whose alias, and the language its translation is
    out of date with (``home.translation.out_of_date_with``), if any."""

    id: int
    alias_of_id: int | None
    out_of_date_with: str | None


# The page's live versions in every language, aliases included: compiled once (home/prepared.py), it is on every page.
LIVE_VERSIONS = PreparedValues(
    lambda key: (
        Page.objects.filter(translation_key=key, live=True)
        .order_by("path")
        .values("id", "url_path", "alias_of_id", "locale__language_code", out_of_date_with=out_of_date_with())
    ),
    key=Page._meta.get_field("translation_key"),
)


def page_versions(context):
    """Every configured language's version of the page (or of the home page when there is no page)."""
    if "page_versions" in context.render_context:
        return context.render_context["page_versions"]
    page = context.get("page")
    rows = {}
    if isinstance(page, Page) and page.translation_key:
        rows = {row["locale__language_code"]: row for row in LIVE_VERSIONS(key=page.translation_key)}
        page_cache.record(*(page_cache.page_tag(row["id"]) for row in rows.values()))
    request = context.get("request")
    versions = []
    for code, _name in settings.LANGUAGES:
        row = rows.get(code)
        if row is None:
            versions.append(Version(code, f"/{code}/"))
            continue
        version_page = VersionPage(row["id"], row["alias_of_id"], row["out_of_date_with"])
        versions.append(Version(code, page_url(row["url_path"], request), version_page))
    context.render_context["page_versions"] = versions
    return versions


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"versions": page_versions(context), "current": get_language()}


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    # On the one configured public address, as the sitemap and the canonical link (home/templatetags/page_meta.py).
    translations = [version for version in page_versions(context) if version.is_translation]
    links = [(version.code, settings.WAGTAILADMIN_BASE_URL + version.url) for version in translations]
    default = next((url for code, url in links if code == settings.LANGUAGE_CODE), None)
    return {"links": links if len(links) > 1 else [], "default": default}


@register.simple_tag(takes_context=True)
def untranslated_source(context):
    """For an alias page, the source version whose text it shows; otherwise None.

    None too where a view shows none of the page's own text, only the site's translated interface
    (``interface_only`` in the context, e.g. the teller's private status page).
    """
    page = context.get("page")
    if not isinstance(page, Page) or page.alias_of_id is None or context.get("interface_only"):
        return None
    return next((v for v in page_versions(context) if v.page is not None and v.page.id == page.alias_of_id), None)


@register.simple_tag(takes_context=True)
def outdated_source(context):
    """For a translation whose source has changed since (home.translation.out_of_date_translations), the source
    version readers can turn to; otherwise None (and None when the page is not among its live versions)."""
    page = context.get("page")
    if not isinstance(page, Page) or page.alias_of_id is not None or not page.translation_key:
        return None
    versions = page_versions(context)
    own = next((v for v in versions if v.page is not None and v.page.id == page.id), None)
    # None in the source language too: every tree is translated from it, none into it.
    if own is None or own.code == settings.LANGUAGE_CODE or own.page.out_of_date_with is None:
        return None
    return next((v for v in versions if v.code == own.page.out_of_date_with and v.page is not None), None)


@register.simple_tag(takes_context=True)
def story_provenance(context):
    """On a story read in another language than it was told in: {"original": its original version or None}.

    None on the original telling itself and on aliases (which show the original text).
    """
    page = context.get("page")
    if page is None or page.alias_of_id is not None or get_language() == page.told_in:
        return None
    original = next((v for v in page_versions(context) if v.code == page.told_in and v.is_translation), None)
    return {"original": original}


@register.filter
def lang_attrs(language_code):
    """' lang="en" dir="ltr"' for text in ``language_code`` shown on a page in another language; '' otherwise."""
    if not language_code:
        return ""
    direction = "rtl" if get_language_info(language_code)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language_code, direction)
