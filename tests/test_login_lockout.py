"""The admin login resists guessing: django-axes locks an address and an account out, through the real sign-in form."""

import datetime
import time

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
PASSWORD = "the right pass phrase"  # noqa: S105


@pytest.fixture(autouse=True)
def behind_one_proxy(settings):
    settings.SANCTUARY_TRUSTED_PROXIES = 1
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)


@pytest.fixture
def editors(db):
    users = get_user_model().objects
    return [users.create_superuser(name, f"{name}@example.org", PASSWORD) for name in ("alice", "bilal")]


def sign_in(client, username, password, visitor, language="en"):
    """The admin's sign-in form, posted by ``visitor`` through the reverse proxy."""
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=visitor,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def signed_in(client):
    return client.get("/admin/").status_code == 200


def guess(client, username, visitor, times=5):
    return [sign_in(client, username, f"guess {n}", visitor).status_code for n in range(times)]


def test_after_five_wrong_passwords_the_right_one_is_refused(client, editors):
    assert guess(client, "alice", "203.0.113.1") == [200, 200, 200, 200, 429]
    response = sign_in(client, "alice", PASSWORD, "203.0.113.1")
    assert response.status_code == 429
    assert not signed_in(client)


def test_another_account_from_another_address_still_signs_in(client, editors):
    guess(client, "alice", "203.0.113.1")
    response = sign_in(client, "bilal", PASSWORD, "203.0.113.2")  # through the same proxy
    assert response.status_code == 302
    assert signed_in(client)


def test_the_account_is_locked_whatever_address_the_guesses_come_from(client, editors):
    for number in range(5):
        sign_in(client, "alice", "guess", f"203.0.113.{10 + number}")
    assert sign_in(client, "alice", PASSWORD, "203.0.113.99").status_code == 429
    assert not signed_in(client)
    # None of those addresses is locked for other accounts: each made a single mistake.
    assert sign_in(client, "bilal", PASSWORD, "203.0.113.10").status_code == 302


def test_the_address_is_locked_whatever_accounts_it_tries(client, editors):
    for name in ("admin", "root", "editor", "moderator", "alice"):
        sign_in(client, name, "guess", "203.0.113.5")
    assert sign_in(client, "bilal", PASSWORD, "203.0.113.5").status_code == 429
    assert not signed_in(client)
    assert sign_in(client, "bilal", PASSWORD, "203.0.113.6").status_code == 302


def test_a_forged_forwarded_header_does_not_escape_the_lockout(client, editors):
    guess(client, "bilal", "203.0.113.7")
    response = sign_in(client, "alice", PASSWORD, "192.0.2.1, 203.0.113.7")  # the proxy's entry is the last one
    assert response.status_code == 429


def test_after_the_cool_off_the_right_password_works(client, editors, settings):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=2)
    guess(client, "alice", "203.0.113.1")
    assert sign_in(client, "alice", PASSWORD, "203.0.113.1").status_code == 429
    time.sleep(2.5)
    assert sign_in(client, "alice", PASSWORD, "203.0.113.1").status_code == 302
    assert signed_in(client)


@pytest.mark.parametrize("command, argument", [("axes_reset_username", "alice"), ("axes_reset_ip", "203.0.113.1")])
def test_an_administrator_unlocks_with_a_command(client, editors, command, argument):
    guess(client, "alice", "203.0.113.1")
    call_command(command, argument, stdout=None)
    assert sign_in(client, "alice", PASSWORD, "203.0.113.1").status_code == 302


def test_the_attempts_record_the_visitors_address_not_the_proxys(client, editors):
    guess(client, "alice", "203.0.113.1", times=2)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.1"}


@pytest.mark.parametrize("language", settings.SANCTUARY_LANGUAGES)
def test_the_lockout_page_is_in_the_readers_language(client, editors, language):
    guess(client, "alice", "203.0.113.1")
    response = sign_in(client, "alice", PASSWORD, "203.0.113.1", language=language)
    page = response.content.decode()
    with translation.override(language):
        heading = translation.gettext("Sign-in locked")
        wait = translation.ngettext(
            "For your safety, signing in is locked for %(minutes)s minute, even with the right password.",
            "For your safety, signing in is locked for %(minutes)s minutes, even with the right password.",
            30,
        ) % {"minutes": 30}
        bidi = translation.get_language_bidi()
    assert response.status_code == 429
    assert response["Retry-After"] == str(30 * 60)
    assert f'lang="{language}" dir="{"rtl" if bidi else "ltr"}"' in page
    assert f"<h1>{heading}</h1>" in page
    assert wait in page
