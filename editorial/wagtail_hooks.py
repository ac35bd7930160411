from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial import autosave_guard, dashboard, explorer_buttons, translator_access, views, wagtail_localize_workflows
from editorial.roles import can_see_translation_report


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_translation_report(request.user)


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [
        path("reports/translations/", views.translation_report, name="translation_report"),
        # wagtail-localize's report of the same name, with another notion of "up to date": one report, ours.
        path("localize/reports/translations/", RedirectView.as_view(pattern_name="translation_report")),
        path(
            "translations/start/<int:page_id>/",
            translator_access.start_translation,
            name="editorial_start_translation",
        ),
        # wagtail-localize's own address: this guard must come first (see translator_access.convert_to_alias).
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            translator_access.convert_to_alias,
            name="editorial_convert_to_alias",
        ),
        path(
            "translations/<int:translation_id>/update/",
            translator_access.update_translation,
            name="editorial_update_translation",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationReportMenuItem(_("Translations"), reverse("translation_report"), icon_name="globe", order=700)


@hooks.register("construct_reports_menu")
def one_translations_report(request, menu_items):
    """Ours, not wagtail-localize's as well: one "Translations" report, one notion of out of date (views.py)."""
    upstream = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != upstream]


@hooks.register("construct_homepage_panels")
def add_role_panels(request, panels):
    panels.extend(dashboard.panels_for(request.user))


# An autosave never races the Approve or Publish it accompanies (editorial/autosave_guard.py): first of all.
hooks.register("before_edit_page", autosave_guard.refuse_autosave_with_an_action, order=-4)
hooks.register("insert_editor_js", autosave_guard.editor_script)
hooks.register("before_edit_page", translator_access.tell_translation_state, order=-3)
hooks.register("before_edit_page", translator_access.translate_alias, order=-2)
hooks.register("before_edit_page", wagtail_localize_workflows.review_translations, order=-1)

# The explorer's translation buttons: answered for the whole listing, not per row (editorial/explorer_buttons.py).
hooks.register("construct_explorer_page_queryset", explorer_buttons.annotate_translation_buttons)
