"""Translators start and refresh translations into their own language, and into no other.

wagtail-localize lets people start a translation ("Translate this page", ``SubmitPageTranslationView``) and refresh
it from its source ("Sync translated pages", ``UpdateTranslationsView``) only with one model permission,
``wagtail_localize.submit_translation``, checked with no regard to the page or the language: whoever holds it may
translate any page into every language, and sync every language's translation with "Publish immediately" (which
publishes them all, bypassing workflows). Translators therefore do not hold it (editorial/roles.py), and the Arabic
alias of a page offered them only a "Translate this page" that answered "Sorry, you do not have permission".

These two views do the same work for one page into one language, and are allowed to whoever may edit that language's
version of the page: for translators, the pages of their own language's tree. Neither publishes anything: starting a
translation keeps the text the public already reads (the source's, as the alias showed it) in a draft, and a refresh
only re-reads the source's text into the translation editor; the translator's "Submit for review" then goes through
the page's workflow (editorial/wagtail_localize_workflows.py).

People who hold ``submit_translation`` (administrators) keep wagtail-localize's own screens. And "Convert to alias
page", which publishes, is kept for people who may publish (``convert_to_alias`` below).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages as admin_messages
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import convert as upstream_convert

from editorial.wagtail_localize_workflows import translation_of

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


def may_translate(user, page):
    """Whether ``user`` may start or refresh the translation that is (or will be) ``page``: they may edit it."""
    return page.permissions_for_user(user).can_edit()


def source_has_changed(translation):
    """Whether the source page was published after the translation was last synced from it (wagtail-localize's
    "last sync date", ``TranslationSource.last_updated_at``)."""
    source_page = translation.source.get_source_instance()
    published = getattr(source_page, "last_published_at", None)
    return published is not None and published > translation.source.last_updated_at


@require_POST
def start_translation(request, page_id):
    """Turn the alias ``page_id`` (a page mirrored into a language's tree) into a translation of its source.

    The translation starts from the source page as it is now: its ``TranslationSource`` (shared by every language) is
    brought up to date, as wagtail-localize's "Sync" would, so it never starts out of date.
    """
    alias = get_object_or_404(Page, pk=page_id).specific
    if alias.alias_of_id is None or alias.alias_of.locale_id == alias.locale_id:
        raise Http404
    if not may_translate(request.user, alias):
        raise PermissionDenied
    original = alias.alias_of.specific
    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(original)
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=alias.locale, defaults={"enabled": True}
        )
        # A draft holding the source text: the page stays live as it was, and nothing new is published.
        translation.save_target(user=request.user, publish=False)
    messages.success(
        request,
        _("You can now translate “%(title)s” into %(language)s.")
        % {"title": original.title, "language": alias.locale.get_display_name()},
    )
    return redirect("wagtailadmin_pages:edit", alias.pk)


def update_translation(request, translation_id):
    """Refresh a translation from its source: GET asks to confirm, POST re-reads the source's text.

    The new and changed text then waits in the translation editor; nothing is published.
    """
    translation = get_object_or_404(Translation.objects.select_related("source", "target_locale"), pk=translation_id)
    try:
        target = translation.get_target_instance()
    except Page.DoesNotExist as missing:
        raise Http404 from missing
    if not isinstance(target, Page) or not translation.enabled:
        raise Http404
    if not may_translate(request.user, target):
        raise PermissionDenied
    source_page = translation.source.get_source_instance()
    if request.method == "POST":
        with transaction.atomic():
            translation.source.update_from_db()
            translation.source.update_target_view_restrictions(translation.target_locale)
        messages.success(
            request,
            _(
                "“%(title)s” was updated from the %(source_language)s page. New or changed text is marked in the "
                "editor until you translate it."
            )
            % {"title": target.title, "source_language": source_page.locale.get_display_name()},
        )
        return redirect("wagtailadmin_pages:edit", target.pk)
    return render(
        request,
        "editorial/update_translation.html",
        {
            "page_title": _("Update translation"),
            "header_icon": "resubmit",
            "translation": translation,
            "target": target,
            "source_page": source_page,
            "source_has_changed": source_has_changed(translation),
            "last_synced": translation.source.last_updated_at,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[target.pk]),
        },
    )


def translate_alias(request, page):
    """``before_edit_page`` hook, ahead of wagtail-localize's: the alias editor's "Translate this page" for people
    without ``submit_translation``, posting to ``start_translation`` instead of wagtail-localize's refused view."""
    if page.alias_of_id is None or request.user.has_perm(SUBMIT_TRANSLATION):
        return None
    original = Page.objects.select_related("locale").get(pk=page.alias_of_id)
    if original.locale_id == page.locale_id:
        return None
    return render(
        request,
        "editorial/translate_alias.html",
        {
            "page": page,
            "page_for_status": page,
            "content_type": page.cached_content_type,
            "locale": page.locale,
            "original": original,
            "translations": [
                {"locale": version.locale, "url": reverse("wagtailadmin_pages:edit", args=[version.id])}
                for version in page.get_translations().only("id", "locale").select_related("locale")
                if version.permissions_for_user(request.user).can_edit()
            ],
        },
    )


def tell_translation_state(request, page):
    """``before_edit_page`` hook, first of all: on a translation's editor, say whether it awaits review and whether
    its source has changed since it was last updated (with the way to update it). Never answers the request."""
    if request.method != "GET" or page.alias_of_id is not None:
        return None
    translation = translation_of(page)
    if translation is None:
        return None
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        task = workflow_state.current_task_state
        admin_messages.info(
            request,
            _("In review: %(workflow)s (%(task)s). Readers see the last published version until it is approved.")
            % {"workflow": workflow_state.workflow.name, "task": task.task.name if task else "—"},
        )
    if source_has_changed(translation):
        source_language = translation.source.locale.get_display_name()
        admin_messages.warning(
            request,
            _("The %(language)s page has changed since this translation was last updated.")
            % {"language": source_language},
            buttons=[
                admin_messages.button(
                    reverse("editorial_update_translation", args=[translation.pk]),
                    _("Update from the %(language)s page") % {"language": source_language},
                )
            ],
        )
    return None


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", for people who may publish the page only.

    Converting replaces the translated page's live content with the source page's *latest* revision (even an
    unreviewed draft) at once, and wagtail-localize lets anyone who may edit the page do it: a publish in all but
    name. Registered at wagtail-localize's own address, ahead of it (editorial comes first in INSTALLED_APPS).
    """
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return upstream_convert.convert_to_alias(request, page_id)
