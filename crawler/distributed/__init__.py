"""Distributed crawls: several workers (machines) share one crawl through Redis.

``-s REDIS_URL=redis://host:port/db`` is the one switch (``addon.DistributedAddon``,
applied after ``-s`` values are read). It turns on, on that server:

- the shared scheduler queue and dupefilter of scrapy-redis, adapted here
  (``scheduler.RedisScheduler``): Scrapy's own request fingerprints, a reliable
  queue (a request popped moves atomically to its worker's in-flight set and is
  acknowledged once handled; a dead worker's in-flight requests go back to the
  queue when its lease expires), workers that wait for work and close on their
  own when the shared crawl is done;
- the shared seen-set (``crawler.state.seen.RedisSeenStore``): what was exported;
- the shared dedupe index (``DEDUP_BACKEND=redis`` at ``REDIS_URL``), whose
  check-and-insert is atomic (``crawler.dedupe.redis_store.RedisStore``).

Keys, per spider: ``<spider>:requests`` (the queue, a sorted set by priority),
``<spider>:dupefilter``, ``<spider>:workers``, ``<spider>:processing:<worker>``,
``<spider>:alive:<worker>`` (the lease), ``<spider>:seen``; ``dedupe:*``.
"""
