"""Anonymous readers get whole pages from the page cache, and never a stale one (issue 13, "Fast under bursts").

The page cache is off in the test settings (config/settings/test.py); every test here turns it on. A page served from
the cache costs no SQL query at all: that is how these tests tell a cached answer from a fresh one.
"""

import socket
import time

import pytest
import redis
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import Page

from config.caches import ShortLivedLocMemCache, frontend_cache_from_env, production_caches, redis_cache
from home import page_cache as page_cache_module
from home.page_cache import MAX_CACHED_LISTING_PAGE
from stories.withdrawal import withdraw_story
from tests import builders

pytestmark = pytest.mark.django_db

PURGED = []


class RecordingBackend(BaseBackend):
    """A CDN that writes down what it is asked to forget."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def page_cache(settings, monkeypatch):
    settings.SANCTUARY_PAGE_CACHE_SECONDS = 300
    # One process, one clock: a page rendered just after a change may be stored at once (in production an entry
    # must start rendering a little after the last change it depends on, in case servers' clocks disagree).
    monkeypatch.setattr("home.page_cache.CLOCK_MARGIN_SECONDS", 0)
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"recorder": {"BACKEND": "tests.test_page_cache.RecordingBackend"}}
    PURGED.clear()
    return PURGED


def fetch(client, url, **headers):
    """The response to a GET of ``url``, and whether it came from the page cache (no SQL query was needed)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries) == 0


def cached(client, url):
    """GET ``url`` twice; True when the second answer came from the cache (and both answered 200)."""
    first, _ = fetch(client, url)
    second, from_cache = fetch(client, url)
    assert first.status_code == second.status_code == 200
    return from_cache


def text(client, url):
    response, _ = fetch(client, url)
    assert response.status_code == 200, url
    return response.content.decode()


def arabic(page):
    return builders.version(page, "ar")


def listing_urls(network):
    """The pages that list the network's stories by title."""
    return [network["collection"].url, network["home"].url, network["story_index"].url]


# Served from the cache -------------------------------------------------------------------------------------------


def test_every_kind_of_public_page_is_served_from_the_cache(client, synced_network, page_cache):
    story = synced_network["stories"][0]
    for url in [
        story.url,
        arabic(story).url,
        *listing_urls(synced_network),
        synced_network["cities"].url,
        synced_network["exhibition"].url,
        synced_network["exhibits"][1].url,
        synced_network["upcoming_event"].url,
        synced_network["event_index"].url,
        synced_network["event_index"].url + "past/",
        synced_network["about"].url,
    ]:
        assert cached(client, url), url
    response, from_cache = fetch(client, story.url)
    assert from_cache and response["Cache-Control"] == "public, max-age=0, s-maxage=300"


def test_off_when_the_setting_is_zero(client, synced_network, page_cache, settings):
    settings.SANCTUARY_PAGE_CACHE_SECONDS = 0
    assert not cached(client, synced_network["stories"][0].url)


# Exact invalidation ----------------------------------------------------------------------------------------------


def test_an_edited_story_shows_at_once_on_its_page_its_listings_and_its_alias(client, synced_network, page_cache):
    story = synced_network["stories"][0]
    urls = [story.url, arabic(story).url, *listing_urls(synced_network)]
    for url in urls:
        assert cached(client, url) and "Arriving in Sheffield" in text(client, url)
    story.title = "Arriving in Sheffield in the snow"
    builders.review_and_publish(story)
    for url in urls:
        assert "Arriving in Sheffield in the snow" in text(client, url), url
    other = synced_network["upcoming_event"].url
    assert cached(client, other)  # a page that does not show the story stays cached


def test_a_new_story_appears_in_every_listing_at_once(client, synced_network, page_cache):
    for url in listing_urls(synced_network):
        assert cached(client, url)
    hub = synced_network["sheffield"].url
    assert cached(client, hub) and "(2 stories)" in text(client, hub)
    builders.story(synced_network["collection"], "Crossing the Pennines")
    for url in listing_urls(synced_network):
        assert "Crossing the Pennines" in text(client, url), url
    assert "(3 stories)" in text(client, hub)  # the city hub counts its collection's stories


