"""Site search on PostgreSQL uses its full-text search with English stemming. Issue 13.

Run under DATABASE_URL=postgres://… (CI runs the suite on PostgreSQL too); skipped on SQLite.
"""

import pytest
from django.db import connection
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from wagtail.search.backends import get_search_backend

from tests.test_search import result_links, search

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's full-text search: DATABASE_URL=postgres"
    ),
]


def test_the_search_backend_is_postgresql_full_text_with_english_stemming(db):
    backend = get_search_backend()
    assert isinstance(backend, PostgresSearchBackend)
    assert backend.config == "english"


@pytest.mark.parametrize(
    ("query", "title"),
    [("dancing", "Learning to dance"), ("arrives", "Arriving in Sheffield"), ("learned dances", "Learning to dance")],
)
def test_a_search_finds_other_forms_of_the_same_word(client, network, query, title):
    story = next(story for story in network["stories"] if story.title == title)
    assert story.url in result_links(search(client, "en", q=query))


def test_a_word_that_only_looks_alike_finds_nothing(client, network):
    assert result_links(search(client, "en", q="dancehall")) == []
