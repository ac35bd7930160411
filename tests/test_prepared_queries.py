"""The queries every public page makes, compiled once (home/prepared.py), answer as the ORM does; and a deep page of a
listing, read keys first (home/models/base.py ``KeysFirstPaginator``), holds the rows plain pagination gives."""

import datetime
import re
import uuid

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale, Page, PageViewRestriction

from cities.models import HUB_EVENTS, upcoming_and_past
from home.models import base
from home.models.base import KeysFirstPaginator, pages_from_rows, route_trail_query
from home.pictures import picture
from home.prepared import children_arguments
from home.templatetags.navigation import LIVE_CHILDREN
from home.templatetags.translations import LIVE_VERSIONS
from home.translation import out_of_date_with, translate
from stories.models import StoryPage
from stories.wagtail_hooks import latest_stories
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def compilations(monkeypatch):
    """How many times Django compiles a SELECT from now on."""
    count = {"n": 0}
    compile_sql = SQLCompiler.as_sql

    def counting(self, *args, **kwargs):
        count["n"] += 1
        return compile_sql(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counting)
    return count


def orm_versions(page):
    versions = Page.objects.filter(translation_key=page.translation_key, live=True).order_by("path")
    fields = ("id", "url_path", "alias_of_id", "locale__language_code")
    return list(versions.values(*fields, out_of_date_with=out_of_date_with()))


def test_a_pages_versions_are_the_rows_the_orm_gives_converted_alike(synced_network):
    page = synced_network["about"]
    arabic = translate(page, "ar", lambda text: "نص" if text == page.title else None)
    page.body = builders.paragraph("Told again.")
    page.save_revision().publish()  # changed after its translation: the Arabic translation is now out of date
    rows = LIVE_VERSIONS(key=page.translation_key)
    assert rows == orm_versions(page)
    by_language = {row["locale__language_code"]: row for row in rows}
    assert len(by_language) == 8  # the original, the translation and six aliases
    assert by_language["ar"]["id"] == arabic.pk and by_language["ar"]["alias_of_id"] is None
    assert by_language["cy"]["alias_of_id"] == page.pk
    assert by_language["ar"]["out_of_date_with"] == "en" and by_language["cy"]["out_of_date_with"] is None
    assert LIVE_VERSIONS(key=uuid.uuid4()) == []


def test_the_sql_is_compiled_once_and_still_counted_as_a_query(synced_network, compilations):
    first, second = synced_network["stories"]
    LIVE_VERSIONS(key=first.translation_key)  # compiled on this connection, if no test before did
    compilations["n"] = 0
    with CaptureQueriesContext(connection) as queries:
        rows = LIVE_VERSIONS(key=second.translation_key)
    assert compilations["n"] == 0 and len(queries) == 1
    assert {row["id"] for row in rows} == {row["id"] for row in orm_versions(second)}  # the new argument, not the old


def test_the_home_pages_children_are_its_live_children_only(synced_network):
    home = synced_network["home"]
    synced_network["about"].unpublish()
    rows = LIVE_CHILDREN(**children_arguments(home))
    expected = home.get_children().live().order_by("path")
    assert [row["id"] for row in rows] == list(expected.values_list("id", flat=True))
    assert "About" not in {row["title"] for row in rows} and {"Cities", "Stories"} <= {row["title"] for row in rows}


def test_the_routes_trail_says_which_pages_are_restricted(synced_network):
    home, hub = synced_network["home"], synced_network["sheffield"]
    PageViewRestriction.objects.create(page=hub, restriction_type=PageViewRestriction.LOGIN)
    prefixes = [f"{home.url_path}cities/", f"{home.url_path}cities/sheffield/", f"{home.url_path}cities/sheffield/x/"]
    rows = route_trail_query(3)(
        root_path=home.path[:4],
        home_id=home.pk,
        home_path=home.path,
        last_path=home.path + "Z" * 200,
        home_depth=home.depth,
        **{f"prefix{number}": prefix for number, prefix in enumerate(prefixes)},
    )
    trail = pages_from_rows(rows)
    assert [page.depth for page in trail] == [1, 2, 3, 4]
    assert [page.restricted for page in trail] == [False, False, False, True]
    assert trail[-1].pk == hub.pk and trail[-1].title == "Sheffield" and trail[-1].url == hub.url


