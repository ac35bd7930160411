"""Media in S3-compatible object storage: what a deployment of several servers gets with SANCTUARY_S3_BUCKET.

A real S3 API (moto in server mode, on a local port) with the storage the production settings build
(config/object_storage.py, home/object_storage.py). Photos are stored clean, tellers' photos in the private bucket and
served only through the checking view, library images and their renditions from the public bucket, and a withdrawal
leaves no object behind. Issue 13.
"""

import io
import json
import re
import socket
import urllib.error
import urllib.request
import uuid

import boto3
import pytest
from botocore.config import Config
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage
from wagtail.images import get_image_model

from config.object_storage import s3_media_storage, s3_media_url
from config.task_queue import task_settings
from editorial.roles import ensure_all_roles
from editorial.workflows import ensure_workflow_assignments
from home import bootstrap
from stories.contribute.submission import PHOTO_COLLECTION
from stories.models import StoryCollectionPage, StoryPage
from stories.models.contributions import TellerIdentity
from stories.withdrawal import withdraw_story
from tests import builders
from tests.test_share_story import approve_everything, fresh_rate_limit, moderator, submit
from tests.test_task_queue import committed, run_worker

__all__ = ["fresh_rate_limit"]  # fixtures

pytestmark = pytest.mark.django_db

REGION = "eu-west-2"


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def share_site(home, locales):
    """The share form in every language with its "Shared stories" collection, and no network (it is quicker)."""
    builders.publish(home, StoryCollectionPage(title="Shared stories", slug="shared-stories"))
    builders.share_page(home)
    bootstrap.sync_locale_trees(locales)
    ensure_all_roles()
    ensure_workflow_assignments()


def public_read_policy(bucket):
    return {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/*"}
        ],
    }


class Buckets:
    def __init__(self, endpoint):
        self.endpoint = endpoint
        self.client = boto3.client("s3", endpoint_url=endpoint, region_name=REGION)
        suffix = uuid.uuid4().hex[:12]
        self.public, self.private = f"media-{suffix}", f"private-{suffix}"
        for bucket in (self.public, self.private):
            self.client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
        # As docs/deployment.md says: anyone may read the public bucket's objects; the private bucket stays closed.
        self.client.put_bucket_policy(Bucket=self.public, Policy=json.dumps(public_read_policy(self.public)))

    def keys(self, bucket):
        return {item["Key"] for item in self.client.list_objects_v2(Bucket=bucket).get("Contents", [])}

    def read(self, bucket, key):
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()


@pytest.fixture
def buckets(s3_endpoint, monkeypatch):
    """Two fresh buckets, and the settings production builds from the environment for them."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "sanctuary-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "sanctuary-test-secret")
    found = Buckets(s3_endpoint)
    environ = {"AWS_S3_ENDPOINT_URL": s3_endpoint, "AWS_S3_REGION_NAME": REGION}
    media = s3_media_storage(found.public, found.private, environ)
    with override_settings(STORAGES={**settings.STORAGES, "default": media}, MEDIA_URL=s3_media_url(media["OPTIONS"])):
        yield found


def without_metadata(data):
    return not PILImage.open(io.BytesIO(data)).getexif() and b"SecretPhone" not in data and b"PhoneMaker" not in data


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - the local S3 server's http:// address
        return response.status, response.headers, response.read()


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@committed  # the worker commits as it would in production (and closes a connection left inside a transaction)
def test_a_library_image_and_its_renditions_are_served_from_the_public_bucket(
    buckets, django_capture_on_commit_callbacks
):
    image = get_image_model().objects.create(
        title="Town hall", file=ImageFile(io.BytesIO(builders.jpeg_with_gps()), "IMG_1.jpg")
    )

    assert buckets.keys(buckets.public) == {image.file.name} and not buckets.keys(buckets.private)
    assert without_metadata(buckets.read(buckets.public, image.file.name))
    rendition = image.get_rendition("width-100")
    # Plain, unsigned addresses in the bucket, under MEDIA_URL (which the Content-Security-Policy allows).
    for url in (image.file.url, rendition.url):
        assert url.startswith(settings.MEDIA_URL) and "Signature" not in url, url
    status, headers, data = fetch(rendition.url)
    assert status == 200 and PILImage.open(io.BytesIO(data)).width == 100
    assert "public" in headers["Cache-Control"]
    assert buckets.keys(buckets.public) == {image.file.name, rendition.file.name}

    # Wagtail deletes the files once the delete commits, in a task: in production, one the worker runs.
    with override_settings(TASKS=task_settings("database")):
        with django_capture_on_commit_callbacks(execute=True):
            image.delete()
        assert len(buckets.keys(buckets.public)) == 2  # queued
        run_worker()
    assert buckets.keys(buckets.public) == set()


def test_a_tellers_photos_stay_in_the_private_bucket_and_go_with_the_story(
    client, share_site, buckets, django_capture_on_commit_callbacks
):
    submit(client, files=[SimpleUploadedFile("Nadia_Sheffield.jpg", builders.jpeg_with_gps())])
    story = StoryPage.objects.get(title="رحلتي إلى شيفيلد")
    photo = get_image_model().objects.get(collection__name=PHOTO_COLLECTION)

    assert buckets.keys(buckets.private) == {photo.file.name} and not buckets.keys(buckets.public)
    assert re.fullmatch(r"private/original_images/[0-9a-f]{32}\.jpg", photo.file.name)
    assert without_metadata(buckets.read(buckets.private, photo.file.name))
    assert photo.file.url.startswith("/private-media/")  # never a bucket address, signed or not
    assert client.get(photo.file.url).status_code == 404  # a story in review shows nothing
    with pytest.raises(urllib.error.HTTPError, match="403"):  # nor does the bucket, to someone who guessed the name
        fetch(f"{buckets.endpoint}/{buckets.private}/{photo.file.name}")

    reviewer = moderator()
    approve_everything(story, reviewer)
    page = client.get(story.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert buckets.private not in html and settings.MEDIA_URL not in html
    shown = re.findall(r'/private-media/images/[^"\s,]+', html)
    assert shown, "the published story shows its photo"
    response = client.get(shown[0])  # a rendition made from the bucket's original, streamed back from the bucket
    assert response.status_code == 200 and PILImage.open(io.BytesIO(body_of(response))).format in ("JPEG", "WEBP")
    stored = buckets.keys(buckets.private)
    assert len(stored) > 1 and all(key.startswith("private/") for key in stored)

    with django_capture_on_commit_callbacks(execute=True):
        withdraw_story(story, by_user=reviewer)

    assert buckets.keys(buckets.private) == set() and buckets.keys(buckets.public) == set()
    assert client.get(shown[0]).status_code == 404


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_bucket_that_cannot_be_reached_keeps_the_tellers_text_and_stores_nothing(client, share_site, buckets):
    unreachable = s3_media_storage("media", "private", {"AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{closed_port()}"})
    unreachable["OPTIONS"]["client_config"] = Config(retries={"max_attempts": 1}, connect_timeout=1)
    with override_settings(STORAGES={**settings.STORAGES, "default": unreachable}):
        response = submit(client, files=[SimpleUploadedFile("a.jpg", builders.jpeg_with_gps())])

    # As with a full disk: try again later (503), with everything the teller typed still in the form.
    assert response.status_code == 503 and response["Retry-After"]
    assert "رحلتي إلى شيفيلد" in response.content.decode()
    assert not StoryPage.objects.filter(title="رحلتي إلى شيفيلد").exists()
    assert not get_image_model().objects.exists() and not TellerIdentity.objects.exists()
