"""A thin adapter over scrapy-redis' scheduler: a reliable shared queue.

scrapy-redis pops a request off the shared queue and forgets it: a worker killed
with requests in flight loses them for good (they are in the dupefilter, so
nobody asks again). Here:

- **Pop**: one Lua script moves the best request from ``<spider>:requests`` (a
  sorted set by priority, as scrapy-redis' ``PriorityQueue``) to this worker's
  in-flight set ``<spider>:processing:<worker>``, with its score.
- **Acknowledge** once the request is *handled* and what it produced is
  durable: downloaded, its callback or errback run, every request it yielded
  pushed to the queue, every item it yielded through the pipelines and its line
  fsynced in the output. No Scrapy signal marks that moment (``response_received``
  and ``request_left_downloader`` come before the callback; ``item_scraped``
  fires per item and a page may yield none; an errback's output skips the spider
  middlewares). The engine knows when a request is handled: it keeps it in its
  slot's in-progress set until exactly then. So a sweep (at each
  ``next_request``, which the engine calls when it has room again, at each tick,
  at idle and at close) takes the in-flight requests the engine no longer holds;
  one that produced no line is acknowledged at once, one whose lines may still
  be in the exporter's group (group commit: ``FEED_FSYNC_LINES`` lines or
  ``FEED_FSYNC_SECONDS``) waits in the crawl's ``DurabilityBarrier`` and is
  acknowledged after the fsync that covers them, before most of the seen marks
  of the same group (fewer duplicates after a kill). Which request produced an
  item is told by a ticket in its meta (``redis_ticket``, set at each pop,
  carried by ``replace()``); an item with no ticket makes every request handled
  before the next fsync wait for it. At
  idle what waits is synced at once (so a crawl whose last lines wait is not
  held open), at close before the worker's own leftovers go back to the queue.
  A late acknowledgement costs little (after a kill, a request fetched again,
  or skipped when its record is seen); an early one would lose an article.
- **Enqueue**: the dupefilter's check and the push are one Lua script: a worker
  killed between the two would leave a request in the dupefilter that is in no
  queue, so the page that yielded it, fetched again, could not yield it again.
- **Lease**: the worker refreshes ``<spider>:alive:<worker>`` (TTL
  ``REDIS_LEASE_SECONDS``) every third of the lease, and at each pop (which also
  puts it back among the workers if a stall let its lease lapse). Any worker finding a worker
  whose key is gone moves its in-flight set back to the queue (one Lua script,
  so two finders cannot both requeue it), straight into the queue: past the
  dupefilter, which has seen them. A popped request whose record the shared
  seen-set holds (exported by a worker killed before its acknowledgement) is
  acknowledged and skipped (``redis/skipped_seen``).
- **Idle**: the engine's ``spider_idle`` is answered with ``DontCloseSpider``
  until the queue and every worker's in-flight set have been empty for
  ``REDIS_IDLE_CLOSE_SECONDS``; then the worker closes, and the last one to close
  clears the dupefilter, so the next run of the crawl reads its home and listing
  pages again (listings are re-read every run: docs/state.md). Requests the
  dupefilter drops are counted (``redis/filtered``, ``redis/filtered/<kind>``):
  a worker joining a running crawl finds its start pages filtered, by design.

Stats: ``redis/popped``, ``redis/acked`` (of which ``redis/acked_after_sync`` waited
for an fsync), ``redis/requeued``, ``redis/skipped_seen``, ``redis/filtered``,
``redis/idle_waits``. Nothing is set on the spider.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import time
from typing import TYPE_CHECKING, Any, Self

from scrapy import Request, Spider, signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import LoopingCall

from crawler.config import project_settings
from crawler.state.runtime import crawl_state

# Which of this worker's in-flight requests a response (and its items) came
# from; set at each pop, so a redirect's or a retry's copy gets its own.
TICKET = "redis_ticket"

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

# KEYS: queue, processing, workers, the worker's lease; ARGV: worker, lease in ms.
# -> the member moved, or nil. A pop is a sign of life: a worker whose lease lapsed
# in a stall (its in-flight set requeued, itself taken out of the workers) is a
# member with a lease again before it holds anything, so what it pops next is
# never in a set no one would requeue.
POP = """
local r = redis.call('ZPOPMIN', KEYS[1])
if #r == 0 then return false end
redis.call('ZADD', KEYS[2], r[2], r[1])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('SET', KEYS[4], '1', 'PX', ARGV[2])
return r[1]
"""
# KEYS: dupefilter, queue; ARGV: fingerprint, score, request.  -> 1 when queued,
# 0 when the dupefilter had it. One script: a kill between the two leaves neither.
ENQUEUE = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""
# KEYS: workers, queue; ARGV: key prefix "<spider>:", a worker to requeue
# unconditionally (its own, at close) or "".  -> requests moved back.
REQUEUE = """
local moved = 0
for _, w in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if w == ARGV[2] or redis.call('EXISTS', ARGV[1] .. 'alive:' .. w) == 0 then
    local proc = ARGV[1] .. 'processing:' .. w
    local items = redis.call('ZRANGE', proc, 0, -1, 'WITHSCORES')
    for i = 1, #items, 2 do
      redis.call('ZADD', KEYS[2], items[i + 1], items[i])
      moved = moved + 1
    end
    redis.call('DEL', proc)
    if w ~= ARGV[2] then redis.call('SREM', KEYS[1], w) end
  end
