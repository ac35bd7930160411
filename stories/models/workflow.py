"""The consent check: the first step of the "Story review" workflow.

A story can pass it only when a consent record covers publication on the website and has not been withdrawn, and
the reviewer confirms that the text reveals nothing that could endanger the person who told it. Reviewers are the
task's groups (Moderators); as an AbstractGroupApprovalTask it gets Wagtail's own e-mail to them on submission.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from stories.forms import ConsentApprovalForm
from stories.models.consent import ConsentRecord
from stories.models.pages import StoryPage


def has_web_consent(obj):
    """True when a story (in any of its languages) has an unwithdrawn consent record covering the website."""
    if not issubclass(obj.specific_class, StoryPage):
        return True  # collections share the workflow; only stories carry a teller's consent
    return ConsentRecord.objects.filter(
        story__translation_key=obj.translation_key, web=True, withdrawn_on__isnull=True
    ).exists()


class ConsentMissing(PermissionDenied):
    pass


class ConsentCheckTask(AbstractGroupApprovalTask):
    """Approve only with web consent on record and the reviewer's safety confirmation."""

    class Meta:
        verbose_name = _("Consent check")
        verbose_name_plural = _("Consent checks")

    @classmethod
    def get_description(cls):
        return _("Checks the teller's consent to web publication and that the story reveals nothing dangerous")

    def get_actions(self, obj, user):
        if not (user.is_superuser or self._user_in_groups(user)):
            return []
        actions = [("reject", _("Request changes"), True)]
        if has_web_consent(obj):
            actions.append(("approve", _("Consent checked: approve"), True))
        return actions

    def get_form_for_action(self, action):
        return ConsentApprovalForm if action == "approve" else super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            story = task_state.workflow_state.content_object
            if not has_web_consent(story):
                raise ConsentMissing(_("This story has no consent to web publication on record."))
            if not kwargs.pop("reveals_nothing_dangerous", False):
                raise PermissionDenied(_("Confirm that the story reveals nothing that could endanger its teller."))
        else:
            kwargs.pop("reveals_nothing_dangerous", None)
        return super().on_action(task_state, user, action_name, **kwargs)
