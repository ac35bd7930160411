"""A translator, whose admin is in Arabic, translates an exhibition through the admin as people do; a moderator,
logged in as themselves in their own browser, approves it; the source changes and the translator refreshes it.

Each person logs in through the real login form. No admin screen either of them visits may answer 500.
"""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect
from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile
from wagtail_localize.models import LocaleSynchronization

from editorial.roles import ensure_all_roles
from editorial.workflows import ensure_workflow_assignments
from tests import builders
from tests.browser.conftest import DESKTOP
from tests.catalogue import untranslated

PASSWORD = "a long pass phrase"  # tests/builders.py's
ARABIC_TITLE = "بناء الملاذ في سوانزي"
REVISED_TITLE = "Building Sanctuary in Swansea, revised"


def in_arabic(message, **values):
    """``message`` as the translator's Arabic admin shows it (whatever the catalogue holds for it today)."""
    with translation.override("ar"):
        return gettext(message) % values if values else gettext(message)


@pytest.fixture
def people(browser_network):
    """The Arabic tree mirrored, the groups and workflows, a translator whose admin is in Arabic, and a moderator."""
    LocaleSynchronization.objects.get(locale__language_code="ar").sync_trees()
    ensure_all_roles()
    ensure_workflow_assignments()
    translator = builders.user("layla", "Arabic translators")
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "ar"
    profile.save()
    return {"translator": translator, "moderator": builders.user("mo", "Moderators")}


class Session:
    """One person's own browser context, logged in through /admin/login/; it records every answer of 500 or more."""

    def __init__(self, browser, live_server, username):
        self.base = live_server.url
        self.context = browser.new_context(viewport=DESKTOP, locale="en-GB")
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.page.on("dialog", lambda dialog: dialog.accept())  # "leave this page?" after editing
        self.failures, self.english = [], {}
        self.page.on("response", self.check)
        self.page.goto(self.base + "/admin/login/")
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", PASSWORD)
        self.page.locator("form button[type=submit]").first.click()
        self.page.wait_for_url(self.base + "/admin/")

    def check(self, response):
        if response.status >= 500:
            self.failures.append(f"{response.status} {response.url}")

    def goto(self, path):
        response = self.page.goto(self.base + path)
        assert response.status < 500, path
        return response

    def note_english_of_ours(self):
        """Record any of this site's own strings the screen shows in English (the translator's admin is Arabic)."""
        self.page.wait_for_load_state()
        content = set(Page.objects.values_list("title", flat=True)) | {"layla", "mo"}
        content |= set(Site.objects.values_list("site_name", flat=True))  # the site's name is data, not our text
        if found := untranslated(self.page.content(), content):
            self.english[self.page.url] = found

    def close(self):
        self.context.close()
        assert self.failures == []


@pytest.fixture
def sessions(browser, live_server, people):
    opened = []

    def log_in(username):
        opened.append(Session(browser, live_server, username))
        return opened[-1]

    yield log_in
    for session in opened:
        session.close()


def translate_segment(page, source_text, translated):
    """In wagtail-localize's editor (a React app): open the untranslated string, type, press Enter to save it."""
    row = page.locator("li.incomplete").filter(has_text=source_text).first
    row.get_by_role("button").first.click()
    row.locator("textarea").fill(translated)
    with page.expect_response(lambda response: "/admin/localize/translate/" in response.url) as saved:
        row.locator("textarea").press("Enter")
    assert saved.value.status in (200, 201)
    expect(page.locator("li.complete").filter(has_text=translated)).to_have_count(1)


