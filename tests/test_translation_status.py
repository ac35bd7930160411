"""Stale translations are detected and reported; coverage per language is counted from the tree."""

import json

import pytest
from bs4 import BeautifulSoup

from editorial.roles import ADMINISTRATORS, CONTRIBUTORS, MODERATORS, ensure_all_roles
from editorial.translation_status import coverage, out_of_date_translations
from home.translation import translate
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def welsh_story(synced_network):
    story = synced_network["stories"][0]
    return story, translate(story, "cy", {"Arriving in Sheffield": "Cyrraedd Sheffield"}.get)


def test_a_fresh_translation_is_up_to_date(welsh_story):
    assert list(out_of_date_translations()) == []


def test_republishing_the_source_marks_its_translation_out_of_date(welsh_story):
    story, welsh = welsh_story
    story.summary = "A changed summary."
    builders.review_and_publish(story)
    stale = list(out_of_date_translations())
    assert [(t.target_locale.language_code, t.target_page_id) for t in stale] == [("cy", welsh.pk)]
    assert list(out_of_date_translations(locale=welsh.locale)) == stale
    assert list(out_of_date_translations(locale=story.locale)) == []


def test_updating_the_translation_makes_it_current_again(welsh_story):
    story, welsh = welsh_story
    builders.review_and_publish(story)
    translate(story, "cy", {"Arriving in Sheffield": "Cyrraedd Sheffield"}.get)
    assert list(out_of_date_translations()) == []


def test_coverage_counts_translations_not_aliases(welsh_story):
    figures = coverage()
    assert figures["cy"]["storypage"] == (1, 2)
    assert figures["ar"]["storypage"] == (0, 2)
    assert figures["cy"]["cityhubpage"] == (0, 2)
    assert "en" not in figures


def test_admin_report_lists_stale_translations_and_coverage(admin_client, welsh_story):
    story, welsh = welsh_story
    builders.review_and_publish(story)
    response = admin_client.get("/admin/reports/translations/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"/admin/pages/{welsh.pk}/edit/" in html
    assert "Welsh (cy)" in html


def test_report_is_for_admin_users_only(client, welsh_story):
    assert client.get("/admin/reports/translations/").status_code == 302
    response = client.get("/admin/reports/translations/")
    assert response["Location"].startswith("/admin/login/")
    assert "next=/admin/reports/translations/" in response["Location"]


@pytest.fixture
def staff(welsh_story):
    """A member of each editorial group (none of them a superuser); the Welsh translation is out of date."""
    story, welsh = welsh_story
    builders.review_and_publish(story)
    ensure_all_roles()
    users = {
        "arabic translator": builders.user("layla", "Arabic translators"),
        "city editor": builders.user("sam", "Sheffield editors"),
        "contributor": builders.user("cal", CONTRIBUTORS),
        "moderator": builders.user("mo", MODERATORS),
        "administrator": builders.user("ada", ADMINISTRATORS),
    }
    assert not any(user.is_superuser for user in users.values())
    return {"users": users, "welsh": welsh}


def reports_menu(client):
    """The labels and links in the admin sidebar's Reports menu (empty when there is no Reports menu)."""
    response = client.get("/admin/")
    assert response.status_code == 200
    script = BeautifulSoup(response.content, "html.parser").find(id="wagtail-sidebar-props")
    found = []

    def walk(node, in_reports=False):
        if isinstance(node, dict):
            args = node.get("_args")
            if node.get("_type") == "wagtail.sidebar.SubMenuItem" and args and args[0].get("name") == "reports":
                walk(args[1:], in_reports=True)
                return
            if in_reports and "label" in node and "url" in node:
                found.append((node["label"], node["url"]))
            for value in node.values():
                walk(value, in_reports)
        elif isinstance(node, list):
            for value in node:
                walk(value, in_reports)

    walk(json.loads(script.string))
    return found


@pytest.mark.parametrize("role", ["arabic translator", "city editor", "contributor"])
def test_other_admin_users_are_refused_the_report_and_do_not_see_it_in_the_menu(client, staff, role):
    client.force_login(staff["users"][role])
    assert client.get("/admin/").status_code == 200  # they are admin users
    # The view refuses with PermissionDenied: a 403 to scripts; Wagtail's admin turns it into a redirect to the
    # dashboard with its "no permission" message for a browser.
    response = client.get("/admin/reports/translations/", headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 403
    assert "Welsh (cy)" not in response.content.decode()
    response = client.get("/admin/reports/translations/", follow=True)
    assert response.redirect_chain == [("/admin/", 302)]
    html = response.content.decode()
    assert "Sorry, you do not have permission to access this area." in html
    assert "Out-of-date translations" not in html
    assert f"/admin/pages/{staff['welsh'].pk}/edit/" not in html
    # (wagtail-localize's own report, also labelled "Translations", lives at /admin/localize/reports/translations/.)
    menu = reports_menu(client)
    assert ("Translations", "/admin/reports/translations/") not in menu
    assert "/admin/reports/translations/" not in [url for _label, url in menu]


@pytest.mark.parametrize("role", ["moderator", "administrator"])
def test_moderators_and_administrators_get_the_report_and_see_it_in_the_menu(client, staff, role):
    client.force_login(staff["users"][role])
    response = client.get("/admin/reports/translations/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Out-of-date translations" in html
    assert f"/admin/pages/{staff['welsh'].pk}/edit/" in html
    assert "Welsh (cy)" in html
    assert "Arabic (ar)" in html
    assert ("Translations", "/admin/reports/translations/") in reports_menu(client)
