"""The admin's page explorer of a story collection costs the same number of queries with 5 rows as with 45, and still
offers wagtail-localize's translation buttons (answered for the whole listing, editorial/explorer_buttons.py)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.translation import translate
from stories.models import StoryPage
from tests import builders

pytestmark = pytest.mark.django_db


def add_draft_stories(collection, count):
    for n in range(count):
        collection.add_child(
            instance=StoryPage(
                title=f"Explorer story {n}",
                teller_name="Teller",
                told_on=datetime.date(2009, 1, 1),
                summary="Summary.",
                body=builders.paragraph("Sample."),
            )
        )


def explorer_queries(client, collection):
    url = f"/admin/pages/{collection.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


@pytest.mark.parametrize("role", ["administrator", "moderator"])
def test_the_explorer_of_a_collection_does_not_query_per_row(client, editorial, role):
    collection = editorial["collection"]
    client.force_login(editorial["users"][role])
    add_draft_stories(collection, 3)
    with_few, _response = explorer_queries(client, collection)
    add_draft_stories(collection, 40)
    with_many, response = explorer_queries(client, collection)
    assert response.content.decode().count("Explorer story ") >= 43
    assert with_many == with_few, f"{with_few} queries with 5 rows, {with_many} with 45"


def row_buttons(response, title):
    """The labels of the "more" buttons on the explorer row of the page titled ``title``."""
    soup = BeautifulSoup(response.content, "html.parser")
    row = next(tr for tr in soup.select("tbody tr") if title in tr.get_text())
    return {" ".join(link.get_text().split()) for link in row.select("a")}


def test_the_explorer_still_offers_translate_and_sync_as_wagtail_localize_decides(client, editorial):
    collection = editorial["collection"]
    first, second = editorial["stories"][:2]
    translate(first, "ar", {"Arriving in Sheffield": "الوصول إلى شيفيلد"}.get)
    client.force_login(editorial["users"]["administrator"])
    _count, response = explorer_queries(client, collection)
    assert {"Translate this page", "Sync translated pages"} <= row_buttons(response, first.title)
    assert "Translate this page" in row_buttons(response, second.title)
    assert "Sync translated pages" not in row_buttons(response, second.title)
    # Translated into every language: nothing left to translate into.
    for locale_code in ("cy", "fa", "ckb", "ps", "ti", "uk"):
        translate(Page.objects.get(pk=first.pk).specific, locale_code, lambda text: None)
    _count, response = explorer_queries(client, collection)
    assert "Translate this page" not in row_buttons(response, first.title)
    assert "Sync translated pages" in row_buttons(response, first.title)
