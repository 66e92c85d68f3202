"""The web archive (crawler.archive) offline: records read back byte-identical by
warcio and pass ``warcio check``, revisits, durability before the output's
lines, a killed run's file cut after its last whole record, rotation, links
refused; reading back: last capture per URL, revisits resolved, bad files
named; the review of ``--against``."""

from __future__ import annotations

import datetime as dt
import fcntl
import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawler.archive.read import ArchiveError, load, scan
from crawler.archive.reextract import plan, review
from crawler.archive.warc import (
    LISTED_DATE,
    OPEN,
    SERVER_NOT_MODIFIED,
    ArchiveWriter,
    Capture,
    complete_length,
    finish_unfinished,
    payload_digest,
    safe_folder,
)

URL = "http://www.shanxidayuan.com/gsyl/lzyl/{}.html"
HTML = ("<html><head><meta charset='utf-8'><title>标题{n}</title></head>"
        "<body><p>{text}</p></body></html>")


def page(n: int, text: str = "正文") -> bytes:
    return HTML.format(n=n, text=text * 40).encode("utf-8")


def capture(n: int, body: bytes | None = None, status: int = 200, **kw: Any) -> Capture:
    return Capture(url=URL.format(n), status=status,
                   headers=[("Content-Type", "text/html; charset=utf-8"),
                            ("Content-Length", "17"), ("ETag", f'"e{n}"')],
                   body=page(n) if body is None else body,
                   request_headers=[("User-Agent", "test")], **kw)


def records(path: Path) -> list[Any]:
    out = []
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh):
            body = record.content_stream().read()
            out.append((record.rec_type, record.rec_headers, record.http_headers, body))
    return out


def warc_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.warc.gz"))


def warcio_check(paths: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from warcio.cli import main; main()",
                           "check", "-v", *map(str, paths)],
                          capture_output=True, text=True, check=False)


def test_records_read_back_byte_identical_and_pass_warcio_check(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path, 1 << 30)
    bodies = {n: page(n, "山西新闻" * n) for n in range(1, 6)}
    for n, body in bodies.items():
        assert writer.write("shanxidayuan", capture(n, body, listed_date="2024-05-0" + str(n))
                            ) == "response"
    writer.close()
    [path] = warc_files(tmp_path)
    assert path.parent.name == "shanxidayuan" and not list(tmp_path.rglob("*" + OPEN))
    got = records(path)
    assert [r[0] for r in got] == ["warcinfo"] + ["response", "request"] * 5
    responses = [r for r in got if r[0] == "response"]
    assert [r[3] for r in responses] == list(bodies.values())
    for (_, headers, http, body), n in zip(responses, bodies, strict=True):
        assert headers.get_header("WARC-Target-URI") == URL.format(n)
        assert headers.get_header(LISTED_DATE) == f"2024-05-0{n}"
        assert headers.get_header("WARC-Payload-Digest") == payload_digest(body)
        # The body as stored: its own length, the wire's kept aside.
        assert http.get_header("Content-Length") == str(len(body))
        assert http.get_header("X-Archive-Orig-Content-Length") == "17"
    check = warcio_check([path])
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count("digest pass") == 11


def test_an_unchanged_page_or_a_304_is_a_revisit(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path, 1 << 30)
    assert writer.write("shanxidayuan", capture(1)) == "response"
    assert writer.write("shanxidayuan", capture(2, status=304, body=b"")) == "skipped"
    writer.close()
    # A later run: the index knows the first capture.
    writer = ArchiveWriter(tmp_path, 1 << 30)
    assert writer.write("shanxidayuan", capture(1)) == "revisit"
    assert writer.write("shanxidayuan", capture(1, status=304, body=b"")) == "not_modified"
    assert writer.write("shanxidayuan", capture(1, page(1, "改了"))) == "response"
    writer.close()
    first, second = warc_files(tmp_path)
    original = next(r for r in records(first) if r[0] == "response")
    revisits = [r for r in records(second) if r[0] == "revisit"]
    assert len(revisits) == 2 and all(r[3] == b"" for r in revisits)
    for _, headers, _, _ in revisits:
        assert headers.get_header("WARC-Refers-To") == original[1].get_header("WARC-Record-ID")
        assert headers.get_header("WARC-Payload-Digest") == payload_digest(page(1))
    assert revisits[1][1].get_header("WARC-Profile") == SERVER_NOT_MODIFIED
    assert warcio_check([first, second]).returncode == 0
    # Read back, the URL's last capture is the changed page; a revisit stands
    # for the page it refers to.
    found = plan([first, second])
    assert found.revisits == 2 and found.unresolved == 0
    [task] = found.tasks
    assert load(task.path, task.offset).body == page(1, "改了")
    only_revisits = plan([first, second])
    assert only_revisits.tasks[0].uri == URL.format(1)


