"""A teller's journey, clicked through as people do: share a story in Arabic on a phone, have it reviewed, withdraw it.

The teller uses a phone-sized screen and the Arabic site; the moderator logs in through the admin's login page and
works from the dashboard, as themselves. No page either of them visits may answer with a server error.
"""

import io
import re

import pytest
from django.core.cache import cache, caches
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page

from editorial.roles import MODERATORS, ensure_all_roles
from editorial.workflows import ensure_workflow_assignments
from home import bootstrap
from stories.models import StoryCollectionPage, StoryPage
from tests import builders

PASSWORD = "a long pass phrase"
TITLE = "الطريق إلى سوانزي"
OPENING = "وصلت إلى سوانزي في الربيع، ومعي حقيبة واحدة وكلمات إنجليزية قليلة."
STORY = OPENING + "\n\nفي الأسبوع الأول دعتني جارتي إلى الغداء، ومنذ ذلك اليوم صرنا نطبخ معًا كل يوم جمعة."
PHOTO_NAME = "Nadia_Haddad_Swansea.jpg"  # a file name that names a person: it must not reach the public


@pytest.fixture
def journey_site(browser_network):
    """The network in every language's tree, with its roles, workflows and a moderator who logs in as themselves."""
    bootstrap.sync_locale_trees(bootstrap.ensure_locales())
    ensure_all_roles()
    ensure_workflow_assignments()
    cache.clear()
    caches["ratelimit"].clear()  # the share form's rate limits
    swansea = browser_network["swansea"]
    assert not StoryCollectionPage.objects.filter(path__startswith=swansea.path).exists()  # no collection yet
    return {**browser_network, "moderator": builders.user("moira", MODERATORS)}


def watch(page, seen):
    """Record every response the page gets (documents, images, XHR)."""
    page.on("response", lambda response: seen.append((response.status, response.url)))


def server_errors(seen):
    return [(status, url) for status, url in seen if status >= 500]


def share_in_arabic(teller, base_url):
    teller.goto(f"{base_url}/ar/share-your-story/")
    assert teller.locator("html").get_attribute("lang") == "ar"
    assert teller.locator("html").get_attribute("dir") == "rtl"
    assert teller.locator("label[for=id_story]").inner_text().rstrip(":") == "قصتك"
    width = teller.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1] == 375, "the form is wider than the phone's screen"
    teller.fill("#id_title", TITLE)
    teller.fill("#id_story", STORY)
    teller.select_option("#id_city", label="Swansea")  # a city that has no story collection yet
    teller.check("input[name=naming][value=pseudonym]")
    teller.fill("#id_display_name", "نادية")
    teller.fill("#id_contact", "nadia@example.org")
    teller.check("#id_consent_web")
    teller.check("#id_consent_translation")
    teller.check("#id_consent_photos")
    photo = builders.jpeg_with_gps(builders.SWANSEA_GPS, size=(640, 480))
    teller.set_input_files(
        "#id_photos",
        files=[
            {
                "name": PHOTO_NAME,
                "mimeType": "image/jpeg",
                "buffer": photo,
            }
        ],
    )
    teller.click("form.share-form button[type=submit]")
    teller.wait_for_load_state()
    assert teller.locator("h1").inner_text() == "شكرًا لمشاركتك قصتك"
    link = teller.locator(".notice a").get_attribute("href")
    assert re.fullmatch(rf"{re.escape(base_url)}/ar/share-your-story/status/[\w-]+/", link)
    return link


def log_in(moderator, base_url, username):
    moderator.goto(f"{base_url}/admin/login/")
    moderator.fill("#id_username", username)
    moderator.fill("#id_password", PASSWORD)
    moderator.click("button[type=submit]")
    moderator.wait_for_url(f"{base_url}/admin/")


def dashboard_action(moderator, base_url, title, label):
    """Open the ⋯ menu of ``title``'s row in "Awaiting your review" and click ``label``."""
    moderator.goto(f"{base_url}/admin/")
    row = moderator.locator("#awaiting-review-section tbody tr", has_text=title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name=label, exact=True).click()


