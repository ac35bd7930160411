"""Where the rate-limit counters live when there is no Redis: a database table every worker process shares.

django-ratelimit counts in a Django cache with ``add`` then ``incr``. Without Redis, a process's own memory
(LocMemCache) would give each gunicorn worker its own count; Django's ``DatabaseCache`` is shared, but its ``incr`` is
a read then a write, so two workers reading 3 both write 4 (django-ratelimit refuses it for that reason, check E003).
``DatabaseCounterCache`` is Django's ``DatabaseCache`` with an ``incr`` that holds the row while it counts.

A table for the cache, rather than a model of our own: Django's DatabaseCache already handles expiry, ``add`` and
culling, and django-ratelimit already speaks to caches; only the one non-atomic operation needed replacing. Its
table is created by ``manage.py createcachetable`` (``make run``, the deployment steps; Django's test runner does it
for the test database).
"""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction


class DatabaseCounterCache(DatabaseCache):
    def incr(self, key, delta=1, version=None):
        """Add ``delta`` to the number under ``key`` in one transaction that holds the row; ValueError if absent.

        The transaction writes first (a no-op update of the row): on PostgreSQL that locks the row, on SQLite it takes
        the database's write lock, so a second worker waits here until the first has written its new count.
        """
        db_key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table, key_column, value_column = quote(self._table), quote("cache_key"), quote("value")
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET {key_column} = {key_column} WHERE {key_column} = %s", [db_key])  # noqa: S608
            value = self.get(key, version=version)
            if value is None:
                raise ValueError(f"Key '{key}' not found")
            value += delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(f"UPDATE {table} SET {value_column} = %s WHERE {key_column} = %s", [encoded, db_key])  # noqa: S608
        return value
