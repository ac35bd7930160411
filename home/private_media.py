"""Files the public must not reach until a live page shows them: stored outside MEDIA_ROOT, served after a check.

Images of the private collection (``PRIVATE_COLLECTION``: the photos people send with "Share your story"), their
renditions, and the admin multiple uploader's pending files are stored under the ``private/`` prefix of the media
storage, which puts them in ``PRIVATE_MEDIA_ROOT``: a folder the web server does not serve (it serves MEDIA_ROOT).
Their URLs point at :func:`serve`, which answers only

* a person signed in to the admin (moderators review a story with its photos; editors choose images), or anyone for
  the original or a rendition of an image that a live page without view restrictions shows (Wagtail's reference
  index knows which pages show an image);
* everyone else, and every unknown name, gets the same 404: nothing confirms that a file exists.

This is what Wagtail sites do for files that are not public: keep them in private storage (a private bucket, or a
folder the web server does not serve) and let Django decide per request, as Wagtail does for documents
(``WAGTAILDOCS_SERVE_METHOD = "serve_view"`` with collection view restrictions). Wagtail has no such view for images,
so this is that view. A story's photos become visible the moment the story is published and stop being visible the
moment it is unpublished, with no file moved. They are served by Django (a few photos per story); a deployment that
needs more can answer with X-Accel-Redirect from here.

The file names are random already (stories.contribute.submission.anonymous_name; renditions are named after them).
"""

import logging
import mimetypes
import os
import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils._os import safe_join
from django.utils.cache import patch_cache_control
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from home.outage import outage_response

logger = logging.getLogger(__name__)

PRIVATE_COLLECTION = "Shared by tellers"
PRIVATE_PREFIX = "private/"


def is_private(name):
    return bool(name) and name.startswith(PRIVATE_PREFIX)


class MediaStorage(FileSystemStorage):
    """MEDIA_ROOT, except that names under ``private/`` live in PRIVATE_MEDIA_ROOT and are served by :func:`serve`."""

    def path(self, name):
        if is_private(name):
            return safe_join(settings.PRIVATE_MEDIA_ROOT, name.removeprefix(PRIVATE_PREFIX))
        return super().path(name)

    def _save(self, name, content):
        saved = super()._save(name, content)  # relative to MEDIA_ROOT, so "../<private root>/..." for a private name
        if not is_private(name):
            return saved
        full_path = os.path.normpath(os.path.join(self.location, saved))
        return PRIVATE_PREFIX + os.path.relpath(full_path, settings.PRIVATE_MEDIA_ROOT).replace(os.sep, "/")

    def url(self, name):
        if is_private(name):
            return reverse("private_media", args=[name.removeprefix(PRIVATE_PREFIX)])
        return super().url(name)


def private_name(filename):
    """A random name under ``private/`` for a file whose own name may say who or where (a pending upload)."""
    return f"{PRIVATE_PREFIX}pending/{secrets.token_hex(16)}{PurePosixPath(filename).suffix.lower()}"


def image_of(name):
    """The image whose original or rendition is stored as ``name``, or None."""
    Image = get_image_model()
    image = Image.objects.filter(file=name).first()
    if image is None:
        rendition = Image.get_rendition_model().objects.filter(file=name).select_related("image").first()
        image = rendition.image if rendition else None
    return image


def shown_on_a_public_page(image):
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(image).filter(base_content_type=page_type)
    page_ids = [int(pk) for pk in references.values_list("object_id", flat=True)]
    return Page.objects.live().public().filter(pk__in=page_ids).exists()


def may_see(user, name):
    if user.is_active and user.has_perm("wagtailadmin.access_admin"):
        return True
    image = image_of(name)
    return image is not None and shown_on_a_public_page(image)


def serve(request, path):
    name = PRIVATE_PREFIX + path
    if ".." in PurePosixPath(path).parts or not may_see(request.user, name):
        raise Http404
    try:
        if not default_storage.exists(name):
            raise Http404
        opened = default_storage.open(name, "rb")
    except OSError:  # the disk or the bucket cannot be read (object storage errors arrive as OSError)
        logger.exception("A private file could not be read: %s", name)
        return outage_response(request)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(opened, content_type=content_type)
    # Never kept by a shared cache: the photo stops being public when its story is unpublished or withdrawn.
    patch_cache_control(response, private=True, max_age=300)
    return response


def index_references_on_publish(sender, instance, **kwargs):
    """Record at once which images a page just published shows.

    Wagtail updates the reference index in a background task; with the database queue (production) that runs when
    the worker gets to it, and until then :func:`serve` would answer 404 for the photos of a story that is already
    live. Publishing is rare, so doing the update here as well costs little.
    """
    ReferenceIndex.create_or_update_for_object(instance)
