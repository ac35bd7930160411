"""URLs that readers and programs type by hand: routing edge cases and the read-only API."""

import re

import pytest
from django.core import mail

from home import bootstrap
from tests import builders

pytestmark = pytest.mark.django_db


def test_unpublished_pages_answer_404(client, network):
    story = network["stories"][0]
    url = story.url
    story.unpublish()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/en/cities/nowhere/",
        "/en/cities/sheffield/stories-of-sanctuary/no-such-story/",
        "/en/cities/sheffield/stories-of-sanctuary/arriving-in-sheffield/extra/",
        "/en/stories/tag/",
        "/en/events/past/extra/",
        "/en/%E2%98%83/",
        "/en/" + "a/" * 60,
    ],
)
def test_unknown_paths_answer_404_not_500(client, network, path):
    assert client.get(path).status_code == 404


def test_pages_are_found_at_every_depth(client, network):
    for key in ("about", "cities", "sheffield", "collection", "exhibition", "upcoming_event", "story_index"):
        assert client.get(network[key].url).status_code == 200, key
    assert client.get(network["exhibits"][2].url).status_code == 200
    assert client.get("/en/events/past/").status_code == 200


def test_api_lists_pages_with_their_fields(client, network):
    response = client.get("/api/v2/pages/", {"type": "stories.StoryPage", "fields": "summary,teller_display_name"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert {item["title"] for item in items} == {"Arriving in Sheffield", "Learning to dance"}
    assert {item["teller_display_name"] for item in items} == {"Amal", "Anonymous"}


def test_api_filters_by_locale(client, network, locales):
    bootstrap.sync_locale_trees(locales)  # every language's tree mirrors the network
    english = client.get("/api/v2/pages/", {"locale": "en", "type": "cities.CityHubPage"}).json()
    arabic = client.get("/api/v2/pages/", {"locale": "ar", "type": "cities.CityHubPage"}).json()
    assert english["meta"]["total_count"] == 2
    assert arabic["meta"]["total_count"] == 2  # the alias tree mirrors the English one
    assert {item["meta"]["locale"] for item in arabic["items"]} == {"ar"}


@pytest.mark.parametrize(
    "params",
    [{"limit": "abc"}, {"offset": "-1"}, {"type": "nope.Nope"}, {"order": "nonsense"}, {"fields": "secret"}],
)
def test_bad_api_parameters_get_a_clear_400(client, network, params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 400
    assert "message" in response.json()


def test_api_does_not_list_drafts(client, network):
    network["stories"][0].unpublish()
    items = client.get("/api/v2/pages/", {"type": "stories.StoryPage"}).json()["items"]
    assert [item["title"] for item in items] == ["Learning to dance"]


def test_stories_feed_lists_the_languages_live_stories(client, network):
    response = client.get("/en/stories/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert "<title>Arriving in Sheffield</title>" in body
    assert "http://testserver/en/cities/sheffield/stories-of-sanctuary/arriving-in-sheffield/" in body


def test_the_sitemap_the_api_and_the_emails_use_the_one_configured_address(client, editorial):
    """WAGTAILADMIN_BASE_URL (https://sanctuary.example.org in the test settings) is the site's only address."""
    story = editorial["stories"][0]
    address = "https://sanctuary.example.org/"
    index = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{address}sitemap-en.xml</loc>" in index
    sitemap = client.get("/sitemap-en.xml").content.decode()
    assert f"<loc>{address}en/cities/sheffield/" in sitemap
    assert set(re.findall(r"<loc>(https?://[^/]+/)", index + sitemap)) == {address}

    api = client.get(f"/api/v2/pages/{story.pk}/").json()
    assert api["meta"]["detail_url"] == f"{address}api/v2/pages/{story.pk}/"
    assert api["meta"]["html_url"] == f"{address}en/cities/sheffield/stories-of-sanctuary/arriving-in-sheffield/"

    draft = builders.draft_story(editorial["collection"], "Waiting for review")
    mail.outbox.clear()
    draft.get_workflow().start(draft, editorial["users"]["sheffield editor"])
    links = {link for message in mail.outbox for link in re.findall(r"https?://[^/\s]+/", message.body)}
    assert links == {address}


@pytest.mark.parametrize(
    "path", ["/documents/{}/x.pdf", "/api/v2/pages/{}/", "/api/v2/images/{}/", "/api/v2/documents/{}/"]
)
@pytest.mark.parametrize("digits", [19, 5000])
def test_an_id_too_long_for_the_database_is_not_found(client, network, path, digits):
    """An id of 5000 digits once answered 500 (Python refuses to read so long a number; found by the fuzz test)."""
    assert client.get(path.format("9" * digits)).status_code == 404
