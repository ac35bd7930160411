"""Browser tests that only read the network share one, built and committed once per module.

The tests in tests/browser/ that change content (the journeys) each get the network afresh, in a database flushed
after every test. These tests only open pages, so rebuilding the network, flushing the database and mirroring the
network into other languages' trees before each of them would repeat the same work hundreds of times: here the
network is built once for the module, committed so the live server's thread can read it, and the database is put
back as the migrations left it when the module is done. A test here must leave the content as it found it.
"""

import pytest
from django.core.management import call_command
from django.db import connections

from tests import database_states
from tests.conftest import BUILDS, build_home, build_network, fresh_pages, page_ids


def migrated_state():
    """{alias: the rows the migrations made, serialized}: pytest-django's snapshot, or one taken now."""
    return {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        or connections[alias].creation.serialize_db_to_string()
        for alias in connections
    }


def restore(state):
    """Empty every table and put back the rows the migrations made (what Django's TransactionTestCase does)."""
    for alias, contents in state.items():
        # Sequences keep counting (as in TransactionTestCase): the restored rows take their old ids, new rows go above.
        call_command(
            "flush", verbosity=0, interactive=False, database=alias, reset_sequences=False, inhibit_post_migrate=True
        )
        connections[alias].creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="module")
def module_live_network(browser, django_db_blocker):
    """Page ids of the network, built and committed once for the module; the database is restored after it."""
    states = database_states.STATES
    if states is not None:  # SQLite: the network's copy is put back (tests/database_states.py)
        with django_db_blocker.unblock():
            ids = states.ensure("network", BUILDS["network"])["pages"]
        states.held = True
        yield ids
        states.held = False
        states.current = None  # the tests mirrored the network into other languages' trees
        return
    with django_db_blocker.unblock():
        state = migrated_state()
        restore(state)  # whatever the test before left (a transactional test empties every table)
        try:
            ids = page_ids(build_network(build_home()))
        except BaseException:
            restore(state)
            raise
    yield ids
    with django_db_blocker.unblock():
        restore(state)


@pytest.fixture(autouse=True)
def _live_server_helper(request, django_db_blocker):
    """Replaces pytest-django's helper, which makes every live-server test transactional (a flush after each)."""
    if "live_server" not in request.fixturenames:
        yield
        return
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    with django_db_blocker.unblock():
        yield
    live_server._live_server_modified_settings.disable()


@pytest.fixture
def browser_network(module_live_network, live_server):
    """The module's network, as fresh instances."""
    return fresh_pages(module_live_network)


@pytest.fixture(scope="module")
def synced_languages():
    """Languages whose trees already mirror the module's network."""
    return set()
