from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import MythFact


class MythFactViewSet(SnippetViewSet):
    model = MythFact
    icon = "help"
    menu_label = _("Myths and facts")
    list_display = ["myth", "last_reviewed", "locale"]
    list_filter = ["locale"]
    search_fields = ["myth"]


register_snippet(MythFactViewSet)
