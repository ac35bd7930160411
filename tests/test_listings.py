"""Listings: order, twelve to a page, forgiving ?page=, tag listings and figures counted from the content."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from cities.models import SupportingOrganisation
from tests import builders
from tests.conftest import derived_state

pytestmark = pytest.mark.django_db


def titles(client, url, selector=".cards .card__title a"):
    response = client.get(url)
    assert response.status_code == 200, url
    return [a.get_text() for a in BeautifulSoup(response.content, "html.parser").select(selector)]


@derived_state("network")
def many_stories(network):
    """26 stories in the collection (28 with the network's two), told on distinct days."""
    start = datetime.date(2009, 1, 1)
    for day in range(26):
        builders.story(network["collection"], f"Story {day:02d}", told_on=start + datetime.timedelta(days=day))
    return network


def test_stories_are_listed_newest_first_twelve_to_a_page(client, many_stories):
    url = many_stories["story_index"].url
    # The network's two stories were told on 1 November 2009; the later-published comes first.
    assert titles(client, url) == ["Learning to dance", "Arriving in Sheffield"] + [
        f"Story {day}" for day in range(25, 15, -1)
    ]
    assert titles(client, url + "?page=2") == [f"Story {day:02d}" for day in range(15, 3, -1)]
    assert titles(client, url + "?page=3") == ["Story 03", "Story 02", "Story 01", "Story 00"]


@pytest.mark.parametrize(
    ("query", "expected_page"),
    [("", 1), ("?page=2", 2), ("?page=abc", 1), ("?page=0", 1), ("?page=-4", 1), ("?page=99999", 3), ("?page=", 1)],
)
def test_bad_page_numbers_fall_back_to_the_first_or_last_page(client, many_stories, query, expected_page):
    for url in (many_stories["story_index"].url, many_stories["collection"].url):
        response = client.get(url + query)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select_one(".pagination [aria-current=page]").get_text() == f"Page {expected_page} of 3"


def test_story_order_is_by_date_told(client, many_stories):
    collection_titles = titles(client, many_stories["collection"].url) + titles(
        client, many_stories["collection"].url + "?page=2"
    )
    collection_titles += titles(client, many_stories["collection"].url + "?page=3")
    dated = [title for title in collection_titles if title.startswith("Story")]
    assert dated == [f"Story {day:02d}" for day in reversed(range(26))]
    # The network's two stories were told on 1 November 2009, after all the January ones.
    assert set(collection_titles[:2]) == {"Arriving in Sheffield", "Learning to dance"}


def test_story_tag_listing_shows_only_tagged_stories(client, network):
    url = network["story_index"].url
    assert titles(client, url + "tag/welcome/") == ["Arriving in Sheffield"]
    assert titles(client, url + "tag/dance/") == ["Learning to dance"]


@pytest.mark.parametrize("tag", ["no-such-tag", "%00", "x" * 300])
def test_unknown_tag_answers_404(client, network, tag):
    assert client.get(network["story_index"].url + f"tag/{tag}/").status_code == 404
    assert client.get(network["exhibition_index"].url + f"tag/{tag}/").status_code == 404


def test_tag_of_another_kind_of_page_lists_nothing(client, network):
    builders.story(network["collection"], "Tagged story", tags=["shared-tag"])
    response = client.get(network["exhibition_index"].url + "tag/shared-tag/")
    assert response.status_code == 200
    assert "No exhibitions to show." in response.content.decode()


def test_exhibitions_are_split_into_on_now_upcoming_and_past(client, network):
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    swansea = network["swansea"]
    builders.exhibition(swansea, "Coming soon", opens_on=today + 10 * day)
    builders.exhibition(swansea, "Long gone", opens_on=today - 90 * day, closes_on=today - 60 * day)
    builders.exhibition(swansea, "Closing today", opens_on=today - 5 * day, closes_on=today)
    url = network["exhibition_index"].url
    assert titles(client, url) == ["Building Sanctuary in Swansea", "Closing today", "Coming soon"]
    assert titles(client, url + "past/") == ["Long gone"]
    assert titles(client, url + "tag/contribution/") == ["Building Sanctuary in Swansea"]


def test_events_listing_upcoming_soonest_first_and_past_latest_first(client, network):
    now = timezone.now()
    sheffield = network["sheffield"]
    builders.event(sheffield, "Next year", start=now + datetime.timedelta(days=365))
    builders.event(sheffield, "Long ago", start=now - datetime.timedelta(days=365))
    ongoing = builders.event(sheffield, "Ongoing", start=now - datetime.timedelta(hours=1))
    ongoing.end = now + datetime.timedelta(hours=2)
    ongoing.save_revision().publish()
    url = network["event_index"].url
    assert titles(client, url) == ["Ongoing", "Music concert", "Next year"]
    assert titles(client, url + "past/") == ["Blogging workshop", "Long ago"]


def test_city_index_lists_all_fifteen_cities_on_one_page(client, network):
    cities = network["cities"]  # Sheffield and Swansea, and thirteen more: more than a listing's page of 12
    for n in range(13):
        builders.city(cities, f"City {n:02d}")
    listed = titles(client, cities.url, ".hub-list a")
    assert len(listed) == 15 and listed[0] == "City 00" and listed[-1] == "Swansea"
    assert titles(client, cities.url + "?page=2", ".hub-list a") == listed  # an old paged link shows them all


def test_the_city_index_says_each_citys_status_in_the_readers_language(client, synced_network):
    from django.utils import translation
    from wagtail.models import Locale

    from cities.models import CityStatus

    arabic = synced_network["cities"].get_translation(Locale.objects.get(language_code="ar"))
    with translation.override("ar"):
        recognised, working = str(CityStatus.RECOGNISED.label), str(CityStatus.WORKING_TOWARDS.label)
    assert recognised != CityStatus.RECOGNISED.label  # translated
    statuses = titles(client, arabic.url, ".hub-list .status")
    assert statuses == [f"{recognised} (2007)", working]  # Sheffield, then Swansea


def test_organisations_are_counted_per_city_and_not_typed_in(client, network):
    sheffield, swansea = network["sheffield"], network["swansea"]
    for _ in range(4):
        builders.organisation(sheffield)
    builders.organisation(swansea)
    assert SupportingOrganisation.objects.for_city(sheffield).count() == 4
    assert "4 organisations have pledged" in client.get(sheffield.url).content.decode()
    assert "1 organisation has pledged" in client.get(swansea.url).content.decode()
    hull = builders.city(network["cities"], "Hull")
    assert "No organisation here has pledged its support yet." in client.get(hull.url).content.decode()


def test_story_counts_ignore_drafts(client, network):
    draft = builders.story(network["collection"], "Not yet")
    draft.unpublish()
    hub = BeautifulSoup(client.get(network["sheffield"].url).content, "html.parser")
    assert "Stories of Sanctuary (2 stories)" in hub.get_text(" ", strip=True)
    assert "2 stories" in client.get(network["collection"].url).content.decode()
