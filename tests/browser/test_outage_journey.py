"""A teller sends their story while the database is down: the site's 503 page tells them to go back, and going back
in a real browser does find their text still in the form; once the database answers, the same form goes through."""

import types

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.utils import translation

from editorial.roles import ensure_all_roles
from editorial.workflows import ensure_workflow_assignments
from home import bootstrap
from stories.models import StoryPage

pytestmark = pytest.mark.browser

TITLE = "الطريق إلى سوانزي"
STORY = "وصلت إلى سوانزي في الربيع، ومعي حقيبة واحدة وكلمات إنجليزية قليلة."


@pytest.fixture
def share_site(browser_network):
    bootstrap.sync_locale_trees(bootstrap.ensure_locales())
    ensure_all_roles()
    ensure_workflow_assignments()
    cache.clear()  # the submission rate limit
    return browser_network


@pytest.fixture
def database_refusing(monkeypatch):
    """A switch: while ``on``, every statement fails as with a database that refuses connections, in whichever thread
    runs it (on PostgreSQL the live server has its own connection). The test's own savepoints still run."""
    switch = types.SimpleNamespace(on=False)
    execute = CursorWrapper._execute_with_wrappers

    def refusing(cursor, sql, *args, **kwargs):
        if switch.on and not sql.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
            raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')
        return execute(cursor, sql, *args, **kwargs)

    monkeypatch.setattr(CursorWrapper, "_execute_with_wrappers", refusing)
    return switch


def test_going_back_after_an_outage_finds_the_text_still_in_the_form(share_site, page, live_server, database_refusing):
    page.goto(f"{live_server.url}/ar/share-your-story/")
    page.fill("#id_title", TITLE)
    page.fill("#id_story", STORY)
    page.check("input[name=naming][value=anonymous]")
    page.check("#id_consent_web")
    database_refusing.on = True
    with page.expect_navigation() as navigation:
        page.click("form.share-form button[type=submit]")
    database_refusing.on = False
    assert navigation.value.status == 503
    with translation.override("ar"):
        assert page.locator("h1").inner_text() == translation.gettext("The site is briefly unavailable")
        assert translation.gettext("Nothing you sent has been saved yet.") in page.locator("[role=alert]").inner_text()
    assert not StoryPage.objects.filter(title=TITLE).exists()

    page.go_back()
    assert page.input_value("#id_title") == TITLE
    assert page.input_value("#id_story") == STORY
    assert page.is_checked("#id_consent_web")

    # The database answers again (since the 503): the same form, sent again, goes through.
    with page.expect_navigation() as navigation:
        page.click("form.share-form button[type=submit]")
    assert navigation.value.status == 200
    assert page.locator("h1").inner_text() == "شكرًا لمشاركتك قصتك"
    assert StoryPage.objects.filter(title=TITLE).exists()
