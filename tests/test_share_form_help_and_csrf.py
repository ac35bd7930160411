"""The share form as a screen reader announces it, and the page a refused form (CSRF) gets, in the reader's language.

Every ``aria-describedby`` on the form points at an element that exists (its help text, its errors), so a screen
reader reads the help and the error with the field. A form the site cannot check (no CSRF cookie, an old page) is
answered with the site's own page in the reader's language, saying that what they wrote is still in the form.
"""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import translation

from stories.models import StoryPage

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "en"]
STILL_THERE = "What you wrote is not lost: it is still in the form."
GO_BACK = "Go back to the form with your browser's Back button."


def in_language(language, text):
    with translation.override(language):
        return translation.gettext(text)


def described_fields(html):
    """Each form control with aria-describedby, and the ids it names that the page lacks."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one("form.share-form")
    described = form.select("[aria-describedby]")
    missing = {
        element.get("id") or element.name: [ref for ref in element["aria-describedby"].split() if not soup.find(id=ref)]
        for element in described
    }
    return soup, described, {key: refs for key, refs in missing.items() if refs}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_help_text_is_tied_to_its_field(client, synced_network, language):
    soup, described, missing = described_fields(client.get(f"/{language}/share-your-story/").content.decode())
    assert missing == {}
    help_texts = soup.select("form.share-form .help")
    assert {"id_story_helptext", "id_display_name_helptext", "id_real_name_helptext", "id_contact_helptext"} <= {
        help_text["id"] for help_text in help_texts
    }
    for help_text in help_texts:  # each one is read with the field it helps
        field = soup.find(attrs={"aria-describedby": lambda value, ref=help_text["id"]: value and ref in value.split()})
        assert field is not None, help_text["id"]
    assert soup.find(id="id_story")["aria-describedby"] == "id_story_helptext"
    assert soup.find(id="id_contact")["aria-describedby"] == "id_contact_helptext"
    assert soup.find(id="id_contact_helptext").get_text() == in_language(
        language, "Only our moderators can see it, to ask you about your story."
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_errors_are_tied_to_their_fields_too(client, synced_network, language):
    response = client.post(f"/{language}/share-your-story/", {"title": "", "story": "", "website": ""})
    assert response.status_code == 400
    soup, described, missing = described_fields(response.content.decode())
    assert missing == {}
    title = soup.find(id="id_title")
    assert title["aria-invalid"] == "true"
    assert soup.find(id="id_title_error").get_text() == in_language(language, "Give your story a title.")
    story_refs = soup.find(id="id_story")["aria-describedby"].split()
    assert story_refs == ["id_story_helptext", "id_story_error"]
    assert soup.find(id="id_story_error").get_text() == in_language(language, "Write your story.")
    naming = soup.find("fieldset")["aria-describedby"]
    assert soup.find(id=naming).get_text() == in_language(language, "Choose how we should name you.")
    consent = soup.find(id="id_consent_web")
    assert soup.find(id=consent["aria-describedby"]).get_text() == in_language(
        language, "To send your story, agree to its publication on this website."
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_form_the_site_cannot_check_gets_its_own_page_in_the_readers_language(synced_network, language):
    browser = Client(enforce_csrf_checks=True)
    form = browser.get(f"/{language}/share-your-story/")
    token = BeautifulSoup(form.content, "html.parser").find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    browser.cookies.clear()  # the cookie expired, or the browser dropped it, while the teller was writing
    response = browser.post(
        f"/{language}/share-your-story/", {"csrfmiddlewaretoken": token, "title": "My story", "story": "It began."}
    )
    assert response.status_code == 403
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    assert soup.html["dir"] == ("rtl" if language == "ar" else "ltr")
    text = soup.main.get_text(" ", strip=True)
    assert in_language(language, STILL_THERE) in text
    assert in_language(language, GO_BACK) in text
    assert soup.title.get_text().startswith(in_language(language, "Your form was not sent"))
    assert "CSRF" not in response.content.decode()  # Django's reason is for developers
    assert response["Cache-Control"].startswith("max-age=0")
    assert not StoryPage.objects.filter(title="My story").exists()


def test_the_admin_login_gets_the_same_page(synced_network):
    response = Client(enforce_csrf_checks=True).post(
        "/admin/login/", {"username": "x", "password": "y"}, headers={"accept-language": "ar"}
    )
    assert response.status_code == 403
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "ar"
    assert in_language("ar", STILL_THERE) in soup.main.get_text(" ", strip=True)
