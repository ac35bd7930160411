"""The Content-Security-Policy in a real browser: the site works under it, and the browser reports no violation.

Chromium reports every violation twice: as a ``securitypolicyviolation`` event in the page (recorded here by a script
Playwright adds to every page, which the policy does not apply to) and as a console error. Readers' pages, in English
and Arabic, and an editor's work in the admin (Wagtail's page editor and wagtail-localize's translation editor) must
cause neither.
"""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from home import bootstrap
from stories.models import StoryPage
from tests.browser.conftest import DESKTOP

PASSWORD = "a long pass phrase"
TYPED = "A neighbour brought bread."
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    const blocked = event.blockedURI || "inline";
    window.__violations.push(`${event.violatedDirective} blocked ${blocked} in ${event.sourceFile}`);
});
"""


class WatchedBrowser:
    """A browser context that records policy violations, console errors and server errors on every page."""

    def __init__(self, browser, base_url, locale="en"):
        self.context = browser.new_context(viewport=DESKTOP, locale=locale)
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.base_url = base_url
        self.violations, self.console, self.server_errors = [], [], []
        self.page.on("console", self.on_console)
        self.page.on("response", lambda r: r.status >= 500 and self.server_errors.append((r.status, r.url)))

    def on_console(self, message):
        if "Content Security Policy" in message.text or "Permissions-Policy" in message.text:
            self.console.append(message.text)

    def goto(self, path):
        response = self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("networkidle")
        self.collect()
        return response

    def collect(self):
        found = self.page.evaluate("window.__violations.splice(0)")
        self.violations += [f"{self.page.url}: {violation}" for violation in found]

    def assert_clean(self):
        self.collect()
        assert self.violations == []
        assert self.console == []
        assert self.server_errors == []

    def close(self):
        self.context.close()


@pytest.fixture
def watched(browser, live_server, browser_network):
    opened = []

    def open_browser(locale="en"):
        opened.append(WatchedBrowser(browser, live_server.url, locale))
        return opened[-1]

    yield open_browser
    for each in opened:
        each.close()


@pytest.mark.browser
def test_readers_pages_work_under_the_strict_policy_with_no_violation(watched, browser_network):
    bootstrap.sync_locale_trees(bootstrap.ensure_locales())  # the network in Arabic too
    reader = watched()
    for path in (
        "/en/",
        browser_network["stories"][0].url,
        browser_network["exhibition"].url,
        "/en/share-your-story/",
        "/en/no-such-page/",
        "/ar/",
        "/ar/share-your-story/",
    ):
        response = reader.goto(path)
        policy = response.headers["content-security-policy"]
        assert "'unsafe-inline'" not in policy and "script-src 'self'" in policy, path
        assert "geolocation=()" in response.headers["permissions-policy"]
    reader.page.fill("#id_title", "عنوان")  # the form still works: it answers in the reader's language
    reader.page.click("button[type=submit]")
    expect(reader.page.locator(".notice[role=alert]")).to_be_visible()
    reader.assert_clean()


@pytest.mark.browser
def test_an_injected_inline_script_is_blocked_and_reported(watched, browser_network):
    reader = watched()
    reader.goto("/en/")
    reader.page.evaluate(
        """() => { const s = document.createElement("script"); s.textContent = "window.__ran = true";
        document.body.append(s); }"""
    )
    assert reader.page.evaluate("window.__ran") is None
    reader.collect()
    assert any("script-src" in violation for violation in reader.violations)


@pytest.mark.browser
def test_an_editor_edits_and_translates_a_story_in_the_admin_with_no_violation(watched, browser_network):
    get_user_model().objects.create_superuser("ed", "ed@example.org", PASSWORD)
    story = browser_network["stories"][0]
    editor = watched()
    editor.goto("/admin/login/")
    editor.page.fill("#id_username", "ed")
    editor.page.fill("#id_password", PASSWORD)
    editor.page.click("button[type=submit]")
    editor.page.wait_for_url(f"{editor.base_url}/admin/")

    response = editor.goto(f"/admin/pages/{story.pk}/edit/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]  # the admin's own policy
    body = editor.page.locator("[data-contentpath='body'] .public-DraftEditor-content").first
    body.click()
    editor.page.keyboard.press("End")
    editor.page.keyboard.type(" " + TYPED)
    editor.page.wait_for_function(
        "text => [...document.querySelectorAll('[data-contentpath=body] input[name$=-value]')]"
        ".some(input => input.value.includes(text))",
        arg=TYPED,
    )
    with editor.page.expect_navigation():
        editor.page.click("footer button.action-save")
    editor.page.wait_for_load_state("networkidle")
    assert TYPED in str(StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object().body)

    editor.goto(story.url)  # the public page with the editor's userbar
    expect(editor.page.locator("wagtail-userbar")).to_be_attached()

    translate_object(story, [Locale.objects.get(language_code="ar")])
    arabic = StoryPage.objects.get(translation_key=story.translation_key, locale__language_code="ar")
    editor.goto(f"/admin/pages/{arabic.pk}/edit/")
    row = editor.page.locator(".js-translation-editor li.incomplete").filter(has_text=story.title).first
    row.get_by_role("button").first.click()
    row.locator("textarea").fill("نص مترجم")
    with editor.page.expect_response(lambda response: "/admin/localize/translate/" in response.url) as saved:
        row.locator("textarea").press("Enter")
    assert saved.value.status in (200, 201)
    expect(editor.page.locator(".js-translation-editor li.complete").filter(has_text="نص مترجم")).to_have_count(1)
    editor.assert_clean()
