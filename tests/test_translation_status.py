"""Stale translations are detected and reported; coverage per language is counted from the tree."""

import pytest

from editorial.translation_status import coverage, out_of_date_translations
from home.translation import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def welsh_story(synced_network):
    story = synced_network["stories"][0]
    return story, translate(story, "cy", {"Arriving in Sheffield": "Cyrraedd Sheffield"}.get)


def test_a_fresh_translation_is_up_to_date(welsh_story):
    assert list(out_of_date_translations()) == []


def test_republishing_the_source_marks_its_translation_out_of_date(welsh_story):
    story, welsh = welsh_story
    story.summary = "A changed summary."
    story.save_revision().publish()
    stale = list(out_of_date_translations())
    assert [(t.target_locale.language_code, t.target_page_id) for t in stale] == [("cy", welsh.pk)]
    assert list(out_of_date_translations(locale=welsh.locale)) == stale
    assert list(out_of_date_translations(locale=story.locale)) == []


def test_updating_the_translation_makes_it_current_again(welsh_story):
    story, welsh = welsh_story
    story.save_revision().publish()
    translate(story, "cy", {"Arriving in Sheffield": "Cyrraedd Sheffield"}.get)
    assert list(out_of_date_translations()) == []


def test_coverage_counts_translations_not_aliases(welsh_story):
    figures = coverage()
    assert figures["cy"]["storypage"] == (1, 2)
    assert figures["ar"]["storypage"] == (0, 2)
    assert figures["cy"]["cityhubpage"] == (0, 2)
    assert "en" not in figures


def test_admin_report_lists_stale_translations_and_coverage(admin_client, welsh_story):
    story, welsh = welsh_story
    story.save_revision().publish()
    response = admin_client.get("/admin/reports/translations/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"/admin/pages/{welsh.pk}/edit/" in html
    assert "Welsh (cy)" in html


def test_report_is_for_admin_users_only(client, welsh_story):
    assert client.get("/admin/reports/translations/").status_code == 302
