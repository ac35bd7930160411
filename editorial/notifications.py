"""Workflow e-mails in each recipient's own admin language.

Wagtail renders each notification in the recipient's chosen admin language, but a recipient who never chose one gets
the language that happens to be active: that of the person who acted (a teller writing on /ar/, a translator whose
admin is in Arabic). These notifiers make the fallback the site's default language (LANGUAGE_CODE) instead; a chosen
language still wins, as Wagtail already arranges per recipient.
"""

from django.conf import settings
from django.utils import translation
from wagtail.admin import mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted


class DefaultLanguageFallback:
    def send_emails(self, template_set, context, recipients, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return super().send_emails(template_set, context, recipients, **kwargs)


class TaskSubmissionNotifier(DefaultLanguageFallback, mail.GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class WorkflowSubmissionNotifier(DefaultLanguageFallback, mail.WorkflowStateSubmissionEmailNotifier):
    pass


class WorkflowApprovalNotifier(DefaultLanguageFallback, mail.WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejectionNotifier(DefaultLanguageFallback, mail.WorkflowStateRejectionEmailNotifier):
    pass


# (signal, sender, the dispatch_uid of Wagtail's receiver, ours)
NOTIFIERS = [
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TaskSubmissionNotifier(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmissionNotifier(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejectionNotifier(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApprovalNotifier(),
    ),
]


def connect():
    """Put our notifiers in place of Wagtail's: the same signals, senders and dispatch uids.

    Whichever of the two apps is ready first, ours stays: Django ignores a second receiver with the same dispatch uid.
    """
    for signal, sender, dispatch_uid, ours in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(ours, sender=sender, dispatch_uid=dispatch_uid)
