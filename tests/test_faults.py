"""Submissions survive faults, and nothing is half-saved (issue 11, items 5–7).

Each fault is real where it can be: Redis and PostgreSQL at a closed port (nothing listens, every connection is
refused), a storage that runs out of space part way through a file as a full disk does. Each test checks what the
teller or reader sees (status, message in their language, their text still there) and that nothing is lost or left
behind.
"""

import errno
import json
import logging
import os
import socket
import subprocess
import sys

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection
from django.utils import translation
from django.utils.html import escape
from wagtail.images import get_image_model

from config.caches import production_caches
from home.models import HomePage
from stories.models import StoryPage, share_page
from stories.models.contributions import TellerIdentity
from tests import builders
from tests import test_share_story as share
from tests.test_foundation import PROJECT_DIR
from tests.test_uploads import crafted_png

pytestmark = pytest.mark.django_db

share_site = share.share_site
TITLE = share.form_data()["title"]
STORY = share.form_data()["story"]
UNSAVED = (
    "We could not save your story just now, because of a problem on our side.",
    "Nothing has been kept. Your text is still below: please send it again in a few minutes.",
)


GO_BACK = (
    "Go back with your browser's Back button: what you wrote is still in the form. Send it again in a few minutes."
)


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    caches["default"].clear()


def closed_port():
    """A local TCP port where nothing listens (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def in_arabic(message):
    """``message`` as an Arabic reader sees it ({% translate %} writes the catalogue's text as it is)."""
    with translation.override("ar"):
        return translation.gettext(message)


def photos(count):
    files = [SimpleUploadedFile("IMG_0001.jpg", builders.jpeg_with_gps(), content_type="image/jpeg")]
    files += [SimpleUploadedFile(f"scan-{n}.png", crafted_png(300, 200), content_type="image/png") for n in (2, 3)]
    return files[:count]


def assert_form_kept_with_message(response):
    """The share form again, in Arabic, saying nothing was saved, with the teller's title and text in it."""
    page = response.content.decode()
    assert 'lang="ar" dir="rtl"' in page
    for sentence in UNSAVED:
        assert in_arabic(sentence) in page
    assert f'value="{escape(TITLE)}"' in page
    assert f"{escape(STORY)}</textarea>" in page  # the textarea holds the story, as typed
    assert share.REAL_NAME in page  # what they typed in every field is still there


# 5. Redis unreachable ---------------------------------------------------------------------------------------------


@pytest.fixture
def redis_down(settings):
    """Production's caches (config/caches.py: rate limits and pages in Redis) with Redis on a port where nothing
    listens, and the page cache on."""
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True  # as production sets it
    settings.CACHES = production_caches(f"redis://127.0.0.1:{closed_port()}/0", settings.RATE_LIMIT_DATABASE_CACHE)
    settings.SANCTUARY_PAGE_CACHE_SECONDS = 300
    for alias in ("ratelimit", "pages"):
        caches[alias].set("probe", "stored")
        assert caches[alias].get("probe") is None, alias  # really unreachable: nothing it is given is kept


def test_a_redis_outage_neither_refuses_nor_loses_a_story(client, share_site, redis_down, caplog):
    for number in range(1, 8):  # more than the hourly allowance: with no counter, nothing is refused
        response = share.submit(client, title=f"{TITLE} {number}")
        assert response.status_code == 200
        assert "<h1>شكرًا لمشاركتك قصتك</h1>" in response.content.decode()
    assert StoryPage.objects.filter(title__startswith=TITLE).count() == 7
    story = StoryPage.objects.get(title=f"{TITLE} 1")
    assert story.workflow_in_progress
    assert TellerIdentity.objects.get(story=story).real_name == share.REAL_NAME
    assert "Exception ignored" in caplog.text and "ConnectionError" in caplog.text  # the outage is logged


def test_public_pages_stay_up_while_redis_is_down(client, share_site, redis_down):
    story = share_site["stories"][0]
    for _ in range(2):  # the second time, the page cache is asked first
        for url in ("/en/", "/ar/", story.url, "/ar/share-your-story/", "/api/v2/pages/", "/healthz"):
            assert client.get(url).status_code == 200, url


# 6. A full disk while the photos are written ----------------------------------------------------------------------


class FullDiskStorage(FileSystemStorage):
    """The media folder on a disk that fills up while the ``fail_on``-th file is written, after ``room`` of its bytes.

    The bytes that fit are really written, then the write fails with ENOSPC, as it does on a full disk: a partial
    file is left where the storage was writing.
    """

    def __init__(self, fail_on=1, room=0, **kwargs):
        super().__init__(**kwargs)
        self.fail_on, self.room, self.files = fail_on, room, 0

    def _save(self, name, content):
        self.files += 1
        if self.files == self.fail_on:
            content = FillsTheDisk(content, self.room)
        return super()._save(name, content)


class FillsTheDisk:
    def __init__(self, content, room):
        self.content, self.room = content, room

    def chunks(self):
        for chunk in self.content.chunks(chunk_size=64):
            if len(chunk) > self.room:
                yield chunk[: self.room]
                raise OSError(errno.ENOSPC, "No space left on device")
            self.room -= len(chunk)
            yield chunk


@pytest.fixture
def full_disk(settings):
    def fill(fail_on, room):
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": f"{__name__}.FullDiskStorage", "OPTIONS": {"fail_on": fail_on, "room": room}},
        }

    return fill


