"""Fixtures every test module shares: languages, the home page, and a small network of city groups.

Building the network and mirroring it into the seven other languages' trees (about 130 alias pages) is the slowest
thing the suite does, so ``network`` and ``synced_network`` are built once per test module, inside a transaction that
is rolled back when the module is done; each test runs in a savepoint inside it (pytest-django's ``db``) and gets
fresh instances. A module that uses both, asks for the bare ``home``, or needs committed data (live-server tests)
cannot share one database state: on SQLite each of its tests starts from a copy of the state it needs, built once per
test process (``BUILDS``, ``derived_state`` and tests/database_states.py); elsewhere its tests build what they need.
"""

import contextlib
import datetime
import inspect
import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections, transaction
from django.utils import timezone, translation
from pytest_django.plugin import blocking_manager_key
from wagtail.models import Page
from xdist.scheduler import LoadFileScheduling

from home import bootstrap
from tests import builders, database_states

# Module names whose tests ask for each fixture, found at collection: they decide who may share a network.
_MODULES_USING = {"network": set(), "synced_network": set(), "home": set(), "transactional_db": set()}


# The slowest files, slowest first (seconds on 2 cores, from --durations): pytest-xdist hands whole files to its
# workers in collection order (the Makefile turns off its reordering by size), so a long file collected last would
# leave one worker running it alone at the end. The rest follow in pytest-django's order.
SLOWEST_FILES = [
    "tests/browser/reading/test_accessibility.py",  # 105
    "tests/test_seed_demo.py",  # 75
    "tests/browser/reading/test_page_weight_and_fonts.py",  # 60
    "tests/test_large_network.py",  # 55
    "tests/browser/test_editorial_journeys.py",  # 40
    "tests/browser/test_community_translation_journey.py",  # 38
    "tests/test_withdrawal_erasure.py",  # 35
    "tests/test_query_counts.py",  # 27
    "tests/browser/reading/test_screenshots.py",  # 26
    "tests/browser/test_content_security_policy.py",  # 25
    "tests/test_share_story.py",  # 24
    "tests/test_api_edge_input.py",  # 23
    "tests/browser/test_teller_journey.py",  # 22
    "tests/test_faults.py",  # 20
    "tests/browser/reading/test_network_map.py",  # 18
    "tests/test_discovery.py",  # 18
    "tests/browser/test_translator_journey.py",  # 17
    "tests/test_network_map.py",  # 17
    "tests/test_fuzz_no_server_errors.py",  # 16
    "tests/test_rate_limits.py",  # 14
    "tests/test_routing_and_api.py",  # 14
    "tests/test_search.py",  # 13
]


# Files that start from the same costly database state and so run on the same pytest-xdist worker, which builds it
# once: the demo network that seed_demo makes (about 20 s), seeded by the first file and grown by the second.
SAME_WORKER = {"tests/test_large_network.py": "tests/test_seed_demo.py"}


class FileScheduling(LoadFileScheduling):
    """pytest-xdist's ``--dist loadfile``, with the files of ``SAME_WORKER`` handed out together."""

    def _split_scope(self, nodeid):
        path = super()._split_scope(nodeid)
        return SAME_WORKER.get(path, path)


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "loadfile":
        return FileScheduling(config, log)
    return None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        for fixture, modules in _MODULES_USING.items():
            if fixture in getattr(item, "fixturenames", ()):
                modules.add(item.module.__name__)
    rank = {path: position for position, path in enumerate(SLOWEST_FILES)}
    root = config.rootpath
    items.sort(key=lambda item: rank.get(item.path.relative_to(root).as_posix(), len(rank)))  # stable: keeps the rest


