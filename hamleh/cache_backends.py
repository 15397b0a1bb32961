"""Cache backends: the shared cache on Redis, and each process's kept fragments of pages.

Redis: Django's `RedisCacheClient.get_client()` builds a new `redis.Redis` object for every cache operation;
with redis-py 8 that costs about a millisecond each time, several times per request, more than the
round trip to Redis itself. The client is thread-safe and its connection pool is already shared, so
one client per server is kept and reused. Everything else is Django's own backend.
"""

import datetime
import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient


# What a kept fragment may be: values no caller can change in place, so they are kept as they are.
IMMUTABLE_VALUES = (str, bytes, int, float, tuple, frozenset, datetime.datetime, datetime.date, type(None))


class FragmentCache(LocMemCache):
    """Each process's rendered pieces of pages (`{% cache %}`, cards, feed entries), kept as they are.

    Django's in-memory cache pickles every value on the way in and unpickles it on the way out, so that
    callers cannot change a kept value through the object they were given; and it checks every key for
    memcached's rules. A page takes a dozen or more fragments, all rendered text (or tuples of text and
    dates), which cannot be changed in place, under keys this code writes; for them both are pure cost.
    A value of any other type is still kept pickled.
    """

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._set(key, _kept(value), timeout)
                return True
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_key(key, version=version)
        with self._lock:
            self._set(key, _kept(value), timeout)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        kept = {self.make_key(key, version=version): _kept(value) for key, value in data.items()}
        with self._lock:
            for key, value in kept.items():
                self._set(key, value, timeout)
        return []

    def get(self, key, default=None, version=None):
        found = self.get_many([key], version=version)
        return found[key] if found else default

    def get_many(self, keys, version=None):
        names = {self.make_key(key, version=version): key for key in keys}
        found = {}
        with self._lock:
            for name, key in names.items():
                if self._has_expired(name):
                    self._delete(name)
                    continue
                found[key] = self._cache[name]
                self._cache.move_to_end(name, last=False)
        return {key: _unkept(value) for key, value in found.items()}


class _Pickled(bytes):
    """A value of a type that can be changed in place, kept as its pickle."""


def _kept(value):
    return value if isinstance(value, IMMUTABLE_VALUES) else _Pickled(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def _unkept(value):
    return pickle.loads(value) if type(value) is _Pickled else value  # noqa: S301 - written by _kept
