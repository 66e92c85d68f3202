"""``HostBackoffMiddleware``: a host that says "slow down" is slowed down.

- ``Retry-After`` (seconds or an HTTP date) on a 429/503 or any retried status:
  no request goes to that host before the time it names. The host's download
  slot gets the pause (its ``delay`` and ``lastseen``, as AutoThrottle adjusts
  ``delay``), so other hosts' requests go on meanwhile. Scrapy's
  RetryMiddleware still decides whether to retry; this only says when.
- A pause longer than ``BACKOFF_MAX_RETRY_AFTER`` is not waited for: the host
  is left for the next run (``HostBackedOff``; the frontier keeps its pages).
- A bot-check page (Cloudflare's challenge: ``cf-mitigated: challenge``, or a
  403/429/503 with its markers) is not retried: ``ChallengePage``, the host's
  delay doubled; after ``BACKOFF_CHALLENGE_LIMIT`` of them the host is left
  for the next run.
- Each throttled response doubles the host's delay (up to
  ``BACKOFF_MAX_DELAY``); each good one halves it back towards where it was.

Stats: ``backoff/retry_after``, ``backoff/challenge``, ``backoff/slowed``,
``backoff/host_backed_off`` (hosts), ``backoff/deferred`` (requests left).
Sits between RetryMiddleware (550) and HttpCompressionMiddleware (590), so it
sees decompressed bodies before a retry is decided.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import monotonic
from typing import Any, Self
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.config import project_settings
from crawler.exceptions import ChallengePage, HostBackedOff

logger = logging.getLogger(__name__)

CHALLENGE_STATUSES = frozenset({403, 429, 503})
# Markers of interstitial bot checks, looked for in the first bytes of the body.
CHALLENGE_MARKERS = re.compile(
    rb"<title>\s*Just a moment\.\.\.|_cf_chl_opt|cf-browser-verification|"
    rb"/cdn-cgi/challenge-platform/|<title>\s*Attention Required! \| Cloudflare",
    re.IGNORECASE)
THROTTLE_STATUSES = frozenset({429, 503})


def challenge_reason(response: Response) -> str | None:
    """Why ``response`` is a bot check rather than a page, or ``None``."""
    if (response.headers.get("cf-mitigated") or b"").lower() == b"challenge":
        return "cf-mitigated"
    if response.status in CHALLENGE_STATUSES and CHALLENGE_MARKERS.search(response.body[:16384]):
        return "markers"
    return None


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """A ``Retry-After`` value (delta seconds or an HTTP date) in seconds from
    now; ``None`` when absent or unreadable (a past date is 0)."""
    if value is None:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class HostBackoffMiddleware:
    def __init__(self, crawler: Crawler, max_retry_after: float, max_delay: float,
                 challenge_limit: int, retry_codes: frozenset[int]) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.max_retry_after = max_retry_after
        self.max_delay = max_delay
        self.challenge_limit = challenge_limit
        self.retry_codes = retry_codes
        self.challenges: dict[str, int] = {}
        self.backed_off: dict[str, str] = {}  # host -> why it is left for the next run
        self.base_delay: dict[str, float] = {}  # slot -> its delay before any backoff
        self.paused_until: dict[str, float] = {}  # slot -> monotonic() end of a Retry-After

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        own = project_settings(crawler.settings)
        if not own.backoff_enabled:
            raise NotConfigured
        return cls(crawler, own.backoff_max_retry_after, own.backoff_max_delay,
                   own.backoff_challenge_limit,
                   frozenset(int(c) for c in crawler.settings.getlist("RETRY_HTTP_CODES")))

    def _inc(self, key: str) -> None:
        assert self.stats is not None
        self.stats.inc_value(key)

    def process_request(self, request: Request) -> None:
        left = self._left_for_next_run(request)
        if left is not None:
            raise left

    def _left_for_next_run(self, request: Request) -> HostBackedOff | None:
        """The failure of a request to a host left for the next run (counted
        ``backoff/deferred``); ``None`` for any other request."""
        host = urlsplit(request.url).hostname or ""
        if host not in self.backed_off:
            return None
        self._inc("backoff/deferred")
        return HostBackedOff(f"{host} is left for the next run: {self.backed_off[host]}")

    def process_response(self, request: Request, response: Response) -> Response:
        host = urlsplit(request.url).hostname or ""
        challenge = challenge_reason(response)
        if challenge is not None:
            self._inc("backoff/challenge")
            self.challenges[host] = self.challenges.get(host, 0) + 1
            self._slow(request, None)
            if self.challenges[host] >= self.challenge_limit:
                self._back_off(host, f"{self.challenges[host]} bot-check pages", request)
            raise ChallengePage(f"bot check ({challenge}, HTTP {response.status})")
        if response.status in THROTTLE_STATUSES or (
                response.status in self.retry_codes and b"Retry-After" in response.headers):
            pause = retry_after_seconds(response.headers.get("Retry-After"))
            if pause is not None:
                self._inc("backoff/retry_after")
                if pause > self.max_retry_after:
                    self._back_off(host, f"Retry-After {pause:.0f} s", request)
                    raise HostBackedOff(f"{host} asked for {pause:.0f} s")
            self._slow(request, pause)
        elif 200 <= response.status < 300:
            self._recover(request)
        return response

    # -- the host's download slot ----------------------------------------------
    def _slot(self, request: Request) -> tuple[str, Any] | tuple[None, None]:
        try:
            downloader = self.crawler.engine.downloader
        except RuntimeError:  # no engine: the middleware used outside a crawl
            return None, None
        key = downloader.get_slot_key(request)
        return key, downloader.slots.get(key)

    def _slow(self, request: Request, pause: float | None) -> None:
        key, slot = self._slot(request)
        if key is None or slot is None:
            return
        self.base_delay.setdefault(key, slot.delay)
        slot.delay = min(self.max_delay, max(slot.delay * 2, 0.5, pause or 0.0))
        if pause:
            self.paused_until[key] = max(self.paused_until.get(key, 0.0), monotonic() + pause)
            # The slot sends its next request once ``download_delay()`` (the
            # delay with jitter, at least (1 - jitter) x delay) has passed
            # since ``lastseen``: moved so that even the shortest draw ends
            # ``pause`` seconds from now.
            slot.lastseen = monotonic() + pause - slot.delay * (1 - slot.jitter)
        self._inc("backoff/slowed")

    def _recover(self, request: Request) -> None:
        key, slot = self._slot(request)
        if key is None or slot is None or key not in self.base_delay:
            return
        if monotonic() < self.paused_until.get(key, 0.0):
            # Responses of requests sent before the pause still arrive: the
            # delay that holds the pause must not shrink under it.
            return
        base = self.base_delay[key]
        slot.delay = max(base, slot.delay / 2)
        if slot.delay <= base:
            del self.base_delay[key]

    def _back_off(self, host: str, why: str, request: Request) -> None:
        if host not in self.backed_off:
            self.backed_off[host] = why
            self._inc("backoff/host_backed_off")
            logger.warning("Leaving %s for the next run: %s", host, why)
        self._let_queued_go(request)

    def _let_queued_go(self, request: Request) -> None:
        """The requests already waiting in the host's download slot passed
        ``process_request`` before the host was left: they would still go to it,
        one per (doubled, up to ``BACKOFF_MAX_DELAY``) delay, and hold the run
        open for minutes. They fail now with ``HostBackedOff``, as later ones
        do (the frontier keeps their pages for the next run)."""
        _, slot = self._slot(request)
        if slot is None or not slot.queue:
            return
        queued = list(slot.queue)
        slot.queue.clear()
        failing = []
        for queued_request, waiting in queued:
            left = self._left_for_next_run(queued_request)
            if left is None:  # a slot shared by hosts (CONCURRENT_REQUESTS_PER_IP)
                slot.queue.append((queued_request, waiting))
            else:
                failing.append((waiting, left))
        for waiting, left in failing:  # failed only once the queue is consistent again
            waiting.errback(Failure(left))
