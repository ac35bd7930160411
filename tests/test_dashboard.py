"""Each role's admin dashboard shows what it needs."""

import pytest
from bs4 import BeautifulSoup

from tests import builders

pytestmark = pytest.mark.django_db


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_moderators_see_what_awaits_their_review(client, editorial, submitted_story):
    soup = dashboard(client, editorial["users"]["moderator"])
    assert "A new story, revised" in soup.get_text()


def test_city_editors_see_their_citys_drafts_only(client, editorial):
    sheffield_draft = builders.story(editorial["collection"], "Sheffield draft")
    sheffield_draft.save_revision()  # unpublished changes
    swansea_draft = builders.exhibit(editorial["exhibition"], "Swansea draft")
    swansea_draft.save_revision()
    panel = dashboard(client, editorial["users"]["sheffield editor"]).find(id="city-drafts-section")
    assert "Sheffield draft" in panel.get_text()
    assert "Swansea draft" not in panel.get_text()


def test_translators_see_pages_waiting_for_their_language(client, editorial):
    soup = dashboard(client, editorial["users"]["arabic translator"])
    panel = soup.find(id="translation-queue-ar-section")
    assert "Arriving in Sheffield" in panel.get_text()
    assert soup.find(id="translation-queue-cy-section") is None
    assert soup.find(id="city-drafts-section") is None
