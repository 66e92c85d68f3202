"""``FrontierMiddleware``, the one writer of the frontier, through a crawler
(``scrapy.utils.test.get_crawler``): what the spider states is recorded, the
facts never go on, an exported article leaves the pending list only once its
line is durable."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any

import pytest
import scrapy
from helpers import project_crawler
from scrapy import Request, signals
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler
from twisted.internet.error import TimeoutError as Timeout
from twisted.python.failure import Failure

from crawler.exceptions import DuplicateItem, OutOfWindow
from crawler.items import ArticleItem
from crawler.state.frontier import COMPLETE, WALKING, Frontier
from crawler.state.frontier_middleware import (
    DISCOVERED,
    FRONTIER_KEY,
    ColumnsSeen,
    Discovered,
    Failed,
    FrontierMiddleware,
    IdsSeen,
    IdWalked,
    Settled,
    WalkComplete,
    WalkProgress,
    frontier_fact,
)
from crawler.state.runtime import crawl_state
from spiders.fissico import FissicoSpider

A1 = "http://fissico.com/html/xw/dzyw/58001.html"
A2 = "http://fissico.com/html/xw/dzyw/58002.html"
LISTING = "http://fissico.com/html/xw/dzyw/list_11_2.html"


class WalkingSpider(scrapy.Spider):
    name = "walking"
    uses_frontier = True


class OtherSpider(scrapy.Spider):
    name = "other"  # no uses_frontier: a re-fetch, say


def _opened(tmp_path: Path, spidercls: type[scrapy.Spider] = WalkingSpider,
            **settings: Any) -> tuple[Any, FrontierMiddleware]:
    crawler = get_crawler(spidercls, {"STATE_DIR": str(tmp_path), **settings})
    assert crawler.stats is not None
    crawler.stats.open_spider()
    crawler.spider = spidercls.from_crawler(crawler)
    mw = FrontierMiddleware.from_crawler(crawler)
    crawler.signals.send_catch_log(signals.spider_opened, spider=crawler.spider)
    return crawler, mw


def _frontier(mw: FrontierMiddleware) -> Frontier:
    assert mw.frontier is not None
    return mw.frontier


def _article(url: str, **meta: Any) -> Request:
    return Request(url, meta={FRONTIER_KEY: url, DISCOVERED: meta, **meta})


def _response(url: str = LISTING) -> HtmlResponse:
    return HtmlResponse(url, body=b"<html></html>", request=Request(url))


def test_the_middleware_opens_the_frontier_for_the_crawl_and_closes_it(tmp_path: Path) -> None:
    crawler, mw = _opened(tmp_path)
    assert crawl_state(crawler).frontier is mw.frontier
    assert mw.frontier is not None and mw.frontier.path == tmp_path / "frontier" / "walking.sqlite"
    mw.frontier.discovered(A1, {})
    crawler.signals.send_catch_log(signals.spider_closed, spider=crawler.spider, reason="finished")
    assert crawler.stats.get_value("frontier/pending") == 1
    assert crawler.stats.get_value("frontier/walking") == 0


def test_a_discovered_request_is_recorded_before_it_goes_on(tmp_path: Path) -> None:
    _, mw = _opened(tmp_path)
    frontier = _frontier(mw)
    seen_pending: list[list[str]] = []

    def spider_output() -> Iterable[Any]:
        yield _article(A1, listed_date="2024-01-02")
        # Recorded by the time the spider goes on.
        seen_pending.append([p.url for p in frontier.pending()])
        yield Request(LISTING, meta={"walk": "fissico.com/xw/dzyw"})

    out = list(mw.process_spider_output(_response(), spider_output()))
    assert seen_pending == [[A1]]
    assert [r.url for r in out] == [A1, LISTING]
    # The key is taken off: the request goes on as the spider would have sent it.
    assert DISCOVERED not in out[0].meta and out[0].meta[FRONTIER_KEY] == A1
    assert [(p.url, p.meta) for p in frontier.pending()] == [(A1, {"listed_date": "2024-01-02"})]
    # A request without the key (a resumed article, a later page) records nothing.
    list(mw.process_spider_output(_response(), [Request(A2, meta={FRONTIER_KEY: A2})]))
    assert [p.url for p in frontier.pending()] == [A1]


def test_async_output_and_start_requests_are_recorded_too(tmp_path: Path) -> None:
    _, mw = _opened(tmp_path)

    async def spider_output() -> AsyncIterator[Any]:
        yield _article(A1)
        yield WalkComplete("fissico.com/xw/dzyw", "")

    async def collect(out: AsyncIterator[Any]) -> list[Any]:
        return [o async for o in out]

    out = asyncio.run(collect(mw.process_spider_output_async(_response(), spider_output())))
    assert [r.url for r in out] == [A1]
    out = asyncio.run(collect(mw.process_start(spider_output())))
    assert [r.url for r in out] == [A1]
    assert [p.url for p in _frontier(mw).pending()] == [A1]
    assert _frontier(mw).walk_state("fissico.com/xw/dzyw", "") == COMPLETE


def test_facts_are_recorded_and_never_passed_on(tmp_path: Path) -> None:
    _, mw = _opened(tmp_path)
    frontier = _frontier(mw)
    frontier.discovered(A2, {})
    item = ArticleItem(id="x", url=A1)
    facts = [Discovered(A1, {"listed_date": "2024-01-02"}),
             WalkProgress("fissico.com/xw/dzyw", "", LISTING),
             WalkProgress("fissico.com/ly/kbmj", "2024-01-01..", "next"),
             WalkComplete("fissico.com/ly/kbmj", "2024-01-01.."),
             IdsSeen((("xw/dzyw", 58001, "2024-01-02"), ("xw/dzyw", 58002, None))),
             ColumnsSeen(("xw/dzyw", "ly/kbmj")),
             IdWalked("ids", 58003),
             Settled(A2)]
    out = list(mw.process_spider_output(_response(), [*facts, item]))
    assert out == [item]  # only the item: no fact reaches a pipeline
    assert [(p.url, p.meta) for p in frontier.pending()] == [(A1, {"listed_date": "2024-01-02"})]
    assert frontier.unfinished_walks("") == [("fissico.com/xw/dzyw", LISTING)]
    assert frontier.walk_state("fissico.com/xw/dzyw", "") == WALKING
    assert frontier.walk_state("fissico.com/ly/kbmj", "2024-01-01..") == COMPLETE
    assert sorted(frontier.id_facts(58000, 58010)) == [("xw/dzyw", 58001, "2024-01-02"),
                                                       ("xw/dzyw", 58002, None)]
    assert frontier.columns_seen() == ["ly/kbmj", "xw/dzyw"]
    assert frontier.ids_walked("ids", range(58000, 58010)) == {58003}


def test_a_failure_is_recorded_with_its_reason_and_gives_up_after_max_tries(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    crawler, mw = _opened(tmp_path, FRONTIER_MAX_TRIES=2)
    frontier = _frontier(mw)
    frontier.discovered(A1, {})
    assert list(mw.process_spider_output(_response(A1), [Failed(A1, "http_503")])) == []
    assert [p.tries for p in frontier.pending()] == [1]
    assert crawler.stats.get_value("frontier/given_up") is None
    row = frontier._db.execute("SELECT reason FROM pending WHERE url = ?", (A1,)).fetchone()
    assert row == ("http_503",)
    with caplog.at_level(logging.WARNING):
        list(mw.process_spider_output(_response(A1), [Failed(A1, "extract_error:ValueError")]))
    assert list(frontier.pending()) == [] and frontier.counts()["given_up"] == 1
    assert crawler.stats.get_value("frontier/given_up") == 1
    assert f"Giving up {A1} after 2 failures (last: extract_error:ValueError)" in caplog.text


def test_facts_sent_where_nothing_is_yielded_are_recorded(tmp_path: Path) -> None:
    """An errback of a failed download: Scrapy calls it outside the spider
    middlewares, so the spider sends the fact with the ``frontier_fact`` signal."""
    crawler, mw = _opened(tmp_path)
    frontier = _frontier(mw)
    frontier.discovered(A1, {})
    frontier.discovered(A2, {})
    crawler.signals.send_catch_log(signal=frontier_fact, fact=Failed(A1, "timeout"))
    crawler.signals.send_catch_log(signal=frontier_fact, fact=Settled(A2))
    assert [(p.url, p.tries) for p in frontier.pending()] == [(A1, 1)]


def test_a_request_handed_to_the_engine_is_recorded_when_scheduled(tmp_path: Path) -> None:
    crawler, mw = _opened(tmp_path)
    request = _article(A1)
    crawler.signals.send_catch_log(signals.request_scheduled, request=request,
                                   spider=crawler.spider)
    assert [p.url for p in _frontier(mw).pending()] == [A1] and DISCOVERED not in request.meta


def test_an_exported_article_leaves_the_pending_list_once_its_line_is_durable(
        tmp_path: Path) -> None:
    crawler, mw = _opened(tmp_path)
    frontier = _frontier(mw)
    durable = crawl_state(crawler).durable
    durable.register(lambda: None)  # one grouped output: marks wait for its fsync
    for url in (A1, A2):
        frontier.discovered(url, {})
    crawler.signals.send_catch_log(signals.item_scraped, item={}, response=_article_response(A1),
                                   spider=crawler.spider)
    assert [p.url for p in frontier.pending()] == [A1, A2]  # written, not yet synced
    durable.syncing()
    durable.synced()
    assert [p.url for p in frontier.pending()] == [A2]
    # Dropped: a duplicate or outside the window settles it, anything else not.
    crawler.signals.send_catch_log(signals.item_dropped, item={}, response=_article_response(A2),
                                   exception=DropItem("empty"), spider=crawler.spider)
    assert [p.url for p in frontier.pending()] == [A2]
    for exc in (DuplicateItem("copy"), OutOfWindow("old")):
        frontier.discovered(A2, {})
        crawler.signals.send_catch_log(signals.item_dropped, item={},
                                       response=_article_response(A2), exception=exc,
                                       spider=crawler.spider)
        assert list(frontier.pending()) == []


def _article_response(url: str) -> Response:
    return HtmlResponse(url, body=b"", request=Request(url, meta={FRONTIER_KEY: url}))


def test_with_the_frontier_off_facts_are_still_consumed(tmp_path: Path) -> None:
    for crawler, mw in (_opened(tmp_path / "off", FRONTIER_ENABLED=False),
                        _opened(tmp_path / "other", OtherSpider)):
        assert mw.frontier is None and crawl_state(crawler).frontier is None
        out = list(mw.process_spider_output(_response(), [_article(A1), Settled(A1),
                                                          Failed(A1, "timeout")]))
        assert [r.url for r in out] == [A1]
        crawler.signals.send_catch_log(signal=frontier_fact, fact=Settled(A1))
    assert not (tmp_path / "off" / "frontier").exists()


def test_the_spider_states_facts_and_writes_nothing(tmp_path: Path) -> None:
    """A listing page through the real spider: the facts come out of its
    callback and go no further than the middleware; an errback's failure is sent."""
    crawler = project_crawler(FissicoSpider, STATE_DIR=str(tmp_path))
    assert crawler.stats is not None
    crawler.stats.open_spider()
    crawler.spider = spider = FissicoSpider.from_crawler(crawler)
    mw = FrontierMiddleware.from_crawler(crawler)
    mw.spider_opened(spider)
    frontier = _frontier(mw)
    page = ("<ul class='e2'>" + "".join(
        f"<li><a href='{u}'>标题</a> <span>2020-01-0{i}</span></li>"
        for i, u in enumerate((A1, A2), 1)) + "</ul><a href='list_11_3.html'>下一页</a>")
    response = HtmlResponse(LISTING, body=page.encode(), request=Request(LISTING))
    raw = list(spider.parse_listing(response))
    facts = [o for o in raw if not isinstance(o, Request)]
    assert [type(f) for f in facts] == [IdsSeen, WalkProgress]
    assert list(frontier.pending()) == []  # the spider wrote nothing itself
    out = list(mw.process_spider_output(response, iter(raw)))
    assert all(isinstance(o, Request) for o in out)
    assert [p.url for p in frontier.pending()] == [A1, A2]
    assert frontier.unfinished_walks("") == [(spider.walk_key(LISTING),
                                              "http://fissico.com/html/xw/dzyw/list_11_3.html")]
    # An article whose download failed: counted, and one try used up.
    failure = Failure(Timeout())
    failure.request = next(r for r in out if r.url == A1)  # type: ignore[attr-defined]
    assert spider.article_failed(failure) is None
    assert sorted((p.url, p.tries) for p in frontier.pending()) == [(A1, 1), (A2, 0)]
