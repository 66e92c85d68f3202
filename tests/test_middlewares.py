from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from helpers import project_crawler
from scrapy import Request, signals
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse

from crawler.middlewares import DurableDeltaFetch, FetchGuardMiddleware, RefusedRequest
from crawler.urls import record_id
from spiders.fissico import FissicoSpider


def test_fetch_guard_refuses_and_counts() -> None:
    crawler = project_crawler(FissicoSpider)
    guard = FetchGuardMiddleware.from_crawler(crawler)
    assert guard.process_request(Request("http://fissico.com/html/xw/dzyw/1.html")) is None
    for url in ("http://127.0.0.1:6379/", "http://example.com/", "http://fissico.com:22/"):
        with pytest.raises(RefusedRequest):
            guard.process_request(Request(url))
    assert crawler.stats is not None
    assert crawler.stats.get_value("guard/refused") == 3


def _deltafetch(tmp_path: Path) -> tuple[Any, DurableDeltaFetch, FissicoSpider]:
    crawler = project_crawler(FissicoSpider, STATE_DIR=str(tmp_path))
    crawler.spider = spider = FissicoSpider.from_crawler(crawler)
    mw = DurableDeltaFetch.from_crawler(crawler)
    mw.spider_opened(spider)
    return crawler, mw, spider


def _article(url: str) -> tuple[Request, HtmlResponse]:
    request = Request(url, meta={"deltafetch_key": record_id(url)})
    return request, HtmlResponse(url, body=b"<p>x</p>", request=request)


def test_seen_only_after_item_scraped_and_survives_restart(tmp_path: Path) -> None:
    crawler, mw, spider = _deltafetch(tmp_path)
    url = "http://fissico.com/html/xw/dzyw/58159.html"
    request, response = _article(url)
    listing = HtmlResponse("http://fissico.com/html/xw/dzyw/", body=b"",
                           request=Request("http://fissico.com/"))
    # The spider yielding an item marks nothing: the pipelines have not run yet.
    out = list(mw.process_spider_output(listing, [{"id": "x"}, request], spider))
    assert len(out) == 2 and record_id(url) not in mw.db
    # An item that a pipeline drops for another reason is not marked either.
    crawler.signals.send_catch_log(signals.item_dropped, item={}, response=response,
                                   exception=DropItem("empty"), spider=spider)
    assert record_id(url) not in mw.db
    crawler.signals.send_catch_log(signals.item_scraped, item={}, response=response, spider=spider)
    assert record_id(url) in mw.db
    mw.spider_closed(spider)
    # A new run skips the exported article, in sync and async spider output.
    crawler2, mw2, spider2 = _deltafetch(tmp_path)
    other_request, _ = _article("http://fissico.com/html/xw/dzyw/58160.html")
    kept = list(mw2.process_spider_output(listing, [request, other_request], spider2))
    assert kept == [other_request]

    async def collect() -> list[Any]:
        async def gen() -> Any:
            yield request
            yield other_request
        return [r async for r in mw2.process_spider_output_async(listing, gen(), spider2)]

    assert asyncio.run(collect()) == [other_request]
    assert crawler2.stats.get_value("deltafetch/skipped") == 2
    # The spider reads the store from the crawler's shared state, not an attribute.
    from crawler.state.runtime import crawl_state

    assert crawl_state(crawler2).seen is mw2.db and not hasattr(spider2, "seen")


def test_known_before_counts_only_earlier_runs(tmp_path: Path) -> None:
    """A listing stops paging on articles an earlier run exported, never on
    those this run exported a moment ago (a home page's teasers)."""
    from crawler.state.seen import SeenStore

    first = SeenStore(tmp_path / "s.sqlite")
    first.add("old")
    first.close()
    second = SeenStore(tmp_path / "s.sqlite")
    second.add("new")
    assert "new" in second and "old" in second
    assert second.known_before("old") and not second.known_before("new")
    second.close()
