"""DedupePipeline through a crawler built by Scrapy's test helper."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import dedupe_pipeline
from scrapy.exceptions import NotConfigured

from crawler.exceptions import DuplicateItem
from crawler.items import ArticleItem
from pipelines.dedupe import DedupePipeline
from testkit.synth import Writer


def items() -> list[ArticleItem]:
    w = Writer(21)
    a, b = w.article(), w.article()
    return [
        ArticleItem(id="a" * 16, url="http://fissico.com/html/xw/1.html", site="fissico", text=a),
        ArticleItem(id="b" * 16, url="https://FISSICO.com/html/xw/1.html?utm_source=x",
                    site="fissico", text=b),
        ArticleItem(id="c" * 16, url=None, site="sxnews", text=a),
        ArticleItem(id="d" * 16, url="http://www.sxrb.com/x/2.shtml", site="sxnews",
                    text=w.mirror(w.edited(a))),
        ArticleItem(id="e" * 16, url="http://www.sxrb.com/x/3.shtml", site="sxnews", text=b),
    ]


def stats(pipe: DedupePipeline) -> dict[str, Any]:
    assert pipe.stats is not None
    return {k: v for k, v in pipe.stats.get_stats().items() if k.count("/") == 1}


def test_drop_mode_raises_with_reason_and_counts(tmp_path: Path) -> None:
    pipe = dedupe_pipeline(tmp_path)
    kept, reasons = [], []
    for item in items():
        try:
            kept.append(pipe.process_item(item)["id"])
        except DuplicateItem as exc:
            reasons.append(str(exc))
    pipe.close_spider()
    assert kept == ["a" * 16, "e" * 16]
    assert "same canonical URL as aaaa" in reasons[0]
    assert "exact duplicate of aaaa" in reasons[1]
    assert "near duplicate of aaaa" in reasons[2]
    assert stats(pipe) == {"dedupe/kept": 2, "dedupe/url": 1, "dedupe/exact": 1,
                           "dedupe/near": 1}


def test_mark_mode_keeps_and_fills_duplicate_of(tmp_path: Path) -> None:
    pipe = dedupe_pipeline(tmp_path, DEDUP_MODE="mark")
    out = [pipe.process_item(item) for item in items()]
    pipe.close_spider()
    assert [o.get("duplicate_of") for o in out] == [None, "a" * 16, "a" * 16, "a" * 16, None]


def test_state_persists_between_crawls(tmp_path: Path) -> None:
    pipe = dedupe_pipeline(tmp_path)
    for item in items()[:1]:
        pipe.process_item(item)
    pipe.close_spider()
    pipe = dedupe_pipeline(tmp_path)
    with pytest.raises(DuplicateItem):  # the same text at another URL, next crawl
        pipe.process_item(items()[2])
    # The record itself again (its line lost in a crash, or a reset) is kept.
    assert pipe.process_item(items()[0]).get("duplicate_of") is None
    pipe.close_spider()


def test_records_without_text_pass_and_disabled_is_not_configured(tmp_path: Path) -> None:
    pipe = dedupe_pipeline(tmp_path)
    gone = ArticleItem(id="f" * 16, url="http://fissico.com/html/xw/9.html", status="gone")
    assert pipe.process_item(gone) is gone
    assert stats(pipe) == {"dedupe/skipped": 1}
    pipe.close_spider()
    with pytest.raises(NotConfigured):
        dedupe_pipeline(tmp_path, DEDUP_ENABLED=False)


def test_refetch_setting_keeps_the_same_record_seen_again(tmp_path: Path) -> None:
    pipe = dedupe_pipeline(tmp_path, DEDUP_SAME_ID_IS_DUPLICATE=False)
    first = items()[0]
    pipe.process_item(first)
    again = ArticleItem(first, status="unchanged")
    assert pipe.process_item(again).get("duplicate_of") is None
    pipe.close_spider()


def test_state_is_committed_once_per_output_group(tmp_path: Path) -> None:
    """With a grouped output the index is committed before each of its fsyncs,
    not after every item; without one, after every item."""
    from crawler.state.runtime import crawl_state

    pipe = dedupe_pipeline(tmp_path, DEDUP_MODE="mark")
    barrier = crawl_state(pipe.crawler).durable
    barrier.register(lambda: None)  # one grouped output: marks are buffered
    assert pipe.stats is not None

    def commits() -> int:
        return int(pipe.stats.get_value("dedupe/state/commits", 0))

    for item in items():
        pipe.process_item(item)
    assert commits() == 0
    barrier.syncing()
    assert commits() == 1
    barrier.unregister(barrier.syncs[0])
    pipe.process_item(items()[0])
    assert commits() == 2
    pipe.close_spider()
