"""Private pages stay private in every language (BasePage.get_view_restrictions resolves aliases from ``ancestors``).

A page with a view restriction (a password, or "logged-in users only") hides itself and everything under it, in
the source tree and in every other language's tree, where the pages are aliases of the source or translations of
it. Anonymous readers get the password form or a redirect to log in, never the content; the pages next to it stay
public.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.models import Page, PageViewRestriction

from home.translation import translate
from tests import builders

pytestmark = pytest.mark.django_db

PASSWORD = "a shared secret"
STORY_TEXT = "A sample story written for the tests."
ARABIC_TITLE = "الوصول إلى شيفيلد"


def restrict(page, restriction_type, **fields):
    return PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **fields)


def assert_password_form(client, page, *secrets):
    """``page`` answers with Wagtail's password form, and none of ``secrets`` appears in it."""
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("input", attrs={"type": "password", "name": "password"}) is not None, page.url
    assert "/_util/authenticate_with_password/" in soup.find("form")["action"], page.url
    assert "no-cache" in response["Cache-Control"]
    for secret in secrets:
        assert secret not in html, (page.url, secret)
    return soup


def assert_login_redirect(client, page):
    response = client.get(page.url)
    assert response.status_code == 302, page.url
    assert re.search(r"\?next=" + re.escape(page.url) + "$", response["Location"]), response["Location"]
    assert "no-cache" in response["Cache-Control"]


def assert_public(client, page, text):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    assert text in response.content.decode(), page.url
    assert 'type="password"' not in response.content.decode(), page.url


@pytest.fixture
def tree(synced_network):
    """The network, with the first Sheffield story translated into Arabic (a translation, not an alias)."""
    story = synced_network["stories"][0]
    arabic_story = translate(story, "ar", {"Arriving in Sheffield": ARABIC_TITLE}.get)
    assert arabic_story.alias_of_id is None
    return {**synced_network, "arabic story": arabic_story}


def test_a_password_hides_the_page_its_descendants_and_their_versions_in_every_language(client, tree):
    sheffield, story = tree["sheffield"], tree["stories"][0]
    restriction = restrict(sheffield, PageViewRestriction.PASSWORD, password=PASSWORD)
    private = [
        (sheffield, "Sheffield"),
        (tree["collection"], "Stories told in Sheffield."),
        (story, STORY_TEXT),
        (tree["upcoming_event"], "Music concert"),
        (builders.version(sheffield, "ar"), "Sheffield"),  # aliases in other languages' trees
        (builders.version(sheffield, "cy"), "Sheffield"),
        (builders.version(tree["collection"], "cy"), "Stories told in Sheffield."),
        (builders.version(story, "cy"), STORY_TEXT),
        (builders.version(tree["upcoming_event"], "ti"), "Music concert"),
        (tree["arabic story"], ARABIC_TITLE),  # a translation under an alias of the private hub
    ]
    assert builders.version(story, "cy").alias_of_id == story.pk
    for page, text in private:
        assert_password_form(client, page, text, "Amal")

    # The restriction checked is the source page's, in every language.
    form = assert_password_form(client, builders.version(story, "ar"), STORY_TEXT)
    assert f"/_util/authenticate_with_password/{restriction.pk}/" in form.find("form")["action"]

    # Next to it, Swansea and its exhibition are public, in English and in the other languages.
    for page in (tree["swansea"], tree["exhibition"], tree["cities"]):
        for language in ("en", "ar", "cy"):
            assert_public(client, builders.version(page, language), page.title)


def test_the_right_password_opens_the_page_in_every_language(client, tree):
    story = tree["stories"][0]
    restrict(tree["sheffield"], PageViewRestriction.PASSWORD, password=PASSWORD)
    form = assert_password_form(client, story, STORY_TEXT)
    wrong = client.post(form.find("form")["action"], {"password": "wrong", "return_url": story.url})
    assert STORY_TEXT not in wrong.content.decode()
    assert_password_form(client, story, STORY_TEXT)

    response = client.post(form.find("form")["action"], {"password": PASSWORD, "return_url": story.url})
    assert response.status_code == 302
    assert_public(client, story, STORY_TEXT)
    assert_public(client, builders.version(story, "cy"), STORY_TEXT)
    assert_public(client, tree["arabic story"], ARABIC_TITLE)


def test_a_login_restriction_sends_anonymous_readers_to_log_in_in_every_language(client, tree):
    collection, story = tree["collection"], tree["stories"][0]
    restrict(collection, PageViewRestriction.LOGIN)
    for page in (
        collection,
        story,
        tree["stories"][1],
        builders.version(collection, "ar"),
        builders.version(story, "cy"),
        builders.version(story, "fa"),
        tree["arabic story"],
    ):
        assert_login_redirect(client, page)

    # The hub above the collection and the events beside it are still public.
    for language in ("en", "ar"):
        assert_public(client, builders.version(tree["sheffield"], language), "Sheffield")
        assert_public(client, builders.version(tree["upcoming_event"], language), "Music concert")

    client.force_login(get_user_model().objects.create_user("reader", password="a long pass phrase"))
    assert_public(client, story, STORY_TEXT)
    assert_public(client, builders.version(story, "cy"), STORY_TEXT)
    assert_public(client, tree["arabic story"], ARABIC_TITLE)


def test_a_restriction_on_a_page_does_not_hide_its_parent_or_siblings(client, tree):
    first, second = tree["stories"]
    restrict(first, PageViewRestriction.PASSWORD, password=PASSWORD)
    for language in ("en", "cy"):
        assert_password_form(client, builders.version(first, language), STORY_TEXT)
        assert_public(client, builders.version(second, language), "Learning to dance")
        assert_public(client, builders.version(tree["collection"], language), "Stories told in Sheffield.")


def test_the_restrictions_found_are_wagtails_own_for_every_page(tree):
    """The speed-up gives the same answer as Wagtail's Page.get_view_restrictions, alias by alias."""
    restrict(tree["sheffield"], PageViewRestriction.PASSWORD, password=PASSWORD)
    restrict(tree["stories"][1], PageViewRestriction.LOGIN)
    restrict(tree["exhibition"], PageViewRestriction.LOGIN)
    checked = 0
    for page in Page.objects.filter(depth__gt=1).specific():
        ours = set(page.get_view_restrictions().values_list("pk", flat=True))
        wagtails = set(Page.get_view_restrictions(page).values_list("pk", flat=True))
        assert ours == wagtails, page.url
        checked += bool(ours)
    assert checked > 20  # the restricted pages and their descendants, in eight languages
