"""CleanPipeline through a crawler built by Scrapy's test helper."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import GOLDEN_DIR, SEEDS_DIR
from scrapy.utils.test import get_crawler

from crawler.exceptions import EmptyArticle
from crawler.items import ArticleItem
from pipelines.clean import CleanPipeline


def make_pipeline(settings: dict[str, Any] | None = None) -> CleanPipeline:
    crawler = get_crawler(settings_dict=settings or {})
    assert crawler.stats is not None
    crawler.stats.open_spider()
    return CleanPipeline.from_crawler(crawler)


def seed_item(name: str, **extra: Any) -> ArticleItem:
    path = next(SEEDS_DIR.glob(f"{name}_*.txt"))
    return ArticleItem(text=path.read_text("utf-8"), **extra)


def stat(pipeline: CleanPipeline, key: str) -> Any:
    return pipeline.stats.get_value(key)


def test_item_gets_fields_and_clean_text() -> None:
    pipeline = make_pipeline()
    golden = json.loads(next(GOLDEN_DIR.glob("002_*.json")).read_text("utf-8"))
    item = seed_item(
        "002", id="0123456789abcdef", url="http://www.shanxidayuan.com/gsyl/lzyl/10077.html",
        site="shanxidayuan", fetched_at="2026-11-23T20:00:00Z",
    )
    out = pipeline.process_item(item)
    for key in ("title", "published_at", "author", "region", "tags", "text", "category"):
        assert out[key] == golden[key], key
    assert out["id"] == "0123456789abcdef"  # the spider's id is kept
    assert out["fetched_at"] == "2026-11-23T20:00:00Z"
    assert stat(pipeline, "clean/documents/shanxidayuan") == 1
    assert stat(pipeline, "clean/lines_removed/counter") == 2
    assert stat(pipeline, "clean/lines_removed/copyright_block") >= 1


def test_fetched_url_beats_page_url_and_page_url_fills_a_gap() -> None:
    pipeline = make_pipeline()
    out = pipeline.process_item(seed_item("001", url="http://fissico.com/html/xw/dzyw/1.html"))
    assert out["url"] == "http://fissico.com/html/xw/dzyw/1.html"
    out = pipeline.process_item(seed_item("001"))
    assert out["url"] == "http://fissico.com/html/xw/dzyw/58159.html"
    assert out["site"] == "fissico"


def test_stats_for_glosses_spam_and_unknown_site() -> None:
    pipeline = make_pipeline()
    pipeline.process_item(seed_item("000"))
    pipeline.process_item(ArticleItem(text="某地新闻标题\n\n正文第一段。"))
    assert stat(pipeline, "clean/glosses_removed") == 75
    assert stat(pipeline, "clean/spam_lines_removed") == 2
    assert stat(pipeline, "clean/documents/sxnews") == 1
    assert stat(pipeline, "clean/unknown_site") == 1


def test_text_script_setting() -> None:
    pipeline = make_pipeline({"TEXT_SCRIPT": "hans"})
    out = pipeline.process_item(seed_item("000"))
    assert out["title"].startswith("楼阳生主持召开")
    assert out["editor"] == "张星秀"
    with pytest.raises(ValueError):
        make_pipeline({"TEXT_SCRIPT": "pinyin"})


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "大院网-山西大院资讯网\n\n0\n\n版权声明\n\n本文地址:http://www.shanxidayuan.com/a/1.html"],
)
def test_empty_or_chrome_only_is_dropped(text: str) -> None:
    pipeline = make_pipeline()
    with pytest.raises(EmptyArticle):
        pipeline.process_item(ArticleItem(text=text, site="shanxidayuan"))
    dropped = (stat(pipeline, "clean/dropped/empty") or 0) + (
        stat(pipeline, "clean/dropped/chrome_only") or 0)
    assert dropped == 1


def test_missing_text_is_dropped() -> None:
    with pytest.raises(EmptyArticle):
        make_pipeline().process_item(ArticleItem(url="http://fissico.com/html/xw/a/1.html"))


@pytest.mark.parametrize("status", ["gone", "error"])
def test_refetch_records_without_a_page_pass_through(status: str) -> None:
    pipeline = make_pipeline()
    item = ArticleItem(id="00000000000000aa", text="", status=status, reason="HTTP 404")
    assert pipeline.process_item(item) is item
    assert item["text"] == "" and stat(pipeline, f"clean/passed_through/{status}") == 1


def test_clean_text_is_a_fixed_point() -> None:
    pipeline = make_pipeline()
    for path in sorted(GOLDEN_DIR.glob("*.json")):
        golden = json.loads(path.read_text("utf-8"))
        out = pipeline.process_item(ArticleItem(text=golden["text"], site=golden["site"]))
        assert out["text"] == golden["text"] and out["title"] == golden["title"]
