"""The request's Wagtail Site comes from the cache (home/site_lookup.py): the same site Wagtail's own query picks, no
query once cached, and a changed site is seen at once."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from home.site_lookup import all_sites, site_for

pytestmark = pytest.mark.django_db

HOSTS = ["localhost", "example.org", "other.org", "unknown.net"]
PORTS = [80, 443, 8080]


def wagtails_choice(hostname, port):
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


@pytest.mark.parametrize(
    "sites",
    [
        [],  # only the default site the migrations made (localhost:80)
        [("example.org", 80, False)],
        [("example.org", 80, False), ("example.org", 8080, False)],
        [("example.org", 8080, False), ("other.org", 80, False)],
        [("example.org", 443, True)],  # the default site moves to example.org
        [("example.org", 443, True), ("other.org", 80, False), ("other.org", 8080, False)],
    ],
)
def test_the_cached_choice_is_the_site_wagtail_picks(home, sites):
    for hostname, port, is_default in sites:
        if is_default:
            Site.objects.filter(is_default_site=True).update(is_default_site=False)
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=is_default)
    cached = all_sites()
    for hostname, port in itertools.product(HOSTS, PORTS):
        assert site_for(hostname, port, cached) == wagtails_choice(hostname, port), (hostname, port)


def test_a_page_costs_no_site_query_once_the_sites_are_cached(client, home):
    client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/").status_code == 200
    assert not [query for query in queries if "wagtailcore_site" in query["sql"]]


def test_a_site_saved_or_deleted_is_seen_by_the_next_request(client, home):
    assert client.get("/en/", HTTP_HOST="news.example.org").status_code == 200  # the default site answers any host
    default = Site.objects.get(is_default_site=True)
    default.is_default_site = False
    default.save()  # as the admin's Sites screen does (a queryset's update() sends no signal, here or to Wagtail)
    assert client.get("/en/", HTTP_HOST="news.example.org").status_code == 404  # no site for that host now
    other = Site.objects.create(hostname="news.example.org", port=80, root_page=home)
    assert client.get("/en/", HTTP_HOST="news.example.org").status_code == 200
    other.delete()
    assert client.get("/en/", HTTP_HOST="news.example.org").status_code == 404
