"""A city editor's and a moderator's journeys, clicked through the real admin with their admin in Arabic.

The Sheffield editor builds an exhibition with an exhibit under their hub and submits both, revises an event and
submits it; they cannot publish and cannot open another city's pages. The moderator, logged in as themselves,
approves the exhibition from the dashboard and the exhibit from its editor, and sends the event back with a
comment, which the editor then reads. Every admin screen they see answers without a server error and shows none of
this site's own strings in English.
"""

import pytest
from django.conf import settings
from django.utils import translation
from playwright.sync_api import expect
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile

from editorial.roles import MODERATORS, ensure_all_roles
from editorial.workflows import ensure_workflow_assignments
from exhibitions.models import ExhibitionPage, ExhibitPage
from home import bootstrap
from tests import builders
from tests.browser.conftest import DESKTOP
from tests.catalogue import untranslated

PASSWORD = "a long pass phrase"
EXHIBITION = "Welcome through the seasons"
EXHIBIT = "Spring: the first garden"
COMMENT = "Please add the room number to the venue."
# Every rich text field's editor (Draftail) is mounted: a form sent before that would lose the field's text.
EDITORS_READY = (
    "document.querySelectorAll('[data-draftail-input]').length <= document.querySelectorAll('.Draftail-Editor').length"
)


@pytest.fixture
def people(browser_network):
    """Roles and workflows on the network, and an editor and a moderator whose admin is in Arabic."""
    bootstrap.sync_locale_trees(bootstrap.ensure_locales())
    ensure_all_roles()
    ensure_workflow_assignments()
    users = {"editor": builders.user("sam", "Sheffield editors"), "moderator": builders.user("moira", MODERATORS)}
    for user in users.values():
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "ar"
        profile.save()
    return users


class Visitor:
    """One person in their own browser context, recording every response and what the screens show in English."""

    def __init__(self, browser, base_url, content):
        self.context = browser.new_context(viewport=DESKTOP, locale="ar")
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.base_url, self.content = base_url, content
        self.responses, self.english = [], {}
        self.page.on("response", lambda response: self.responses.append((response.status, response.url)))

    def log_in(self, username):
        self.page.goto(f"{self.base_url}/admin/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", PASSWORD)
        self.page.click("button[type=submit]")
        self.page.wait_for_url(f"{self.base_url}/admin/")
        self.check()

    def goto(self, path):
        response = self.page.goto(self.base_url + path)
        self.check()
        return response

    def check(self):
        """The screen is the Arabic admin, and shows none of our strings in English."""
        self.page.wait_for_load_state()
        self.page.wait_for_function(EDITORS_READY)
        assert self.page.locator("html").get_attribute("dir") == "rtl", self.page.url
        content = self.content | set(Page.objects.values_list("title", flat=True))
        if found := untranslated(self.page.content(), content):
            self.english[self.page.url] = found

    def server_errors(self):
        return [(status, url) for status, url in self.responses if status >= 500]

    def close(self):
        self.context.close()


def fill_rich_text(page, field, text):
    """Type into a Draftail editor as a person does: click into it once it is ready, then type."""
    editor = page.locator(f"[data-contentpath='{field}'] .public-DraftEditor-content")
    editor.wait_for()
    editor.click()
    page.keyboard.type(text)
    expect(editor).to_contain_text(text)
    # Draftail writes its content into the form's hidden input a moment later; send the form only after that.
    page.wait_for_function(
        "([name, text]) => document.querySelector(`input[name=${name}]`).value.includes(text)", arg=[field, text]
    )


def open_more_actions(page):
    page.locator("footer .w-dropdown__toggle").click()


def submit_for_review(visitor):
    open_more_actions(visitor.page)
    with visitor.page.expect_navigation():
        visitor.page.click("footer button[name=action-submit]")
    visitor.check()


def message(text, **values):
    """A message of ours as the Arabic admin shows it (from the catalogue)."""
    with translation.override("ar"):
        return translation.gettext(text) % values


