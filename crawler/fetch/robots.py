"""robots.txt as RFC 9309 (section 2.3.1) reads it: a downloader middleware of our own.

Scrapy's ``RobotsTxtMiddleware`` parses whatever body comes back and, when the
fetch fails, allows everything. RFC 9309: a 4xx robots.txt ("unavailable")
means no rules, so everything is allowed; a 5xx or no answer ("unreachable")
means *disallow everything* on that host. Here a bot-check page, a 5xx after
Scrapy's retries, a timeout or a connection error make the host unreachable
for the run: its requests raise ``RobotsUnreachable`` (a ``FetchDeferred``: the
frontier keeps them for the next run).

The middleware is owned outright rather than subclassed: the behaviour above
lives in Scrapy's private methods (``_parse_robots``, ``_robots_error``,
``_parsers``), which change between releases. Only public pieces are used:
Scrapy's settings (``ROBOTSTXT_OBEY``, ``ROBOTSTXT_PARSER``,
``ROBOTSTXT_USER_AGENT``), its ``RobotParser`` implementations (Protego by
default), ``engine.download_async``, the ``robots_parsed`` signal and its
``robotstxt/*`` stats names, so that a user reading Scrapy's docs sees what
they expect.

Stats: Scrapy's ``robotstxt/request_count``, ``robotstxt/response_count``,
``robotstxt/response_status_count/<status>``, ``robotstxt/forbidden``,
``robotstxt/exception_count/<type>``; and ``robotstxt/unreachable`` (hosts),
``robotstxt/unreachable/<reason>``, ``robotstxt/unavailable`` (4xx hosts),
``robotstxt/deferred`` (requests).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request, Response
from scrapy.http.request import NO_CALLBACK
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler, load_object
from twisted.internet.defer import Deferred

from crawler.exceptions import RobotsUnreachable
from crawler.fetch.outcomes import failure_reason

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Unreachable:
    """A host whose robots.txt could not be read: nothing on it is allowed."""

    netloc: str
    reason: str


# What is known of a host's robots.txt: its rules, "unreachable", or None (no
# rules: a 4xx, or a URL robots.txt does not apply to).
Rules = RobotParser | Unreachable | None


class Rfc9309RobotsTxtMiddleware:
    DOWNLOAD_PRIORITY = 1000  # Scrapy's: robots.txt before the host's pages

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if not settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.crawler = crawler
        self.stats = crawler.stats
        self.default_user_agent: str = settings["USER_AGENT"]
        self.robots_user_agent: str | None = settings["ROBOTSTXT_USER_AGENT"]
        self.parser_class: type[RobotParser] = load_object(settings["ROBOTSTXT_PARSER"])
        build_from_crawler(self.parser_class, crawler, b"")  # its library is installed
        self.rules: dict[str, Rules] = {}  # netloc -> what is known, once fetched
        self.waiting: dict[str, list[Deferred[Rules]]] = {}  # netloc -> requests waiting

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Rfc9309RobotsTxtMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        if request.meta.get("dont_obey_robotstxt") or not request.url.startswith("http"):
            return
        rules = await self.rules_for(request)
        if rules is None:
            return
        if isinstance(rules, Unreachable):
            self.stats.inc_value("robotstxt/deferred")
            raise RobotsUnreachable(
                f"robots.txt of {rules.netloc} unreachable ({rules.reason}): nothing allowed")
        user_agent = self.robots_user_agent or request.headers.get(
            b"User-Agent", self.default_user_agent) or self.default_user_agent
        if not rules.allowed(request.url, user_agent):
            logger.debug("Forbidden by robots.txt: %s", request)
            self.stats.inc_value("robotstxt/forbidden")
            raise IgnoreRequest("Forbidden by robots.txt")

    async def rules_for(self, request: Request) -> Rules:
        url = urlparse_cached(request)
        netloc = url.netloc
        if netloc in self.rules:
            return self.rules[netloc]
        if netloc in self.waiting:  # its robots.txt is being fetched
            waiter: Deferred[Rules] = Deferred()
            self.waiting[netloc].append(waiter)
            return await maybe_deferred_to_future(waiter)
        self.waiting[netloc] = []
        robots = Request(f"{url.scheme}://{netloc}/robots.txt", priority=self.DOWNLOAD_PRIORITY,
                         meta={"dont_obey_robotstxt": True}, callback=NO_CALLBACK)
        rules: Rules
        try:
            response = await self.crawler.engine.download_async(robots)
        except Exception as exc:  # any failure: the host is unreachable
            if not isinstance(exc, IgnoreRequest):
                self.stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
            rules = self.unreachable(netloc, failure_reason(exc))
        else:
            rules = await self.read(response, netloc, request)
        self.stats.inc_value("robotstxt/request_count")
        self.rules[netloc] = rules
        for waiter in self.waiting.pop(netloc):
            waiter.callback(rules)
        return rules

    async def read(self, response: Response, netloc: str, request: Request) -> Rules:
        status = response.status
        self.stats.inc_value("robotstxt/response_count")
        self.stats.inc_value(f"robotstxt/response_status_count/{status}")
        if 400 <= status < 500:
            # Unavailable: no rules apply. An empty body parses to "allow all".
            self.stats.inc_value("robotstxt/unavailable")
            body = b""
        elif not 200 <= status < 300:
            return self.unreachable(netloc, f"http_{status}")
        else:
            body = response.body
        parser = build_from_crawler(self.parser_class, self.crawler, body)
        await self.crawler.signals.send_catch_log_async(
            signal=signals.robots_parsed, robotparser=parser, request=request)
        return parser

    def unreachable(self, netloc: str, reason: str) -> Unreachable:
        self.stats.inc_value("robotstxt/unreachable")
        self.stats.inc_value(f"robotstxt/unreachable/{reason}")
        logger.error("robots.txt of %s unreachable (%s): nothing on it is fetched this run "
                     "(RFC 9309)", netloc, reason)
        return Unreachable(netloc, reason)
