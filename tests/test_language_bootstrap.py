"""A language added after the site exists gets its tree, its translators' group and its review workflow by itself.

An administrator adds a Locale for a configured language and has it synchronised from English (wagtail-localize's
"Synchronise content from another locale"). wagtail-localize then creates the new tree's home page as an alias of the
English one, and editorial/signals.py gives that home page its "<Language> translators" group and the "Exhibition
review" workflow, with no ``setup_roles`` run.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowPage
from wagtail_localize.models import LocaleSynchronization

from editorial.roles import ensure_all_roles
from editorial.workflows import ensure_workflow_assignments
from home import bootstrap
from home.models import HomePage
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_without_ukrainian(db):
    """The site set up with every configured language but Ukrainian, with its groups and workflows in place."""
    english = bootstrap.ensure_locales()
    Locale.objects.filter(language_code="uk").delete()
    home = bootstrap.ensure_home(english)
    cities = builders.city_index(home)
    sheffield = builders.city(cities, "Sheffield")
    bootstrap.sync_locale_trees(english)
    ensure_all_roles()
    ensure_workflow_assignments()
    return {"english": english, "home": home, "cities": cities, "sheffield": sheffield}


def add_ukrainian(english):
    ukrainian = Locale.objects.create(language_code="uk")
    LocaleSynchronization.objects.create(locale=ukrainian, sync_from=english)
    return ukrainian


def test_before_ukrainian_is_added_there_is_nothing_for_it(site_without_ukrainian):
    assert not Locale.objects.filter(language_code="uk").exists()
    assert not Group.objects.filter(name="Ukrainian translators").exists()
    assert Group.objects.filter(name="Arabic translators").exists()


def test_a_new_language_gets_its_home_page_and_tree(site_without_ukrainian, client):
    home = site_without_ukrainian["home"]
    ukrainian = add_ukrainian(site_without_ukrainian["english"])

    uk_home = HomePage.objects.get(locale=ukrainian)
    assert uk_home.alias_of_id == home.pk
    assert uk_home.translation_key == home.translation_key
    assert uk_home.live
    for page in (site_without_ukrainian["cities"], site_without_ukrainian["sheffield"]):
        copy = Page.objects.get(translation_key=page.translation_key, locale=ukrainian)
        assert copy.alias_of_id == page.pk
        assert copy.get_parent().specific.locale == ukrainian

    response = client.get("/uk/")
    assert response.status_code == 200
    assert 'lang="uk"' in response.content.decode()


def test_a_new_language_gets_its_translators_group_with_rights_on_its_tree(site_without_ukrainian):
    ukrainian = add_ukrainian(site_without_ukrainian["english"])
    uk_home = HomePage.objects.get(locale=ukrainian)

    group = Group.objects.get(name="Ukrainian translators")
    granted = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename"))
    assert granted == {(uk_home.pk, "add_page"), (uk_home.pk, "change_page")}
    assert group.permissions.filter(codename="access_admin", content_type__app_label="wagtailadmin").exists()

    translator = builders.user("olena", "Ukrainian translators")
    uk_sheffield = Page.objects.get(
        translation_key=site_without_ukrainian["sheffield"].translation_key, locale=ukrainian
    )
    assert uk_sheffield.permissions_for_user(translator).can_edit()
    assert not uk_sheffield.permissions_for_user(translator).can_publish()
    assert not site_without_ukrainian["sheffield"].permissions_for_user(translator).can_edit()
    arabic_sheffield = Page.objects.get(
        translation_key=site_without_ukrainian["sheffield"].translation_key, locale__language_code="ar"
    )
    assert not arabic_sheffield.permissions_for_user(translator).can_edit()


def test_a_new_language_gets_the_exhibition_review_workflow(site_without_ukrainian):
    ukrainian = add_ukrainian(site_without_ukrainian["english"])
    uk_home = HomePage.objects.get(locale=ukrainian)

    assert WorkflowPage.objects.get(page=uk_home).workflow.name == "Exhibition review"
    assert uk_home.get_workflow().name == "Exhibition review"
    uk_sheffield = Page.objects.get(
        translation_key=site_without_ukrainian["sheffield"].translation_key, locale=ukrainian
    )
    assert uk_sheffield.get_workflow().name == "Exhibition review"
    assert [task.name for task in uk_home.get_workflow().tasks] == ["Moderator approval"]


def test_setup_languages_gives_every_language_its_home_page_once(client):
    """What a new installation runs (without the demo): every configured language gets a served home page."""
    from io import StringIO

    from django.conf import settings
    from django.core.management import call_command
    from wagtail.models import Site

    for _run in range(2):
        call_command("setup_languages", stdout=StringIO())
    codes = [code for code, _name in settings.LANGUAGES]
    homes = HomePage.objects.order_by("locale__language_code")
    assert sorted(home.locale.language_code for home in homes) == sorted(codes)
    assert Site.objects.get(is_default_site=True).root_page.specific == homes.get(locale__language_code="en")
    for code in codes:
        response = client.get(f"/{code}/")
        assert response.status_code == 200
        assert f'<html lang="{code}"' in response.content.decode()
