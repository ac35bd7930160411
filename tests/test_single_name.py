"""A person with a single name can save their account settings (their admin language first of all) and be given an
account: Wagtail's forms require a last name, which Django's user model does not (editorial/single_name.py)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests import builders

pytestmark = pytest.mark.django_db


def form_values(form):
    """What a browser would send for ``form`` as it stands: every named field with its current value."""
    values = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "file"}:
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            values[name] = chosen.get("value", "") if chosen else ""
        elif field.name == "textarea":
            values[name] = field.text
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                values[name] = field.get("value", "on")
        else:
            values[name] = field.get("value", "")
    return values


@pytest.fixture
def teller_moderator(db):
    """An admin user known by one name."""
    person = builders.user("amanuel", first_name="Amanuel", last_name="")
    person.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return person


def test_a_single_name_is_enough_to_save_the_admin_language(client, teller_moderator):
    client.force_login(teller_moderator)
    page = BeautifulSoup(client.get("/admin/account/").content, "html.parser")
    form = page.find("input", attrs={"name": "name_email-first_name"}).find_parent("form")
    data = {**form_values(form), "name_email-first_name": "Amanuel", "name_email-last_name": ""}
    data["locale-preferred_language"] = "ar"

    response = client.post("/admin/account/", data)

    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").select(".error-message")
    assert UserProfile.get_for_user(teller_moderator).preferred_language == "ar"
    teller_moderator.refresh_from_db()
    assert (teller_moderator.first_name, teller_moderator.last_name) == ("Amanuel", "")


def test_the_name_panel_does_not_mark_the_last_name_required(client, teller_moderator):
    client.force_login(teller_moderator)
    page = BeautifulSoup(client.get("/admin/account/").content, "html.parser")
    assert not page.find("input", attrs={"name": "name_email-last_name"}).has_attr("required")
    assert page.find("input", attrs={"name": "name_email-first_name"}).has_attr("required")


def test_administrators_can_create_and_edit_a_user_with_a_single_name(client, db):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "a long pass phrase")
    client.force_login(admin)
    created = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "selam",
            "email": "selam@example.org",
            "first_name": "Selam",
            "last_name": "",
            "password1": "a long pass phrase 2",
            "password2": "a long pass phrase 2",
        },
    )
    assert created.status_code == 302, BeautifulSoup(created.content, "html.parser").select(".error-message")
    assert created.url == reverse("wagtailusers_users:index"), created.url
    selam = get_user_model().objects.get(username="selam")

    edited = client.post(
        reverse("wagtailusers_users:edit", args=[selam.pk]),
        {"username": "selam", "email": "selam@example.org", "first_name": "Selamawit", "last_name": ""},
    )
    assert edited.status_code == 302, BeautifulSoup(edited.content, "html.parser").select(".error-message")
    selam.refresh_from_db()
    assert (selam.first_name, selam.last_name) == ("Selamawit", "")