@pytest.mark.browser
def test_a_city_editor_builds_and_submits_and_a_moderator_reviews(browser, browser_network, people, live_server):
    network = browser_network
    content = {str(user) for user in people.values()} | {settings.WAGTAIL_SITE_NAME}
    content |= set(Site.objects.values_list("site_name", flat=True))
    editor = Visitor(browser, live_server.url, content)
    moderator = Visitor(browser, live_server.url, content)
    hub = network["sheffield"]

    # The editor adds an exhibition under their city's hub, through the explorer and the page-type chooser.
    editor.log_in("sam")
    editor.goto(f"/admin/pages/{hub.pk}/")
    editor.page.locator(f"a[href='/admin/pages/{hub.pk}/add_subpage/']").first.click()
    editor.check()
    editor.page.locator(f"a[href^='/admin/pages/add/exhibitions/exhibitionpage/{hub.pk}/']").click()
    editor.check()
    assert editor.page.locator("footer [name=action-publish]").count() == 0  # an editor cannot publish
    editor.page.fill("#id_title", EXHIBITION)
    fill_rich_text(editor.page, "curator_statement", "Four seasons of welcome in Sheffield.")
    editor.page.fill("#id_venue", "Millennium Gallery")
    editor.page.fill("#id_opens_on", "2026-12-01")
    with editor.page.expect_navigation():
        editor.page.click("footer button.action-save")
    editor.check()
    exhibition = ExhibitionPage.objects.get(title=EXHIBITION, alias_of=None)
    assert exhibition.get_parent().pk == hub.pk and not exhibition.live

    # ...an exhibit inside it (its only page type: the chooser goes straight to the form)...
    editor.goto(f"/admin/pages/{exhibition.pk}/add_subpage/")
    editor.page.fill("#id_title", EXHIBIT)
    fill_rich_text(editor.page, "writing", "Seeds from six countries.")
    submit_for_review(editor)
    exhibit = ExhibitPage.objects.get(title=EXHIBIT, alias_of=None)
    assert exhibit.current_workflow_task.name == "Moderator approval"

    # ...and submits the exhibition itself.
    editor.goto(f"/admin/pages/{exhibition.pk}/edit/")
    assert editor.page.locator("footer [name=action-publish]").count() == 0
    submit_for_review(editor)
    exhibition.refresh_from_db()
    assert exhibition.current_workflow_task.name == "Moderator approval" and not exhibition.live

    # Another city's exhibition is not theirs to open.
    swansea_exhibition = network["exhibition"]
    editor.page.goto(f"{live_server.url}/admin/pages/{swansea_exhibition.pk}/edit/")
    assert editor.page.url == f"{live_server.url}/admin/"
    assert editor.page.locator("input#id_title").count() == 0

    # The editor revises an event and submits it.
    event = network["upcoming_event"]
    editor.goto(f"/admin/pages/{event.pk}/edit/")
    editor.page.fill("#id_venue", "Town hall, upstairs")
    submit_for_review(editor)

    # The moderator approves the exhibition from the dashboard, and is told it is published.
    moderator.log_in("moira")
    row = moderator.page.locator("#awaiting-review-section tbody tr", has_text=EXHIBITION)
    row.locator("button.w-dropdown__toggle").click()
    with moderator.page.expect_navigation():
        row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").click()
    moderator.check()
    published = message("“%(title)s” was approved and is now published.", title=EXHIBITION)
    assert published in moderator.page.locator(".messages").inner_text()
    exhibition.refresh_from_db()
    assert exhibition.live

    # ...approves the exhibit from its editor...
    moderator.goto(f"/admin/pages/{exhibit.pk}/edit/")
    assert moderator.page.locator("footer [name=action-publish]").count() == 1  # moderators may publish
    open_more_actions(moderator.page)
    with moderator.page.expect_navigation():
        moderator.page.locator(
            "footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
        ).click()
    moderator.check()
    exhibit.refresh_from_db()
    assert exhibit.live

    # ...and sends the event back with a comment, from the dashboard's modal.
    moderator.goto("/admin/")
    row = moderator.page.locator("#awaiting-review-section tbody tr", has_text=event.title)
    row.locator("button.w-dropdown__toggle").click()
    row.locator("button[data-workflow-action-url*='/reject/']").click()
    modal = moderator.page.locator(".modal-content")
    modal.locator("textarea[name=comment]").fill(COMMENT)
    with moderator.page.expect_navigation():
        modal.locator("[type=submit]").click()
    moderator.check()
    changes = message("Changes requested on “%(title)s”. Its author has been told.", title=event.title)
    assert changes in moderator.page.locator(".messages").inner_text()

    # The editor reads the comment where they work: the event's workflow history.
    editor.goto(f"/admin/pages/{event.pk}/edit/")
    editor.goto(f"/admin/pages/{event.pk}/workflow_history/")
    editor.page.locator("a[href*='/workflow_history/detail/']").first.click()
    editor.check()
    assert COMMENT in editor.page.locator("main").inner_text()

    # Readers see the exhibition and its exhibit; the event keeps its old venue until it is approved.
    reader = editor.page
    reader.goto(live_server.url + exhibition.url)
    assert reader.locator("h1").inner_text() == EXHIBITION
    assert EXHIBIT in reader.locator("main").inner_text()
    reader.goto(live_server.url + event.url)
    assert "Town hall, upstairs" not in reader.locator("main").inner_text()

    for visitor in (editor, moderator):
        assert visitor.server_errors() == []
        assert visitor.english == {}
        visitor.close()


