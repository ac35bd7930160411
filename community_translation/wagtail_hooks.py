from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community_translation import admin_views
from community_translation.models import CommunityTranslation, TranslatorContact


class CommunityTranslationViewSet(SnippetViewSet):
    model = CommunityTranslation
    icon = "globe"
    menu_label = _("Community translations")
    list_display = ["__str__", "status", "submitted_at"]
    list_filter = ["status", "target_locale"]
    inspect_view_enabled = True


class TranslatorContactViewSet(SnippetViewSet):
    """Community translators' contact addresses: only groups given view_translatorcontact (Moderators) see them."""

    model = TranslatorContact
    icon = "user"
    menu_label = _("Community translators' contacts")
    list_display = ["translation"]
    inspect_view_enabled = True


register_snippet(CommunityTranslationViewSet)
register_snippet(TranslatorContactViewSet)


@hooks.register("register_admin_urls")
def register_community_translation_urls():
    return [
        path(
            "community-translations/<int:page_id>/corrections/",
            admin_views.corrections,
            name="community_translation_corrections",
        )
    ]


@hooks.register("construct_homepage_panels")
def add_community_translations_panel(request, panels):
    panel = admin_views.panel_for(request.user)
    if panel is not None:
        panels.append(panel)


hooks.register("before_edit_page", admin_views.tell_community_translation, order=-4)
