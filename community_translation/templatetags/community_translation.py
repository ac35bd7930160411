"""Invitations to translate a page from its public page, and the community translators' credit line."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from community_translation.models import CommunityTranslation
from community_translation.pages import is_translatable
from home.templatetags.translations import page_versions

register = template.Library()


def translate_url(page_id, language_code):
    with translation.override(language_code):
        return reverse("community_translate", args=[page_id])


@register.simple_tag(takes_context=True)
def translation_invitations(context):
    """{"here": url into the reader's language or None, "elsewhere": [versions with "url"]}, or None.

    On an alias (the "not translated yet" notice): translate it into the reader's language. On a translation:
    update it (shown with the out-of-date notice). On the original: one link per language it is not translated into.
    """
    page = context.get("page")
    if not isinstance(page, Page) or context.get("interface_only") or not page.translation_key:
        return None
    versions = page_versions(context)
    code = next((v.code for v in versions if v.page is not None and v.page.id == page.id), None)
    if code is None or not is_translatable(page):
        return None
    if page.alias_of_id is not None:
        return {"here": translate_url(page.alias_of_id, code), "elsewhere": []}
    untranslated = [v for v in versions if v.page is not None and v.page.alias_of_id == page.id]
    for version in untranslated:
        version.translate_url = translate_url(page.id, version.code)
    return {"here": translate_url(page.id, code) if code != settings.LANGUAGE_CODE else None, "elsewhere": untranslated}


@register.simple_tag(takes_context=True)
def community_credit(context):
    """The names of the community translators of this live translation ("" for anonymous ones only), or None.

    Page types with their own credit line (a story's "translated by") show it there instead.
    """
    page = context.get("page")
    if not isinstance(page, Page) or page.alias_of_id is not None or hasattr(page, "translated_by"):
        return None
    if translation.get_language() == settings.LANGUAGE_CODE or not is_translatable(page):
        return None
    records = CommunityTranslation.objects.for_page(page).published().order_by("submitted_at")
    names = [record.public_name for record in records.only("credit", "credited_name")]
    if not names:
        return None
    return ", ".join(dict.fromkeys(name for name in names if name))