@pytest.mark.browser
def test_an_autosave_never_races_the_moderators_approve(browser, browser_network, people, live_server, settings):
    """Wagtail's Approve button adds its fields to the edit form and submits it. The editor sees the form change and
    autosaves about a second later: if the next page has not arrived by then, the autosave sends the approval a
    second time (editorial/autosave_guard.py). Here the submission is held back until that autosave is long due:
    none is sent, and the approval publishes the page once the submission goes through.
    """
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 100  # on (the SQLite test settings turn it off), and due soon after a change
    exhibition, moderator_user = browser_network["exhibition"], people["moderator"]
    exhibition.venue = "Swansea Museum, first floor"
    # As the editor writes rich text (with its block keys), so that the moderator's form carries no edit of its own.
    exhibition.curator_statement = '<p data-block-key="a1b2c">Writing and images.</p>'
    exhibition.save_revision(user=moderator_user)
    workflow_state = exhibition.get_workflow().start(exhibition, moderator_user)
    moderator = Visitor(browser, live_server.url, {str(moderator_user), settings.WAGTAIL_SITE_NAME})
    moderator.log_in("moira")
    edit_url = f"/admin/pages/{exhibition.pk}/edit/"
    moderator.goto(edit_url)
    moderator.page.wait_for_timeout(2_500)  # the editor takes the form's first state 2 s after loading

    posts, held = [], []
    moderator.page.on("request", lambda request: posts.append(request) if request.method == "POST" else None)

    def hold_the_submission(route):
        is_submission = route.request.method == "POST" and "text/html" in route.request.headers["accept"]
        held.append(route) if is_submission else route.continue_()

    moderator.page.route(f"**{edit_url}", hold_the_submission)
    open_more_actions(moderator.page)
    moderator.page.locator(
        "footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    ).click(no_wait_after=True)  # its navigation waits on the route
    # The editor sees the change within 0.5 s and tells the autosave 0.53 s later, which is due 0.1 s after that.
    moderator.page.wait_for_timeout(2_500)
    assert len(held) == 1
    assert [post.headers["accept"] for post in posts] == [held[0].request.headers["accept"]]  # no autosave

    with moderator.page.expect_navigation():
        held[0].continue_()
    moderator.check()
    workflow_state.refresh_from_db()
    assert workflow_state.status == "approved"
    assert type(exhibition).objects.get(pk=exhibition.pk).venue == "Swansea Museum, first floor"
    assert moderator.server_errors() == []
    moderator.close()
