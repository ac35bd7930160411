from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm

SAFETY_CONFIRMATION = _(
    "I have read the whole story and it reveals nothing (names, places, dates, photos) that could endanger the "
    "person who told it or their family."
)


class ConsentApprovalForm(TaskStateCommentForm):
    """The consent check's approval: a comment, and the reviewer's confirmation that the story is safe to publish."""

    reveals_nothing_dangerous = forms.BooleanField(required=True, label=SAFETY_CONFIRMATION)
