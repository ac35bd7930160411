"""The editorial workflows and where they apply. Idempotent (``manage.py setup_roles`` runs it).

- "Story review": consent check, then moderator approval. On every story collection, in every language's tree.
- "Exhibition review": moderator approval. On every language's home page, so it covers everything that is not
  under a collection: city hubs, exhibitions and their exhibits, events, standard pages.

A workflow on the English home page does not cover the Arabic tree (each language has its own tree), so both are
assigned per page, and editorial/signals.py assigns them to collections and home pages created later.
"""

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from editorial.roles import ADMINISTRATORS, MODERATORS
from home.models import HomePage
from stories.models import ConsentCheckTask, StoryCollectionPage

STORY_REVIEW = "Story review"
EXHIBITION_REVIEW = "Exhibition review"


def _task(model, name):
    task = model.objects.filter(name=name).first() or model.objects.create(name=name)
    task.groups.add(*Group.objects.filter(name__in=[MODERATORS, ADMINISTRATORS]))
    return task


def _workflow(name, tasks):
    workflow, _created = Workflow.objects.get_or_create(name=name)
    for order, task in enumerate(tasks):
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    return workflow


def ensure_workflows():
    moderation = _task(GroupApprovalTask, "Moderator approval")
    consent = _task(ConsentCheckTask, "Consent check")
    return {
        STORY_REVIEW: _workflow(STORY_REVIEW, [consent, moderation]),
        EXHIBITION_REVIEW: _workflow(EXHIBITION_REVIEW, [moderation]),
    }


def assign(workflow_name, page):
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": Workflow.objects.get(name=workflow_name)})


def ensure_workflow_assignments():
    ensure_workflows()
    for home in HomePage.objects.all():
        assign(EXHIBITION_REVIEW, home)
    for collection in StoryCollectionPage.objects.all():
        assign(STORY_REVIEW, collection)


def pass_story_review(story, user=None, comment=""):
    """Take the latest revision of ``story`` through every step of Story review, approving each, which publishes it.

    For the demo seed and the tests, whose sample stories come with consent on record: real stories are reviewed
    by people in the admin. Nothing is bypassed: each step's own rules apply, and the story is published by the
    workflow's last approval, through StoryPage.publish.
    """
    state = ensure_workflows()[STORY_REVIEW].start(story, user)
    while state.status == state.STATUS_IN_PROGRESS:
        task_state = state.current_task_state
        task = task_state.task.specific
        confirmation = {"reveals_nothing_dangerous": True} if isinstance(task, ConsentCheckTask) else {}
        task.on_action(task_state, user, "approve", comment=comment, **confirmation)
        state.refresh_from_db()
    return state
