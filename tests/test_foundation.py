"""The skeleton: health check, error pages, language redirect, admin, production settings."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent


def run_python(code, **env):
    """Run ``code`` in a fresh interpreter in the project folder with extra environment variables."""
    environment = {key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_DIR, env=environment, capture_output=True, text=True, timeout=120
    )


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_answers_503_when_the_database_is_unreachable():
    code = (
        "import django, json; django.setup()\n"
        "from django.test import Client\n"
        "response = Client().get('/healthz')\n"
        "print(response.status_code, response.content.decode())"
    )
    result = run_python(
        code, DJANGO_SETTINGS_MODULE="config.settings.test", DATABASE_URL="sqlite:////nonexistent-dir/nowhere.sqlite3"
    )
    status, body = result.stdout.strip().split(" ", 1)
    assert status == "503", result.stderr
    assert json.loads(body)["status"] == "error"


def test_root_redirects_to_the_readers_language(client, home):
    assert client.get("/").headers["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="cy").headers["Location"] == "/cy/"
    assert client.get("/en/").status_code == 200


def test_admin_login_page_answers(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert b'name="password"' in response.content


def test_unknown_url_renders_the_sites_404_page(client, home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    assert "Page not found" in response.content.decode()
    assert 'href="/en/"' in response.content.decode()


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_settings_refuse_to_start_without_required_variables(missing):
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": secrets.token_urlsafe(50)}
    env["ALLOWED_HOSTS"] = "example.org"
    env.pop(missing)
    result = run_python("import django; django.setup()", **env)
    assert result.returncode != 0
    assert result.stderr.strip() == f"Sanctuary refuses to start: the environment variable {missing} is not set."


@pytest.mark.parametrize(("configured", "kept_for"), [(None, 60), ("0", 0)])
def test_production_keeps_each_workers_database_connection_and_checks_it_before_use(configured, kept_for):
    """A connection per request costs more than a page's queries; a kept one the database dropped is replaced."""
    if configured is None and "DB_CONN_MAX_AGE" in os.environ:
        pytest.skip("DB_CONN_MAX_AGE is set in this environment")
    env = {"DB_CONN_MAX_AGE": configured} if configured else {}
    result = run_python(
        "import json; from django.conf import settings; database = settings.DATABASES['default']; "
        "print(json.dumps([database['CONN_MAX_AGE'], database['CONN_HEALTH_CHECKS']]))",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="example.org",
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [kept_for, True]


def test_production_settings_pass_the_deployment_checklist():
    result = run_python(
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
