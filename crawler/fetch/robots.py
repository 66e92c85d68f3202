"""robots.txt as RFC 9309 (section 2.3.1) reads it, on Scrapy's middleware.

Scrapy's ``RobotsTxtMiddleware`` parses whatever body comes back and, when the
fetch fails, allows everything. RFC 9309: a 4xx robots.txt ("unavailable")
means no rules, so everything is allowed; a 5xx or no answer ("unreachable")
means *disallow everything* on that host. Here a bot-check page, a 5xx after
Scrapy's retries, a timeout or a connection error make the host unreachable
for the run: its requests raise ``RobotsUnreachable`` (a ``FetchDeferred``: the
frontier keeps them for the next run).

Stats: ``robotstxt/unreachable`` (hosts), ``robotstxt/unreachable/<reason>``,
``robotstxt/unavailable`` (4xx hosts), ``robotstxt/deferred`` (requests).
"""

from __future__ import annotations

import logging

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.robotstxt import RobotParser
from twisted.internet.defer import Deferred

from crawler.exceptions import RobotsUnreachable
from crawler.fetch.outcomes import failure_reason

logger = logging.getLogger(__name__)


class Unreachable(RobotParser):
    """The parser of a host whose robots.txt could not be read: nothing allowed."""

    def __init__(self, netloc: str, reason: str) -> None:
        self.netloc = netloc
        self.reason = reason

    @classmethod
    def from_crawler(cls, crawler: object, robotstxt_body: bytes) -> Unreachable:
        raise NotImplementedError  # made by the middleware, never from a body

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        return False


class Rfc9309RobotsTxtMiddleware(RobotsTxtMiddleware):
    def process_request_2(self, rp: RobotParser | None, request: Request) -> None:
        if isinstance(rp, Unreachable):
            self._stats.inc_value("robotstxt/deferred")
            raise RobotsUnreachable(
                f"robots.txt of {rp.netloc} unreachable ({rp.reason}): nothing allowed")
        super().process_request_2(rp, request)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        status = response.status
        if 400 <= status < 500:
            # Unavailable: no rules apply. An empty body parses to "allow all".
            self._stats.inc_value("robotstxt/unavailable")
            response = response.replace(body=b"")
        elif status >= 500 or not 200 <= status < 300:
            self._stats.inc_value("robotstxt/response_count")
            self._stats.inc_value(f"robotstxt/response_status_count/{status}")
            self._unreachable(netloc, f"http_{status}")
            return
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if not isinstance(exc, IgnoreRequest):
            self._stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
        self._unreachable(netloc, failure_reason(exc))

    def _unreachable(self, netloc: str, reason: str) -> None:
        self._stats.inc_value("robotstxt/unreachable")
        self._stats.inc_value(f"robotstxt/unreachable/{reason}")
        logger.error("robots.txt of %s unreachable (%s): nothing on it is fetched this run "
                     "(RFC 9309)", netloc, reason)
        pending = self._parsers[netloc]
        parser = Unreachable(netloc, reason)
        self._parsers[netloc] = parser
        if isinstance(pending, Deferred):
            pending.callback(parser)
