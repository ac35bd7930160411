"""Real-browser fixtures: one headless Chromium for the run, a fresh context per test, the network on a live server.

Live-server tests are transactional: the database is flushed after each one, taking the rows Wagtail's migrations
create (the root page, the default Site) with it. ``django_db_serialized_rollback`` puts them back before each test,
and ``pytest_runtest_teardown`` in tests/conftest.py after it, so tests that run later in the same process (under
pytest-xdist, in any order) find the database as the migrations left it.

Playwright's sync API keeps an asyncio event loop running in the main thread while the browser is open, and so:

- Django's "you cannot call this from an async context" guard would stop fixtures using the database; it is lifted
  while the browser is open (Playwright's advice for Django).
- Django keeps connection objects per thread, but per asyncio context once a loop runs (asgiref's ``Local``), so the
  main thread gets new connection objects; ``browser`` copies onto them the snapshot serialized rollback restores.
- The browser is package-scoped rather than session-scoped, so neither the loop nor the lifted guard outlives the
  browser tests: pytest-django runs the database-free tests after the live-server ones, and one of those checks
  (``manage.py check --deploy``) that the guard is in place.
"""

import os
from pathlib import Path

import pytest
from django.db import connections
from wagtail_localize.models import LocaleSynchronization

from tests.browser.pages import OTHER_LANGUAGES, path_for

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 812}


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            assert item.get_closest_marker("browser"), f"{item.nodeid} drives a browser: mark it @pytest.mark.browser"


@pytest.fixture(scope="package")
def browser(django_db_setup):
    """One Chromium for all the browser tests; package-scoped so its event loop stops when they are done."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for alias, contents in serialized.items():  # the loop is running now: these are new connection objects
                connections[alias]._test_serialized_contents = contents
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_network(browser, transactional_db, django_db_serialized_rollback, live_server, network):
    """The test network, committed so the live server's thread can read it."""
    return network


@pytest.fixture
def synced_languages():
    """Languages whose trees already mirror this test's network."""
    return set()


@pytest.fixture
def url_for(live_server, browser_network, synced_languages):
    """The live URL of a page type in tests/browser/pages.py: ``url_for("city hub")``, ``url_for("event", "ti")``."""

    def url_for(name, language="en"):
        """``language``: the page type's version in another language's tree."""
        language = OTHER_LANGUAGES.get(name, language)
        if language != "en" and language not in synced_languages:
            sync = LocaleSynchronization.objects.get(locale__language_code=language)
            sync.sync_trees()  # mirror the whole network into that language's tree, as aliases
            synced_languages.add(language)
        return live_server.url + path_for(name, browser_network, "en" if name in OTHER_LANGUAGES else language)

    return url_for


def _new_page(browser, viewport, **options):
    context = browser.new_context(viewport=viewport, **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


@pytest.fixture
def page(browser, browser_network):
    context, page = _new_page(browser, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def mobile_page(browser, browser_network):
    context, page = _new_page(browser, MOBILE, is_mobile=True, has_touch=True, device_scale_factor=2)
    yield page
    context.close()
