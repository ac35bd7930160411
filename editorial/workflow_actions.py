"""Wagtail's workflow action (Approve, Request changes, from the dashboard or the editor), with a confirmation.

Wagtail performs the action and reloads the page without a word, so a moderator cannot tell whether their click
did anything. This view does the same and then says what happened to the page.
"""

from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import TaskState, WorkflowState


def outcome_message(page, task_state):
    title = get_latest_str(page)
    workflow_state = task_state.workflow_state
    if task_state.status == TaskState.STATUS_REJECTED:
        return _("Changes requested on “%(title)s”. Its author has been told.") % {"title": title}
    if workflow_state.status == WorkflowState.STATUS_APPROVED:
        if page.live and not page.has_unpublished_changes:
            return _("“%(title)s” was approved and is now published.") % {"title": title}
        return _("“%(title)s” was approved and will be published at its scheduled time.") % {"title": title}
    return _("“%(title)s” passed “%(task)s” and now awaits “%(next)s”.") % {
        "title": title,
        "task": task_state.task.name,
        "next": workflow_state.current_task_state.task.name,
    }


class ConfirmedWorkflowActionView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        task_state = TaskState.objects.select_related("workflow_state").get(pk=self.task_state.pk)
        if task_state.status != TaskState.STATUS_IN_PROGRESS:  # the form was valid and the action taken
            self.object.refresh_from_db()
            messages.success(request, outcome_message(self.object, task_state))
        return response
