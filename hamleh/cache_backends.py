"""Django's built-in Redis cache, keeping its Redis client between operations.

Django's `RedisCacheClient.get_client()` builds a new `redis.Redis` object for every cache operation;
with redis-py 8 that costs about a millisecond each time, several times per request, more than the
round trip to Redis itself. The client is thread-safe and its connection pool is already shared, so
one client per server is kept and reused. Everything else is Django's own backend.
"""

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
