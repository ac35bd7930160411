"""The page cache's entries in Redis, checked in one round trip (home/page_cache.py).

On any cache backend an entry is used only if none of its tags was stamped after its render started: read the entry,
then its tags' stamps, two round trips and one value per tag to decode (a home page has two dozen tags). When the
``pages`` cache is Redis (django-redis), the entry is stored with its start time and the Redis keys of its tags'
stamps beside it, and a Lua script compares the stamps with the start time inside Redis and returns the entry only if
it is still good: one round trip, one value. Stamps are whole milliseconds, which django-redis stores as plain digits
that the script can read (it pickles anything else).

The three keys of an entry are written in one transaction (MULTI) and expire together. The script reads several keys,
so Redis Cluster would need them in one hash slot: the deployment uses a single Redis (docs/deployment.md).
"""

from django_redis.cache import RedisCache

# KEYS: the entry, its start time (ms), the set of its tags' stamp keys; ARGV: the clock margin (ms).
VALID_ENTRY = """
local started = tonumber(redis.call('GET', KEYS[2]))
if not started then return false end
local stamp_keys = redis.call('SMEMBERS', KEYS[3])
for first = 1, #stamp_keys, 500 do
  local stamps = redis.call('MGET', unpack(stamp_keys, first, math.min(first + 499, #stamp_keys)))
  for _, stamp in ipairs(stamps) do
    if stamp and tonumber(stamp) >= started - tonumber(ARGV[1]) then return false end
  end
end
return redis.call('GET', KEYS[1])
"""


def handles(cache):
    return isinstance(cache, RedisCache)


def _keys(cache, key):
    return cache.make_key(key), cache.make_key(f"{key}:started"), cache.make_key(f"{key}:tags")


def store(cache, key, entry, stamp_keys, started_ms, timeout):
    """Store ``entry`` at ``key`` with its start time and the stamp keys of its tags (as ``stamp_key(tag)`` names
    them), for ``timeout`` seconds."""
    entry_key, started_key, tags_key = _keys(cache, key)
    client = cache.client.get_client(write=True)
    with client.pipeline(transaction=True) as pipe:
        pipe.set(entry_key, cache.client.encode(entry, allow_int=False), ex=timeout)
        pipe.set(started_key, started_ms, ex=timeout)
        pipe.delete(tags_key)
        if stamp_keys:
            pipe.sadd(tags_key, *(cache.make_key(stamp_key) for stamp_key in stamp_keys))
            pipe.expire(tags_key, timeout)
        pipe.execute()


def valid_entry(cache, key, margin_ms):
    """The entry at ``key`` if none of its tags was stamped after its render started (less ``margin_ms``); else
    None."""
    client = cache.client.get_client(write=False)
    script = client.__dict__.get("_sanctuary_valid_entry")
    if script is None:
        script = client.__dict__["_sanctuary_valid_entry"] = client.register_script(VALID_ENTRY)
    value = script(keys=list(_keys(cache, key)), args=[margin_ms])
    return None if value is None else cache.client.decode(value)