def shares_network(module, other_kind):
    """Whether ``module``'s tests may share one network built for the module."""
    if database_states.STATES is not None and any(name == module.__name__ for name, _ in DERIVED):
        return False  # each test starts from the state its module adds, put back in milliseconds
    alone = _MODULES_USING[other_kind] | _MODULES_USING["home"] | _MODULES_USING["transactional_db"]
    return module.__name__ not in alone  # a test that asks for the bare home page expects no network under it


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put back the rows the migrations made (the root page, the default Site, permissions) once a transactional test
    has emptied every table, unless the next test puts them back itself (a serialized rollback).

    pytest-django runs transactional tests after the others, but under pytest-xdist a worker receives whole files in
    any order, so a test that expects those rows can follow one that flushed them.
    """
    result = yield
    states = database_states.STATES
    if states is not None:  # SQLite: back to the migrated state, unless a module holds its own state
        with item.config.stash[blocking_manager_key].unblock():
            if states.current != "migrated" and not states.held and not connections["default"].in_atomic_block:
                states.ensure("migrated")
        return result
    # Only a test database that was created has its migrated rows kept (serialized); none yet, nothing to put back.
    serialized = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    if nextitem is None or restores_itself(nextitem) or not any(serialized.values()):
        return result
    with item.config.stash[blocking_manager_key].unblock():
        if not Page.objects.filter(depth=1).exists():
            for alias, contents in serialized.items():
                if contents:
                    connections[alias].creation.deserialize_db_from_string(contents)
    return result


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, migrated; on SQLite its migrated state is kept aside (tests/database_states.py)."""
    with django_db_blocker.unblock():
        database_states.start()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """On SQLite, put the database in the state the test's fixtures expect just before pytest-django's helper opens
    the test's transaction, or just after it has set up a transactional test (whose serialized rollback would write
    over a state put back before it). A module that shares one state holds a transaction open already: left alone."""
    states = database_states.STATES
    if fixturedef.argname != "_django_db_helper" or states is None:
        return (yield)
    needed = needed_state(request.node)
    transactional = is_transactional(request)
    blocker = request.getfixturevalue("django_db_blocker")
    states.test_state = None
    with blocker.unblock():
        shared = connections["default"].in_atomic_block
        if not shared and not transactional:
            states.ensure(needed, BUILDS[needed])
            states.test_state = needed
    result = yield
    if not shared and transactional:
        with blocker.unblock():
            states.current = None  # whatever the helper restored
            states.ensure(needed, BUILDS[needed])
            states.test_state = needed
            states.current = None  # the test commits what it changes, and the database is emptied after it
    return result


def needed_state(item):
    """The database state a test's fixtures expect: a state its module adds (``derived_state``), else a network."""
    for module, fixture in DERIVED:
        if module == item.module.__name__ and fixture in item.fixturenames:
            return (module, fixture)
    for fixture in ("editorial", "synced_network", "network", "home"):
        if fixture in item.fixturenames:
            return fixture
    return "migrated"


def is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    return bool({"transactional_db", "live_server"} & set(request.fixturenames)) or bool(
        marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    )


def restores_itself(item):
    marker = item.get_closest_marker("django_db")
    return "django_db_serialized_rollback" in item.fixturenames or bool(
        marker and marker.kwargs.get("serialized_rollback")
    )


