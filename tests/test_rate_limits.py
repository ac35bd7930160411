"""The share form's rate limits: per visitor behind the reverse proxy, mistakes forgiven, counts every worker shares."""

import html
import os
import socket
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import RequestFactory, override_settings
from django.utils import translation

from config.counter_cache import DatabaseCounterCache
from home.client_address import client_ip
from stories.models import StoryPage
from tests.test_share_story import form_data, fresh_rate_limit, share_site  # noqa: F401 (fixtures used by name)

pytestmark = pytest.mark.django_db  # every test starts with fresh counters (fresh_rate_limit)
# The share form on the network, its tellers reaching the application through one reverse proxy.
through_the_proxy = pytest.mark.usefixtures("share_site", "behind_proxy")

ROOT = Path(__file__).resolve().parent.parent
PROXY = "10.0.0.2"  # the reverse proxy: every request reaches the application from it
RATE_MESSAGE = "Too many stories have been sent from your connection in the last hour. Please try again later."
KEPT_MESSAGE = "What you wrote is still in the form below. Keep a copy if you close this page."


def request_from(remote_addr, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers)


def post(client, visitor, language="ar", **overrides):
    """A POST to the share form from ``visitor``, through one reverse proxy that appends the address it saw."""
    return client.post(
        f"/{language}/share-your-story/", form_data(**overrides), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=visitor
    )


def gettext_in(language, message):
    with translation.override(language):
        return translation.gettext(message)


# The visitor's address (home/client_address.py).


@override_settings(SANCTUARY_TRUSTED_PROXIES=0)
def test_with_no_proxy_the_connection_is_the_visitor_and_the_header_is_ignored():
    assert client_ip(request_from("198.51.100.4", forwarded="203.0.113.9")) == "198.51.100.4"


@override_settings(SANCTUARY_TRUSTED_PROXIES=1)
def test_behind_one_proxy_the_visitor_is_the_address_it_appended():
    assert client_ip(request_from(PROXY, forwarded="203.0.113.9")) == "203.0.113.9"
    # What the visitor wrote into the header themselves stays on the left, and is never believed.
    assert client_ip(request_from(PROXY, forwarded="192.0.2.1, 192.0.2.2, 203.0.113.9")) == "203.0.113.9"


@override_settings(SANCTUARY_TRUSTED_PROXIES=2)
def test_behind_two_proxies_the_visitor_is_second_from_the_right():
    assert client_ip(request_from(PROXY, forwarded="192.0.2.1, 203.0.113.9, 10.0.0.1")) == "203.0.113.9"


@override_settings(SANCTUARY_TRUSTED_PROXIES=2)
def test_a_header_that_did_not_come_through_every_proxy_is_not_believed():
    assert client_ip(request_from(PROXY, forwarded="203.0.113.9")) == PROXY
    assert client_ip(request_from(PROXY)) == PROXY


@override_settings(SANCTUARY_TRUSTED_PROXIES=1)
def test_a_malformed_address_falls_back_to_the_connection_and_ipv6_is_normalised():
    assert client_ip(request_from(PROXY, forwarded="not-an-address")) == PROXY
    assert client_ip(request_from(PROXY, forwarded="2001:DB8:0:0::1")) == "2001:db8::1"


# The share form's limits, behind the proxy the README prescribes.


@pytest.fixture
def behind_proxy(settings):
    settings.SANCTUARY_TRUSTED_PROXIES = 1
    settings.SANCTUARY_SUBMISSIONS_PER_HOUR = 5
    settings.SANCTUARY_FORM_POSTS_PER_HOUR = 30


@through_the_proxy
def test_tellers_behind_the_proxy_each_have_their_own_allowance(client):
    for number in range(5):
        assert post(client, "203.0.113.1", title=f"Amal's story {number}").status_code == 200
    assert post(client, "203.0.113.1", title="Amal's sixth").status_code == 429
    # Writing another address into the header does not buy a new allowance: the proxy's entry is what counts.
    assert post(client, "192.0.2.50, 203.0.113.1", title="Amal's disguised").status_code == 429
    # Another teller, through the same proxy, is not affected.
    assert post(client, "203.0.113.2", title="Samir's story").status_code == 200
    titles = set(StoryPage.objects.filter(title__contains="'s ").values_list("title", flat=True))
    assert titles == {f"Amal's story {number}" for number in range(5)} | {"Samir's story"}


@through_the_proxy
def test_a_teller_who_makes_mistakes_can_still_send_their_story(client):
    for _ in range(8):
        response = post(client, "203.0.113.3", consent_web=None)  # the consent box forgotten, again and again
        assert response.status_code == 400
    response = post(client, "203.0.113.3", title="At last")
    assert response.status_code == 200
    assert StoryPage.objects.filter(title="At last").exists()


