"""Wagtail's autosave only ever saves a draft: it never approves, publishes or submits.

Wagtail 8's editor autosaves by sending ``new FormData(form)``, every input the form holds at that moment. Its
Approve and Request changes buttons in the editor work by first adding hidden inputs (``action-workflow-action``,
``workflow-action-name``) to that form, and only then submitting it. An autosave that fires between the click and the
page unloading therefore sends the moderator's approval a second time. The two requests race: one approves and
publishes the page, the other, which had loaded the page before that, saves it back as a draft (unpublishing it)
and fails with a 500 (``'NoneType' object has no attribute 'on_action'``). CI hit this on PostgreSQL under load.

Two guards:
- editorial/static/editorial/js/autosave_guard.js: once the edit form is on its way with an action, no autosave
  starts, and no other autosave carries an action field;
- ``refuse_autosave_with_an_action`` (a ``before_edit_page`` hook, first of all), for whatever gets past the first: a
  request that asks for JSON, as the autosave does and a form submission does not, and carries an action field, is
  refused before anything is written. Saving it instead, as a plain draft, would still race the submission it
  accompanies: it loads the page before the approval publishes it and writes it back unpublished afterwards.
"""

from django.http import JsonResponse
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _

# The fields with which the edit form asks for more than a save (wagtail/admin/views/pages/edit.py).
ACTION_FIELDS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-cancel-workflow",
    "action-workflow-action",
    "workflow-action-name",
    "workflow-action-extra-data",
)


def is_autosave(request):
    """The editor's autosave asks for JSON; a submitted form asks for HTML (Wagtail's own ``expects_json_response``)."""
    return request.method == "POST" and not request.accepts("text/html")


def refuse_autosave_with_an_action(request, page):
    """``before_edit_page`` hook: an autosave that carries an action field writes nothing.

    The answer has the shape of Wagtail's own autosave errors (``blocked_by_hook``); by then the page is on its way.
    """
    if is_autosave(request) and any(field in request.POST for field in ACTION_FIELDS):
        message = _("Not saved automatically: the page is being sent.")
        return JsonResponse({"success": False, "error_code": "blocked_by_hook", "error_message": message}, status=409)
    return None


def editor_script():
    """``insert_editor_js`` hook: the browser side of the guard, given the same action fields."""
    return format_html(
        '<script src="{}" data-action-fields="{}" defer></script>',
        static("editorial/js/autosave_guard.js"),
        " ".join(ACTION_FIELDS),
    )
