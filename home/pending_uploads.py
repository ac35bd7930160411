"""The admin multiple uploader's pending files: stripped of their metadata on arrival, stored privately, and purged.

When an image's required fields are not filled in yet (the credit line, say), Wagtail keeps the uploaded file as a
``wagtail.models.UploadedFile`` until the editor completes the form. Such a file would otherwise sit under MEDIA_ROOT
with its original name and its camera and GPS metadata. On arrival it is re-encoded without metadata
(home.image_metadata) and stored under a random private name (home.private_media); uploads nobody completed are
removed by ``manage.py purge_pending_uploads`` (run it daily from cron, see the README).
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from home.image_metadata import UnsupportedImageError, strip_metadata
from home.private_media import private_name

DEFAULT_MAX_AGE = datetime.timedelta(hours=24)


def strip_pending_upload(sender, instance, **kwargs):
    """pre_save of UploadedFile: store a new pending image upload clean and private before the row is saved."""
    upload = instance.file
    if not upload or upload._committed:
        return
    if instance.for_content_type_id != ContentType.objects.get_for_model(get_image_model()).pk:
        return
    try:
        cleaned = strip_metadata(upload)
    except (UnsupportedImageError, OSError, SyntaxError, ValueError):
        # Not an image Pillow can clean: the image form will refuse it; keep nothing of it meanwhile but a private copy.
        upload.seek(0)
        cleaned = upload
    instance.file.name = default_storage.save(private_name(upload.name), cleaned)
    instance.file._committed = True


def purge_pending_uploads(max_age=DEFAULT_MAX_AGE):
    """Delete pending uploads (rows and files) older than ``max_age``; returns how many were deleted."""
    cutoff = timezone.now() - max_age
    deleted = 0
    for upload in UploadedFile.objects.all():
        name = upload.file.name
        try:
            stale = default_storage.get_modified_time(name) < cutoff
        except (FileNotFoundError, ValueError):
            stale = True  # its file is already gone
        if stale:
            if name:
                default_storage.delete(name)
            upload.delete()
            deleted += 1
    return deleted
