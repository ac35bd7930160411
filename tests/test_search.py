"""Site search: the reader's language tree, live public pages only, escaped, paginated, nothing written, no 500."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from home.search import MAX_QUERY_LENGTH, RESULTS_PER_PAGE
from home.translation import translate
from tests import builders

pytestmark = pytest.mark.django_db

ARABIC = {"Arriving in Sheffield": "الوصول إلى شيفيلد", "A story of arriving.": "قصة وصول إلى المدينة."}


def search(client, language, **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200, params
    return BeautifulSoup(response.content, "html.parser")


def result_links(soup):
    return [a["href"] for a in soup.select(".search-result__title a")]


def test_finds_a_story_by_the_words_of_its_summary_in_the_readers_language(client, network):
    story = network["stories"][0]
    soup = search(client, "en", q="story of arriving")
    assert story.url in result_links(soup)
    assert all(link.startswith("/en/") for link in result_links(soup))


def test_every_word_must_match(client, network):
    assert result_links(search(client, "en", q="arriving zebra")) == []


def test_an_arabic_reader_finds_the_arabic_translation_and_stays_in_the_arabic_tree(client, synced_network):
    story = synced_network["stories"][0]
    arabic = translate(story, "ar", ARABIC.get)
    assert result_links(search(client, "ar", q="شيفيلد")) == [arabic.url]
    assert result_links(search(client, "en", q="شيفيلد")) == []  # an English reader gets the English tree
    # An untranslated page (an alias) is found in the reader's tree, its title marked as English text.
    soup = search(client, "ar", q="Building Sanctuary Swansea")
    exhibition = builders.version(synced_network["exhibition"], "ar")
    assert result_links(soup) == [exhibition.url]
    assert soup.select_one(".search-result__title")["lang"] == "en"
    assert soup.html["lang"] == "ar"


def test_pages_under_view_restrictions_drafts_and_unpublished_pages_are_not_found(client, network):
    PageViewRestriction.objects.create(page=network["collection"], restriction_type=PageViewRestriction.LOGIN)
    builders.draft_story(builders.collection(network["swansea"], "Open stories"), "A drafted arrival")
    network["exhibition"].unpublish()
    assert result_links(search(client, "en", q="arriving")) == []
    assert result_links(search(client, "en", q="Building Sanctuary Swansea")) == []
    assert result_links(search(client, "en", q="Sheffield"))  # the hub itself is still found


def test_the_query_is_echoed_escaped(client, network):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    response = client.get("/en/search/", {"q": attack})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in body and "<img src=x" not in body
    soup = BeautifulSoup(body, "html.parser")
    assert soup.select_one("input[name=q]")["value"] == attack
    assert soup.select("script") == []
    assert attack in soup.title.get_text()


def test_results_are_paginated_and_the_pages_keep_the_query(client, network):
    for number in range(RESULTS_PER_PAGE + 2):
        builders.standard_page(network["home"], f"Welcome meeting {number}")
    first = search(client, "en", q="welcome meeting")
    assert len(result_links(first)) == RESULTS_PER_PAGE
    next_link = first.select_one(".pagination a[rel=next]")["href"]
    assert next_link == "?q=welcome+meeting&page=2"
    second = search(client, "en", q="welcome meeting", page="2")
    assert len(result_links(second)) == 2
    assert second.select_one("ol.search-results")["start"] == str(RESULTS_PER_PAGE + 1)
    assert not set(result_links(first)) & set(result_links(second))
    assert result_links(search(client, "en", q="welcome meeting", page="abc")) == result_links(first)
    assert result_links(search(client, "en", q="welcome meeting", page="99999")) == result_links(second)


def test_a_search_writes_nothing_and_costs_the_same_however_many_pages_of_a_type_match(client, network):
    def statements(query):
        with CaptureQueriesContext(connection) as queries:
            search(client, "en", q=query)
        return [q["sql"].lstrip().split()[0].upper() for q in queries.captured_queries]

    builders.standard_page(network["home"], "Arriving together")
    statements("arriving")  # caches filled once per process (content types, site root paths)
    few = statements("arriving")  # a story and a standard page: one query per page type shown, not per page
    for number in range(6):
        builders.standard_page(network["home"], f"Arriving together {number}")
    many = statements("arriving")
    assert not {"INSERT", "UPDATE", "DELETE", "REPLACE"} & set(few + many)
    assert len(many) == len(few)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * (MAX_QUERY_LENGTH + 1)},
        {"q": "arriving\x00"},
        {"q": "\x00"},
        {"q": "arriving", "page": "abc"},
        {"q": "arriving", "page": "-3"},
        {"q": '"unbalanced'},
        {"q": "NEAR( * ^ - : AND OR NOT ("},
        {"q": "   "},
        {"q": "!!! ?"},
        {"q": "AND"},
        {"q": "arriving OR NOT"},
        {"page": "2"},
    ],
)
def test_bad_input_answers_a_page_not_an_error(client, network, params):
    soup = search(client, "en", **params)
    assert soup.select_one("input[name=q]") is not None


def test_a_query_too_long_says_so(client, network):
    soup = search(client, "en", q="arriving " * 40)
    with translation.override("en"):
        expected = translation.gettext("Please search for at most %(count)d characters.") % {"count": MAX_QUERY_LENGTH}
    assert soup.select_one("[role=alert]").get_text() == expected
    assert result_links(soup) == []


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=60))
def test_any_text_answers_a_page(client, network, query):
    assert client.get("/ar/search/", {"q": query}).status_code == 200


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_form_is_labelled_in_every_language(client, home, language):
    soup = search(client, language)
    field = soup.select_one("form[role=search] input[name=q]")
    label = soup.select_one(f"label[for={field['id']}]")
    with translation.override(language):
        assert label.get_text() == translation.gettext("Search the site")
    assert soup.select_one("form[role=search]")["action"] == f"/{language}/search/"
    assert soup.html["lang"] == language


def test_a_translation_under_the_alias_of_a_restricted_page_is_not_found(client, synced_network):
    arabic = translate(synced_network["stories"][0], "ar", ARABIC.get)
    assert result_links(search(client, "ar", q="شيفيلد")) == [arabic.url]
    PageViewRestriction.objects.create(page=synced_network["collection"], restriction_type=PageViewRestriction.LOGIN)
    assert client.get(arabic.url).status_code == 302  # the site serves it as restricted (to the login page)
    assert result_links(search(client, "ar", q="شيفيلد")) == []


def test_every_page_offers_the_search_form_in_its_language(client, network):
    soup = BeautifulSoup(client.get("/ar/cities/sheffield/").content, "html.parser")
    form = soup.select_one("footer form[role=search]")
    assert form["action"] == "/ar/search/"
    assert soup.select_one(f"label[for={form.select_one('input')['id']}]") is not None
