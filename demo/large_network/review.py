"""Story review for thousands of sample stories at once: the rows that ``pass_story_review`` leaves for each story.

Each story gets its teller's consent record (web, print, translation), a finished "Story review" workflow state and
one approved task state per step (the consent check, then moderator approval) on exactly the revision that is live.
The consent rule (stories.models.workflow.consent_check_passed) reads only these rows, so every later publication,
translation or withdrawal of these stories obeys it as for a story reviewed in the admin.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, TaskState, WorkflowState

from editorial.workflows import STORY_REVIEW, ensure_workflows
from stories.models import ConsentRecord, StoryPage


def record_passed_review(stories, revisions, reviewer=None):
    """Consent on record and Story review approved for each story's (live) revision, in a few bulk inserts."""
    workflow = ensure_workflows()[STORY_REVIEW]
    tasks = [workflow_task.task for workflow_task in workflow.workflow_tasks.order_by("sort_order")]
    ConsentRecord.objects.bulk_create(
        [
            ConsentRecord(story=story, web=True, print=True, translation=True, given_on=story.told_on)
            for story in stories
        ],
        batch_size=500,
    )
    page_type, story_type = ContentType.objects.get_for_model(Page), ContentType.objects.get_for_model(StoryPage)
    states = [
        WorkflowState(
            content_type=story_type,
            base_content_type=page_type,
            object_id=str(story.pk),
            workflow=workflow,
            status=WorkflowState.STATUS_APPROVED,
            requested_by=reviewer,
        )
        for story in stories
    ]
    WorkflowState.objects.bulk_create(states, batch_size=500)
    task_state_type = ContentType.objects.get_for_model(TaskState)
    task_states = [
        TaskState(
            workflow_state=state,
            revision=revision,
            task=task,
            status=TaskState.STATUS_APPROVED,
            finished_at=revision.created_at,
            finished_by=reviewer,
            content_type=task_state_type,
        )
        for state, revision in zip(states, revisions, strict=True)
        for task in tasks
    ]
    TaskState.objects.bulk_create(task_states, batch_size=500)
    last_steps = task_states[len(tasks) - 1 :: len(tasks)]
    for state, last in zip(states, last_steps, strict=True):
        state.current_task_state = last
    WorkflowState.objects.bulk_update(states, ["current_task_state"], batch_size=500)
