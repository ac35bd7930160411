"""build_large_network (at a tiny scale): synced trees, real translations, stories live through their consent check,
and every public page type costing the same number of queries when the network grows."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from cities.models import CityHubIndexPage, CityHubPage, EventIndexPage, EventPage
from demo.content.images import ensure_images
from demo.large_network import build as large
from demo.large_network import rows
from demo.large_network.review import record_passed_review
from exhibitions.models import ExhibitionIndexPage, ExhibitionPage, ExhibitPage
from home.models import StandardPage
from stories.models import StoryCollectionPage, StoryIndexPage, StoryPage
from stories.models.workflow import consent_check_passed
from tests.conftest import from_state
from tests.test_query_counts import count_queries

TINY = {"cities": 2, "stories": 30, "exhibitions": 2, "exhibits": 2, "events": 6, "translated": 0.1}


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The tiny large network, built once for the module on the demo (the command seeds it again: nothing new) and
    rolled back after it; the command's output."""
    output = io.StringIO()
    with from_state(django_db_blocker, "demo"):
        call_command("build_large_network", stdout=output, **TINY)
        yield output.getvalue()


pytestmark = pytest.mark.django_db


def english(model):
    return model.objects.live().filter(locale__language_code="en", alias_of__isnull=True)


def test_the_command_builds_synced_trees_with_real_translations(built):
    assert "Large network built" in built
    assert english(StoryPage).filter(slug__startswith="story-").count() == 30
    assert english(ExhibitPage).filter(slug__startswith="exhibit-").count() == 4
    # Every language's tree holds one version of every page: an alias or a translation.
    per_locale = Page.objects.filter(depth__gt=1).order_by().values("locale").annotate(n=Count("id"))
    assert len({row["n"] for row in per_locale}) == 1 and len(per_locale) == Locale.objects.count()
    # Every tenth of the 42 new pages (5) got a real translation, through wagtail-localize, live.
    new = Page.objects.filter(locale__language_code="en", slug__regex=r"^(story|event|exhibition|exhibit)-\d+$")
    translated = Page.objects.filter(translation_key__in=new.values("translation_key"), alias_of__isnull=True).exclude(
        locale__language_code="en"
    )
    assert translated.count() == 5 and all(page.live for page in translated)
    assert TranslationSource.objects.filter(object_id__in=translated.values("translation_key")).count() == 5
    assert "[" in translated.first().title  # its own text, not the original's


def test_every_story_is_live_on_a_revision_that_passed_its_consent_check(built):
    stories = english(StoryPage).filter(slug__startswith="story-")
    assert all(consent_check_passed(story, story.live_revision) for story in stories)
    story = stories.first()
    # A new revision has not passed the check: nobody may publish it, as for any story.
    revision = story.save_revision()
    assert not consent_check_passed(story, revision)


def test_pages_in_every_language_answer(client, built):
    story = english(StoryPage).filter(slug="story-00002").get()
    for version in Page.objects.filter(translation_key=story.translation_key):
        assert client.get(version.url).status_code == 200, version.url


def page_urls():
    collection = english(StoryCollectionPage).order_by("-numchild").first()
    stories, events, exhibitions = (
        english(StoryIndexPage).get(),
        english(EventIndexPage).get(),
        english(ExhibitionIndexPage).get(),
    )
    exhibition = english(ExhibitionPage).filter(slug__startswith="exhibition-").order_by("path").first()
    return {
        "home": "/en/",
        "home (ar)": "/ar/",
        "standard page": english(StandardPage).order_by("path").first().url,
        "city index": english(CityHubIndexPage).get().url,
        "city hub": collection.get_parent().url,
        "event index": events.url,
        "past events": events.url + "past/",
        "event": english(EventPage).filter(slug__startswith="event-").order_by("path").first().url,
        "story index": stories.url,
        "story tag": stories.url + "tag/welcome/",
        "story collection": collection.url,
        "story": english(StoryPage).child_of(collection).order_by("path").first().url,
        "exhibition index": exhibitions.url,
        "past exhibitions": exhibitions.url + "past/",
        "exhibition": exhibition.url,
        "exhibit": english(ExhibitPage).child_of(exhibition).order_by("path").first().url,
        "sitemap index": "/sitemap.xml",
        "sitemap section": "/sitemap-en.xml",
    }


_grown = iter(range(1, 100))


def grow(count):
    """``count`` more stories, events and exhibitions in the biggest collection and its city, as the command adds
    them (bulk rows, Story review recorded), then the other languages' aliases."""
    collection = english(StoryCollectionPage).order_by("-numchild").first()
    hub = CityHubPage.objects.get(pk=collection.get_parent().pk)
    pictures = list(ensure_images().values())
    batch = next(_grown)
    stories = large.story_pages([collection], count, pictures)
    events = large.event_pages([hub], count)
    exhibitions = large.exhibition_pages([hub], count, pictures)
    for _parent, page in stories + events + exhibitions:
        page.slug = f"grown-{batch}-{page.slug}"  # the command's own slugs, and earlier batches', are taken
    pages = large.write(stories + events + exhibitions, timezone.now())
    story_pages = [page for _parent, page in stories]
    children = large.add_tags_and_related(story_pages, [page for _parent, page in exhibitions])
    revisions = rows.add_revisions(pages, children)
    record_passed_review(story_pages, revisions[: len(story_pages)])
    large.write_aliases(pages, Locale.objects.exclude(language_code="en"))


def test_every_public_page_type_costs_the_same_queries_when_the_network_grows(built):
    client = Client()
    urls = page_urls()
    grow(20)  # every listing has something of each kind to show (an empty one skips its image queries)
    small = {name: count_queries(client, url) for name, url in urls.items()}
    grow(40)
    grown = {name: count_queries(client, url) for name, url in urls.items()}
    assert grown == small


TARGET_QUERIES = 12  # issue 13's target for every public page, uncached


def test_every_public_page_type_needs_at_most_12_queries(built):
    client = Client()
    counts = {name: count_queries(client, url) for name, url in page_urls().items()}
    assert max(counts.values()) <= TARGET_QUERIES, counts