def test_a_deep_page_read_keys_first_holds_the_rows_of_plain_pagination(db, monkeypatch, compilations):
    for name in ["apple", "pear", "fig", "plum", "kiwi", "lime", "date"]:
        Tag.objects.create(name=name, slug=name)
    tags = Tag.objects.order_by("name")
    monkeypatch.setattr(base, "KEYS_FIRST_OFFSET", 2)
    for number in (1, 2, 3, 4):
        plain, keys_first = Paginator(tags, 2).page(number), KeysFirstPaginator(tags, 2).page(number)
        assert list(keys_first.object_list) == list(plain.object_list), number
        assert keys_first.has_next() == plain.has_next()
    with CaptureQueriesContext(connection) as queries:
        assert [tag.name for tag in KeysFirstPaginator(tags, 2).page(3).object_list] == ["lime", "pear"]
    assert len(queries) == 3  # the count, the keys, the rows


def test_the_story_index_read_keys_first_lists_the_stories_it_lists_otherwise(client, network, monkeypatch):
    for number in range(14):
        builders.story(network["collection"], f"Story number {number}")
    second_page = network["story_index"].url + "?page=2"
    listed = card_titles(client.get(second_page))
    assert len(listed) == 4
    monkeypatch.setattr(base, "KEYS_FIRST_OFFSET", 0)  # every page keys first
    with CaptureQueriesContext(connection) as queries:
        assert card_titles(client.get(second_page)) == listed
    assert any('AS "pk"' in query["sql"] for query in queries)  # it did read the keys first


@pytest.mark.parametrize("listing", ["all", "tagged", "collection"])
def test_a_listings_prepared_first_page_and_count_are_its_querysets(network, listing):
    """The first page and the count of ``PreparedListing`` are what the listing's queryset gives, in its order, for
    each kind of story listing; other languages, other tags and other collections left out."""
    from stories.models import pages as story_pages

    other_collection = builders.collection(network["sheffield"], "Other stories")
    for number in range(15):
        tags = ["welcome"] if number % 2 else ["food"]
        parent = network["collection"] if number % 3 else other_collection
        builders.story(parent, f"Story number {number}", told_on=datetime.date(2020, 1, 1 + number), tags=tags)
    locale_id = network["collection"].locale_id
    welcome = Tag.objects.get(slug="welcome")
    stories = StoryPage.objects.for_listing(locale_id)
    querysets = {
        "all": (stories, story_pages.ALL_STORIES(locale_id=locale_id)),
        "tagged": (stories.filter(tags=welcome), story_pages.TAGGED_STORIES(locale_id=locale_id, tag_id=welcome.pk)),
        "collection": (
            network["collection"].stories(),
            story_pages.COLLECTION_STORIES(locale_id=locale_id, **children_arguments(network["collection"])),
        ),
    }
    queryset, prepared = querysets[listing]

    first_page = prepared.first_page()
    assert [page.pk for page in first_page] == [page.pk for page in queryset[:12]]
    assert prepared.count() == queryset.count() > 4