def pass_consent_check(moderator, base_url, title):
    dashboard_action(moderator, base_url, title, "Consent checked: approve")
    modal = moderator.locator(".modal-content")
    modal.wait_for()
    confirmation = modal.locator("input[name=reveals_nothing_dangerous]")
    assert confirmation.is_visible()
    modal.locator("[type=submit]").click()  # without the safety confirmation: the browser refuses to send it
    assert confirmation.evaluate("box => box.validity.valueMissing") and modal.is_visible()
    assert StoryPage.objects.get(title=title).current_workflow_task.name == "Consent check"
    confirmation.check()
    with moderator.expect_navigation():
        modal.locator("[type=submit]").click()


def approve(moderator, base_url, title):
    dashboard_action(moderator, base_url, title, "Approve")
    moderator.wait_for_load_state("networkidle")


def photo_urls(reader, base_url):
    return [
        base_url + src if src.startswith("/") else src
        for src in reader.locator("main img").evaluate_all("images => images.map(image => image.getAttribute('src'))")
    ]


@pytest.mark.browser
def test_a_teller_shares_in_arabic_is_reviewed_and_withdraws(journey_site, mobile_page, page, live_server):
    base_url = live_server.url
    teller, moderator = mobile_page, page
    seen = []
    watch(teller, seen)
    watch(moderator, seen)

    # The teller shares a story, on a phone, in Arabic, for a city with no collection yet, with a GPS-tagged photo.
    status_link = share_in_arabic(teller, base_url)
    story = StoryPage.objects.get(title=TITLE)
    assert story.get_parent().get_parent().specific.title == "Swansea" and not story.live

    # The moderator, logged in as themselves, passes the consent check and then approves, from the dashboard.
    log_in(moderator, base_url, journey_site["moderator"].username)
    pass_consent_check(moderator, base_url, TITLE)
    approve(moderator, base_url, TITLE)
    story.refresh_from_db()
    assert story.live, "the story should be live after the consent check and the moderator's approval"

    # The story is live, its opening shown once, and its photo carries no EXIF, no GPS and not its file's name.
    teller.goto(base_url + story.url)
    assert teller.locator("h1").inner_text() == TITLE
    assert teller.locator("main").inner_text().count(OPENING) == 1
    sources = photo_urls(teller, base_url)
    assert len(sources) == 1
    image = get_image_model().objects.get(collection__name="Shared by tellers")
    for url in [*sources, base_url + image.file.url]:
        assert "Nadia" not in url and "Haddad" not in url, url
        response = teller.request.get(url)
        assert response.status == 200, url
        photo = PILImage.open(io.BytesIO(response.body()))
        assert not photo.getexif(), url
        assert b"SecretPhone" not in response.body(), url

    # The teller opens their private link, asks to withdraw, reads what it does, and confirms.
    teller.goto(status_link)
    assert teller.locator(".notice--untranslated").count() == 0
    assert teller.locator(".story-state--published").count() == 1
    teller.click(f"a[href$='{status_link.removeprefix(base_url)}withdraw/']")
    assert teller.locator("form button[name=confirm][value=withdraw]").is_visible()
    assert StoryPage.objects.get(pk=story.pk).live  # nothing happened before the confirmation
    teller.click("form button[name=confirm][value=withdraw]")
    teller.wait_for_url(status_link)
    assert teller.locator(".story-state--withdrawn").count() == 1

    # The story's address answers 410 Gone in every language, with the notice in that language.
    path = story.url.split("/", 2)[2]
    for version in Page.objects.filter(translation_key=story.translation_key):
        assert not version.live
    for language in ("en", "cy", "ar", "fa", "ckb", "ps", "ti", "uk"):
        response = teller.goto(f"{base_url}/{language}/{path}")
        assert response.status == 410, language
        assert teller.locator("html").get_attribute("lang") == language
    assert not get_image_model().objects.filter(collection__name="Shared by tellers").exists()

    assert server_errors(seen) == []
