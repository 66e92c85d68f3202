from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from helpers import project_crawler
from scrapy import Request, signals
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse

from crawler.middlewares import (
    SEEN_CHECKED,
    DurableDeltaFetch,
    FetchGuardMiddleware,
    RefusedRequest,
)
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


def _deltafetch(tmp_path: Path, feeds: dict[str, Any] | None = None
                ) -> tuple[Any, DurableDeltaFetch, FissicoSpider]:
    if feeds is None:
        feeds = {str(tmp_path / "out.jsonl"): {"format": "jsonl"}}
    crawler = project_crawler(FissicoSpider, STATE_DIR=str(tmp_path), FEEDS=feeds)
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


def test_scrapy_deltafetch_meta_keys_and_settings_keep_their_meaning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # docs/state.md: the library's request meta works as its docs say.
    crawler, mw, spider = _deltafetch(tmp_path)
    listing = HtmlResponse("http://fissico.com/", body=b"", request=Request("http://fissico.com/"))
    url = "http://fissico.com/html/xw/dzyw/58159.html"
    keyed = Request(url, meta={"deltafetch_key": "my-key"})
    crawler.signals.send_catch_log(signals.item_scraped, item={}, spider=spider,
                                   response=HtmlResponse(url, body=b"", request=keyed))
    assert b"my-key" in mw.db  # deltafetch_key keys the request
    always = Request(url, meta={"deltafetch_key": "my-key", "deltafetch_enabled": False})
    assert list(mw.process_spider_output(listing, [keyed, always], spider)) == [always]
    crawler.signals.send_catch_log(signals.item_scraped, item={}, spider=spider,
                                   response=HtmlResponse(url + "?x", body=b"",
                                                         request=Request(url + "?x", meta={
                                                             "deltafetch_enabled": False})))
    assert crawler.stats.get_value("deltafetch/stored") == 1  # never marks those either
    # A request the spider made after its own lookup is not looked up again.
    checked = Request(url, meta={"deltafetch_key": "my-key", SEEN_CHECKED: True})
    assert list(mw.process_spider_output(listing, [checked], spider)) == [checked]
    # DELTAFETCH_DIR is the one setting not read: said, not ignored in silence.
    with caplog.at_level("WARNING"):
        DurableDeltaFetch.from_crawler(
            project_crawler(FissicoSpider, STATE_DIR=str(tmp_path), DELTAFETCH_DIR="elsewhere"))
    assert "DELTAFETCH_DIR is not used" in caplog.text


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


def test_nothing_is_marked_without_an_output(tmp_path: Path) -> None:
    crawler, mw, spider = _deltafetch(tmp_path, feeds={})
    url = "http://fissico.com/html/xw/dzyw/58159.html"
    _, response = _article(url)
    crawler.signals.send_catch_log(signals.item_scraped, item={"id": record_id(url)},
                                   response=response, spider=spider)
    assert record_id(url) not in mw.db


def test_reconcile_records_lines_the_state_lacks_and_reads_only_new_bytes(
        tmp_path: Path) -> None:
    """A crash between a line's write and its mark leaves a line the state does
    not know; the next start records it. A partial last line is no record."""
    out = tmp_path / "out.jsonl"
    a, b, c = (record_id(f"http://fissico.com/html/xw/dzyw/{n}.html") for n in (1, 2, 3))
    out.write_text(f'{{"id": "{a}"}}\n{{"id": "{b}"}}\n{{"id": "{c}", "te', "utf-8")
    crawler, mw, spider = _deltafetch(tmp_path)
    assert a in mw.db and b in mw.db and c not in mw.db
    assert crawler.stats.get_value("deltafetch/reconciled") == 2
    mw.spider_closed(spider)
    # The torn line completed (as the exporter repairs and rewrites it): only it is new.
    with out.open("r+b") as fh:
        fh.truncate(out.read_bytes().rindex(b"\n") + 1)
        fh.seek(0, 2)
        fh.write(f'{{"id": "{c}"}}\n'.encode())
    crawler, mw, spider = _deltafetch(tmp_path)
    assert c in mw.db and crawler.stats.get_value("deltafetch/reconciled") == 1


def test_overwritten_outputs_and_resets_are_not_reconciled(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    rid = record_id("http://fissico.com/html/xw/dzyw/1.html")
    out.write_text(f'{{"id": "{rid}"}}\n', "utf-8")
    _, mw, _ = _deltafetch(tmp_path, feeds={str(out): {"format": "jsonl", "overwrite": True}})
    assert rid not in mw.db


def test_exporter_cuts_a_partial_last_line_and_syncs_every_record(tmp_path: Path) -> None:
    from crawler.exporters import SeedJsonLinesExporter
    from crawler.items import ArticleItem

    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": "a"}\n{"id": "b", "text": "cut sh')
    with out.open("ab") as fh:
        exporter = SeedJsonLinesExporter(fh)
        exporter.start_exporting()
        exporter.export_item(ArticleItem(id="72c21c55ea8088ed", text="t"))
        # Written and on disk before the file is closed.
        assert out.read_bytes().count(b"\n") == 2
    lines = out.read_text("utf-8").splitlines()
    assert lines[0] == '{"id": "a"}' and len(lines) == 2
    assert json.loads(lines[1])["id"] == "72c21c55ea8088ed"  # not glued to the cut line
