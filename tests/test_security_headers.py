"""Content-Security-Policy and Permissions-Policy headers, and the public templates that the strict policy needs.

The browser test (tests/browser/test_content_security_policy.py) shows the pages work under the policies; these show
which policy each address gets, and that no public template brings back inline script or style.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

from config.security_headers import public_directives

pytestmark = pytest.mark.django_db

PUBLIC_TEMPLATES = [
    path
    for folder in ("site/templates", "home/templates", "cities/templates", "stories/templates", "exhibitions/templates")
    for path in (Path(settings.BASE_DIR) / folder).rglob("*.html")
]
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def directives(response):
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))


def test_public_pages_allow_only_the_sites_own_scripts_and_styles(client, network):
    for path in ("/en/", network["stories"][0].url, "/en/share-your-story/", "/en/nowhere/", "/api/v2/pages/"):
        response = client.get(path)
        policy = directives(response)
        assert policy["script-src"] == "'self'", path
        assert policy["style-src"] == "'self'", path
        assert policy["object-src"] == "'none'", path
        assert "geolocation=()" in response["Permissions-Policy"], path
        assert "camera=()" in response["Permissions-Policy"], path


def test_the_admin_allows_the_inline_scripts_and_styles_wagtail_writes(client, network):
    response = client.get("/admin/login/")
    policy = directives(response)
    assert policy["script-src"] == "'self' 'unsafe-inline'"
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    assert policy["object-src"] == "'none'"
    assert "microphone=()" in response["Permissions-Policy"]


def test_media_served_from_another_address_is_allowed_and_only_there():
    policy = public_directives("/static/", "https://media.example.org/sanctuary/")
    assert policy["img-src"] == ["'self'", "https://media.example.org", "data:"]
    assert policy["script-src"] == ["'self'"]


def test_no_public_template_has_inline_script_or_style():
    assert PUBLIC_TEMPLATES
    offending = {str(path): INLINE.findall(path.read_text()) for path in PUBLIC_TEMPLATES}
    assert {path: found for path, found in offending.items() if found} == {}
