from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial import dashboard, views, wagtail_localize_workflows
from editorial.roles import can_see_translation_report


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_translation_report(request.user)


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [path("reports/translations/", views.translation_report, name="translation_report")]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationReportMenuItem(_("Translations"), reverse("translation_report"), icon_name="globe", order=700)


@hooks.register("construct_homepage_panels")
def add_role_panels(request, panels):
    panels.extend(dashboard.panels_for(request.user))


hooks.register("before_edit_page", wagtail_localize_workflows.review_translations, order=-1)
