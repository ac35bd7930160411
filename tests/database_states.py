"""Built database states kept as in-memory copies, so that a test starts from one in milliseconds (SQLite only).

Building the test network and mirroring it into seven languages takes seconds; a test that cannot share its module's
network (tests/conftest.py) used to pay that every time. On SQLite the test database lives in memory, and SQLite's
backup API copies a whole database in a few milliseconds: each state ("migrated", "home", "network", ...) is built
once per test process, copied aside, and copied back whenever a test needs it. On other databases ``STATES`` is None
and the fixtures build what they need, as before.

The copy goes back only outside a transaction: before a test's own transaction begins, after a transactional test's
set-up, or before a module's shared transaction begins.
"""

import sqlite3

from django.core.cache import caches
from django.db import connection


class DatabaseStates:
    def __init__(self):
        self._copies = {}  # state name -> (in-memory copy of the database, what building it returned)
        self.current = None  # the state the database is in now, if known
        self.held = False  # a module's tests share the database's state as it is (tests/browser/reading)
        self.test_state = None  # the state the running test started from (None: its module's shared state)

    def capture_migrated(self):
        """Keep the database as the migrations left it: every other state is built from it."""
        self._save("migrated", None)

    def ensure(self, name, build=None):
        """Put the database in state ``name``, building it from the migrated state the first time; return what its
        build returned (page ids, for the networks)."""
        if name not in self._copies:
            self.ensure("migrated")
            self._save(name, build())
        elif self.current != name:
            self._copies[name][0].backup(_raw_connection())
            self.current = name
            _forget_cached_rows()
        return self._copies[name][1]

    def test_value(self):
        """What building the running test's state returned."""
        return self._copies[self.test_state][1]

    def _save(self, name, value):
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        _raw_connection().backup(copy)
        self._copies[name] = (copy, value)
        self.current = name


def _raw_connection():
    connection.ensure_connection()
    assert not connection.in_atomic_block, "a database state can only be put back outside a transaction"
    return connection.connection


def _forget_cached_rows():
    """Wagtail keeps the sites' root paths (and other rows by id) in the default cache: ids mean other rows now."""
    caches["default"].clear()


STATES = None  # this process's DatabaseStates, once the test database exists and if it is SQLite


def start():
    """Called once the test database is migrated."""
    global STATES
    if connection.vendor == "sqlite":
        STATES = DatabaseStates()
        STATES.capture_migrated()
