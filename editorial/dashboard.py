"""Admin dashboard panels for the roles that need more than Wagtail's own.

Moderators already get Wagtail's "Awaiting your review" panel. City editors get their city's drafts; translators the
translations whose original has changed since (editorial/translation_status.py), and the pages still waiting for a
translation into their language (pages that are aliases of the original there).
"""

from django.conf import settings
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page

from cities.models import CityHubPage
from editorial.roles import translators_group_name
from editorial.translation_status import out_of_date_translations

PANEL_SIZE = 15


class CityDraftsPanel(Component):
    name = "city_drafts"
    template_name = "editorial/city_drafts_panel.html"
    order = 230

    def __init__(self, hubs):
        self.hubs = hubs

    def get_context_data(self, parent_context):
        drafts = Page.objects.none()
        for hub in self.hubs:
            drafts |= Page.objects.descendant_of(hub, inclusive=True)
        drafts = drafts.filter(alias_of__isnull=True).filter(has_unpublished_changes=True)
        return {"drafts": drafts.order_by("-latest_revision_created_at")[:PANEL_SIZE], "cities": city_names(self.hubs)}


def city_names(hubs):
    """One name per city, in the source language, though the editors' permissions cover every language's hub."""
    by_key = {}
    for hub in hubs:
        if hub.translation_key not in by_key or hub.locale.language_code == settings.LANGUAGE_CODE:
            by_key[hub.translation_key] = hub.title
    return sorted(by_key.values())


class TranslationQueuePanel(Component):
    name = "translation_queue"
    template_name = "editorial/translation_queue_panel.html"
    order = 240

    def __init__(self, locales):
        self.locales = locales

    def get_context_data(self, parent_context):
        queues = []
        for locale in self.locales:
            waiting = Page.objects.filter(locale=locale, alias_of__isnull=False).live().order_by("path")
            outdated = out_of_date_translations(locale)[:PANEL_SIZE]
            queues.append(
                {"locale": locale, "count": waiting.count(), "pages": waiting[:PANEL_SIZE], "outdated": outdated}
            )
        return {"queues": queues}


def panels_for(user):
    if user.is_superuser:
        return []
    groups = user.groups.all()
    hubs = list(CityHubPage.objects.filter(group_permissions__group__in=groups).distinct().select_related("locale"))
    group_names = set(groups.values_list("name", flat=True))
    locales = [
        locale
        for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)
        if translators_group_name(locale.language_code) in group_names
    ]
    panels = []
    if hubs:
        panels.append(CityDraftsPanel(hubs))
    if locales:
        panels.append(TranslationQueuePanel(locales))
    return panels
