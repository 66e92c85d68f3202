"""The RFC 9309 robots.txt middleware on its own, through a crawler and a stand-in
engine (tests/reliability/test_server_faults.py runs it against the replica)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

import pytest
from helpers import project_crawler
from scrapy import Request
from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest, NotConfigured
from scrapy.http import TextResponse

from crawler.exceptions import RobotsUnreachable
from crawler.fetch.robots import Rfc9309RobotsTxtMiddleware
from spiders.fissico import FissicoSpider

HOME = "http://fissico.com/"
ARTICLE = "http://fissico.com/html/xw/dzyw/58001.html"
PRIVATE = "http://fissico.com/member/index.php"
ROBOTS = "User-agent: *\nDisallow: /member/\n"


class Engine:
    """Answers robots.txt requests from a script, once the requests have all started."""

    def __init__(self, answer: Callable[[Request], TextResponse]) -> None:
        self.answer = answer
        self.fetched: list[str] = []
        self.started = asyncio.Event()

    async def download_async(self, request: Request) -> TextResponse:
        self.fetched.append(request.url)
        await self.started.wait()
        return self.answer(request)


def _middleware(answer: Callable[[Request], TextResponse], **settings: Any
                ) -> tuple[Rfc9309RobotsTxtMiddleware, Engine, Any]:
    crawler = project_crawler(FissicoSpider, **settings)
    engine = Engine(answer)
    crawler.engine = engine
    return Rfc9309RobotsTxtMiddleware.from_crawler(crawler), engine, crawler.stats


def _run(coros: list[Coroutine[Any, Any, None]], engine: Engine) -> list[BaseException | None]:
    """Start every request, then let robots.txt arrive; each one's outcome."""
    async def together() -> list[BaseException | None]:
        engine.started = asyncio.Event()
        tasks = [asyncio.ensure_future(coro) for coro in coros]
        await asyncio.sleep(0)  # every request is waiting for robots.txt now
        engine.started.set()
        return list(await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 5))
    return asyncio.run(together())


def _response(status: int, body: str = "") -> Callable[[Request], TextResponse]:
    return lambda request: TextResponse(request.url, status=status, body=body.encode(),
                                        encoding="utf-8", request=request)


def test_rules_apply_and_robots_txt_is_fetched_once_for_requests_waiting_together() -> None:
    mw, engine, stats = _middleware(_response(200, ROBOTS))
    outcomes = _run([mw.process_request(Request(url)) for url in (HOME, PRIVATE, ARTICLE)],
                    engine)
    assert engine.fetched == ["http://fissico.com/robots.txt"]
    assert outcomes[0] is None and outcomes[2] is None
    assert isinstance(outcomes[1], IgnoreRequest)
    assert stats.get_value("robotstxt/forbidden") == 1
    assert stats.get_value("robotstxt/request_count") == 1
    assert stats.get_value("robotstxt/response_status_count/200") == 1
    # Known now: the next request of the host is judged without a fetch.
    assert _run([mw.process_request(Request(PRIVATE + "?x=1"))], engine)[0] is not None
    assert engine.fetched == ["http://fissico.com/robots.txt"]


@pytest.mark.parametrize("status", [404, 410, 403])
def test_an_unavailable_robots_txt_allows_everything(status: int) -> None:
    mw, engine, stats = _middleware(_response(status, ROBOTS))  # its body is not rules
    assert _run([mw.process_request(Request(PRIVATE))], engine) == [None]
    assert stats.get_value("robotstxt/unavailable") == 1
    assert stats.get_value("robotstxt/unreachable") is None


@pytest.mark.parametrize(("answer", "reason"), [
    (_response(503), "http_503"),
    (_response(500), "http_500"),
    (_response(304), "http_304"),
])
def test_an_unreachable_robots_txt_disallows_every_request_of_the_host(
        answer: Callable[[Request], TextResponse], reason: str) -> None:
    mw, engine, stats = _middleware(answer)
    outcomes = _run([mw.process_request(Request(url)) for url in (HOME, ARTICLE)], engine)
    assert all(isinstance(o, RobotsUnreachable) for o in outcomes), outcomes
    assert stats.get_value("robotstxt/unreachable") == 1
    assert stats.get_value(f"robotstxt/unreachable/{reason}") == 1
    assert stats.get_value("robotstxt/deferred") == 2


def test_a_failed_fetch_of_robots_txt_makes_the_host_unreachable() -> None:
    def fail(request: Request) -> TextResponse:
        raise DownloadTimeoutError("took too long")
    mw, engine, stats = _middleware(fail)
    outcomes = _run([mw.process_request(Request(ARTICLE))], engine)
    assert isinstance(outcomes[0], RobotsUnreachable)
    assert "timeout" in str(outcomes[0])
    assert stats.get_value("robotstxt/unreachable/timeout") == 1


def test_robots_txt_itself_and_requests_told_so_are_not_checked() -> None:
    mw, engine, _ = _middleware(_response(503))
    request = Request(PRIVATE, meta={"dont_obey_robotstxt": True})
    assert _run([mw.process_request(request)], engine) == [None]
    assert engine.fetched == []


def test_off_when_robots_txt_is_not_obeyed() -> None:
    crawler = project_crawler(FissicoSpider, ROBOTSTXT_OBEY=False)
    with pytest.raises(NotConfigured):
        Rfc9309RobotsTxtMiddleware.from_crawler(crawler)
