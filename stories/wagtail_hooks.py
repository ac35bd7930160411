from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import attach_card_renditions
from home.prepared import CHILDREN_FIELDS, PreparedQuerySet, children_arguments, children_of
from home.sections import CITY_HUB_LISTINGS, HOME_PAGE_SECTIONS, Section
from stories import views
from stories.models import ConsentRecord, StoryCollectionPage, StoryPage, TellerIdentity, Withdrawal
from stories.models.pages import StoryPermissionTester
from stories.models.workflow import consent_check_passed


class ConsentRecordViewSet(SnippetViewSet):
    """Consent records: visible only to users given the stories.*_consentrecord permissions."""

    model = ConsentRecord
    icon = "lock"
    menu_label = _("Consent records")
    list_display = ["story", "given_on", "withdrawn_on", "recorded_by"]
    list_filter = ["withdrawn_on"]


register_snippet(ConsentRecordViewSet)


class TellerIdentityViewSet(SnippetViewSet):
    """Real names and contact details: only groups given stories.view_telleridentity (Moderators) see them."""

    model = TellerIdentity
    icon = "user"
    menu_label = _("Tellers' identities")
    list_display = ["story", "created_at"]
    inspect_view_enabled = True


class WithdrawalViewSet(SnippetViewSet):
    model = Withdrawal
    icon = "history"
    menu_label = _("Withdrawals")
    list_display = ["__str__"]


register_snippet(TellerIdentityViewSet)
register_snippet(WithdrawalViewSet)


@hooks.register("register_admin_urls")
def register_withdraw_url():
    return [path("stories/<int:page_id>/withdraw/", views.withdraw, name="withdraw_story")]


@hooks.register("before_publish_page")
def refuse_to_publish_an_unchecked_story(request, page):
    """The editor's Publish (create or edit view) on a story version that has not passed its consent check.

    The new version is already saved as a draft by then, so nothing the person wrote is lost.
    """
    if page.specific_class is StoryPage and not consent_check_passed(page, page.get_latest_revision()):
        messages.error(
            request,
            _(
                "This story was saved as a draft but not published: a story goes live only after this version has "
                "passed the consent check. Submit it to Story review."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("register_page_header_buttons")
def withdraw_button(page, user, view_name, next_url=None):
    if page.specific_class is StoryPage and StoryPermissionTester(user, page).can_withdraw():
        yield Button(
            _("Withdraw story"), url=reverse("withdraw_story", args=[page.pk]), icon_name="warning", priority=55
        )


# Compiled once (home/prepared.py): the home page of every language shows them.
LATEST_STORIES = PreparedQuerySet(
    lambda locale_id: StoryPage.objects.for_listing(locale_id, renditions=False)[:3],
    locale_id=StoryPage._meta.get_field("locale"),
)


@hooks.register(HOME_PAGE_SECTIONS)
def latest_stories(home_page):
    stories = LATEST_STORIES(locale_id=home_page.locale_id)
    attach_card_renditions(stories)
    return Section("stories/sections/home_latest_stories.html", stories, order=10)


HUB_COLLECTIONS = PreparedQuerySet(
    lambda **children: (
        StoryCollectionPage.objects.filter(children_of(**children), live=True).order_by("path").with_story_counts()
    ),
    **CHILDREN_FIELDS,
)


@hooks.register(CITY_HUB_LISTINGS)
def hub_collections(hub):
    collections = HUB_COLLECTIONS(**children_arguments(hub))
    return Section("stories/sections/hub_collections.html", collections, order=10) if collections else None
