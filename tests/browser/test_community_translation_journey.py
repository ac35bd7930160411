"""Community translation in a real browser: a reader on /ti/ translates an English-only story from its public page
(on a desktop and on a 390-px phone), sends it; a moderator sees it in their queue with its credit, corrects one
segment in wagtail-localize's translation editor, approves it; the Tigrinya story is live with its credit line and
the English page names it in hreflang. The new page is axe-clean in Tigrinya and Arabic.
"""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization

from community_translation.models import CommunityTranslation
from community_translation.segments import source_segments
from editorial.roles import ensure_all_roles
from editorial.workflows import ensure_workflow_assignments
from tests import builders
from tests.browser.conftest import DESKTOP
from tests.browser.reading.test_accessibility import assert_no_violations
from tests.browser.test_translator_journey import Session

PHONE = {"width": 390, "height": 844}
TITLE = "ምብጻሕ ናብ ሸፊልድ"
SECOND = "ዛንታ ምብጻሕ"
THIRD = "ሓደ ናይ ፈተነ ዛንታ"
CORRECTED = "ሓደ ናይ ፈተነ ዛንታ፣ ዝተኣረመ"
SCREENS = os.environ.get("COMMUNITY_TRANSLATION_SCREENS")  # a folder: save screenshots of the new page there


@pytest.fixture
def people(browser_network):
    for language in ("ti", "ar"):
        LocaleSynchronization.objects.get(locale__language_code=language).sync_trees()
    ensure_all_roles()
    ensure_workflow_assignments()
    return {"moderator": builders.user("mo", "Moderators")}


def tigrinya_story(story):
    return Page.objects.get(translation_key=story.translation_key, locale__language_code="ti").specific


def fill_segment(page, number, text):
    page.locator("textarea[name^=s_]").nth(number).fill(text)


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_reader_translates_a_story_into_tigrinya_and_a_moderator_corrects_and_approves_it(
    browser, live_server, browser_network, people, viewport
):
    story = browser_network["stories"][0]
    base = live_server.url
    reader_context = browser.new_context(viewport=viewport, is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
    reader = reader_context.new_page()
    reader.set_default_timeout(15_000)
    failures = []
    reader.on("response", lambda response: response.status >= 500 and failures.append(response.url))

    # A reader of the Tigrinya site opens the English-only story and accepts the invitation to translate it.
    reader.goto(base + tigrinya_story(story).url)
    reader.locator(".notice--untranslated a.invitation").click()
    reader.wait_for_url(f"{base}/ti/translate/{story.pk}/")
    assert reader.locator("html").get_attribute("lang") == "ti"
    width = reader.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"the page scrolls sideways ({width} px)"

    # They translate three segments; each is kept as they type (in the session), then they send it.
    fill_segment(reader, 0, TITLE)
    fill_segment(reader, 1, SECOND)
    with reader.expect_response(lambda response: response.url.endswith("/draft/")) as saved:
        fill_segment(reader, 2, THIRD)
    assert saved.value.status == 204
    reader.reload()  # a dropped connection, a closed tab: the text is still there
    expect(reader.locator("textarea[name^=s_]").nth(2)).to_have_value(THIRD)
    reader.locator("input[name=credit][value=chosen_name]").check()
    reader.fill("input[name=credited_name]", "Selam")
    reader.locator("input[name=consent]").check()
    reader.locator("button[name=action][value=send]").click()
    expect(reader.locator("[data-community-sent]")).to_be_visible()
    assert CommunityTranslation.objects.get().credited_name == "Selam"
    tigrinya = tigrinya_story(story)
    assert tigrinya.title == story.title  # nothing public yet

    # The moderator sees it in their queue, with its credit, and opens it in the translation editor.
    moderator = Session(browser, live_server, "mo")
    queue = moderator.page.locator(".community-translations")
    expect(queue).to_contain_text("community translation, credited as “Selam”")
    queue.get_by_role("link", name=story.title).click()
    moderator.page.wait_for_url(f"{base}/admin/pages/{tigrinya.pk}/edit/")
    expect(moderator.page.get_by_text("credited as “Selam”").first).to_be_visible()

    # They correct the third segment, and put the correction into the version under review.
    third = source_segments(story)[2].text
    row = moderator.page.locator("li.complete").filter(has_text=third).first
    row.get_by_role("button").first.click()
    row.locator("textarea").fill(CORRECTED)
    with moderator.page.expect_response(lambda response: "/admin/localize/translate/" in response.url) as edited:
        row.locator("textarea").press("Enter")
    assert edited.value.status in (200, 201)
    moderator.page.get_by_role("link", name="Put my corrections in the version under review").click()
    moderator.page.locator("main form button[type=submit]").click()
    moderator.page.wait_for_url(f"{base}/admin/pages/{tigrinya.pk}/edit/")

    # They approve it through Story review: the consent check, then their approval.
    moderator.goto("/admin/")
    row = moderator.page.locator("#awaiting-review-section tbody tr", has_text=TITLE)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Consent checked: approve", exact=True).click()
    modal = moderator.page.locator(".modal-content")
    modal.locator("input[name=reveals_nothing_dangerous]").check()
    with moderator.page.expect_navigation():
        modal.locator("[type=submit]").click()
    moderator.goto("/admin/")
    row = moderator.page.locator("#awaiting-review-section tbody tr", has_text=TITLE)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    moderator.page.wait_for_load_state("networkidle")

    # The Tigrinya story is live, corrected, with its credit line; the English page names it.
    tigrinya = tigrinya_story(story)
    assert tigrinya.live and tigrinya.title == TITLE
    reader.goto(base + tigrinya.url)
    expect(reader.locator("h1")).to_have_text(TITLE)
    expect(reader.locator("main")).to_contain_text(CORRECTED)
    expect(reader.locator(".provenance")).to_contain_text("Selam")
    reader.goto(base + story.url)
    alternate = reader.locator("link[rel=alternate][hreflang=ti]")
    expect(alternate).to_have_count(1)
    assert alternate.get_attribute("href").endswith(tigrinya.url)
    assert failures == []
    reader_context.close()
    moderator.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("language", "viewport"), [("ti", PHONE), ("ar", PHONE), ("en", DESKTOP)], ids=["ti-390", "ar-390", "en-1280"]
)
def test_the_translation_page_is_axe_clean_and_fits_the_screen(
    browser, live_server, browser_network, people, language, viewport
):
    story = browser_network["stories"][0]
    target = "ti" if language == "en" else language
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    # The English-speaking reader translating into Tigrinya reads the form in Tigrinya: it is the /ti/ address.
    path = f"/{target}/translate/{story.pk}/"
    response = page.goto(live_server.url + path)
    assert response.status == 200
    direction = "rtl" if target == "ar" else "ltr"
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator("textarea[name^=s_]").first.get_attribute("dir") == direction
    assert page.locator(".segment__text").first.get_attribute("dir") == "ltr"
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.locator("button[name=action][value=send]").click()  # the errors' state is checked too
    assert_no_violations(page, Axe())
    if SCREENS:
        page.goto(live_server.url + path)
        page.locator("textarea[name^=s_]").first.fill("ምብጻሕ" if target == "ti" else "الوصول")
        Path(SCREENS).mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=str(Path(SCREENS) / f"community-translation-{language}-{viewport['width']}.png"), full_page=True
        )
    context.close()
