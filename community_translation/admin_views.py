"""Admin screens of community translations: the reviewer's notes in the editor, the dashboard queue, and "Put my
corrections in the version under review"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages as admin_messages
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from community_translation.models import CommunityTranslation
from community_translation.review import pending_review
from community_translation.submission import put_corrections_in_review

PANEL_SIZE = 15


def tell_community_translation(request, page):
    """``before_edit_page`` hook: on the editor of a page with a community translation awaiting review, say who sent
    it, which segments are still empty and what others suggested. Never answers the request."""
    if request.method != "GET" or page.alias_of_id is not None:
        return None
    review = pending_review(page)
    if review is None:
        return None
    admin_messages.info(
        request,
        _("This translation includes a %(provenance)s. Check it, and correct it here, before approving it.")
        % {"provenance": "; ".join(review["provenance"])},
        buttons=[
            admin_messages.button(
                reverse("community_translation_corrections", args=[page.pk]),
                _("Put my corrections in the version under review"),
            )
        ]
        if page.current_workflow_state is not None and page.permissions_for_user(request.user).can_publish()
        else [],
    )
    if review["empty"]:
        admin_messages.warning(
            request,
            _("%(count)s segments are still empty: %(segments)s")
            % {"count": len(review["empty"]), "segments": " · ".join(f"“{text[:60]}”" for text in review["empty"])},
        )
    for suggestion in review["suggestions"]:
        admin_messages.info(
            request,
            _("Another %(provenance)s suggests, for “%(source)s”: “%(text)s”")
            % {"provenance": suggestion["provenance"], "source": suggestion["source"][:80], "text": suggestion["text"]},
        )
    return None


def corrections(request, page_id):
    """GET asks to confirm; POST saves the translation editor's current text as the revision the review approves."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_publish() or page.current_workflow_state is None:
        raise PermissionDenied
    if request.method == "POST":
        put_corrections_in_review(page, request.user)
        messages.success(
            request,
            _("Your corrections to “%(title)s” are in the version under review, which starts its review again.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return render(
        request,
        "community_translation/corrections.html",
        {
            "page_title": _("Put corrections in review"),
            "header_icon": "doc-full",
            "page": page,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )


class CommunityTranslationsPanel(Component):
    """Community translations awaiting review, with their provenance, for whoever may edit their pages."""

    name = "community_translations"
    template_name = "community_translation/review_panel.html"
    order = 235

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        return {"items": self.items}


def panel_for(user):
    records = list(
        CommunityTranslation.objects.pending().select_related("source", "target_locale").order_by("-submitted_at")
    )
    if not records:
        return None
    pages = Page.objects.filter(
        translation_key__in={record.source.object_id for record in records},
        locale_id__in={record.target_locale_id for record in records},
    )
    by_key = {(page.translation_key, page.locale_id): page for page in pages}
    items, seen = [], set()
    for record in records:
        page = by_key.get((record.source.object_id, record.target_locale_id))
        if page is None or not page.permissions_for_user(user).can_edit():
            continue
        items.append({"record": record, "page": page, "first": page.pk not in seen})
        seen.add(page.pk)
        if len(items) >= PANEL_SIZE:
            break
    return CommunityTranslationsPanel(items) if items else None
