"""Pages are routed from the cached home pages (home/routing.py): to the page Wagtail's own routing finds, in every
language, for every kind of URL; without Wagtail's three queries before the route; and a home page changed through
the admin's actions (published, unpublished, translated) is routed from at once."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from home import routing
from home.site_lookup import SiteMiddleware, all_sites
from home.translation import translate

pytestmark = pytest.mark.django_db

PATHS = [
    "",
    "cities/",
    "cities/sheffield/",
    "cities/sheffield/no-such-page/",
    "cities/sheffield/events/past/",  # a routable page's own sub-URL
    "stories/",
    "exhibitions/",
    "no-such-page/",
    "no/such/page/",
    "cities/sheffield/" + "deeper/" * 40,  # more segments than a page can be deep (MAX_PAGE_SEGMENTS)
    "stories/tag/" + "x/" * 40,
]


def routed(route):
    """What a route result shows: the page found and the arguments its own route gave; None for a 404."""
    if route is None:
        return None
    page, args, kwargs = route
    # A routable page's route gives its view (a method bound to that page object) and the view's arguments.
    args = [arg.__name__ if callable(arg) else arg for arg in args]
    return (page.pk, type(page), tuple(args), dict(kwargs))


def both_routes(path, language):
    """Wagtail's route for ``path`` in ``language``, and ours from the cache."""
    request = RequestFactory().get(f"/{language}/{path}")
    SiteMiddleware.find_site(request)
    with translation.override(language):
        wagtails = Page.route_for_request(RequestFactory().get(f"/{language}/{path}"), path)
        ours = routing.route(request, request._wagtail_site, all_sites(), path)
    return routed(wagtails), routed(ours)


def translate_title(page, language, title):
    return translate(page, language, lambda text: title if text == page.title else None)


@pytest.mark.parametrize("language", ["en", "ar", "cy", "ti"])
def test_every_url_is_routed_to_the_page_wagtail_finds(synced_network, language):
    if language == "ar":  # a home page really translated, not an alias
        translate_title(synced_network["home"], "ar", "مرحبا بكم")
    for path in PATHS:
        wagtails, ours = both_routes(path, language)
        assert ours == wagtails, path
    assert both_routes("cities/sheffield/", language)[1] is not None  # found, not two 404s that agree


def test_a_page_costs_no_locale_or_home_page_query_before_its_route(client, synced_network):
    client.get("/ar/cities/sheffield/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/ar/cities/sheffield/").status_code == 200
    tables = [query["sql"].split(" FROM ")[1].split()[0] for query in queries if " FROM " in query["sql"]]
    assert '"wagtailcore_locale"' not in tables and '"home_homepage"' not in tables, tables


def test_a_home_page_translated_or_unpublished_is_routed_from_at_once(client, synced_network):
    english_home = synced_network["home"]
    assert client.get("/ar/").status_code == 200  # the home pages are cached
    arabic_home = translate_title(english_home, "ar", "مرحبا بكم")
    assert "مرحبا بكم" in client.get("/ar/").content.decode()
    arabic_home.unpublish()
    # As Wagtail does for a language whose home page is not live: the site's own root page answers.
    wagtails, ours = both_routes("", "ar")
    assert ours == wagtails == routed((english_home, [], {}))
    response = client.get("/ar/")
    assert response.status_code == 200 and "مرحبا بكم" not in response.content.decode()