@pytest.mark.parametrize(
    ("attached", "fail_on", "room"),
    [(1, 1, 0), (1, 1, 200), (2, 2, 10), (3, 3, 20)],
    ids=["first-file-empty", "first-file-partial", "second-file-partial", "third-file-partial"],
)
def test_a_full_disk_keeps_the_text_and_leaves_no_file_nor_row(
    client, share_site, full_disk, caplog, attached, fail_on, room
):
    before = share.stored_files()
    images_before = get_image_model().objects.count()
    full_disk(fail_on, room)
    with caplog.at_level(logging.ERROR):
        response = share.submit(client, files=photos(attached))
    assert response.status_code == 503
    assert response["Retry-After"]
    assert_form_kept_with_message(response)
    assert in_arabic("Please attach your photos again.") in response.content.decode()
    share.nothing_saved(before)  # no story, consent, identity or image row, and no file, complete or partial
    assert get_image_model().objects.count() == images_before
    assert "No space left on device" in caplog.text


def test_the_disk_full_check_sees_partial_files(share_site, full_disk, settings):
    """The storage above does leave a partial file on its own, so the test before is not vacuous."""
    full_disk(1, 10)
    with pytest.raises(OSError, match="No space"):
        default_storage.save("partial.bin", ContentFile(b"x" * 100))
    with open(default_storage.path("partial.bin"), "rb") as partial:
        assert partial.read() == b"x" * 10
    default_storage.delete("partial.bin")


# 7. The database fails during a submission, or is down ------------------------------------------------------------


def failing(statement_start=None, stays_down=True):
    """An execute wrapper that fails like a dropped database connection: from the first statement that starts with
    ``statement_start`` (from the start when None), every statement, or only that one unless ``stays_down``.

    The transaction bookkeeping (savepoints) still runs, so that the test's own transaction stays usable.
    """
    state = {"down": statement_start is None, "failures": 0}

    def execute(run, sql, params, many, context):
        text = sql.lstrip().upper()
        hit = bool(statement_start) and text.startswith(statement_start.upper())
        state["down"] = state["down"] or hit
        if (hit or (state["down"] and stays_down)) and not text.startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
            state["failures"] += 1
            raise OperationalError("server closed the connection unexpectedly")
        return run(sql, params, many, context)

    return execute, state


