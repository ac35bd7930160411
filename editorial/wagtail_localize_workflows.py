"""Translations reach the public only after a moderator approves them.

wagtail-localize publishes a translation as soon as its editor's "Publish" is pressed (``Translation.save_target(
publish=True)``), bypassing Wagtail's workflows: upstream issues wagtail/wagtail-localize#676 and
wagtail/wagtail-localize#837. Until upstream sends that publish through the page's workflow, this module takes over
the translation editor for people who may edit a translated page but not publish it (translators): their
"Publish" saves the translation as a draft revision and submits it to the page's workflow instead, so a moderator's
approval publishes it. People with publish permission keep wagtail-localize's own behaviour.

It switches itself off when the installed wagtail-localize's translation editor knows about workflows (the sign
that upstream has fixed those issues), and ``SANCTUARY_REVIEW_TRANSLATIONS=false`` switches it off by hand.
Registered as a ``before_edit_page`` hook in editorial/wagtail_hooks.py, ahead of wagtail-localize's own.
"""

import functools
import inspect

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation as upstream_editor
from wagtail_localize.views.edit_translation import edit_translation


@functools.cache
def upstream_handles_workflows():
    """True once wagtail-localize's translation editor deals with workflows itself (#676/#837 fixed upstream)."""
    return "workflow" in inspect.getsource(upstream_editor).lower()


def enabled():
    return settings.SANCTUARY_REVIEW_TRANSLATIONS and not upstream_handles_workflows()


def translation_of(page):
    """The enabled wagtail-localize translation whose target is ``page``, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def submit_for_review(translation, page, user, changes=None):
    """Save the translation as a draft revision of ``page`` and (re)start its workflow; return the workflow state.

    ``changes``: field values to set on the draft besides the translation (a community translator's credit).

    Not ``save_target(publish=False)``: that also writes the translated fields into the page's row, which is what
    the public site shows, so an unreviewed translation would go live all the same. A revision alone does not.
    """
    if page.alias_of_id:  # still showing the source text: from now on it is a translation with its own drafts
        type(page).objects.filter(pk=page.pk).update(alias_of_id=None)
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    for name, value in (changes or {}).items():
        setattr(draft, name, value)
    draft.save_revision(user=user)
    page = type(page).objects.get(pk=page.pk)
    if page.current_workflow_state is not None:
        page.current_workflow_state.cancel(user=user)
    return page.get_workflow().start(page, user)


class SubmitInsteadOfPublish:
    """A user's page permissions with ``can_publish`` true, so the translation editor shows its Publish button.

    The button posts back to the edit view, where ``review_translations`` turns the publish into a submission.
    """

    def __init__(self, permissions):
        self._permissions = permissions

    def can_publish(self):
        return True

    def __getattr__(self, name):
        return getattr(self._permissions, name)


def submits_for_review(user, page):
    """Whether ``user``'s "Publish" in the translation editor of ``page`` submits it for review instead."""
    if not enabled():
        return False
    # The class's method, not the instance's: review_translations replaces the latter while the editor renders.
    permissions = Page.permissions_for_user(page, user)
    return permissions.can_edit() and not permissions.can_publish() and page.get_workflow() is not None


def review_translations(request, page):
    """``before_edit_page`` hook, run before wagtail-localize's own (which would publish directly)."""
    if not submits_for_review(request.user, page):
        return None
    permissions = page.permissions_for_user(request.user)
    translation = translation_of(page)
    if translation is None:
        return None
    if request.method == "POST" and request.POST.get("action") == "publish":
        submit_for_review(translation, page, request.user)
        messages.success(
            request,
            _("The %(language)s translation of “%(title)s” was submitted for review.")
            % {"language": translation.target_locale.get_display_name(), "title": page.title},
        )
        return redirect(request.path)
    page.permissions_for_user = lambda user: SubmitInsteadOfPublish(permissions)
    return edit_translation(request, translation, page)
