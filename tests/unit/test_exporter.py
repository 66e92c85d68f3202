from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from crawler.exporters import SeedJsonLinesExporter
from crawler.items import ALL_FIELDS, INTERNAL_FIELDS, SEED_FIELDS, ArticleItem


def export(*items: object) -> bytes:
    buf = io.BytesIO()
    exporter = SeedJsonLinesExporter(buf)
    exporter.start_exporting()
    for item in items:
        exporter.export_item(item)
    exporter.finish_exporting()
    return buf.getvalue()


def test_item_has_exactly_the_seed_keys() -> None:
    assert set(ArticleItem.fields) == set(ALL_FIELDS) | set(INTERNAL_FIELDS)
    assert SEED_FIELDS[0] == "id" and SEED_FIELDS[-1] == "text"


def test_internal_keys_are_never_exported() -> None:
    item = ArticleItem(id="72c21c55ea8088ed", text="标题", listed_date="2022-10-08")
    record = json.loads(export(item))
    assert "listed_date" not in record and list(record)[: len(SEED_FIELDS)] == list(SEED_FIELDS)


def test_chinese_record_round_trips_byte_exact() -> None:
    item = ArticleItem(
        text="韦韬主持召开会议\n\n会议以电视电话会议形式召开,各县(市、区)设分会场。",
        tags=["疫情", "防控"],
        site="shanxidayuan",
        id="72c21c55ea8088ed",
        title="韦韬主持召开会议",
        published_at="2022-10-08T10:10:06+08:00",
        fetched_at="2026-11-23T10:00:00+00:00",
    )
    out = export(item, item)
    expected_line = (
        '{"id": "72c21c55ea8088ed", "url": null, "site": "shanxidayuan", '
        '"title": "韦韬主持召开会议", "subtitle": null, '
        '"published_at": "2022-10-08T10:10:06+08:00", "author": null, "editor": null, '
        '"source": null, "region": null, "category": [], "tags": ["疫情", "防控"], '
        '"text": "韦韬主持召开会议\\n\\n会议以电视电话会议形式召开,各县(市、区)设分会场。", '
        '"fetched_at": "2026-11-23T10:00:00+00:00"}\n'
    )
    assert out == (expected_line * 2).encode("utf-8")
    assert b"\\u" not in out
    back = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    assert list(back[0]) == [*SEED_FIELDS, "fetched_at"]
    assert back[0]["text"] == item["text"]


def test_crawl_keys_keep_their_order_after_text() -> None:
    item = ArticleItem(id="0" * 16, text="x", duplicate_of="1" * 16, status="new",
                       reason=None, fetched_at="t")
    record = json.loads(export(item))
    assert list(record)[len(SEED_FIELDS):] == ["fetched_at", "status", "duplicate_of"]


def test_polite_and_safe_defaults() -> None:
    from scrapy.utils.project import get_project_settings

    s = get_project_settings()
    assert s.getbool("ROBOTSTXT_OBEY") and s.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 1
    assert s.getbool("AUTOTHROTTLE_ENABLED") and "regional-news-crawler" in s["USER_AGENT"]
    assert 15 * 2**20 <= s.getint("DOWNLOAD_MAXSIZE") <= 17 * 2**20
    assert not s.getbool("TELNETCONSOLE_ENABLED") and not s.getbool("REMOTE_CONTROL_ENABLED")
    assert not s.getbool("COOKIES_ENABLED")
    handlers = s.getdict("DOWNLOAD_HANDLERS")
    assert all(handlers[k] is None for k in ("file", "data", "ftp", "s3"))
    assert s["STATE_DIR"].endswith(".state")


def test_marks_wait_for_the_fsync_that_covers_their_line(tmp_path: Path) -> None:
    from unittest import mock

    from crawler.state.durable import DurabilityBarrier

    barrier = DurabilityBarrier()
    done: list[int] = []
    with (tmp_path / "o.jsonl").open("wb") as fh, mock.patch("os.fsync") as fsync:
        exporter = SeedJsonLinesExporter(fh, barrier=barrier, sync_lines=3)
        exporter.start_exporting()
        for n in range(4):
            exporter.export_item(ArticleItem(id=f"{n:016x}", text="正文"))
            barrier.after_sync(lambda n=n: done.append(n))
            # Nothing is marked before an fsync covers its line.
            assert done == ([0, 1] if n >= 2 else []), (n, done)
            assert fsync.call_count == (1 if n >= 2 else 0)
        barrier.flush()  # the spider closes: the last line is synced, its mark made
        assert done == [0, 1, 2, 3] and fsync.call_count == 2
        exporter.finish_exporting()
    assert (tmp_path / "o.jsonl").read_text("utf-8").count("\n") == 4


def test_before_sync_runs_before_the_group_reaches_the_file(tmp_path: Path) -> None:
    """The dedupe commit rides ``before_sync``: when it runs, none of the
    group's lines is in the file yet, so a kill can never leave a line on disk
    whose index rows were not committed."""
    from crawler.state.durable import DurabilityBarrier

    barrier = DurabilityBarrier()
    out = tmp_path / "o.jsonl"
    seen_lines: list[int] = []

    def commit() -> None:
        seen_lines.append(out.read_bytes().count(b"\n"))

    with out.open("wb") as fh:
        exporter = SeedJsonLinesExporter(fh, barrier=barrier, sync_lines=3)
        exporter.start_exporting()
        for n in range(7):
            exporter.export_item(ArticleItem(id=f"{n:016x}", text="正文"))
            # Asked for after every item, run once per group.
            barrier.before_sync(commit)
        assert out.read_bytes().count(b"\n") == 6  # the 7th waits for its group
        exporter.finish_exporting()
    assert seen_lines == [0, 3, 6]
    assert out.read_bytes().count(b"\n") == 7


def test_appending_through_scrapys_file_storage_cuts_a_partial_last_line(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """``-o`` opens the output as Scrapy's ``FileFeedStorage`` does: write-only
    (mode ``ab``), so its tail cannot be read through that file. The partial
    line a kill left is still cut before the first line is appended (it was
    not: the next record followed it on the same line), and the run keeps its
    group commit and its fsyncs."""
    from unittest import mock

    from scrapy.extensions.feedexport import FileFeedStorage

    from crawler.state.durable import DurabilityBarrier

    out = tmp_path / "out.jsonl"
    whole = export(ArticleItem(id="0" * 16, text="正文"))
    torn = export(ArticleItem(id="1" * 16, text="被截断的正文"))[:-9]  # a kill mid-write
    out.write_bytes(whole + torn)
    fh = FileFeedStorage(str(out)).open(None)  # what -o gives
    assert not fh.readable()
    barrier = DurabilityBarrier()
    with fh, mock.patch("os.fsync") as fsync, caplog.at_level(logging.WARNING):
        exporter = SeedJsonLinesExporter(fh, barrier=barrier, sync_lines=64)
        exporter.start_exporting()
        assert out.read_bytes() == whole
        assert f"ended in a partial line ({len(torn)} bytes)" in caplog.text
        exporter.export_item(ArticleItem(id="2" * 16, text="正文"))
        assert barrier.buffering and fsync.call_count == 0  # grouped: waits for its group
        exporter.finish_exporting()
        assert fsync.call_count == 1
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in records] == ["0" * 16, "2" * 16]
