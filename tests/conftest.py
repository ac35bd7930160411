"""Fixtures every test module shares: languages, the home page, and a small network of city groups.

Building the network and mirroring it into the seven other languages' trees (about 130 alias pages) is the slowest
thing the suite does, so ``synced_network`` builds it once per test module, inside a transaction that is rolled back
when the module is done; each test runs in a savepoint inside it (pytest-django's ``db``) and gets fresh instances.
Modules that also use the unsynced ``network`` build both per test, as the two cannot share one database.
"""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from home import bootstrap
from tests import builders

# Modules (by node id prefix) whose tests ask for the unsynced network: their synced networks are built per test.
_MODULES_USING_NETWORK = set()


def pytest_collection_modifyitems(items):
    for item in items:
        if "network" in getattr(item, "fixturenames", ()):
            _MODULES_USING_NETWORK.add(item.module.__name__)


@pytest.fixture
def locales(db):
    """A Locale for every configured language; returns the source (English) locale."""
    return bootstrap.ensure_locales()


@pytest.fixture
def home(locales):
    """The English home page as the default Site's root, with alias trees in every other locale."""
    home = bootstrap.ensure_home(locales)
    bootstrap.sync_locale_trees(locales)
    return home


def build_network(home):
    """Two city hubs with a collection, stories, an exhibition, exhibits and events, and the network listings."""
    from cities.models import CityStatus

    cities = builders.city_index(home)
    sheffield = builders.city(cities, "Sheffield", status=CityStatus.RECOGNISED, year_recognised=2007)
    swansea = builders.city(cities, "Swansea", latitude="51.62140", longitude="-3.94360")
    collection = builders.collection(sheffield, "Stories of Sanctuary", intro="Stories told in Sheffield.")
    first = builders.story(collection, "Arriving in Sheffield", teller_name="Amal", tags=["welcome"])
    second = builders.story(collection, "Learning to dance", naming="anonymous", teller_name="", tags=["dance"])
    exhibition = builders.exhibition(swansea, "Building Sanctuary in Swansea", tags=["contribution"])
    exhibits = [builders.exhibit(exhibition, f"Exhibit {n}", caption=f"Caption {n}") for n in (1, 2, 3)]
    upcoming = builders.event(sheffield, "Music concert", start=timezone.now() + datetime.timedelta(days=5))
    past = builders.event(sheffield, "Blogging workshop", start=timezone.now() - datetime.timedelta(days=5))
    return {
        "home": home,
        "cities": cities,
        "sheffield": sheffield,
        "swansea": swansea,
        "collection": collection,
        "stories": [first, second],
        "exhibition": exhibition,
        "exhibits": exhibits,
        "upcoming_event": upcoming,
        "past_event": past,
        "story_index": builders.story_index(home),
        "exhibition_index": builders.exhibition_index(home),
        "event_index": builders.event_index(home),
        "about": builders.standard_page(home, "About", show_in_menus=True),
        "share": builders.share_page(home),
    }


@pytest.fixture
def network(home):
    """A small network: two city hubs with a collection, stories, an exhibition, exhibits and events."""
    return build_network(home)


def build_synced_network():
    locales = bootstrap.ensure_locales()
    home = bootstrap.ensure_home(locales)
    bootstrap.sync_locale_trees(locales)
    network = build_network(home)
    bootstrap.sync_locale_trees(locales)
    return network


def page_ids(network):
    return {
        name: [page.pk for page in value] if isinstance(value, list) else value.pk for name, value in network.items()
    }


def fresh_pages(ids):
    """The network's pages as new instances read from the database (a test may change its own freely)."""
    flat = [pk for value in ids.values() for pk in (value if isinstance(value, list) else [value])]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=flat).specific()}
    return {
        name: [pages[pk] for pk in value] if isinstance(value, list) else pages[value] for name, value in ids.items()
    }


@pytest.fixture(scope="module")
def module_synced_network(request, django_db_setup, django_db_blocker):
    """Page ids of the synced network, built once for this module and rolled back after it (None: per test)."""
    if request.module.__name__ in _MODULES_USING_NETWORK:
        yield None
        return
    with django_db_blocker.unblock(), transaction.atomic():
        yield page_ids(build_synced_network())
        transaction.set_rollback(True)


@pytest.fixture
def synced_network(module_synced_network, db):
    """The network with alias trees in every other language, as an editor creating pages in the admin gets."""
    if module_synced_network is None:
        return build_synced_network()
    return fresh_pages(module_synced_network)


@pytest.fixture
def editorial(synced_network):
    """The synced network with its groups and workflows, consent for the first story, and one user per role."""
    from editorial.roles import ADMINISTRATORS, CONTRIBUTORS, MODERATORS, ensure_all_roles
    from editorial.workflows import ensure_workflow_assignments

    ensure_all_roles()
    ensure_workflow_assignments()
    builders.consent(synced_network["stories"][0])
    users = {
        "administrator": builders.user("ada", ADMINISTRATORS),
        "moderator": builders.user("mo", MODERATORS),
        "sheffield editor": builders.user("sam", "Sheffield editors"),
        "contributor": builders.user("cal", CONTRIBUTORS),
        "arabic translator": builders.user("layla", "Arabic translators"),
    }
    return {**synced_network, "users": users}


@pytest.fixture
def submitted_story(editorial):
    """A new draft story by the Sheffield editor, submitted to Story review."""
    from django.core import mail

    editor = editorial["users"]["sheffield editor"]
    story = builders.story(editorial["collection"], "A new story", owner=editor)
    story.unpublish()
    story.title = "A new story, revised"
    story.save_revision(user=editor)
    mail.outbox.clear()
    workflow_state = story.get_workflow().start(story, editor)
    return story, workflow_state
