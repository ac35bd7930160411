"""Withdrawal in one action: a teller (by their private link) or a moderator takes a story down everywhere.

Every language's version is unpublished and leaves its workflow, the consent records are marked withdrawn, the
story's photos and their renditions are deleted from storage, and each public URL (under every language's prefix)
answers 410 Gone with a short notice from then on. The audit record says who withdrew which story id and when, and
nothing of its content (Wagtail's own unpublish log entry would carry the title, so it is not written).

The teller reaches this through a confirmation page (stories.models.share_page), a moderator through the admin's.
"""

from urllib.parse import unquote

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.shortcuts import render
from django.utils import timezone
from wagtail.images import get_image_model

from stories.models.consent import ConsentRecord, cancel_scheduled_publication
from stories.models.contributions import Withdrawal, WithdrawnUrl, digest
from stories.models.pages import StoryPage


def story_images(versions):
    """The images shown by any version of the story: its card image and image/gallery blocks."""
    ids = set()
    for version in versions:
        if version.image_id:
            ids.add(version.image_id)
        for block in version.body:
            if block.block_type == "image":
                ids.add(block.value["image"].id)
            elif block.block_type == "gallery":
                ids.update(item["image"].id for item in block.value["images"])
    return list(get_image_model().objects.filter(id__in=ids))


def delete_image_and_files(image):
    """Delete ``image`` and its renditions; Wagtail deletes each one's file once the withdrawal is committed.

    Wagtail's post_delete handler enqueues ``delete_file_from_storage_task`` with the deleted row's file name, so the
    files must not be deleted here first: ``FieldFile.delete`` empties the name, and the task then failed with
    "The name must be given" (the renditions' files were deleted twice, the original's handed over as None).
    Deleting after the commit also keeps the files of a withdrawal that is rolled back.
    """
    image.delete()  # the renditions go with it (on_delete=CASCADE), each through the same handler


def gone_paths(versions):
    """Every public path of the story: each version's, and the same path under every language's prefix.

    Slugs are the same in every language (home.models.BasePage), so a reader who follows the story into another
    language (a language switcher, an old link) is told it was withdrawn rather than that it never existed.
    """
    codes = [code for code, _name in settings.LANGUAGES]
    paths = set()
    for version in versions:
        url = version.url
        if not url:
            continue
        path = unquote(url)
        paths.add(path)
        prefix, _slash, rest = path.lstrip("/").partition("/")
        if prefix in codes:
            paths.update(f"/{code}/{rest}" for code in codes)
    return paths


@transaction.atomic
def withdraw_story(story, *, by_user=None, by_teller=False):
    versions = list(StoryPage.objects.filter(translation_key=story.translation_key))
    images = story_images(versions)
    for path in gone_paths(versions):
        WithdrawnUrl.objects.get_or_create(path_digest=digest(path))
    for version in versions:
        if version.current_workflow_state is not None:
            version.current_workflow_state.cancel(user=by_user)
        if version.live:
            version.unpublish(user=by_user, log_action=False)
    ConsentRecord.objects.filter(story__translation_key=story.translation_key, withdrawn_on__isnull=True).update(
        withdrawn_on=timezone.localdate()
    )
    cancel_scheduled_publication(story.translation_key)
    for image in images:
        delete_image_and_files(image)
    cache.clear()  # no cached listing or page may still show it
    return Withdrawal.objects.create(story_id_withdrawn=story.pk, by_teller=by_teller, by_user=by_user)


class WithdrawnStoryMiddleware:
    """Turns the 404 of a withdrawn story's URL into 410 Gone with a notice in the reader's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        gone = WithdrawnUrl.objects.filter(path_digest=digest(unquote(request.path)))
        if response.status_code == 404 and gone.exists():
            return render(request, "stories/withdrawn.html", status=410)
        return response
