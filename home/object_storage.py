"""Media in S3-compatible object storage (AWS S3, MinIO, Ceph, Scaleway, …), for several application servers.

The same rule as the local :class:`home.private_media.MediaStorage`, with buckets instead of folders:

* public media (the image library, documents, their renditions) go to the public bucket and are linked to directly,
  with plain, unsigned URLs (the bucket, or the CDN in front of it, lets anyone read them);
* names under ``private/`` (tellers' photos and their renditions, pending admin uploads) go to the private bucket,
  or to the ``private/`` prefix of the one bucket when no private bucket is named. They never get a bucket URL, not
  even a signed one: their URL is the private media view's (``/private-media/…``), which checks each request and
  streams the object from the bucket (home.private_media.serve).

Object keys are the file names Django stores, in either bucket, so nothing is renamed on the way. Chosen by
``SANCTUARY_S3_BUCKET`` (config/object_storage.py, docs/deployment.md).
"""

from contextlib import contextmanager

from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.storage import Storage
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from storages.backends.s3 import S3Storage

from home.private_media import PRIVATE_PREFIX, is_private

# Library images and renditions never change under one name (a new file gets a new name): a day in browsers and CDNs.
PUBLIC_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=86400"}


def missing_object(error):
    return error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 404


@contextmanager
def storage_errors(name):
    """boto3's errors as a file system's: FileNotFoundError for a missing object, OSError for an unreachable or
    refusing bucket. Callers then treat a bucket outage as a full disk (a teller's story: 503, form kept)."""
    try:
        yield
    except ClientError as error:
        if missing_object(error):
            raise FileNotFoundError(name) from error
        raise OSError(f"Object storage refused {name!r}: {error}") from error
    except BotoCoreError as error:
        raise OSError(f"Object storage unreachable for {name!r}: {error}") from error


@deconstructible(path="home.object_storage.S3MediaStorage")
class S3MediaStorage(Storage):
    """Two S3 storages behind one: the private one for names under ``private/``, the public one for the rest.

    ``options`` are django-storages' S3Storage options (endpoint_url, region_name, custom_domain, …); credentials come
    from the environment as boto3 reads them (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or an instance role).
    Deconstructible with these arguments: Wagtail's task that deletes a file rebuilds the storage from them.
    """

    def __init__(self, *, bucket_name, private_bucket_name="", **options):
        common = {"file_overwrite": False, "default_acl": None, **options}
        self.public = S3Storage(
            bucket_name=bucket_name,
            querystring_auth=False,
            object_parameters=PUBLIC_OBJECT_PARAMETERS,
            **common,
        )
        common.pop("custom_domain", None)  # a CDN's address is for public files only
        self.private = S3Storage(bucket_name=private_bucket_name or bucket_name, querystring_auth=True, **common)

    def storage_for(self, name):
        return self.private if is_private(name) else self.public

    def _open(self, name, mode="rb"):
        with storage_errors(name):
            return self.storage_for(name)._open(name, mode)

    def _save(self, name, content):
        with storage_errors(name):
            return self.storage_for(name)._save(name, content)

    def get_available_name(self, name, max_length=None):
        with storage_errors(name):
            return self.storage_for(name).get_available_name(name, max_length=max_length)

    def delete(self, name):
        with storage_errors(name):
            self.storage_for(name).delete(name)

    def exists(self, name):
        with storage_errors(name):
            return self.storage_for(name).exists(name)

    def listdir(self, path):
        with storage_errors(path):
            return self.storage_for(path).listdir(path)

    def size(self, name):
        with storage_errors(name):
            return self.storage_for(name).size(name)

    def get_modified_time(self, name):
        with storage_errors(name):
            return self.storage_for(name).get_modified_time(name)

    def url(self, name):
        if is_private(name):
            return reverse("private_media", args=[name.removeprefix(PRIVATE_PREFIX)])
        return self.public.url(name)