def test_a_database_error_while_storing_keeps_the_text_and_leaves_nothing(client, share_site):
    """The connection drops after the photos are written (at the consent record), then comes back."""
    before = share.stored_files()
    execute, state = failing('INSERT INTO "stories_consentrecord"', stays_down=False)
    with connection.execute_wrapper(execute):
        response = share.submit(client, files=photos(2))
    assert state["failures"] == 1  # the fault really happened, after the photo files were written
    assert response.status_code == 503
    assert response["Retry-After"]
    assert_form_kept_with_message(response)
    share.nothing_saved(before)


def test_the_database_going_down_during_a_submission_answers_the_sites_503_page(client, share_site):
    """The connection drops at the consent record and stays down: the form cannot even be shown again."""
    before = share.stored_files()
    execute, _state = failing('INSERT INTO "stories_consentrecord"')
    with connection.execute_wrapper(execute):
        response = share.submit(client, files=photos(1))
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert in_arabic("Nothing you sent has been saved yet.") in page
    assert in_arabic(GO_BACK) in page
    share.nothing_saved(before)


def test_pages_answer_503_during_an_outage_and_recover_without_restart(client, share_site, caplog):
    execute, _state = failing()
    with connection.execute_wrapper(execute), caplog.at_level(logging.ERROR):
        response = client.get("/ar/")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-cache" in response["Cache-Control"]
    assert in_arabic("The site is briefly unavailable") in response.content.decode()
    assert "Database unreachable" in caplog.text
    assert client.get("/ar/").status_code == 200  # the next request, once the database answers


def test_a_bug_while_storing_still_gives_the_text_back(client, share_site, monkeypatch):
    """Not a temporary fault (so 500, not 503), but the teller still keeps what they typed."""

    def broken(data, locale):
        raise ValueError("a bug")

    monkeypatch.setattr(share_page, "create_story", broken)
    response = share.submit(client)
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert_form_kept_with_message(response)


def test_other_errors_are_not_disguised_as_an_outage(client, share_site, monkeypatch):
    """Only a database that cannot be reached answers 503; a bug in a page still answers 500 (and is logged)."""

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(HomePage, "serve", broken)
    client.raise_request_exception = False
    assert client.get("/ar/").status_code == 500


def run_probe(port, real_postgres, **env):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", **env}
    result = subprocess.run(
        [sys.executable, "-m", "tests.database_outage_probe", str(port), real_postgres],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def postgres_reachable(address="127.0.0.1:5432"):
    host, port = address.rsplit(":", 1)
    try:
        socket.create_connection((host, int(port)), timeout=2).close()
    except OSError:
        return ""
    return address


@pytest.mark.parametrize("conn_max_age", ["0", "60"])
def test_postgresql_refusing_connections_answers_503_then_recovers_without_restart(conn_max_age):
    """A fresh process whose PostgreSQL refuses every connection, then answers on the same address."""
    real_postgres = postgres_reachable()
    results = run_probe(closed_port(), real_postgres, DB_CONN_MAX_AGE=conn_max_age)
    down = results["down"]
    for name in ("page", "submission"):
        assert down[name]["status"] == 503, down[name]["body"][:2000]
        assert int(down[name]["retry_after"]) > 0
        assert in_arabic("The site is briefly unavailable") in down[name]["body"]
        assert 'lang="ar" dir="rtl"' in down[name]["body"]
    assert in_arabic("Nothing you sent has been saved yet.") in down["submission"]["body"]
    assert in_arabic(GO_BACK) in down["submission"]["body"]
    assert in_arabic("Nothing you sent has been saved yet.") not in down["page"]["body"]
    assert down["healthz"]["status"] == 503
    assert down["api"]["status"] == 503
    assert down["api"]["content_type"] == "application/json"
    assert json.loads(down["api"]["body"])["message"]
    if not real_postgres:
        pytest.skip("no PostgreSQL at 127.0.0.1:5432 to come back to")
    assert results["up"]["healthz"]["status"] == 200
