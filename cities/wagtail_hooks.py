from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cities.models import EventPage, SupportingOrganisation
from home.sections import HOME_PAGE_SECTIONS, Section


class SupportingOrganisationViewSet(SnippetViewSet):
    model = SupportingOrganisation
    icon = "group"
    menu_label = _("Supporting organisations")
    list_display = ["name", "kind", "city", "pledged_on", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name"]


register_snippet(SupportingOrganisationViewSet)


@hooks.register(HOME_PAGE_SECTIONS)
def upcoming_events(home_page):
    events = EventPage.objects.for_listing(home_page.locale_id).upcoming()[:3]
    return Section("cities/sections/home_upcoming_events.html", list(events), order=30)