end
return moved
"""
# KEYS: workers, queue, dupefilter; ARGV: key prefix, "1" to clear the dupefilter
# when nothing is left.  -> requests queued or in flight anywhere.
BUSY = """
local n = redis.call('ZCARD', KEYS[2])
for _, w in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  n = n + redis.call('ZCARD', ARGV[1] .. 'processing:' .. w)
end
if n == 0 and ARGV[2] == '1' then redis.call('DEL', KEYS[3]) end
return n
"""


class FingerprintDupeFilter(RFPDupeFilter):
    """scrapy-redis' shared dupefilter with Scrapy's request fingerprints
    (``crawler.request_fingerprinter``, so ``REQUEST_FINGERPRINTER_*`` apply) in
    place of its own, and a count of what it drops."""

    fingerprinter: Any = None
    stats: Any = None

    @classmethod
    def for_crawler(cls, crawler: Crawler, server: Any, key: str) -> Self:
        df = cls(server, key=key, debug=crawler.settings.getbool("DUPEFILTER_DEBUG"))
        df.fingerprinter = crawler.request_fingerprinter
        df.stats = crawler.stats
        return df

    def request_fingerprint(self, request: Request) -> str:
        if self.fingerprinter is None:
            return str(super().request_fingerprint(request))
        return str(self.fingerprinter.fingerprint(request).hex())

    def log(self, request: Request, spider: Spider) -> None:
        if self.stats is not None:
            self.stats.inc_value("redis/filtered")
            self.stats.inc_value(f"redis/filtered/{request.meta.get('page_kind', 'article')}")
        super().log(request, spider)


class ReliableQueue(PriorityQueue):
    """scrapy-redis' priority queue whose pop leaves the request in this worker's
    in-flight set (``processing``) until ``ack``."""

    def __init__(self, server: Any, spider: Spider, key: str, processing: str,
                 dupefilter: str, lease: tuple[str, str, str, int],
                 serializer: Any = None) -> None:
        super().__init__(server, spider, key, serializer)
        self.processing = processing
        self.dupefilter = dupefilter
        self.workers, self.alive, self.worker, self.lease_ms = lease
        self._pop = server.register_script(POP)
        self._enqueue = server.register_script(ENQUEUE)

    def push_new(self, request: Request, fingerprint: str) -> bool:
        """Push ``request`` unless the dupefilter (``fingerprint`` in
        ``self.dupefilter``) has it, adding it there in the same step."""
        args = [fingerprint, -request.priority, self._encode_request(request)]
        return bool(self._enqueue(keys=[self.dupefilter, self.key], args=args))

    def pop_raw(self) -> bytes | None:
        data = self._pop(keys=[self.key, self.processing, self.workers, self.alive],
                         args=[self.worker, self.lease_ms])
        return data if data else None

    def decode(self, data: bytes) -> Request:
        request: Request = self._decode_request(data)
        return request

    def pop(self, timeout: int = 0) -> Request | None:
        data = self.pop_raw()
        return None if data is None else self.decode(data)

    def ack(self, members: list[bytes]) -> None:
        if members:
            self.server.zrem(self.processing, *members)


class RedisScheduler(Scheduler):
    queue: ReliableQueue
    df: FingerprintDupeFilter

    def __init__(self, server: Any, crawler: Crawler, **kwargs: Any) -> None:
        super().__init__(server, **kwargs)
        self.crawler = crawler
        p = project_settings(crawler.settings)
        self.lease = p.redis_lease_seconds
        self.idle_close = p.redis_idle_close_seconds
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self.inflight: list[tuple[Request, bytes]] = []
        self.barrier = crawl_state(crawler).durable
        self._tickets = 0
        # Tickets of requests with an item whose line may not be fsynced yet
        # (None: an item whose request is unknown); emptied at each fsync.
        self._unsynced: set[int | None] = set()
        self._later: list[bytes] = []  # handled, acknowledged at the next fsync
        self._idle_since: float | None = None
        self._tick: LoopingCall | None = None
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        plain = Scheduler.from_settings(crawler.settings)  # scrapy-redis' own reading
        kwargs = {k: getattr(plain, a) for k, a in (
            ("persist", "persist"), ("flush_on_start", "flush_on_start"),
            ("queue_key", "queue_key"), ("dupefilter_key", "dupefilter_key"),
            ("serializer", "serializer"))}
        scheduler = cls(plain.server, crawler, **kwargs)
        scheduler.stats = crawler.stats
        return scheduler

    # --- keys ------------------------------------------------------------------
    def _key(self, name: str) -> str:
        return f"{self.spider.name}:{name}"

    def open(self, spider: Spider) -> None:
        self.spider = spider
        self.prefix = f"{spider.name}:"
        self.df = FingerprintDupeFilter.for_crawler(
            self.crawler, self.server, self.dupefilter_key % {"spider": spider.name})
        self.workers = self._key("workers")
        self.queue = ReliableQueue(self.server, spider, self.queue_key % {"spider": spider.name},
                                   processing=self._key(f"processing:{self.worker}"),
                                   dupefilter=self.df.key,
                                   lease=(self.workers, self._key(f"alive:{self.worker}"),
                                          self.worker, int(self.lease * 1000)),
                                   serializer=self.serializer)
        self._requeue = self.server.register_script(REQUEUE)
        self._busy = self.server.register_script(BUSY)
        self._alive()
        self.server.sadd(self.workers, self.worker)
        if self.flush_on_start:
            self.flush()
        logger.info("Distributed crawl on %s as worker %s (%d requests queued)",
                    self.server.connection_pool.connection_kwargs.get("host", "redis"),
                    self.worker, len(self.queue))
        self._tick = LoopingCall(self.tick)
        self._tick.start(max(self.lease / 3, 0.2), now=False)

    def close(self, reason: str) -> None:
        if self._tick is not None and self._tick.running:
            self._tick.stop()
        # Lines still in the output's group go to disk and their requests are
        # acknowledged, before anything of this worker is put back in the queue.
        self.barrier.flush()
        self.sweep()
        # What is still in flight was not handled (a shutdown): back to the queue.
        back = self._requeue(keys=[self.workers, self.queue.key], args=[self.prefix, self.worker])
        self._count("redis/requeued", back)
        self.server.srem(self.workers, self.worker)
        self.server.delete(self._key(f"alive:{self.worker}"))
        if reason == "finished":
            self._busy(keys=[self.workers, self.queue.key, self.df.key], args=[self.prefix, "1"])
        super().close(reason)

    # --- the queue ----------------------------------------------------------------
    def enqueue_request(self, request: Request) -> bool:
        if request.dont_filter:
            self.queue.push(request)
        elif not self.queue.push_new(request, self.df.request_fingerprint(request)):
            self.df.log(request, self.spider)
            return False
        self._count("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        self.sweep()  # the engine asks for more when it finished something: ack it now
        seen = crawl_state(self.crawler).seen
        for _ in range(64):
            data = self.queue.pop_raw()
            if data is None:
                return None
            request = self.queue.decode(data)
            key = request.meta.get("deltafetch_key")
            if key and seen is not None and request.meta.get("deltafetch_enabled", True) \
                    and key in seen:
                # Exported by a worker that died before acknowledging it.
                self.queue.ack([data])
                self._count("redis/skipped_seen")
                continue
            self._tickets += 1
            request.meta[TICKET] = self._tickets
            self.inflight.append((request, data))
            self._count("redis/popped")
            self._count("scheduler/dequeued/redis")
            return request
        return None

    def has_pending_requests(self) -> bool:
        return len(self) > 0

    def sweep(self) -> None:
        """Acknowledge every in-flight request the engine is done with: at once
        when it left no line waiting for an fsync, else after that fsync."""
        if not self.inflight:
            return
        engine = self.crawler.engine
        slot = getattr(engine, "_slot", None) if engine is not None else None
        holding = slot.inprogress if slot is not None else set()
        if not any(request not in holding for request, _ in self.inflight):
            return
        now: list[bytes] = []
        later: list[bytes] = []
        keep: list[tuple[Request, bytes]] = []
        for request, data in self.inflight:
            if request in holding:
                keep.append((request, data))
            elif None in self._unsynced or request.meta.get(TICKET) in self._unsynced:
                later.append(data)
            else:
                now.append(data)
        self.inflight = keep
        self._ack(now)
        self._later += later  # _unsynced is not empty: _synced runs at the next fsync

    def _ack(self, members: list[bytes]) -> None:
        if members:
            self.queue.ack(members)
            self._count("redis/acked", len(members))

    def _synced(self) -> None:
        """After an fsync: every line exported so far is on disk."""
        self._unsynced.clear()
        later, self._later = self._later, []
        self._ack(later)
        self._count("redis/acked_after_sync", len(later))

    def item_scraped(self, item: Any, response: Any, spider: Spider) -> None:
        # The exporter has the item's line (it handles item_scraped first; either
        # way the line is written before the fsync that empties this set).
        request = getattr(response, "request", None)  # a Response, or an errback's Failure
        ticket = request.meta.get(TICKET) if isinstance(request, Request) else None
        fresh = not self._unsynced
        self._unsynced.add(ticket if isinstance(ticket, int) else None)
        if fresh:
            # Early in what waits for this fsync, before most of the group's seen
            # marks: a kill between an acknowledgement and its mark leaves a line
            # on disk whose request no one fetches again (the machine's next start
            # reconciles the mark); the other order, one fetched and exported twice.
            self.barrier.after_sync(self._synced)

    # --- lease, dead workers, idle -----------------------------------------------
    def _alive(self) -> None:
        self.server.set(self._key(f"alive:{self.worker}"), b"1", px=int(self.lease * 1000))

    def requeue_dead(self) -> int:
        moved = int(self._requeue(keys=[self.workers, self.queue.key], args=[self.prefix, ""]))
        if moved:
            self._count("redis/requeued", moved)
            logger.warning("Requeued %d in-flight request(s) of dead worker(s)", moved)
        return moved

    def tick(self) -> None:
        try:
            self._alive()
            self.server.sadd(self.workers, self.worker)
            self.sweep()
            self.requeue_dead()
            engine = self.crawler.engine
            slot = getattr(engine, "_slot", None) if engine is not None else None
            if slot is not None and len(self.queue):
                slot.nextcall.schedule()  # work arrived from others: no 5 s heartbeat wait
        except Exception:  # a tick must never stop the loop; the next one retries
            logger.exception("Distributed scheduler tick failed")

    def spider_idle(self, spider: Spider) -> None:
        self.sweep()
        if self._later:
            # Nothing else is coming to fill the group: sync it now, rather than
            # hold the crawl (this worker's in-flight set) open until the timer.
            self.barrier.flush()
        self.requeue_dead()
        busy = int(self._busy(keys=[self.workers, self.queue.key, self.df.key],
                              args=[self.prefix, "0"]))
        now = time.monotonic()
        if busy:
            self._idle_since = None
        elif self._idle_since is None:
            self._idle_since = now
        if busy or now - self._idle_since < self.idle_close:  # type: ignore[operator]
            self._count("redis/idle_waits")
            raise DontCloseSpider

    def _count(self, key: str, n: int = 1) -> None:
        if self.stats is not None and n:
            self.stats.inc_value(key, n)