@pytest.mark.browser
def test_translator_translates_moderator_approves_source_changes_translator_refreshes(
    sessions, browser_network, people
):
    exhibition = browser_network["exhibition"]
    arabic = builders.version(exhibition, "ar")
    assert arabic.alias_of_id == exhibition.pk

    # The translator opens the Arabic alias of the exhibition, in an admin that speaks Arabic, and starts translating.
    translator = sessions("layla")
    page = translator.page
    assert page.locator("html").get_attribute("lang") == "ar"
    translator.note_english_of_ours()
    translator.goto(f"/admin/pages/{arabic.pk}/edit/")
    translator.note_english_of_ours()
    page.locator(f"form[action='/admin/translations/start/{arabic.pk}/'] button").click()
    page.wait_for_url(f"{translator.base}/admin/pages/{arabic.pk}/edit/")
    translator.note_english_of_ours()

    # They fill the title in the translation editor and submit it: the button says it submits for review.
    expect(page.locator(".js-translation-editor li").first).to_be_visible()
    translate_segment(page, exhibition.title, ARABIC_TITLE)
    submit = page.locator("button[name=action][value=publish]")
    expect(submit).to_contain_text(in_arabic("Submit for review in "))
    submit.click()
    page.wait_for_load_state()
    review_state = in_arabic(
        "In review: %(workflow)s (%(task)s). Readers see the last published version until it is approved.",
        workflow="Exhibition review",
        task="Moderator approval",
    )
    expect(page.get_by_text(review_state)).to_be_visible()
    translator.note_english_of_ours()
    assert Page.objects.get(pk=arabic.pk).title == exhibition.title  # nothing went live

    # The moderator, in their own browser, approves it from their dashboard.
    moderator = sessions("mo")
    row = moderator.page.locator("#awaiting-review-section tr").filter(has_text=ARABIC_TITLE)
    row.get_by_role("button", name="Actions").click()
    approve = f"button[data-workflow-action-url^='/admin/pages/workflow/action/{arabic.pk}/approve/']"
    with moderator.page.expect_navigation():
        moderator.page.locator(f"{approve}:not([data-launch-modal])").click()
    assert Page.objects.get(pk=arabic.pk).title == ARABIC_TITLE

    # The English page now names its Arabic translation.
    moderator.goto(exhibition.url)
    alternate = moderator.page.locator("link[rel=alternate][hreflang=ar]")
    expect(alternate).to_have_count(1)
    assert alternate.get_attribute("href").endswith(Page.objects.get(pk=arabic.pk).url)

    # The moderator changes the English page and publishes it.
    moderator.goto(f"/admin/pages/{exhibition.pk}/edit/")
    moderator.page.fill("#id_title", REVISED_TITLE)
    moderator.page.locator("footer").get_by_role("button", name="More actions").click()
    with moderator.page.expect_navigation():
        moderator.page.locator("button[name=action-publish]").click()
    assert Page.objects.get(pk=exhibition.pk).title == REVISED_TITLE

    # Arabic readers are told the original has changed.
    moderator.goto(Page.objects.get(pk=arabic.pk).url)
    expect(moderator.page.locator(".notice--outdated a[hreflang=en]")).to_have_count(1)

    # The translator's dashboard, headed with the site's name, lists the changed translation; its editor says so.
    translator.goto("/admin/")
    expect(page.locator("body")).not_to_contain_text("localhost")
    translator.note_english_of_ours()
    page.locator(".translation-queue__outdated a").filter(has_text=exhibition.title).click()
    page.wait_for_url(f"{translator.base}/admin/pages/{arabic.pk}/edit/")
    with translation.override("ar"):
        english = Locale.objects.get(language_code="en").get_display_name()
    changed = in_arabic("The %(language)s page has changed since this translation was last updated.", language=english)
    expect(page.get_by_text(changed)).to_be_visible()
    translator.note_english_of_ours()

    # They update it from the English page, and the new English title waits for them in the editor.
    page.locator("a[href*='/admin/translations/'][href$='/update/']").click()
    page.wait_for_load_state()
    translator.note_english_of_ours()
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_url(f"{translator.base}/admin/pages/{arabic.pk}/edit/")
    expect(page.locator("li.incomplete").filter(has_text=REVISED_TITLE)).to_have_count(1)
    translate_segment(page, REVISED_TITLE, ARABIC_TITLE + " ٢")
    translator.note_english_of_ours()
    assert translator.english == {}  # every screen the translator saw spoke Arabic, our strings included