def test_a_revisit_never_refers_to_a_pruned_file(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path, 1 << 30)
    writer.write("shanxidayuan", capture(1))
    writer.close()
    for path in warc_files(tmp_path):
        path.unlink()
    writer = ArchiveWriter(tmp_path, 1 << 30)
    assert writer.write("shanxidayuan", capture(1)) == "response"
    writer.close()


def test_the_page_is_synced_before_the_line_that_needs_it(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """ArchiveMiddleware hands the archive's fsync to the barrier's before_sync:
    with the output grouping its fsyncs, the page is synced before the line is
    written, and the article is marked only after both."""
    from scrapy import Request
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from crawler.archive.middleware import ArchiveMiddleware
    from crawler.exporters import SeedJsonLinesExporter
    from crawler.state.runtime import crawl_state

    crawler = get_crawler(settings_dict={"STATE_DIR": str(tmp_path / "state")})
    assert crawler.stats is not None
    crawler.stats.open_spider()
    middleware = ArchiveMiddleware.from_crawler(crawler)
    middleware.spider_opened(None)  # type: ignore[arg-type]
    barrier = crawl_state(crawler).durable
    events: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        name = os.readlink(f"/proc/self/fd/{fd}")
        events.append("fsync archive" if name.endswith(".warc.gz" + OPEN) else
                      "fsync output" if name.endswith(".jsonl") else "fsync other")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with (tmp_path / "out.jsonl").open("wb") as out:
        exporter = SeedJsonLinesExporter(out, barrier=barrier, sync_lines=64)
        exporter.start_exporting()
        original_write = out.write

        def write(data: bytes) -> int:
            events.append("write output")
            return original_write(data)

        monkeypatch.setattr(out, "write", write)
        request = Request(URL.format(1), meta={"listed_date": "2024-01-02"})
        middleware.process_spider_input(HtmlResponse(URL.format(1), body=page(1),
                                                     request=request))
        exporter.export_item({"id": "0" * 16, "url": URL.format(1), "text": "x"})
        barrier.after_sync(lambda: events.append("marked"))
        assert events == []  # grouped: nothing synced or written yet
        exporter.finish_exporting()
    middleware.spider_closed(None)  # type: ignore[arg-type]
    assert events.index("fsync archive") < events.index("write output") \
        < events.index("fsync output") < events.index("marked"), events
    assert crawler.stats.get_value("archive/records/response") == 1
    [path] = warc_files(tmp_path / "state" / "archive")
    [task] = plan([path]).tasks
    assert task.listed_date == "2024-01-02"


def _open_file(root: Path) -> Path:
    [path] = list((root / "shanxidayuan").glob("*" + OPEN))
    return path


def test_a_killed_runs_file_is_cut_after_its_last_whole_record(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path, 1 << 30)
    for n in range(3):
        writer.write("shanxidayuan", capture(n))
    writer.sync()
    path = _open_file(tmp_path)
    whole = path.stat().st_size
    # A kill in the middle of the next record: half a gzip member at the end.
    member = gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n" + b"x" * 5000)
    with path.open("ab") as fh:
        fh.write(member[: len(member) // 2])
    # The killed process is gone: its lock with it (the writer's handle here).
    writer.files["shanxidayuan"].fh.close()
    writer.index.close()
    with pytest.raises(ArchiveError, match="no such file"):
        list(scan(path.with_name("x")))
    # Read before the repair: up to the last whole record.
    assert len(list(scan(path))) == 3
    repaired = finish_unfinished(tmp_path / "shanxidayuan")
    final = path.with_name(path.name[: -len(OPEN)])
    assert [(r.path, r.cut) for r in repaired] == [(final, len(member) // 2)]
    assert final.stat().st_size == whole and not path.exists()
    assert [r[0] for r in records(final)] == ["warcinfo"] + ["response", "request"] * 3
    assert warcio_check([final]).returncode == 0
    # A new run writes a file of its own; the repaired one is never touched again.
    before = final.read_bytes()
    writer = ArchiveWriter(tmp_path, 1 << 30)
    writer.write("shanxidayuan", capture(9))
    writer.close()
    assert final.read_bytes() == before and len(warc_files(tmp_path)) == 2


def test_a_file_a_live_process_writes_is_left_alone(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path, 1 << 30)
    writer.write("shanxidayuan", capture(1))
    writer.sync()
    path = _open_file(tmp_path)
    with path.open("ab") as fh:  # a record being written right now
        fh.write(b"\x1f\x8b\x08\x00partial")
    size = path.stat().st_size
    assert finish_unfinished(tmp_path / "shanxidayuan") == []
    assert path.exists() and path.stat().st_size == size
    fd = os.open(path, os.O_RDONLY)
    try:
        with pytest.raises(BlockingIOError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(fd)
    writer.files["shanxidayuan"].fh.close()


def test_files_rotate_by_size_and_each_reads_back_whole(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path, 4000)
    for n in range(12):
        writer.write("shanxidayuan", capture(n, page(n, f"第{n}段内容")))
    writer.write("fissico", Capture(url="http://fissico.com/html/xw/dzyw/58218.html",
                                    status=200, headers=[], body=page(1), request_headers=[]))
    writer.close()
    files = warc_files(tmp_path)
    assert len(files) > 3 and {p.parent.name for p in files} == {"shanxidayuan", "fissico"}
    assert len({p.name for p in files}) == len(files)
    assert warcio_check(files).returncode == 0
    assert len(plan(files).tasks) == 13


def test_the_archive_is_never_written_through_a_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = tmp_path / "archive"
    root.mkdir()
    (root / "shanxidayuan").symlink_to(elsewhere)
    with pytest.raises(ValueError, match="link"):
        safe_folder(root, "shanxidayuan")
    writer = ArchiveWriter(root, 1 << 30)
    with pytest.raises(ValueError, match="link"):
        writer.write("shanxidayuan", capture(1))
    assert list(elsewhere.iterdir()) == []
    with pytest.raises(ValueError):
        safe_folder(root, "..")


def test_bad_files_are_named_and_what_they_held_before_is_kept(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path / "a", 1 << 30)
    for n in range(4):
        writer.write("shanxidayuan", capture(n))
    writer.close()
    [good] = warc_files(tmp_path / "a")
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(good.read_bytes()[:-200])  # the last record's member cut short
    # Cut anywhere inside a record's member, a file is "cut short" (a member may
    # end early without any error from the reader: the gzip end is checked).
    data = good.read_bytes()
    for at in range(600, len(data) - 40, 97):
        if complete_length(io.BytesIO(data[:at])) == at:
            continue  # between two records: a whole file
        with pytest.raises(ArchiveError, match="cut short"):
            (tmp_path / "some.warc.gz").write_bytes(data[:at])
            list(scan(tmp_path / "some.warc.gz"))
    text = tmp_path / "notes.warc.gz"
    text.write_text("not a warc\n" * 20)
    link = tmp_path / "link.warc.gz"
    link.symlink_to(good)
    problems: list[str] = []
    found = plan([cut, text, link, tmp_path / "missing.warc.gz", good],
                 on_problem=lambda p: problems.append(str(p)))
    assert [p.split(": ")[0] for p in problems] == [str(cut), str(text), str(link),
                                                   str(tmp_path / "missing.warc.gz")]
    assert "cut short" in problems[0] and "not a WARC file" in problems[1]
    assert "link" in problems[2]
    # The cut file's whole records were read; its cut last one was not.
    assert found.captures == 3 + 4
    assert len(found.tasks) == 4


def test_review_counts_added_lost_and_changed_per_field() -> None:
    old = {"a": {"id": "a", "url": "u/a", "title": "T", "text": "一二三", "fetched_at": "1"},
           "b": {"id": "b", "url": "u/b", "title": "B", "text": "x"},
           "c": {"id": "c", "url": "u/c", "title": "C", "text": "y"}}
    new = {"a": {"id": "a", "url": "u/a", "title": "T2", "text": "一二四", "fetched_at": "2"},
           "b": {"id": "b", "url": "u/b", "title": "B", "text": "x"},
           "d": {"id": "d", "url": "u/d", "title": "D", "text": "z"}}
    found = review(old, new)
    assert (found.added, found.lost) == (["d"], ["c"])
    assert found.changed == {"title": ["a"], "text": ["a"]}  # fetched_at is no change
    lines = found.lines(old, new, show=3)
    assert lines[0] == "3 record(s) before, 3 now: 1 added, 1 lost, 1 changed"
    assert "  title: 1 changed" in lines and "    a u/a: 'T' -> 'T2'" in lines


def test_a_capture_carries_what_the_record_needs(tmp_path: Path) -> None:
    """The listing date and the capture time come back with the page."""
    writer = ArchiveWriter(tmp_path, 1 << 30)
    when = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    writer.write("shanxidayuan", capture(1, listed_date="2024-03-04", when=when))
    writer.close()
    [task] = plan(warc_files(tmp_path)).tasks
    assert (task.listed_date, task.date) == ("2024-03-04", "2026-01-02T03:04:05Z")
    json.dumps(task.__dict__)  # plain data: it crosses to the worker processes