@through_the_proxy
def test_over_the_limit_the_teller_is_told_in_their_language_and_keeps_their_text(client):
    for number in range(5):
        post(client, "203.0.113.4", title=f"Story {number}")
    response = post(client, "203.0.113.4", title="رحلتي الطويلة", story="كتبت هذه القصة في ليلة طويلة.")
    page = html.unescape(response.content.decode())
    assert response.status_code == 429
    assert gettext_in("ar", RATE_MESSAGE) in page
    assert gettext_in("ar", KEPT_MESSAGE) in page
    assert 'value="رحلتي الطويلة"' in page
    assert "كتبت هذه القصة في ليلة طويلة." in page
    assert not StoryPage.objects.filter(title="رحلتي الطويلة").exists()


@through_the_proxy
def test_every_post_counts_towards_a_higher_limit_that_stops_flooding(client, settings):
    settings.SANCTUARY_FORM_POSTS_PER_HOUR = 6
    for _ in range(6):
        assert post(client, "203.0.113.5", title="").status_code == 400
    response = post(client, "203.0.113.5", language="cy", title="A real story")
    assert response.status_code == 429
    assert gettext_in("cy", RATE_MESSAGE) in html.unescape(response.content.decode())
    assert not StoryPage.objects.filter(title="A real story").exists()
    assert post(client, "203.0.113.6", title="Someone else's").status_code == 200


# The store every worker shares.


def test_two_instances_of_the_database_store_see_one_count(db):
    """Two gunicorn workers each build their own cache object: both must read and write the same counter."""
    location = caches["ratelimit"]._table
    first, second = DatabaseCounterCache(location, {}), DatabaseCounterCache(location, {})
    assert first.add("posts:203.0.113.7", 0, 3600)
    assert first.incr("posts:203.0.113.7") == 1
    assert second.incr("posts:203.0.113.7") == 2
    assert first.get("posts:203.0.113.7") == 2
    assert not second.add("posts:203.0.113.7", 0, 3600)  # the window already started in the other worker
    with pytest.raises(ValueError, match="not found"):
        second.incr("posts:never-counted")


COUNTING_PROCESS = textwrap.dedent(
    """
    import pathlib, sys, time
    import django
    django.setup()
    from django.core.cache import caches
    counter, here = caches["ratelimit"], pathlib.Path(sys.argv[1])
    counter.add("race", 0, 3600)
    (here / f"ready-{sys.argv[2]}").touch()
    while not (here / "go").exists():  # both workers start counting at the same moment
        time.sleep(0.01)
    for _ in range(100):
        counter.incr("race")
    print(counter.get("race"))
    """
)


def test_two_worker_processes_counting_at_once_lose_no_count(tmp_path):
    """Django's own DatabaseCache reads then writes: run this with it instead and the total falls short."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'workers.sqlite3'}",
    }
    createcachetable = [sys.executable, str(ROOT / "manage.py"), "createcachetable"]
    subprocess.run(createcachetable, env=env, cwd=ROOT, check=True, capture_output=True, timeout=120)
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", COUNTING_PROCESS, str(tmp_path), str(number)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for number in range(2)
    ]
    deadline = time.monotonic() + 120
    while not all((tmp_path / f"ready-{number}").exists() for number in range(2)):
        assert time.monotonic() < deadline, "the worker processes did not start"
        time.sleep(0.05)
    (tmp_path / "go").touch()
    totals = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err[-2000:]
        totals.append(int(out))
    assert max(totals) == 200  # the last to finish saw every count of both


def redis_reachable(host="127.0.0.1", port=6379):
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        return False
    return True


def redis_cache(url, prefix):
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": prefix,
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient", "IGNORE_EXCEPTIONS": True},
    }


@pytest.fixture
def redis_counters(settings):
    """The "ratelimit" cache on the shared Redis, under this test's own key prefix (deleted after, never flushed)."""
    if not redis_reachable():
        pytest.skip("no Redis on 127.0.0.1:6379")
    prefix = f"sanctuary-test-{uuid.uuid4().hex}"
    settings.CACHES = {**settings.CACHES, "ratelimit": redis_cache("redis://127.0.0.1:6379/0", prefix)}
    yield prefix
    caches["ratelimit"].delete_pattern("*")


@through_the_proxy
def test_with_redis_every_worker_counts_in_redis(client, redis_counters, settings):
    for number in range(5):
        assert post(client, "203.0.113.8", title=f"Redis story {number}").status_code == 200
    assert post(client, "203.0.113.8", title="One too many").status_code == 429
    # Another worker's connection to Redis finds the same counters.
    other_worker = caches.create_connection("ratelimit")
    assert other_worker is not caches["ratelimit"]
    assert sorted(other_worker.get_many(other_worker.keys("*")).values()) == [5, 6]  # stories, and all posts


@through_the_proxy
def test_with_redis_down_no_story_is_refused(client, settings):
    settings.CACHES = {**settings.CACHES, "ratelimit": redis_cache("redis://127.0.0.1:6390/0", "down")}  # closed port
    for number in range(7):
        assert post(client, "203.0.113.9", title=f"During the outage {number}").status_code == 200
    assert StoryPage.objects.filter(title__startswith="During the outage").count() == 7
