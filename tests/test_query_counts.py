"""Every public page type costs a bounded number of queries, however much content it lists."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cities.models import EventPage
from exhibitions.models import ExhibitionPage, ExhibitPage
from stories.models import RelatedStory, StoryPage
from tests import builders
from tests.conftest import fresh_pages

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12  # issue 13's target for every public page


def add_stories(collection, count, image):
    for n in range(count):
        collection.add_child(
            instance=StoryPage(
                title=f"Story {n}",
                teller_name="Teller",
                told_on=datetime.date(2009, 1, 1) + datetime.timedelta(days=n),
                summary="Summary.",
                image=image,
                body=builders.paragraph("Sample."),
            )
        )


def add_exhibitions(hub, count, image):
    for n in range(count):
        hub.add_child(
            instance=ExhibitionPage(
                title=f"Exhibition {n}",
                curator_statement="<p>Statement.</p>",
                venue="Museum",
                opens_on=timezone.localdate() - datetime.timedelta(days=n),
                hero_image=image,
            )
        )


def add_events(hub, count):
    for n in range(count):
        hub.add_child(
            instance=EventPage(title=f"Event {n}", venue="Hall", start=timezone.now() + datetime.timedelta(days=n + 1))
        )


def add_exhibits(exhibition, count):
    for n in range(count):
        exhibition.add_child(instance=ExhibitPage(title=f"Exhibit {n}", writing="<p>Words.</p>"))


def populate(network, count):
    """``count`` of every kind of thing a page can list, all sharing one image."""
    image = builders.image("Card")
    add_stories(network["collection"], count, image)
    add_exhibitions(network["swansea"], count, image)
    add_events(network["sheffield"], count)
    add_exhibits(network["exhibition"], count)
    for n in range(count):
        builders.organisation(network["sheffield"], f"Organisation {n}")
        builders.city(network["cities"], f"Town {n}")
    story = network["stories"][0]
    for n, related in enumerate(StoryPage.objects.exclude(pk=story.pk)[:count]):
        RelatedStory.objects.create(page=story, story=related, sort_order=n)


PAGES = {
    "home": lambda network: "/en/",
    "standard page": lambda network: network["about"].url,
    "city index": lambda network: network["cities"].url,
    "city hub": lambda network: network["sheffield"].url,
    "event": lambda network: network["upcoming_event"].url,
    "event index": lambda network: network["event_index"].url,
    "past events": lambda network: network["event_index"].url + "past/",
    "story collection": lambda network: network["collection"].url,
    "story": lambda network: network["stories"][0].url,
    "story index": lambda network: network["story_index"].url,
    "story tag": lambda network: network["story_index"].url + "tag/welcome/",
    "exhibition index": lambda network: network["exhibition_index"].url,
    "past exhibitions": lambda network: network["exhibition_index"].url + "past/",
    "exhibition": lambda network: network["exhibition"].url,
    "exhibit": lambda network: network["exhibits"][1].url,
}


def count_queries(client, url):
    client.get(url)  # the first view makes image renditions once
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def test_share_your_story_form_costs_the_same_with_3_and_60_cities(client, network, django_assert_max_num_queries):
    share = network["share"]
    for n in range(3):
        builders.collection(builders.city(network["cities"], f"Town {n}"), f"Stories {n}")
    with_few = count_queries(client, share.url)
    for n in range(3, 60):
        builders.collection(builders.city(network["cities"], f"Town {n}"), f"Stories {n}")
    assert count_queries(client, share.url) == with_few
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(share.url)


@pytest.fixture(scope="module")
def measured(module_network, django_db_blocker):
    """Each page's queries with 3 and with 60 items to list, measured on one network grown once for the module.

    Leaves the grown network in place, so each test's own check runs with 60 items.
    """
    assert module_network is not None, "this module's tests must share one network (see tests/conftest.py)"
    client = Client()
    with django_db_blocker.unblock():
        network = fresh_pages(module_network)
        urls = {name: url_of(network) for name, url_of in PAGES.items()}
        populate(network, 3)
        with_few = {name: count_queries(client, url) for name, url in urls.items()}
        populate(network, 57)
        with_many = {name: count_queries(client, url) for name, url in urls.items()}
    return {name: (urls[name], with_few[name], with_many[name]) for name in PAGES}


@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_content(client, measured, django_assert_max_num_queries, name):
    url, with_few, with_many = measured[name]
    assert with_many == with_few, f"{name}: {with_few} queries with 3 items, {with_many} with 60"
    client.get(url)  # as count_queries: renditions made and the sites cached (home/site_lookup.py) once
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200
