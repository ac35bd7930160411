"""Tellers' photos are not public until their story is live; pending admin uploads are clean, private and purged.

Issue 11, item 4.
"""

import io
import os
import re
import time

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from config.task_queue import task_settings
from home import private_media
from stories.contribute.submission import PHOTO_COLLECTION
from stories.models import StoryPage
from tests import builders
from tests.test_share_story import approve_everything, fresh_rate_limit, moderator, share_site, submit

__all__ = ["fresh_rate_limit", "share_site"]  # fixtures

pytestmark = pytest.mark.django_db


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_tellers_photos_are_served_only_while_the_story_is_live(client, share_site):
    submit(client, files=[SimpleUploadedFile("Nadia_Sheffield.jpg", builders.jpeg_with_gps())])
    story = StoryPage.objects.get(title="رحلتي إلى شيفيلد")
    image = get_image_model().objects.get(collection__name=PHOTO_COLLECTION)
    urls = [image.file.url, image.get_rendition("width-400").url]
    # Stored outside the publicly served folder, under random names, at addresses that do not name the file's folder.
    assert image.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not image.file.path.startswith(str(settings.MEDIA_ROOT))
    for url in urls:
        assert re.fullmatch(r"/private-media/(original_images|images)/[0-9a-f]{32}[.\w-]*\.jpg", url), url

    assert [client.get(url).status_code for url in urls] == [404, 404]  # a draft's photos: nothing to see
    assert client.get("/private-media/original_images/no-such-file.jpg").status_code == 404  # the same answer

    mod = moderator()
    client.force_login(mod)  # a moderator reviewing the story sees its photos
    assert [client.get(url).status_code for url in urls] == [200, 200]
    client.logout()

    approve_everything(story, mod)
    assert story.live
    response = client.get(urls[1])
    assert response.status_code == 200
    assert PILImage.open(io.BytesIO(body_of(response))).format == "JPEG"
    assert "private" in response["Cache-Control"]

    story.get_latest_revision().publish()  # still live
    story.unpublish()
    assert [client.get(url).status_code for url in urls] == [404, 404]


def test_a_published_storys_photos_are_served_before_the_task_worker_runs(client, share_site):
    """With Wagtail's background work queued for the worker (production), publishing still shows the photos at once."""
    with override_settings(TASKS=task_settings("database")):
        submit(client, files=[SimpleUploadedFile("Nadia_Sheffield.jpg", builders.jpeg_with_gps())])
        story = StoryPage.objects.get(title="رحلتي إلى شيفيلد")
        image = get_image_model().objects.get(collection__name=PHOTO_COLLECTION)
        approve_everything(story, moderator())
        assert DBTaskResult.objects.filter(task_path="wagtail.tasks.update_reference_index_task").exists()
        assert client.get(image.get_rendition("width-400").url).status_code == 200


def test_a_library_image_stays_public(client, share_site):
    image = builders.image("Town hall")
    assert image.file.url.startswith(settings.MEDIA_URL)
    assert image.file.path.startswith(str(settings.MEDIA_ROOT))


def pending_upload(name="IMG_2041.jpg"):
    return UploadedFile.objects.create(
        for_content_type=ContentType.objects.get_for_model(get_image_model()),
        file=SimpleUploadedFile(name, builders.jpeg_with_gps(), content_type="image/jpeg"),
    )


def test_a_pending_upload_is_stored_private_and_without_metadata(client):
    """What the admin's multiple uploader keeps while an image's required fields are not filled in."""
    upload = pending_upload()
    assert upload.file.name.startswith("private/pending/") and "IMG_2041" not in upload.file.name
    path = upload.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    with open(path, "rb") as stored:
        data = stored.read()
    pixels = PILImage.open(io.BytesIO(data))
    assert not pixels.getexif() and b"SecretPhone" not in data
    assert client.get(upload.file.url).status_code == 404  # not served to the public


def test_stale_pending_uploads_are_purged(capsys):
    stale, fresh = pending_upload("old.jpg"), pending_upload("new.jpg")
    two_days_ago = time.time() - 48 * 3600
    os.utime(stale.file.path, (two_days_ago, two_days_ago))

    call_command("purge_pending_uploads", hours=24)

    assert list(UploadedFile.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert not os.path.exists(stale.file.path) and os.path.exists(fresh.file.path)
    assert "Deleted 1 pending upload" in capsys.readouterr().out


class UnreadableStorage:
    """Media storage whose disk or bucket cannot be reached."""

    def exists(self, name):
        raise OSError("the bucket does not answer")

    open = exists


def test_a_photo_that_cannot_be_read_answers_503_not_500(client, share_site, monkeypatch):
    submit(client, files=[SimpleUploadedFile("Nadia_Sheffield.jpg", builders.jpeg_with_gps())])
    image = get_image_model().objects.get(collection__name=PHOTO_COLLECTION)
    client.force_login(moderator())  # allowed to see it
    monkeypatch.setattr(private_media, "default_storage", UnreadableStorage())
    response = client.get(image.file.url)
    assert response.status_code == 503
    assert response["Retry-After"]
