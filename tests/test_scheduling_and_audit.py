"""Scheduled publishing (manage.py publish_scheduled, run from cron), page locking, comments and the audit log."""

import datetime

import pytest
from django.core.management import call_command
from wagtail.models import Comment, PageLogEntry

from editorial.workflows import pass_story_review
from tests import builders

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
PAST = datetime.datetime(2020, 1, 1, 9, 0, tzinfo=UTC)
FAR_FUTURE = datetime.datetime(2999, 1, 1, 9, 0, tzinfo=UTC)


def test_go_live_waits_for_its_time_then_publish_scheduled_publishes(client, synced_network):
    network = synced_network
    story = builders.draft_story(network["collection"], "Scheduled story")
    builders.consent(story)
    story.go_live_at = FAR_FUTURE
    revision = story.save_revision()
    pass_story_review(story)  # the review's last approval schedules it
    story.refresh_from_db()
    assert not story.live
    assert story.get_latest_revision().approved_go_live_at == FAR_FUTURE
    call_command("publish_scheduled")
    story.refresh_from_db()
    assert not story.live  # 2999 has not come yet

    revision.refresh_from_db()
    # As if the clock had reached the scheduled time: the schedule lives on the revision and in its content.
    revision.approved_go_live_at = PAST
    revision.content["go_live_at"] = PAST.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    story.refresh_from_db()
    assert story.live
    assert client.get(story.url).status_code == 200


def test_expiry_takes_a_page_down(client, synced_network):
    network = synced_network
    event = network["past_event"]
    url = event.url
    event.expire_at = PAST
    event.save(update_fields=["expire_at"])
    call_command("publish_scheduled")
    event.refresh_from_db()
    assert (event.live, event.expired) == (False, True)
    assert client.get(url).status_code == 404


def test_a_locked_page_cannot_be_edited_by_others(editorial):
    moderator, editor = editorial["users"]["moderator"], editorial["users"]["sheffield editor"]
    story = editorial["stories"][0]
    story.locked, story.locked_by, story.locked_at = True, moderator, PAST
    story.save(update_fields=["locked", "locked_by", "locked_at"])
    assert story.permissions_for_user(editor).page_locked()
    assert not story.permissions_for_user(moderator).page_locked()


def test_comments_are_enabled_on_pages(client, editorial):
    editor = editorial["users"]["sheffield editor"]
    story = editorial["stories"][0]
    Comment.objects.create(page=story, user=editor, text="Check the date.", contentpath="title")
    client.force_login(editor)
    response = client.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code == 200
    assert "Check the date." in response.content.decode()


def test_the_audit_log_records_who_published(editorial):
    moderator = editorial["users"]["moderator"]
    story = editorial["stories"][0]
    story.title = "Arriving in Sheffield (revised)"
    builders.review_and_publish(story, moderator)
    entry = PageLogEntry.objects.filter(page=story, action="wagtail.publish").latest("timestamp")
    assert entry.user == moderator
