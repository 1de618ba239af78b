"""The cache: Django's Redis cache with one client per pool, and versioned cache entries.

PortalRedisCache: Django's RedisCacheClient builds a new `redis.Redis` object for every cache
call, and redis-py sets up some 170 response callbacks in each: on a page served from the cache
that was a third of the time. A `redis.Redis` object is safe to share between threads, so one
per pool is kept.
"""

import logging
import uuid

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)


class _Client(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class PortalRedisCache(RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = _Client


class Versioned:
    """Cache entries kept with the version token they were made under.

    One token (under `version_key`) stands for the data the entries were made from; replacing
    it makes every entry stale at once, on every worker and host sharing the cache. A lookup
    reads the token and the entry in one round trip. A cache that cannot be reached is logged
    and read as "no version": the caller then works without the cache.
    """

    def __init__(self, version_key: str, alias: str = "default") -> None:
        self.version_key = version_key
        self.alias = alias

    def _cache(self):
        return caches[self.alias]

    def version(self) -> str | None:
        """The current token, set anew when missing; None when the cache cannot be reached."""
        return self.read(None)[0]

    def read(self, key: str | None) -> tuple[str | None, object | None]:
        """The current token and the value stored under `key` for it (None if stale or absent)."""
        cache = self._cache()
        try:
            found = cache.get_many([self.version_key] + ([key] if key else []))
            version = found.get(self.version_key)
            if version is None:
                version = uuid.uuid4().hex
                cache.add(self.version_key, version, timeout=None)
                version = cache.get(self.version_key, version)
        except Exception:
            logger.warning("cache unavailable (%s)", self.version_key, exc_info=True)
            return None, None
        stored = found.get(key) if key else None
        if stored is not None and stored[0] == version:
            return version, stored[1]
        return version, None

    def store(self, key: str, version: str, value: object, timeout: int) -> None:
        """Keep `value` under `key`, made under `version`."""
        try:
            self._cache().set(key, (version, value), timeout)
        except Exception:
            logger.warning("not kept in the cache: %s", key, exc_info=True)

    def replace(self) -> None:
        """A new token: every entry made under an older one is stale."""
        try:
            self._cache().set(self.version_key, uuid.uuid4().hex, timeout=None)
        except Exception:
            logger.error("cache version not replaced: %s", self.version_key, exc_info=True)