@contextlib.contextmanager
def rolled_back(django_db_blocker):
    """Database access inside a transaction that is rolled back at the end, whatever happened inside."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@contextlib.contextmanager
def from_migrated_state(django_db_blocker):
    """``rolled_back``, starting from the database as the migrations left it (whatever state an earlier test used)."""
    if database_states.STATES is not None:
        with django_db_blocker.unblock():
            database_states.STATES.ensure("migrated")
    with rolled_back(django_db_blocker):
        yield


def seed_demo():
    call_command("seed_demo", stdout=io.StringIO())


@contextlib.contextmanager
def from_state(django_db_blocker, name):
    """``rolled_back``, starting from the database state ``name`` (``BUILDS``); yields what building it returned.

    On SQLite the state is built once per test process and put back from its copy (tests/database_states.py): the
    files that start from the demo share a worker for that (``SAME_WORKER``). Elsewhere it is built here.
    """
    states = database_states.STATES
    if states is None:
        with from_migrated_state(django_db_blocker):
            yield BUILDS[name]()
        return
    with django_db_blocker.unblock():
        value = states.ensure(name, BUILDS[name])
    with rolled_back(django_db_blocker):
        yield value


@pytest.fixture(autouse=True)
def site_language():
    """Each test starts in the site's default language, whatever language an earlier request left active."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with an empty page cache (home/page_cache.py; off in the test settings unless a test turns it
    on) and no cached list of sites (home/site_lookup.py): what an earlier test cached, from a database since rolled
    back, must never answer in this one."""
    from django.core.cache import caches

    from home.site_lookup import forget_sites

    caches["pages"].clear()
    forget_sites()  # nor a list of sites that held one an earlier test made and rolled back


@pytest.fixture
def locales(db):
    """A Locale for every configured language; returns the source (English) locale."""
    return bootstrap.ensure_locales()


@pytest.fixture
def home(locales):
    """The English home page as the default Site's root, with alias trees in every other locale."""
    from home.models import HomePage

    return HomePage.objects.filter(locale=locales).first() or build_home()


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


def build_home():
    locales = bootstrap.ensure_locales()
    home = bootstrap.ensure_home(locales)
    bootstrap.sync_locale_trees(locales)
    return home


def built_for_module(request, django_db_blocker, build, other_kind, state=None):
    """Yield the page ids of ``build()``, kept for the module and rolled back after it; None if it may not share.

    On SQLite a named ``state`` is put back from its copy rather than built (tests/database_states.py).
    """
    if not shares_network(request.module, other_kind):
        yield None
        return
    if database_states.STATES is not None and state is not None:
        with from_state(django_db_blocker, state) as built:
            yield built["pages"]
        return
    with from_migrated_state(django_db_blocker):
        yield page_ids(build())


@pytest.fixture(scope="module")
def module_network(request, django_db_setup, django_db_blocker):
    """Page ids of the network, built once for this module (None: built per test)."""
    yield from built_for_module(
        request, django_db_blocker, lambda: build_network(build_home()), "synced_network", state="network"
    )


@pytest.fixture
def network(module_network, db):
    """A small network: two city hubs with a collection, stories, an exhibition, exhibits and events."""
    if module_network is not None:
        return fresh_pages(module_network)
    if database_states.STATES is not None:
        return fresh_pages(database_states.STATES.test_value()["pages"])
    return build_network(build_home())


def build_synced_network():
    network = build_network(build_home())
    bootstrap.sync_locale_trees(bootstrap.ensure_locales())
    return network


class PageId(int):
    """A page's id in what ``page_ids`` returns (other numbers stay numbers)."""


def page_ids(value):
    """``value`` (a dict, list or tuple holding pages, at any depth) with each page replaced by its id."""
    return _each_item(value, lambda item: PageId(item.pk) if isinstance(item, Page) else item)


def fresh_pages(ids):
    """What ``page_ids`` returned, with new instances of the pages read from the database (a test may change its
    own freely)."""
    wanted = []

    def note_id(item):
        if isinstance(item, PageId):
            wanted.append(item)
        return item

    _each_item(ids, note_id)
    pages = {page.pk: page for page in Page.objects.filter(pk__in=wanted).specific()}
    return _each_item(ids, lambda item: pages[item] if isinstance(item, PageId) else item)


def _each_item(value, change):
    """``value`` rebuilt with ``change`` applied to each item of its dicts, lists and tuples, at any depth."""
    if isinstance(value, dict):
        return {key: _each_item(item, change) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_each_item(item, change) for item in value)
    return change(value)


@pytest.fixture(scope="module")
def module_synced_network(request, django_db_setup, django_db_blocker):
    """Page ids of the synced network, built once for this module (None: built per test)."""
    yield from built_for_module(request, django_db_blocker, build_synced_network, "network", state="synced_network")


