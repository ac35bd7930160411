"""The reader's ways into other languages: the language switcher, hreflang links, the untranslated notice and the
out-of-date notice.

All four come from one query for the page's translations (aliases included), made once per render.
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

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


def page_versions(context):
    """Every configured language's version of the page (or of the home page when there is no page)."""
    if "page_versions" in context.render_context:
        return context.render_context["page_versions"]
    page = context.get("page")
    pages = {}
    if isinstance(page, Page) and page.translation_key:
        translations = Page.objects.filter(translation_key=page.translation_key).live().select_related("locale")
        fields = ("id", "url_path", "path", "depth", "alias_of_id", "locale__language_code", "translation_key")
        translations = translations.only(*fields, "last_published_at").annotate(out_of_date_with=out_of_date_with())
        pages = {version.locale.language_code: version for version in translations}
    versions = []
    for code, _name in settings.LANGUAGES:
        version_page = pages.get(code)
        url = version_page.url if version_page else f"/{code}/"
        versions.append(Version(code, url, version_page))
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
