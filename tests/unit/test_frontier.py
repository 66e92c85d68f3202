"""The durable frontier and the spider's use of it through its writer
(``FrontierMiddleware``), offline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import scrapy
from helpers import project_crawler
from scrapy.http import HtmlResponse, Request

from crawler.state.frontier import COMPLETE, WALKING, Frontier
from crawler.state.frontier_middleware import FrontierMiddleware
from crawler.state.runtime import crawl_state
from crawler.state.seen import SeenStore
from crawler.urls import record_id
from spiders.fissico import FissicoSpider

LISTING = "http://fissico.com/html/xw/dzyw/list_11_2.html"
ARTICLES = ("http://fissico.com/html/xw/dzyw/58001.html", "http://fissico.com/html/xw/dzyw/58002.html")
PAGE = ("<ul class='e2'>" + "".join(f"<li><a href='{u}'>标题</a> <span>2020-01-0{i}</span></li>"
                                    for i, u in enumerate(ARTICLES, 1))
        + "</ul><a href='list_11_3.html'>下一页</a>").encode()


def test_walks_pending_failures_and_ids(tmp_path: Path) -> None:
    f = Frontier(tmp_path / "f.sqlite", max_tries=2)
    assert f.walk_state("h/xw/dzyw", "") is None
    f.walk_progress("h/xw/dzyw", "", "p3")
    assert f.walk_state("h/xw/dzyw", "") == WALKING
    assert f.unfinished_walks("") == [("h/xw/dzyw", "p3")]
    f.walk_complete("h/xw/dzyw", "")
    f.walk_progress("h/xw/dzyw", "", "p9")  # a complete walk stays complete
    assert f.walk_state("h/xw/dzyw", "") == COMPLETE and f.unfinished_walks("") == []
    # A walk completed without a window covers a windowed one; not the other way.
    assert f.walk_state("h/xw/dzyw", "2024-01-01..") == COMPLETE
    f.walk_complete("h/ly/kbmj", "2024-01-01..")
    assert f.walk_state("h/ly/kbmj", "") is None

    f.discovered("u1", {"listed_date": "2024-01-02"})
    f.discovered("u2", {})
    assert [(p.url, p.meta) for p in f.pending()] == [("u1", {"listed_date": "2024-01-02"}),
                                                     ("u2", {})]
    assert f.failed("u1", "http_503") is False and f.failed("u1", "http_503") is True
    f.done("u2")
    assert list(f.pending()) == [] and f.counts() == {"pending": 0, "given_up": 1, "walking": 0}

    f.id_walked("ids", 7)
    assert f.ids_walked("ids", range(5, 10)) == {7}
    f.close()
    assert Frontier(tmp_path / "f.sqlite").walk_state("h/xw/dzyw", "") == COMPLETE  # durable


def _opened(tmp_path: Path) -> tuple[Any, FissicoSpider, FrontierMiddleware, Frontier]:
    """A fissico spider and the frontier's writer, which opened its frontier."""
    crawler = project_crawler(FissicoSpider, STATE_DIR=str(tmp_path))
    crawler.spider = spider = FissicoSpider.from_crawler(crawler)
    mw = FrontierMiddleware.from_crawler(crawler)
    mw.spider_opened(spider)
    frontier = crawl_state(crawler).frontier
    assert frontier is not None and frontier is mw.frontier
    return crawler, spider, mw, frontier


def _spider_with(tmp_path: Path, walk: str | None) -> tuple[FissicoSpider, FrontierMiddleware]:
    """A fissico spider whose state knows both articles from an earlier run and
    the listing's walk as ``walk`` (None: never walked)."""
    seen = SeenStore(tmp_path / "seen.sqlite")
    for url in ARTICLES:
        seen.add(record_id(url))
    seen.close()
    crawler, spider, mw, frontier = _opened(tmp_path)
    # A new run: those were exported before.
    crawl_state(crawler).seen = SeenStore(tmp_path / "seen.sqlite")
    key = spider.walk_key(LISTING)
    if walk == WALKING:
        frontier.walk_progress(key, "", LISTING)
    elif walk == COMPLETE:
        frontier.walk_complete(key, "")
    return spider, mw


def _next_pages(spider: FissicoSpider, mw: FrontierMiddleware) -> list[str]:
    response = HtmlResponse(LISTING, body=PAGE, request=Request(LISTING))
    return [r.url for r in mw.process_spider_output(response, spider.parse_listing(response))
            if isinstance(r, scrapy.Request) and "list_11" in r.url]


def test_a_fully_known_page_stops_paging_only_after_a_complete_walk(tmp_path: Path) -> None:
    """Known articles say nothing about older pages unless an earlier walk of
    this listing reached its end: they may have become known through a home or
    section page while the walk was interrupted (a crawl lost 292 of 3,001
    articles to this before)."""
    for walk, stops in ((None, False), (WALKING, False), (COMPLETE, True)):
        where = tmp_path / str(walk)
        where.mkdir()
        spider, mw = _spider_with(where, walk)
        pages = _next_pages(spider, mw)
        assert (pages == []) is stops, (walk, pages)
        if not stops:
            assert pages == ["http://fissico.com/html/xw/dzyw/list_11_3.html"]
            # The walk's progress is on record before the next page is asked for.
            frontier = mw.frontier
            assert frontier is not None
            assert frontier.unfinished_walks("") == [(spider.walk_key(LISTING),
                                                      "http://fissico.com/html/xw/dzyw/list_11_3.html")]


def test_a_run_resumes_pending_articles_and_half_read_walks_first(tmp_path: Path) -> None:
    import asyncio

    crawler, spider, mw, frontier = _opened(tmp_path)
    state = crawl_state(crawler)
    state.seen = SeenStore(tmp_path / "seen.sqlite")
    frontier.discovered(ARTICLES[0], {"listed_date": "2020-01-01"})
    frontier.discovered(ARTICLES[1], {})
    state.seen.add(record_id(ARTICLES[1]))  # exported after all (the reconcile found it)
    frontier.walk_progress("fissico.com/xw/dzyw", "", LISTING)

    async def first_three() -> list[Any]:
        out = []
        async for request in mw.process_start(spider.start()):
            out.append(request)
            if len(out) == 3:
                break
        return out

    first = asyncio.run(first_three())
    assert [r.url for r in first[:2]] == [ARTICLES[0], LISTING]
    assert first[0].meta["listed_date"] == "2020-01-01" and first[0].meta["frontier_key"]
    assert first[1].meta["walk"] == "fissico.com/xw/dzyw"
    assert first[2].url == "http://fissico.com/"  # then the crawl as usual
    assert [p.url for p in frontier.pending()] == [ARTICLES[0]]
