from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import page_cache
from home.models import MythFact


class MythFactViewSet(SnippetViewSet):
    model = MythFact
    icon = "help"
    menu_label = _("Myths and facts")
    list_display = ["myth", "last_reviewed", "locale"]
    list_filter = ["locale"]
    search_fields = ["myth"]


register_snippet(MythFactViewSet)


@hooks.register("before_serve_page")
def offer_to_page_cache(page, request, serve_args, serve_kwargs):
    """Every page served by Wagtail's public view may be cached for anonymous readers (home/page_cache.py)."""
    page_cache.page_served(page, request)
