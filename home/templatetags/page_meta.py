"""The page's head for search engines and link previews: canonical address, OpenGraph and Twitter card, icons.

Every address is absolute on the one configured public address (WAGTAILADMIN_BASE_URL), as in the sitemap.

The canonical address of a page is its own, in its language; of an alias, its original's: an alias shows the
original's text, so search engines are pointed at the original (the sitemap and the hreflang links leave aliases out
for the same reason), while readers keep the alias in their language's tree. A routable page's own routes (a tag's
stories, past events) and a listing's later pages are their own addresses.

Only what the page shows the public goes into a card: its title, its summary and its image. Never a teller's name
or contact, and nothing from the tellers' private pages (``interface_only``), which are marked noindex.
"""

from django import template
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext
from wagtail.models import Page

from home.page_text import page_image, page_summary
from home.templatetags.translations import page_versions

register = template.Library()

SOCIAL_IMAGE = "fill-1200x630|format-jpeg"
# OpenGraph wants language_TERRITORY; the territory where most of the site's readers of that language come from.
OG_LOCALES = {
    "en": "en_GB",
    "cy": "cy_GB",
    "ar": "ar_AR",
    "fa": "fa_IR",
    "ckb": "ckb_IQ",
    "ps": "ps_AF",
    "ti": "ti_ER",
    "uk": "uk_UA",
}


def absolute(url):
    return url if url.startswith(("http://", "https://")) else settings.WAGTAILADMIN_BASE_URL + url


def og_locale(code):
    return OG_LOCALES.get(code, code)


def canonical_path(context, page):
    if context.get("canonical_path"):
        return context["canonical_path"]
    if not isinstance(page, Page):
        return None  # an error page: it has no address of its own to give
    if page.alias_of_id is not None:
        original = next(
            (v for v in page_versions(context) if v.page is not None and v.page.id == page.alias_of_id), None
        )
        if original is not None:
            return original.url
    request = context.get("request")
    path = request.path if request is not None else page.url
    listing = context.get("listing")
    if getattr(listing, "number", 1) > 1:
        path = f"{path}?page={listing.number}"
    return path


def social_image(page):
    image = page_image(page)
    if image is None:
        return None
    rendition = image.get_rendition(SOCIAL_IMAGE)
    return {
        "url": absolute(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": getattr(image, "description", "") or "",
    }


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context):
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    private = bool(context.get("interface_only"))
    path = None if private else canonical_path(context, page)
    language = get_language()
    meta = {
        "noindex": private or bool(context.get("noindex")),
        "canonical": absolute(path) if path else None,
        "site_name": gettext("City of Sanctuary"),
        "locale": og_locale(language),
    }
    if meta["canonical"] is None:
        return meta  # icons only
    title = context.get("meta_title") or (page and (page.seo_title or page.title)) or meta["site_name"]
    description = page_summary(page) if page is not None else ""
    alternates = [v.code for v in page_versions(context) if v.is_translation and v.code != language]
    meta.update(
        {
            "title": title,
            "description": Truncator(strip_tags(description)).words(50) if description else "",
            "type": "website" if page is None or page.depth <= 2 else "article",
            "locale_alternates": [og_locale(code) for code in alternates],
            "image": social_image(page) if page is not None else None,
        }
    )
    return meta
