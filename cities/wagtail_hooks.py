from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cities.models import SupportingOrganisation


class SupportingOrganisationViewSet(SnippetViewSet):
    model = SupportingOrganisation
    icon = "group"
    menu_label = "Supporting organisations"
    list_display = ["name", "kind", "city", "pledged_on", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name"]


register_snippet(SupportingOrganisationViewSet)
