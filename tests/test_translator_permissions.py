"""A translator works in their own language's tree and nowhere else, and cannot publish."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.roles import ensure_translator_groups
from home.translation import translate
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic_translator(synced_network):
    ensure_translator_groups()
    user = get_user_model().objects.create_user("layla", password="a long pass phrase")
    user.groups.add(Group.objects.get(name="Arabic translators"))
    return user


def test_setup_is_idempotent(synced_network):
    first = [(group.name, group.page_permissions.count()) for group in ensure_translator_groups()]
    again = [(group.name, group.page_permissions.count()) for group in ensure_translator_groups()]
    assert first == again
    assert ("Arabic translators", 2) in first
    assert "English translators" not in [name for name, _count in first]


def test_arabic_translator_can_edit_the_arabic_tree_only(arabic_translator, synced_network):
    story = synced_network["stories"][0]
    assert builders.version(story, "ar").permissions_for_user(arabic_translator).can_edit()
    assert not builders.version(story, "cy").permissions_for_user(arabic_translator).can_edit()
    assert not story.permissions_for_user(arabic_translator).can_edit()
    assert not synced_network["home"].permissions_for_user(arabic_translator).can_edit()


def test_arabic_translator_cannot_publish_the_source_nor_their_own_pages(arabic_translator, synced_network):
    story = synced_network["stories"][0]
    assert not story.permissions_for_user(arabic_translator).can_publish()
    assert not builders.version(story, "ar").permissions_for_user(arabic_translator).can_publish()


def test_translated_page_stays_editable_by_its_translators(arabic_translator, synced_network):
    story = synced_network["stories"][0]
    arabic = translate(story, "ar", {"Arriving in Sheffield": "الوصول إلى شيفيلد"}.get)
    assert arabic.permissions_for_user(arabic_translator).can_edit()
    assert not translate(story, "cy", lambda text: None).permissions_for_user(arabic_translator).can_edit()


def test_translator_is_refused_the_english_editor_in_the_admin(client, arabic_translator, synced_network):
    client.force_login(arabic_translator)
    story = synced_network["stories"][0]
    assert client.get(f"/admin/pages/{story.pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/pages/{builders.version(story, 'cy').pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/pages/{builders.version(story, 'ar').pk}/edit/").status_code == 200
