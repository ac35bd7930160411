"""Roles and workflows, driven through Wagtail's real permission and workflow API (no mocks)."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import translation
from wagtail.models import GroupApprovalTask
from wagtail.test.utils.form_data import rich_text
from wagtail.users.models import UserProfile

from editorial.roles import ensure_all_roles
from editorial.workflows import ensure_workflow_assignments
from exhibitions.models import ExhibitionPage
from stories.models import StoryPage
from stories.models.workflow import ConsentCheckTask
from tests import builders

pytestmark = pytest.mark.django_db


def can_view_draft(client, user, page):
    client.force_login(user)
    return client.get(f"/admin/pages/{page.pk}/view_draft/").status_code == 200


def can_submit(user, page):
    """Submitting happens from the page editor, so it needs the right to edit as well as a workflow to enter."""
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() and permissions.can_submit_for_moderation()


def can_approve(task_model, page, user):
    task = task_model.objects.get(name="Consent check" if task_model is ConsentCheckTask else "Moderator approval")
    return "approve" in [name for name, _label, _form in task.get_actions(page, user)]


ACTIONS = {
    "view draft": lambda c, u, n: can_view_draft(c, u, n["stories"][0]),
    "edit own city": lambda c, u, n: n["stories"][0].permissions_for_user(u).can_edit(),
    "edit another city": lambda c, u, n: n["exhibition"].permissions_for_user(u).can_edit(),
    "submit": lambda c, u, n: can_submit(u, n["stories"][0]),
    "approve consent": lambda c, u, n: can_approve(ConsentCheckTask, n["stories"][0], u),
    "approve moderation": lambda c, u, n: can_approve(GroupApprovalTask, n["stories"][0], u),
    "publish": lambda c, u, n: n["stories"][0].permissions_for_user(u).can_publish(),
    "translate into Arabic": lambda c, u, n: builders.version(n["stories"][0], "ar").permissions_for_user(u).can_edit(),
    "translate into Welsh": lambda c, u, n: builders.version(n["stories"][0], "cy").permissions_for_user(u).can_edit(),
    "delete": lambda c, u, n: n["stories"][0].permissions_for_user(u).can_delete(),
}

# Rows: roles; columns: the actions above, in order. The Sheffield story is live and owned by nobody in particular.
MATRIX = {
    "administrator": [True, True, True, True, True, True, True, True, True, True],
    "moderator": [True, True, True, True, True, True, True, True, True, True],
    # City editors work on their city's pages in every language, but cannot publish or delete live pages.
    "sheffield editor": [True, True, False, True, False, False, False, True, True, False],
    # Contributors write new stories; they cannot touch others' stories.
    "contributor": [False, False, False, False, False, False, False, False, False, False],
    "arabic translator": [False, False, False, False, False, False, False, True, False, False],
}


@pytest.mark.parametrize("role", MATRIX)
def test_permission_matrix(client, editorial, role):
    user = editorial["users"][role]
    observed = [action(client, user, editorial) for action in ACTIONS.values()]
    assert dict(zip(ACTIONS, observed, strict=True)) == dict(zip(ACTIONS, MATRIX[role], strict=True))


def test_groups_and_workflows_are_set_up_idempotently(editorial):
    from wagtail.models import GroupPagePermission, WorkflowPage

    counts = (Group.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count())
    ensure_all_roles()
    ensure_workflow_assignments()
    assert (Group.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count()) == counts


def test_every_languages_collections_get_story_review_and_homes_exhibition_review(editorial):
    for language in ("en", "ar", "ti"):
        assert builders.version(editorial["collection"], language).get_workflow().name == "Story review"
        assert builders.version(editorial["stories"][0], language).get_workflow().name == "Story review"
        assert builders.version(editorial["exhibition"], language).get_workflow().name == "Exhibition review"
        assert builders.version(editorial["sheffield"], language).get_workflow().name == "Exhibition review"


def test_a_new_city_gets_its_editors_group_and_a_new_collection_its_workflow(editorial):
    leeds = builders.city(editorial["cities"], "Leeds")
    assert Group.objects.filter(name="Leeds editors").exists()
    collection = builders.collection(leeds, "Leeds stories")
    assert collection.get_workflow().name == "Story review"
    editor = builders.user("lee", "Leeds editors")
    assert builders.story(collection, "A Leeds story").permissions_for_user(editor).can_edit()
    assert not editorial["stories"][0].permissions_for_user(editor).can_edit()


def test_contributor_can_create_a_draft_story_but_not_publish_it(editorial):
    contributor = editorial["users"]["contributor"]
    collection = editorial["collection"]
    assert collection.permissions_for_user(contributor).can_add_subpage()
    story = builders.story(collection, "My own story", owner=contributor)
    story.unpublish()
    permissions = story.permissions_for_user(contributor)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert permissions.can_submit_for_moderation()


def approve_consent(story, user, **confirmation):
    task_state = story.current_workflow_task_state
    task_state.task.specific.on_action(task_state, user, "approve", comment="Checked.", **confirmation)


def test_a_story_without_consent_cannot_pass_the_consent_check(editorial, submitted_story):
    story, _state = submitted_story
    moderator = editorial["users"]["moderator"]
    assert not can_approve(ConsentCheckTask, story, moderator)
    with pytest.raises(PermissionDenied, match="no consent"):
        approve_consent(story, moderator, reveals_nothing_dangerous=True)
    assert story.current_workflow_task.name == "Consent check"


def test_withdrawn_consent_does_not_count(editorial, submitted_story):
    import datetime

    story, _state = submitted_story
    builders.consent(story, withdrawn_on=datetime.date(2009, 12, 1))
    assert not can_approve(ConsentCheckTask, story, editorial["users"]["moderator"])


def test_the_reviewer_must_confirm_the_story_is_safe(editorial, submitted_story):
    story, _state = submitted_story
    builders.consent(story)
    with pytest.raises(PermissionDenied, match="reveals nothing"):
        approve_consent(story, editorial["users"]["moderator"])


def test_with_consent_and_both_approvals_the_story_goes_live(client, editorial, submitted_story):
    story, workflow_state = submitted_story
    moderator = editorial["users"]["moderator"]
    builders.consent(story)
    approve_consent(story, moderator, reveals_nothing_dangerous=True)
    story.refresh_from_db()
    assert story.current_workflow_task.name == "Moderator approval"
    assert not story.live
    task_state = story.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    story.refresh_from_db()
    workflow_state.refresh_from_db()
    assert workflow_state.status == "approved"
    assert story.live
    assert "A new story, revised" in client.get(story.url).content.decode()


def test_moderators_are_emailed_when_a_story_awaits_them_and_the_submitter_on_approval(editorial, submitted_story):
    story, _state = submitted_story
    moderator = editorial["users"]["moderator"]
    submitted = {address for message in mail.outbox for address in message.to}
    assert "mo@example.org" in submitted and "ada@example.org" in submitted
    assert "sam@example.org" not in submitted
    builders.consent(story)
    mail.outbox.clear()
    approve_consent(story, moderator, reveals_nothing_dangerous=True)
    # The next task (moderator approval) is announced to its reviewers, except the one who just acted.
    assert {address for message in mail.outbox for address in message.to} == {"ada@example.org"}
    mail.outbox.clear()
    task_state = story.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve", comment="Lovely, publishing.")
    assert [message.to for message in mail.outbox] == [["sam@example.org"]]
    assert "approved" in mail.outbox[0].subject.lower()


def test_the_submitter_is_emailed_the_reviewers_comment_on_rejection(editorial, submitted_story):
    story, _state = submitted_story
    mail.outbox.clear()
    task_state = story.current_workflow_task_state
    task_state.task.specific.on_action(
        task_state, editorial["users"]["moderator"], "reject", comment="Please remove the street name."
    )
    assert [message.to for message in mail.outbox] == [["sam@example.org"]]
    assert "Please remove the street name." in mail.outbox[0].body
    story.refresh_from_db()
    assert not story.live


MODAL = {"x-requested-with": "XMLHttpRequest"}  # the admin posts workflow actions from a modal


def consent_action_url(story, action, view="action"):
    task_state = story.current_workflow_task_state
    return f"/admin/pages/workflow/{view}/{story.pk}/{action}/{task_state.pk}/"


def test_the_consent_check_approve_and_reject_views_work_in_the_admin(client, editorial, submitted_story):
    """The moderator's clicks: the action form opens, and posting it moves the story on (a 500 before the fix)."""
    story, _state = submitted_story
    builders.consent(story)
    client.force_login(editorial["users"]["moderator"])
    form = client.get(consent_action_url(story, "approve"))
    assert form.status_code == 200
    assert "reveals nothing" in form.json()["html"]
    refused = client.post(consent_action_url(story, "approve"), {"comment": "Checked."}, headers=MODAL)
    assert refused.status_code == 200 and "This field is required" in refused.json()["html"]
    assert story.current_workflow_task.name == "Consent check"
    confirmed = {"comment": "Checked.", "reveals_nothing_dangerous": "on"}
    approved = client.post(consent_action_url(story, "approve"), confirmed, headers=MODAL)
    assert approved.status_code == 200 and approved.json()["step"] == "success"
    story.refresh_from_db()
    assert story.current_workflow_task.name == "Moderator approval"
    dashboard = client.get(approved.json()["redirect"]).content.decode()
    assert "“A new story, revised” passed “Consent check” and now awaits “Moderator approval”." in dashboard
    task_state = story.current_workflow_task_state
    final = f"/admin/pages/workflow/action/{story.pk}/approve/{task_state.pk}/"
    assert client.post(final, {"comment": ""}, headers=MODAL).json()["step"] == "success"
    assert "“A new story, revised” was approved and is now published." in client.get("/admin/").content.decode()
    assert StoryPage.objects.get(pk=story.pk).live


