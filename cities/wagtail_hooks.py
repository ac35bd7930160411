from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cities.models import EventPage, SupportingOrganisation
from home.prepared import PreparedQuerySet
from home.sections import HOME_PAGE_SECTIONS, Section


class SupportingOrganisationViewSet(SnippetViewSet):
    model = SupportingOrganisation
    icon = "group"
    menu_label = _("Supporting organisations")
    list_display = ["name", "kind", "city", "pledged_on", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name"]


register_snippet(SupportingOrganisationViewSet)


# Compiled once (home/prepared.py): the home page of every language shows them.
UPCOMING_EVENTS = PreparedQuerySet(
    lambda locale_id, now: EventPage.objects.for_listing(locale_id).upcoming(now)[:3],
    locale_id=EventPage._meta.get_field("locale"),
    now=EventPage._meta.get_field("start"),
)


@hooks.register(HOME_PAGE_SECTIONS)
def upcoming_events(home_page):
    events = UPCOMING_EVENTS(locale_id=home_page.locale_id, now=timezone.now())
    return Section("cities/sections/home_upcoming_events.html", events, order=30)