@pytest.fixture
def synced_network(module_synced_network, db):
    """The network with alias trees in every other language, as an editor creating pages in the admin gets."""
    if module_synced_network is not None:
        return fresh_pages(module_synced_network)
    if database_states.STATES is not None:
        return fresh_pages(database_states.STATES.test_value()["pages"])
    return build_synced_network()


def build_editorial(network):
    """Groups, page permissions and workflows for ``network``, and a user per role."""
    from editorial.roles import ADMINISTRATORS, CONTRIBUTORS, MODERATORS, ensure_all_roles
    from editorial.workflows import ensure_workflow_assignments

    ensure_all_roles()
    ensure_workflow_assignments()
    return {
        "administrator": builders.user("ada", ADMINISTRATORS),
        "moderator": builders.user("mo", MODERATORS),
        "sheffield editor": builders.user("sam", "Sheffield editors"),
        "contributor": builders.user("cal", CONTRIBUTORS),
        "arabic translator": builders.user("layla", "Arabic translators"),
    }


@pytest.fixture(scope="module")
def module_editorial(module_synced_network):
    """User ids of the module's editorial set-up, made in the module's shared network (None: made per test)."""
    if module_synced_network is None:
        return None
    users = build_editorial(fresh_pages(module_synced_network))
    return {role: user.pk for role, user in users.items()}


@pytest.fixture
def editorial(module_editorial, synced_network):
    """The synced network with its groups and workflows, and one user per role."""
    from django.contrib.auth import get_user_model

    if module_editorial is None:
        if database_states.STATES is None:
            return {**synced_network, "users": build_editorial(synced_network)}
        module_editorial = database_states.STATES.test_value()["users"]
    users = get_user_model().objects.in_bulk(module_editorial.values())
    return {**synced_network, "users": {role: users[pk] for role, pk in module_editorial.items()}}


@pytest.fixture
def submitted_story(editorial):
    """A new draft story by the Sheffield editor, submitted to Story review."""
    from django.core import mail

    editor = editorial["users"]["sheffield editor"]
    story = builders.draft_story(editorial["collection"], "A new story", owner=editor)
    story.title = "A new story, revised"
    story.save_revision(user=editor)
    mail.outbox.clear()
    workflow_state = story.get_workflow().start(story, editor)
    return story, workflow_state


def build_editorial_state():
    network = build_synced_network()
    users = build_editorial(network)
    return {"pages": page_ids(network), "users": {role: user.pk for role, user in users.items()}}


# How each database state is built the first time (tests/database_states.py): page ids, and users by role.
BUILDS = {
    "migrated": None,
    "home": lambda: {"pages": page_ids(build_home())},
    "network": lambda: {"pages": page_ids(build_network(build_home()))},
    "synced_network": lambda: {"pages": page_ids(build_synced_network())},
    "editorial": build_editorial_state,
    "demo": seed_demo,
}

DERIVED = []  # (module, fixture name) of each ``derived_state`` fixture


def derived_state(base):
    """Make ``add(network)``, which adds content to the ``base`` fixture's network (``"network"``,
    ``"synced_network"``, ...) and returns the pages a test needs, into a fixture of the same name.

    On SQLite what it adds is built once per test process and kept as a database state of its own
    (tests/database_states.py), so each test starts from it in milliseconds; elsewhere it runs for each test.
    """

    def decorate(add):
        key = (add.__module__, add.__name__)
        DERIVED.append(key)

        def build():
            base_value = database_states.STATES.ensure(base, BUILDS[base])
            return {**base_value, "pages": page_ids(add(fresh_pages(base_value["pages"])))}

        BUILDS[key] = build

        def fixture(**requested):
            states = database_states.STATES
            if states is not None and states.test_state == key:
                return fresh_pages(states.test_value()["pages"])
            return add(requested[base])

        fixture.__signature__ = inspect.Signature([inspect.Parameter(base, inspect.Parameter.KEYWORD_ONLY)])
        fixture.__doc__ = add.__doc__
        return pytest.fixture(name=add.__name__)(fixture)

    return decorate
