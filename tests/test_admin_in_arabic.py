"""The admin in Arabic shows none of this site's own strings in English.

For every message of site/locale whose Arabic translation differs from its English, the English must not be a text of
the admin screens people use (dashboards, page editors, the add-page chooser, the snippets, reports). A text counts
when a whole text node reads as the message (capitalised as Wagtail shows labels, with a trailing ":" or "*" allowed),
placeholders matching anything. Text that comes from content (page titles, names) is left out.
"""

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile

from tests import builders
from tests.catalogue import untranslated

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic_admin(editorial, submitted_story):
    for user in editorial["users"].values():
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "ar"
        profile.save()
    content = set(Page.objects.values_list("title", flat=True))
    content |= {str(user) for user in editorial["users"].values()}
    content |= {*Site.objects.values_list("site_name", flat=True), settings.WAGTAIL_SITE_NAME}  # the site's name
    return editorial, content


def screens(network):
    story, exhibition, event, hub = (
        network["stories"][0],
        network["exhibition"],
        network["upcoming_event"],
        network["sheffield"],
    )
    edit = lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk])  # noqa: E731
    return {
        "administrator": [
            "/admin/",
            edit(story),
            edit(exhibition),
            edit(network["exhibits"][0]),
            edit(event),
            edit(hub),
            edit(network["collection"]),
            edit(network["about"]),
            edit(network["share"]),
            reverse("wagtailadmin_pages:add_subpage", args=[hub.pk]),
            reverse("wagtailadmin_pages:add_subpage", args=[network["home"].pk]),
            reverse("withdraw_story", args=[story.pk]),
            "/admin/snippets/stories/consentrecord/",
            "/admin/snippets/stories/telleridentity/",
            "/admin/snippets/stories/withdrawal/",
            "/admin/snippets/home/mythfact/",
            "/admin/snippets/cities/supportingorganisation/",
            "/admin/snippets/cities/supportingorganisation/add/",
            "/admin/snippets/home/mythfact/add/",
            "/admin/snippets/stories/consentrecord/add/",
            reverse("translation_report"),
        ],
        "moderator": ["/admin/", edit(story), reverse("translation_report")],
        "sheffield editor": ["/admin/", edit(event)],
        "arabic translator": ["/admin/", edit(builders.version(network["about"], "ar"))],
    }


def test_admin_screens_in_arabic_show_no_english_of_ours(client, arabic_admin):
    network, content = arabic_admin
    found = {}
    for role, urls in screens(network).items():
        client.force_login(network["users"][role])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (role, url, response.status_code)
            assert b'<html lang="ar" dir="rtl"' in response.content, (role, url)
            if english := untranslated(response.content, content):
                found[f"{role} {url}"] = english
    assert found == {}
