"""Production settings for several application servers, as docs/deployment.md sets them. Issue 13."""

import json
import secrets
from importlib.util import find_spec

from tests.test_foundation import run_python

SCALED_OUT = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "ALLOWED_HOSTS": "sanctuary.example.org",
    "DATABASE_URL": "postgres://sanctuary@db.internal:5432/sanctuary",
    "REDIS_URL": "redis://redis.internal:6379/0",
    "SANCTUARY_TRUSTED_PROXIES": "2",
    "SANCTUARY_S3_BUCKET": "sanctuary-media",
    "SANCTUARY_S3_PRIVATE_BUCKET": "sanctuary-private",
    "AWS_S3_REGION_NAME": "eu-west-2",
    "AWS_S3_CUSTOM_DOMAIN": "media.sanctuary.example.org",
}

PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
from django.core.management import call_command
if CHECK:
    call_command("check", "--deploy", "--fail-level", "WARNING")
print(json.dumps({
    "tasks": settings.TASKS["default"]["BACKEND"],
    "media": settings.STORAGES["default"],
    "media_url": settings.MEDIA_URL,
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "search": settings.WAGTAILSEARCH_BACKENDS["default"],
    "apps": [app for app in settings.INSTALLED_APPS if app.startswith("django_tasks")],
}))
"""


def production(check=False, **env):
    """The settings production builds from SCALED_OUT and ``env``, after `check --deploy` passed when ``check``."""
    code = f"CHECK = {check}\n{PRINT_SETTINGS}"
    result = run_python(code, SECRET_KEY=secrets.token_urlsafe(50), **{**SCALED_OUT, **env})
    assert result.returncode == 0, result.stdout + result.stderr
    checked, _newline, found = result.stdout.strip().rpartition("\n")
    assert not check or "System check identified no issues" in checked
    return json.loads(found)


def test_the_documented_environment_passes_the_deployment_checklist_with_shared_media_and_a_queue():
    found = production(check=True)
    assert found["tasks"] == "django_tasks_db.DatabaseBackend"  # a worker runs Wagtail's background tasks
    assert found["apps"] == ["django_tasks", "django_tasks_db"]
    assert found["media"] == {
        "BACKEND": "home.object_storage.S3MediaStorage",
        "OPTIONS": {
            "bucket_name": "sanctuary-media",
            "private_bucket_name": "sanctuary-private",
            "region_name": "eu-west-2",
            "custom_domain": "media.sanctuary.example.org",
        },
    }
    # Pages may show images from the bucket's address, and only from there and this site.
    assert found["media_url"] == "https://media.sanctuary.example.org/"
    assert found["img_src"] == ["'self'", "https://media.sanctuary.example.org", "data:"]
    assert found["search"] == {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}


def test_an_s3_compatible_server_is_addressed_by_path():
    found = production(
        AWS_S3_CUSTOM_DOMAIN="", AWS_S3_REGION_NAME="", AWS_S3_ENDPOINT_URL="https://minio.internal:9000"
    )
    assert found["media"]["OPTIONS"]["addressing_style"] == "path"
    assert found["media_url"] == "https://minio.internal:9000/sanctuary-media/"
    assert "https://minio.internal:9000" in found["img_src"]


def test_a_single_server_may_keep_folders_and_run_tasks_in_the_request():
    found = production(SANCTUARY_S3_BUCKET="", SANCTUARY_TASK_BACKEND="immediate")
    assert found["media"] == {"BACKEND": "home.private_media.MediaStorage"}
    assert found["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"


def test_misnamed_backends_stop_the_process_with_one_line():
    cases = [
        ({"SANCTUARY_TASK_BACKEND": "celery"}, "SANCTUARY_TASK_BACKEND='celery' is not one of: immediate, database."),
        (
            {"SANCTUARY_SEARCH_URL": "http://search:9200", "SANCTUARY_SEARCH_BACKEND": "solr"},
            "SANCTUARY_SEARCH_BACKEND='solr'",
        ),
    ]
    if find_spec("elasticsearch") is None:  # not installed by default: the process says what to install
        cases.append(({"SANCTUARY_SEARCH_URL": "http://search:9200"}, "pip install 'elasticsearch>=8,<9'"))
    for env, message in cases:
        result = run_python(
            "import django; django.setup()", SECRET_KEY=secrets.token_urlsafe(50), **{**SCALED_OUT, **env}
        )
        assert result.returncode != 0
        assert result.stderr.strip().startswith("Sanctuary refuses to start: ") and message in result.stderr


def test_a_worker_freezes_what_starting_made():
    """config/wsgi.py: the objects made while starting are out of the garbage collector's full collections."""
    code = "import gc\nimport config.wsgi\nprint(gc.get_freeze_count())"
    result = run_python(code, SECRET_KEY=secrets.token_urlsafe(50), **SCALED_OUT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(result.stdout.strip().splitlines()[-1]) > 100_000  # Django, Wagtail and the models
