"""The page explorer's "Translate this page" and "Sync translated pages" buttons, answered for the whole listing in
its one query instead of two or three queries per row.

wagtail-localize's listing hook asks the database, for every row, whether some language lacks a real translation of
the page and whether the page is the source of enabled translations: about 100 queries for the 50 rows of a story
collection. Here the explorer's queryset is annotated with both answers (``construct_explorer_page_queryset``) and
wagtail-localize's listing hook is replaced by one that reads them, with the same rules and the same buttons. A page
that comes without the annotations (another listing) is handed to wagtail-localize's own function. Its page header
buttons (one page) are left as they are.
"""

import importlib
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

LISTING_HOOK = "register_page_listing_more_buttons"


def localize_hooks():
    """wagtail-localize's hooks module, loaded by Wagtail after ours: importing it earlier would register its admin
    URLs ahead of editorial's guards (translator_access), so it is looked up only once every app's hooks are in."""
    return importlib.import_module("wagtail_localize.wagtail_hooks")


def annotate_translation_buttons(parent_page, pages, request):
    """``can_translate``: a language has no real translation (aliases do not count), as wagtail-localize asks;
    ``sync_source_id``: the page's translation source, when it has enabled translations to sync."""
    real_versions = Page.objects.filter(translation_key=OuterRef(OuterRef("translation_key")), alias_of__isnull=True)
    sources = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id"), translations__enabled=True
    )
    replace_upstream_listing_hook()
    return pages.annotate(
        can_translate=Exists(Locale.objects.exclude(id__in=real_versions.values("locale_id"))),
        sync_source_id=Subquery(sources.values("pk")[:1]),
    )


def translation_buttons(page, user, view_name=None, next_url=None):
    """wagtail-localize's ``page_listing_more_buttons``, reading the listing's annotations."""
    if not hasattr(page, "can_translate"):
        yield from localize_hooks().page_listing_more_buttons(page, user, view_name=view_name, next_url=next_url)
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if page.can_translate:
        url = reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id])
        yield ListingButton(_("Translate this page"), url, priority=60, icon_name="wagtail-localize-language")
    if page.sync_source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[page.sync_source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(_("Sync translated pages"), url, priority=60, icon_name="resubmit")


def replace_upstream_listing_hook():
    """Put ``translation_buttons`` in the place of wagtail-localize's listing hook (Wagtail has no unregister).

    Done when the explorer builds its listing (idempotent), as the explorer's queryset is then annotated."""
    registered = hooks._hooks.get(LISTING_HOOK, [])
    registered[:] = [
        (translation_buttons if function is localize_hooks().page_listing_more_buttons else function, order)
        for function, order in registered
    ]