def test_request_changes_collects_a_comment_in_the_admin(client, editorial, submitted_story):
    story, _state = submitted_story
    client.force_login(editorial["users"]["moderator"])
    url = consent_action_url(story, "reject", view="collect_action_data")
    assert client.get(url).status_code == 200
    collected = client.post(url, {"comment": "Please remove the street name."}, headers=MODAL)
    assert collected.status_code == 200
    assert collected.json()["cleaned_data"]["comment"] == "Please remove the street name."
    rejected = client.post(
        consent_action_url(story, "reject"), {"comment": "Please remove the street name."}, headers=MODAL
    )
    assert rejected.json()["step"] == "success"
    assert (
        "Changes requested on “A new story, revised”. Its author has been told."
        in client.get("/admin/").content.decode()
    )


def test_each_reviewer_is_emailed_in_their_own_admin_language_not_the_submitters(editorial):
    """A teller writing on /ar/ (or a translator whose admin is Arabic) submits: each moderator reads their language."""
    administrator = editorial["users"]["administrator"]
    profile = UserProfile.get_for_user(administrator)
    profile.preferred_language = "ar"
    profile.save()
    story = builders.draft_story(editorial["collection"], "A story told in Arabic")
    mail.outbox.clear()
    with translation.override("ar"):  # the language of the person who acted
        story.get_workflow().start(story, editorial["users"]["sheffield editor"])
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["mo@example.org"].startswith('The page "A story told in Arabic" has been submitted')
    assert subjects["ada@example.org"].startswith('تم تقديم الصفحة "A story told in Arabic"')


