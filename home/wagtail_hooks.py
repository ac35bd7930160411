from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import dashboard, localize_review, views  # noqa: F401  (localize_review registers a hook)
from home.models import MythFact


class MythFactViewSet(SnippetViewSet):
    model = MythFact
    icon = "help"
    menu_label = "Myths and facts"
    list_display = ["myth", "last_reviewed", "locale"]
    list_filter = ["locale"]
    search_fields = ["myth"]


register_snippet(MythFactViewSet)


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [path("reports/translations/", views.translation_report, name="translation_report")]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem("Translations", reverse("translation_report"), icon_name="globe", order=700)


@hooks.register("construct_homepage_panels")
def add_role_panels(request, panels):
    panels.extend(dashboard.panels_for(request.user))
