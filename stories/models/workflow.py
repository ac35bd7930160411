"""The consent check: the first step of the "Story review" workflow, and the rule every publication of a story obeys.

A story can pass the check only when a consent record covers publication on the website and has not been withdrawn,
and the reviewer confirms that the text reveals nothing that could endanger the person who told it. Reviewers are the
task's groups (Moderators); as an AbstractGroupApprovalTask it gets Wagtail's own e-mail to them on submission.

``consent_check_passed`` is the rule ``StoryPage.publish`` enforces on every path that publishes a revision (the
editor's Publish, the workflow's last approval, bulk actions, scheduled publishing, a revision restored from history,
the API), for every user, superusers included.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState
from wagtail_localize.models import TranslationSource

from stories.forms import ConsentApprovalForm
from stories.models.consent import ConsentRecord
from stories.models.contributions import Withdrawal


def needs_consent(obj):
    """Only stories carry a teller's consent; the collections that share the workflow do not."""
    return getattr(obj.specific_class, "needs_consent_check", False)


def has_web_consent(obj, *, translation=False):
    """True when a story (in any of its languages) has an unwithdrawn consent record covering the website."""
    if not needs_consent(obj):
        return True
    records = ConsentRecord.objects.filter(story__translation_key=obj.translation_key, web=True, withdrawn_on=None)
    return records.filter(translation=True).exists() if translation else records.exists()


def passed_consent_check(revision_id):
    """Whether a reviewer approved the consent check on exactly this revision."""
    return TaskState.objects.filter(
        revision_id=revision_id,
        status=TaskState.STATUS_APPROVED,
        task_id__in=ConsentCheckTask.objects.values("pk"),
    ).exists()


def original_version(story):
    """The version of ``story`` that translations were made from (None when it was never translated)."""
    source_locales = TranslationSource.objects.filter(object_id=story.translation_key).values("locale_id")
    return (
        story.specific_class.objects.filter(
            translation_key=story.translation_key, locale_id__in=source_locales, alias_of__isnull=True
        )
        .exclude(pk=story.pk)
        .first()
    )


def consent_check_passed(story, revision):
    """May ``revision`` of ``story`` go live?

    Only while the teller's web consent stands and no version of the story was withdrawn, and either this very revision
    passed the consent check, or the story is a translation (consented to) of an original whose live revision passed it.
    """
    if not needs_consent(story):
        return True
    if revision is None or revision.pk is None or not has_web_consent(story):
        return False
    versions = story.specific_class.objects.filter(translation_key=story.translation_key).values("pk")
    if Withdrawal.objects.filter(story_id_withdrawn__in=versions).exists():
        return False
    if passed_consent_check(revision.pk):
        return True
    original = original_version(story)
    return bool(
        original is not None
        and original.live
        and has_web_consent(story, translation=True)
        and passed_consent_check(original.live_revision_id)
    )


class ConsentMissing(PermissionDenied):
    pass


class ConsentCheckRequired(PermissionDenied):
    """Raised when something tries to publish a story revision that has not passed its consent check."""


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
