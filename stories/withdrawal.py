"""Withdrawal in one action: a teller (by their private link) or a moderator takes a story down everywhere.

Every language's version is unpublished and leaves its workflow, the consent records are marked withdrawn, the
story's photos and their renditions are deleted from storage, and each public URL answers 410 Gone with a short
notice from then on. The audit record says who withdrew which story id and when, and nothing of its content
(Wagtail's own unpublish log entry would carry the title, so it is not written).
"""

from urllib.parse import unquote

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
    for rendition in image.renditions.all():
        rendition.file.delete(save=False)
    image.file.delete(save=False)
    image.delete()


@transaction.atomic
def withdraw_story(story, *, by_user=None, by_teller=False):
    versions = list(StoryPage.objects.filter(translation_key=story.translation_key))
    images = story_images(versions)
    for version in versions:
        WithdrawnUrl.objects.get_or_create(path_digest=digest(unquote(version.url)))
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