def post_approval_from_the_editor(client, exhibition, **headers):
    """The moderator's "Approve" in the page editor: the edit form, with the hidden fields Wagtail's button adds."""
    fields = {
        "summary": exhibition.summary,
        "curator_statement": rich_text(exhibition.curator_statement),
        "venue": exhibition.venue,
        "opens_on": exhibition.opens_on.isoformat(),
        "closes_on": exhibition.closes_on.isoformat() if exhibition.closes_on else "",
        "hero_image": "",
        "hero_alt_text": "",
        "tags": "",
        "action-workflow-action": "true",
        "workflow-action-name": "approve",
    }
    return builders.edit(client, exhibition, fields, **headers)


def test_an_autosave_that_carries_the_approve_fields_writes_nothing(client, editorial):
    """Wagtail's autosave sends whatever the form holds when it fires, the hidden fields of an Approve just clicked
    included: it must neither approve a second time nor save a draft in a race with the click (autosave_guard.py).
    """
    exhibition = editorial["exhibition"]
    moderator = editorial["users"]["moderator"]
    live_venue = exhibition.venue
    exhibition.venue = "Submitted venue"
    exhibition.save_revision(user=moderator)
    workflow_state = exhibition.get_workflow().start(exhibition, moderator)
    revisions = exhibition.revisions.count()
    client.force_login(moderator)

    autosave = post_approval_from_the_editor(client, exhibition, HTTP_ACCEPT="application/json")
    assert autosave.status_code == 409
    assert autosave.json() == {
        "success": False,
        "error_code": "blocked_by_hook",
        "error_message": "Not saved automatically: the page is being sent.",
    }
    workflow_state.refresh_from_db()
    assert workflow_state.status == "in_progress"
    assert ExhibitionPage.objects.get(pk=exhibition.pk).venue == live_venue  # nothing published
    assert exhibition.revisions.count() == revisions  # nor saved

    # The click itself, a form submission that asks for HTML, is taken: the moderator's approval is recorded. (It
    # does not publish here: the rich text posted by the test counts as an edit, which needs approving again.)
    assert post_approval_from_the_editor(client, exhibition).status_code == 302
    submitted_step = workflow_state.task_states.order_by("pk").first()
    assert submitted_step.status == "approved" and submitted_step.finished_by == moderator