def card_titles(response):
    assert response.status_code == 200
    return re.findall(r'class="card__title"[^>]*><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_prepared_instances_are_the_querysets_with_their_joins_annotations_and_renditions(client, network):
    StoryPage.objects.filter(pk=network["stories"][0].pk).update(image=builders.image())  # a card image
    home = network["home"]
    assert client.get(home.url).status_code == 200  # the card's renditions made, the queries compiled
    with CaptureQueriesContext(connection) as queries:
        stories = latest_stories(home).items
        cards = [str(picture(story.image, "card", alt="")) for story in stories if story.image]
    assert len(queries) == 2  # the stories with their images, and the images' card renditions (with their image)
    assert len(cards) == 1 and cards[0].count("fill-400x250") == 2  # a WebP and a JPEG source of that width
    expected = list(StoryPage.objects.for_listing(home.locale_id)[:3])
    assert [(s.pk, s.title, s.source_language, s.image_id) for s in stories] == [
        (s.pk, s.title, s.source_language, s.image_id) for s in expected
    ]
    assert all(isinstance(story, StoryPage) for story in stories)
    assert [story.image.title for story in stories if story.image] == ["Photo"]
    with_prefetch = next(story for story in expected if story.image)
    assert {r.pk for r in with_prefetch.image.prefetched_renditions} == {
        r.pk for story in stories if story.image for r in story.image.prefetched_renditions
    }


def test_the_time_is_an_argument_not_the_first_runs(network):
    hub, today = network["sheffield"], timezone.now()
    upcoming, past = upcoming_and_past(HUB_EVENTS(**children_arguments(hub), now=today))
    assert [event.title for event in upcoming] == ["Music concert"]
    assert [event.title for event in past] == ["Blogging workshop"]
    a_week_on = today + datetime.timedelta(days=7)  # the concert (in 5 days) is over by then
    upcoming, past = upcoming_and_past(HUB_EVENTS(**children_arguments(hub), now=a_week_on))
    assert upcoming == [] and [event.title for event in past] == ["Music concert", "Blogging workshop"]


def test_the_story_index_counts_the_stories_it_lists(synced_network):
    index = synced_network["story_index"]
    synced_network["stories"][1].unpublish()
    for language in ("en", "ar"):  # the original tree, and an alias tree
        locale_id = index.get_translation(Locale.objects.get(language_code=language)).locale_id
        listed = StoryPage.objects.for_listing(locale_id)
        assert StoryPage.objects.counted_for_listing(locale_id).count() == listed.count() == 1


def test_the_events_and_exhibitions_listings_take_the_time_as_an_argument(network):
    from cities.models import PAST_LISTING, UPCOMING_LISTING
    from exhibitions.models import ON_NOW_AND_UPCOMING, PAST

    locale_id, now = network["sheffield"].locale_id, timezone.now()
    a_week_on = now + datetime.timedelta(days=7)  # the concert (in 5 days) is over by then

    def titles(listing, **arguments):
        bound = listing(locale_id=locale_id, **arguments)
        return [page.title for page in bound.first_page()], bound.count()

    assert titles(UPCOMING_LISTING, now=now) == (["Music concert"], 1)
    assert titles(UPCOMING_LISTING, now=a_week_on) == ([], 0)
    assert titles(PAST_LISTING, now=a_week_on) == (["Music concert", "Blogging workshop"], 2)
    today = now.date()
    closing = builders.exhibition(
        network["swansea"], "Closing soon", opens_on=today, closes_on=today + datetime.timedelta(days=3)
    )
    assert titles(ON_NOW_AND_UPCOMING, today=now.date()) == (["Building Sanctuary in Swansea", closing.title], 2)
    assert titles(PAST, today=now.date()) == ([], 0)
    assert titles(ON_NOW_AND_UPCOMING, today=a_week_on.date()) == (["Building Sanctuary in Swansea"], 1)
    assert titles(PAST, today=a_week_on.date()) == (["Closing soon"], 1)


def test_a_tags_exhibitions_by_their_keys(network):
    from exhibitions.models import TAGGED, tagged_exhibitions

    swansea, locale_id = network["swansea"], network["swansea"].locale_id
    for number in range(14):
        opens_on = datetime.date(2020, 1, 1) + datetime.timedelta(days=number)
        builders.exhibition(swansea, f"Exhibition {number}", opens_on=opens_on, tags=["craft"] if number % 2 else [])
    craft, contribution = (Tag.objects.get(slug=slug).pk for slug in ("craft", "contribution"))

    listing = TAGGED(locale_id=locale_id, tag_id=craft)
    expected = tagged_exhibitions(locale_id, craft)
    assert [page.title for page in listing.first_page()] == [page.title for page in expected[:12]]
    assert listing.count() == expected.count() == 7
    assert [page.title for page in TAGGED(locale_id=locale_id, tag_id=contribution).first_page()] == [
        "Building Sanctuary in Swansea"
    ]
    unused = Tag.objects.create(name="unused", slug="unused")
    empty = TAGGED(locale_id=locale_id, tag_id=unused.pk)
    assert (empty.first_page(), empty.count()) == ([], 0)


def test_a_deep_page_in_the_second_half_is_read_from_the_end_with_the_same_rows(network, monkeypatch):
    """KeysFirstPaginator reads a page in the listing's second half backwards: the same stories, in the same order,
    as plain pagination, ties on the date told included (the id makes the order total)."""
    for number in range(30):
        builders.story(network["collection"], f"Story number {number}", told_on=datetime.date(2021, 1, 1 + number % 3))
    published = timezone.now()
    Page.objects.filter(title__startswith="Story number").update(first_published_at=published)  # ties on both
    stories = StoryPage.objects.for_listing(network["collection"].locale_id)
    monkeypatch.setattr(base, "KEYS_FIRST_OFFSET", 0)
    plain, keys_first = Paginator(stories, 12), KeysFirstPaginator(stories, 12)
    assert keys_first.num_pages == 3
    for number in (1, 2, 3):
        with CaptureQueriesContext(connection) as queries:
            titles = [story.title for story in keys_first.page(number).object_list]
        assert titles == [story.title for story in plain.page(number).object_list], number
        read_backwards = any('"told_on" ASC' in query["sql"] for query in queries)
        assert read_backwards == (number > 1), number  # pages 2 and 3 (12-24 and 24-32 of 32) are nearer the end


def test_an_empty_listing_reads_its_count_only(client, network):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(network["exhibition_index"].url + "past/")  # no exhibition has closed
    assert response.status_code == 200 and "card__title" not in response.content.decode()
    listing_queries = [query["sql"] for query in queries if '"exhibitions_exhibitionpage"' in query["sql"]]
    assert len(listing_queries) == 1 and "COUNT(" in listing_queries[0]
