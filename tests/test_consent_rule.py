"""No path publishes a story whose version has not passed its consent check (issue 10, item 2).

Each test tries one way of publishing through the real admin views or Wagtail's own machinery, and asserts on what a
reader would see: the story is not live, or its live text is unchanged.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision

from editorial.workflows import pass_story_review
from stories.models import StoryPage
from stories.models.workflow import ConsentCheckRequired
from stories.withdrawal import withdraw_story
from tests import builders

pytestmark = pytest.mark.django_db

PAST = datetime.datetime(2020, 1, 1, 9, 0, tzinfo=datetime.UTC)
FAR_FUTURE = datetime.datetime(2999, 1, 1, 9, 0, tzinfo=datetime.UTC)


def fresh(page):
    return StoryPage.objects.get(pk=page.pk)


def superuser():
    users = get_user_model().objects
    return users.filter(username="root").first() or users.create_superuser("root", "root@example.org", "pass phrase")


def publish_buttons(client, page):
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    return BeautifulSoup(html, "html.parser").select('[name="action-publish"]')


def post_publish(client, page, **fields):
    return builders.edit(client, page, {**builders.story_form(**fields), "action-publish": "action-publish"})


@pytest.fixture
def in_review(editorial, submitted_story):
    """A new story with consent on record, submitted to Story review and waiting at the consent check."""
    story, _state = submitted_story
    builders.consent(story)
    return story


@pytest.mark.parametrize("role", ["moderator", "superuser"])
def test_the_editor_offers_no_publish_and_refuses_one_until_the_consent_check_passed(
    client, editorial, in_review, role
):
    user = superuser() if role == "superuser" else editorial["users"][role]
    client.force_login(user)
    assert publish_buttons(client, in_review) == []
    post_publish(client, in_review, naming="pseudonym")
    story = fresh(in_review)
    assert not story.live
    assert story.current_workflow_task.name == "Consent check"  # still waiting: the workflow was not cancelled
    assert client.get(in_review.url).status_code == 404


def test_once_the_consent_check_passed_a_moderator_may_publish_that_version(client, editorial, in_review):
    moderator = editorial["users"]["moderator"]
    task_state = in_review.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve", reveals_nothing_dangerous=True)
    client.force_login(moderator)
    assert publish_buttons(client, in_review)
    response = builders.edit(client, in_review, builders.story_form())
    assert response.status_code == 302  # a moderator's edit is a new version: it has to pass the check again
    assert publish_buttons(client, in_review) == []


def test_model_level_publish_is_refused_for_every_user(editorial, in_review):
    for user in (None, superuser(), editorial["users"]["moderator"]):
        with pytest.raises(ConsentCheckRequired):
            in_review.get_latest_revision().publish(user=user, skip_permission_checks=True)
    assert not fresh(in_review).live


def test_bulk_publish_is_refused(client, editorial, in_review):
    client.force_login(superuser())
    url = f"/admin/bulk/wagtailcore/page/publish/?id={in_review.pk}"
    response = client.post(url, {"include_descendants": ""})
    assert response.status_code in (200, 302, 403)
    assert not fresh(in_review).live


def test_bulk_publish_of_a_collection_with_its_drafts_leaves_the_story_a_draft(client, editorial, in_review):
    client.force_login(superuser())
    url = f"/admin/bulk/wagtailcore/page/publish/?id={editorial['collection'].pk}"
    response = client.post(url, {"include_descendants": "on"})
    assert response.status_code in (200, 302)
    assert not fresh(in_review).live


def test_a_scheduled_story_whose_consent_is_withdrawn_does_not_go_live(editorial):
    scheduled = builders.draft_story(editorial["collection"], "Scheduled story")
    record = builders.consent(scheduled)
    scheduled.go_live_at = FAR_FUTURE
    revision = scheduled.save_revision()
    pass_story_review(scheduled)
    revision.refresh_from_db()
    assert revision.approved_go_live_at == FAR_FUTURE

    record.withdrawn_on = datetime.date(2010, 1, 1)
    record.save()  # the teller changes their mind before the date comes
    other = builders.event(editorial["sheffield"], "Scheduled event")
    other.unpublish()
    other.go_live_at = FAR_FUTURE
    other_revision = other.save_revision()
    other_revision.publish()
    # As if the date had come, and the schedule had outlived the withdrawal (the command must not stop on it).
    for pending in (revision, other_revision):
        pending.refresh_from_db()
        pending.approved_go_live_at = PAST
        pending.content["go_live_at"] = PAST.isoformat()
        pending.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    assert not fresh(scheduled).live
    other.refresh_from_db()
    assert other.live  # the other scheduled page went live in the same run


def test_withdrawing_consent_cancels_the_schedule(editorial):
    scheduled = builders.draft_story(editorial["collection"], "Scheduled story")
    record = builders.consent(scheduled)
    scheduled.go_live_at = FAR_FUTURE
    scheduled.save_revision()
    pass_story_review(scheduled)
    record.withdrawn_on = datetime.date(2010, 1, 1)
    record.save()
    assert not scheduled.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_a_revision_restored_from_history_must_pass_the_check_again(client, editorial):
    story = editorial["stories"][0]
    first = story.get_latest_revision()
    story.title = "Arriving in Sheffield, with a street name"
    story.save_revision()  # a draft that never passed the consent check
    pass_story_review(fresh(story))  # ...until it did: this version is live now
    client.force_login(superuser())
    # Restore the first version from the history and press Publish on it: a new version, not checked.
    revert = f"/admin/pages/{story.pk}/revisions/{first.pk}/revert/"
    assert client.get(revert).status_code == 200
    response = post_publish(client, story, summary="Restored from history.")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{story.pk}/edit/"
    assert fresh(story).title == "Arriving in Sheffield, with a street name"
    assert fresh(story).summary != "Restored from history."


def test_a_withdrawn_story_cannot_be_published_again(client, editorial):
    """Nothing is left to publish: the story and its revisions are erased (stories.erasure)."""
    story = editorial["stories"][0]
    url = story.url
    revision_ids = list(story.revisions.values_list("pk", flat=True))
    withdraw_story(story, by_user=editorial["users"]["moderator"])
    assert not Page.objects.filter(translation_key=story.translation_key).exists()
    assert not Revision.objects.filter(pk__in=revision_ids).exists()
    assert client.get(url).status_code == 410


def test_a_story_copied_with_publish_copies_comes_out_a_draft(client, editorial):
    story = editorial["stories"][0]
    client.force_login(superuser())
    response = client.post(
        f"/admin/pages/{story.pk}/copy/",
        {"new_title": "Copy", "new_slug": "copy", "new_parent_page": story.get_parent().pk, "publish_copies": "on"},
    )
    assert response.status_code == 302
    copy = Page.objects.get(slug="copy", locale=story.locale).specific
    assert not copy.live
    assert client.get(copy.url or "/en/no-such-page/").status_code == 404


def test_a_translation_goes_live_only_after_its_original_passed_the_check(editorial):
    from home.translation import translate

    story = editorial["stories"][0]
    welsh = translate(story, "cy", {"Arriving in Sheffield": "Cyrraedd Sheffield"}.get)
    assert welsh.live  # the original passed its check and consent covers translation

    draft = builders.draft_story(editorial["collection"], "Not yet checked")
    builders.consent(draft)
    with pytest.raises(ConsentCheckRequired):
        translate(draft, "cy", {"Not yet checked": "Heb ei wirio"}.get)


def test_a_moderator_can_withdraw_a_live_story_whose_new_draft_is_not_yet_checked(client, editorial):
    story = editorial["stories"][0]
    url = story.url
    story.title = "Arriving in Sheffield, a draft in review"
    story.save_revision()  # the live version passed its check; this draft has not
    client.force_login(editorial["users"]["moderator"])
    edit_page = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert f"/admin/stories/{story.pk}/withdraw/" in edit_page
    assert client.get(f"/admin/stories/{story.pk}/withdraw/").status_code == 200
    assert client.post(f"/admin/stories/{story.pk}/withdraw/").status_code == 302
    assert client.get(url).status_code == 410
