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
    """Cache entries kept with the version tokens they were made under.

    A token (under a version key) stands for the data the entries were made from; replacing it
    makes every entry made under it stale at once, on every worker and host sharing the cache.
    An entry may depend on several keys: it is then kept under their tokens joined. A lookup
    reads the tokens and the entry in one round trip. A cache that cannot be reached is logged
    and read as "no version": the caller then works without the cache.
    """

    def __init__(self, version_key: str, alias: str = "default") -> None:
        self.version_key = version_key
        self.alias = alias

    def _cache(self):
        return caches[self.alias]

    def version(self, version_keys: tuple[str, ...] | None = None) -> str | None:
        """The current token, set anew when missing; None when the cache cannot be reached."""
        return self.read(None, version_keys)[0]

    def read(
        self, key: str | None, version_keys: tuple[str, ...] | None = None
    ) -> tuple[str | None, object | None]:
        """The current token of `version_keys` (by default the one given at creation) and the
        value stored under `key` for it (None if stale or absent)."""
        cache = self._cache()
        names = version_keys or (self.version_key,)
        try:
            found = cache.get_many([*names] + ([key] if key else []))
            tokens = []
            for name in names:
                token = found.get(name)
                if token is None:
                    token = uuid.uuid4().hex
                    cache.add(name, token, timeout=None)
                    token = cache.get(name, token)
                tokens.append(token)
        except Exception:
            logger.warning("cache unavailable (%s)", ", ".join(names), exc_info=True)
            return None, None
        version = ".".join(tokens)
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

    def replace(self, version_keys: tuple[str, ...] | None = None) -> None:
        """New tokens for `version_keys`: every entry made under an older one is stale."""
        names = version_keys or (self.version_key,)
        try:
            self._cache().set_many({name: uuid.uuid4().hex for name in names}, timeout=None)
        except Exception:
            # A full Redis that evicts nothing refuses the write but still deletes: without its
            # token every entry is stale too, and the next read makes a new one (or, if it
            # cannot, works without the cache).
            logger.error("cache version not replaced: %s", ", ".join(names), exc_info=True)
            try:
                self._cache().delete_many(names)
            except Exception:
                logger.error("cache version not deleted: %s", ", ".join(names), exc_info=True)
