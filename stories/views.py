"""Admin views of the stories app."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stories.models import StoryPage
from stories.models.pages import StoryPermissionTester
from stories.withdrawal import withdraw_story


def withdraw(request, page_id):
    """A moderator withdraws a story in one action (for example when its teller asks by phone)."""
    story = get_object_or_404(StoryPage, pk=page_id)
    if not StoryPermissionTester(request.user, story).can_withdraw():
        raise PermissionDenied
    if request.method == "POST":
        parent = story.get_parent()
        withdraw_story(story, by_user=request.user)
        messages.success(
            request,
            _(
                "The story was withdrawn and erased in every language, with the teller's photos and their real name "
                "and contact details."
            ),
        )
        return redirect(reverse("wagtailadmin_explore", args=[parent.pk]))
    context = {"story": story, "page_title": _("Withdraw this story"), "header_icon": "warning"}
    return render(request, "stories/admin/confirm_withdraw.html", context)