def test_a_page_added_to_or_taken_from_the_menu_shows_at_once_on_every_page(client, synced_network, page_cache):
    about, story = synced_network["about"], synced_network["stories"][1]
    assert cached(client, story.url) and f'href="{about.url}"' in text(client, story.url)
    involved = builders.standard_page(synced_network["home"], "Get involved", show_in_menus=True)
    assert f'href="{involved.url}"' in text(client, story.url)
    assert cached(client, story.url)
    about.unpublish()
    assert f'href="{about.url}"' not in text(client, story.url)
    assert fetch(client, about.url)[0].status_code == 404


def test_a_moved_page_is_dropped_at_its_old_address(client, synced_network, page_cache):
    event, swansea = synced_network["upcoming_event"], synced_network["swansea"]
    old_url = event.url
    assert cached(client, old_url) and cached(client, swansea.url)
    event.move(swansea, pos="last-child")
    moved = fetch(client, old_url)[0]
    assert moved.status_code == 301 and moved["Location"] == "/en/cities/swansea/music-concert/"  # Wagtail's redirect
    assert "Music concert" in text(client, swansea.url)


def test_a_withdrawn_story_is_gone_at_once_everywhere_and_purged_from_the_cdn(
    client, synced_network, page_cache, cdn, django_capture_on_commit_callbacks
):
    story = synced_network["stories"][0]
    urls = [story.url, arabic(story).url]
    for url in [*urls, *listing_urls(synced_network)]:
        assert cached(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_story(story)
    for url in urls:
        assert fetch(client, url)[0].status_code == 410
        assert fetch(client, url)[0].status_code == 410  # the 410 is never stored, nor an older 200 served
    for url in listing_urls(synced_network):
        assert "Arriving in Sheffield" not in text(client, url), url
    base = "https://sanctuary.example.org"
    for url in [*urls, *listing_urls(synced_network)]:
        assert base + url in cdn, url


def test_publishing_sends_the_page_and_what_lists_it_to_the_cdn(
    client, synced_network, page_cache, cdn, django_capture_on_commit_callbacks
):
    story = synced_network["stories"][1]
    story.title = "Learning to dance the ceilidh"
    with django_capture_on_commit_callbacks(execute=True):
        builders.review_and_publish(story)
    base = "https://sanctuary.example.org"
    for url in [story.url, arabic(story).url, "/cy" + story.url[3:], *listing_urls(synced_network)]:
        assert base + url in cdn, url
    assert base + synced_network["upcoming_event"].url not in cdn


def test_an_edited_myth_shows_at_once_on_the_pages_that_show_it(client, synced_network, page_cache):
    myth = builders.myth(locale=synced_network["home"].locale)
    page = builders.standard_page(
        synced_network["home"], "Myths", body=[{"type": "myth_fact", "value": {"myth_fact": myth.pk}}]
    )
    assert cached(client, page.url) and "benefits" in text(client, page.url)
    myth.myth = "Refugees are given houses straight away."
    myth.save()
    assert "houses straight away" in text(client, page.url)


def test_a_new_supporting_organisation_shows_at_once_on_its_city_hub(client, synced_network, page_cache):
    hub = synced_network["sheffield"]
    assert cached(client, hub.url)
    builders.organisation(hub, "Sheffield Cathedral Archer Project")
    assert "Sheffield Cathedral Archer Project" in text(client, hub.url)


def test_an_images_new_credit_shows_at_once_on_the_story_that_shows_it(client, synced_network, page_cache):
    story = synced_network["stories"][1]
    story.image = builders.image("Peace gardens", credit="Amal")
    builders.review_and_publish(story)
    assert cached(client, story.url) and "Credit: Amal" in text(client, story.url)
    story.image.credit = "Amal Haddad"
    story.image.save()
    assert "Credit: Amal Haddad" in text(client, story.url)


# Never cached ----------------------------------------------------------------------------------------------------


def test_a_signed_in_editor_never_gets_nor_stores_a_cached_page(client, synced_network, page_cache):
    story = synced_network["stories"][0]
    client.force_login(builders.user("ed", is_superuser=True))
    first, _ = fetch(client, story.url)
    second, from_cache = fetch(client, story.url)
    assert not from_cache and second["Cache-Control"] == "private, no-cache"
    assert "w-userbar" in second.content.decode()  # Wagtail's editing bar: the page was made for this editor
    client.logout()
    first, from_cache = fetch(client, story.url)
    assert not from_cache and "w-userbar" not in first.content.decode()
    client.force_login(builders.user("ed2", is_superuser=True))
    assert not fetch(client, story.url)[1]  # the anonymous copy now stored is not given to an editor


def test_a_draft_seen_in_preview_never_reaches_readers(client, synced_network, page_cache):
    about = synced_network["about"]
    assert cached(client, about.url)
    about.title = "About the draft"
    about.save_revision()
    client.force_login(builders.user("admin", is_superuser=True))
    assert "About the draft" in client.get(f"/admin/pages/{about.pk}/view_draft/").content.decode()
    client.logout()
    assert "About the draft" not in text(client, about.url)


def test_the_share_form_is_never_cached(client, synced_network, page_cache):
    share = synced_network["share"]
    first, _ = fetch(client, share.url)
    second, from_cache = fetch(client, share.url)
    assert second.status_code == 200 and not from_cache
    assert "csrfmiddlewaretoken" in second.content.decode() and "csrftoken" in second.cookies
    assert "public" not in second.get("Cache-Control", "")


def set_a_cookie(request, response):
    response.set_cookie("seen", "yes")


def use_the_csp_nonce(request, response):
    str(request.csp_nonce)  # as a template's {{ request.csp_nonce }} would


@pytest.mark.parametrize("for_this_reader_only", [set_a_cookie, use_the_csp_nonce])
def test_an_answer_meant_for_one_reader_is_never_cached(
    client, synced_network, page_cache, monkeypatch, for_this_reader_only
):
    """A cookie set, or a CSP nonce made (a nonce is for one answer only)."""
    from home.models import StandardPage

    def serve(page, request, *args, **kwargs):
        response = Page.serve(page, request, *args, **kwargs)
        for_this_reader_only(request, response)
        return response

    monkeypatch.setattr(StandardPage, "serve", serve)
    about = synced_network["about"]
    fetch(client, about.url)
    response, from_cache = fetch(client, about.url)
    assert not from_cache and response["Cache-Control"] == "private, no-cache"


def test_a_cached_answer_carries_the_same_security_headers_as_a_fresh_one(client, synced_network, page_cache):
    url = synced_network["stories"][0].url
    fresh, from_cache = fetch(client, url)
    again, again_from_cache = fetch(client, url)
    assert not from_cache and again_from_cache
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options", "Content-Language"):
        assert again[header] == fresh[header], header
    assert "script-src 'self'" in again["Content-Security-Policy"]
    assert again["Content-Language"] == "en"


def test_query_strings_are_cached_only_for_pages_of_a_listing(client, synced_network, page_cache):
    index = synced_network["story_index"].url
    assert cached(client, index + "?page=1")
    assert cached(client, index + "?utm_source=newsletter")  # tracking parameters do not make a new entry
    assert not cached(client, index + "?sort=title")
    assert not cached(client, index + f"?page={MAX_CACHED_LISTING_PAGE + 1}")
    client.post(index)
    assert fetch(client, index)[1]


# Conditional requests, outages, configuration -------------------------------------------------------------------


def test_a_reader_whose_copy_is_current_gets_304(client, synced_network, page_cache):
    url = synced_network["stories"][0].url
    first, _ = fetch(client, url)
    assert first["ETag"] and first["Last-Modified"]
    again, from_cache = fetch(client, url, if_none_match=first["ETag"])
    assert again.status_code == 304 and from_cache and again.content == b""
    assert fetch(client, url, if_modified_since=first["Last-Modified"])[0].status_code == 304
    story = synced_network["stories"][0]
    story.title = "Arriving in Sheffield, retold"
    builders.review_and_publish(story)
    changed, _ = fetch(client, url, if_none_match=first["ETag"])
    assert changed.status_code == 200 and "retold" in changed.content.decode()


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_pages_are_served_while_redis_is_down(client, synced_network, page_cache, settings):
    settings.CACHES = {**settings.CACHES, "pages": redis_cache(f"redis://127.0.0.1:{closed_port()}/0")}
    story = synced_network["stories"][0]
    for _ in range(2):
        assert "Arriving in Sheffield" in text(client, story.url)
    story.title = "Arriving in Sheffield again"
    builders.review_and_publish(story)  # its invalidation is lost with Redis: nothing raises
    assert "again" in text(client, story.url)


@pytest.fixture
def redis_pages(settings):
    """The page cache in Redis (a database of its own, 7), as in production; skipped when Redis is not running."""
    settings.CACHES = {**settings.CACHES, "pages": redis_cache("redis://127.0.0.1:6379/7", key_prefix="test-pages")}
    pages = caches["pages"]
    pages.set("probe", "stored")
    if pages.get("probe") != "stored":
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    pages.clear()
    yield pages
    pages.clear()


def test_invalidation_works_the_same_in_redis(client, synced_network, page_cache, redis_pages):
    story = synced_network["stories"][0]
    for url in [story.url, synced_network["collection"].url]:
        assert cached(client, url)
    story.title = "Arriving in Sheffield by coach"
    builders.review_and_publish(story)
    for url in [story.url, synced_network["collection"].url]:
        assert "by coach" in text(client, url)
        assert cached(client, url)


def test_a_page_from_redis_costs_one_round_trip(client, synced_network, page_cache, redis_pages, monkeypatch):
    story_url = synced_network["stories"][0].url
    assert cached(client, story_url)
    commands = []
    execute = redis.Redis.execute_command
    monkeypatch.setattr(
        redis.Redis, "execute_command", lambda self, *args, **kw: commands.append(args[0]) or execute(self, *args, **kw)
    )
    response, from_cache = fetch(client, story_url)
    assert from_cache and response.status_code == 200 and "Arriving in Sheffield" in response.content.decode()
    assert commands == ["EVALSHA"]  # the entry, checked against its tags' stamps inside Redis


def test_in_redis_an_entry_stamped_after_its_render_started_is_not_used(redis_pages, page_cache, settings):
    started = time.time() - 10
    entry = {"content": b"old", "headers": {}, "tags": ["page:1", "page:2"], "started": started, "etag": '"x"'}
    page_cache_module.store("entry:test", entry)
    assert page_cache_module.valid_entry("entry:test")["content"] == b"old"
    redis_pages.set("stamp:page:2", page_cache_module.milliseconds(started - 1))  # before its render: still good
    assert page_cache_module.valid_entry("entry:test") is not None
    page_cache_module.invalidate(["page:2"])  # now, after its render started
    assert page_cache_module.valid_entry("entry:test") is None
    page_cache_module.store(
        "entry:test", {**entry, "tags": [], "started": time.time()}
    )  # no tags: good till it expires
    assert page_cache_module.valid_entry("entry:test")["tags"] == []


def test_production_keeps_wagtails_lookups_in_process_memory_and_pages_in_redis():
    fallback = {"BACKEND": "config.counter_cache.DatabaseCounterCache", "LOCATION": "t"}
    with_redis = production_caches("redis://127.0.0.1:6379/0", fallback)
    local_backend = "config.caches.ShortLivedLocMemCache"
    assert with_redis["default"]["BACKEND"] == with_redis["renditions"]["BACKEND"] == local_backend
    assert "Redis" in with_redis["pages"]["BACKEND"] and "Redis" in with_redis["ratelimit"]["BACKEND"]
    without = production_caches("", fallback)
    assert without["ratelimit"] is fallback and without["pages"]["BACKEND"].endswith("DummyCache")
    local = ShortLivedLocMemCache("probe", {"TIMEOUT": 60})
    assert local.get_backend_timeout(3600) <= local.get_backend_timeout(60) + 1  # Wagtail's hour becomes a minute
    assert local.get_backend_timeout(None) is not None


def test_cdn_purges_are_configured_from_the_environment():
    assert frontend_cache_from_env({}) == {}
    backends = frontend_cache_from_env(
        {
            "SANCTUARY_CDN_PURGE_URL": "http://127.0.0.1:6081",
            "SANCTUARY_CLOUDFLARE_ZONE_ID": "zone",
            "SANCTUARY_CLOUDFLARE_API_TOKEN": "token",
            "SANCTUARY_CLOUDFRONT_DISTRIBUTION_ID": "E123",
        }
    )
    assert backends["http"]["LOCATION"] == "http://127.0.0.1:6081"
    assert backends["cloudflare"]["ZONEID"] == "zone" and backends["cloudflare"]["BEARER_TOKEN"] == "token"
    assert backends["cloudfront"]["DISTRIBUTION_ID"] == "E123"
