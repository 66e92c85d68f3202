"""JSONL in the seed format: UTF-8 text (no ``\\u`` escapes), fixed key order,
one record per line.

Lines are written, flushed and fsynced in groups (every ``FEED_FSYNC_LINES``
lines or ``FEED_FSYNC_SECONDS``, and at the end). Around each group the
crawl's ``DurabilityBarrier`` runs, before the write, what must be durable no
later than the lines (the dedupe index's commit) and, after the fsync, the
marks of the deltafetch middleware and the frontier. So a kill or a power
loss can make a later run fetch an article again, never lose one, and never
leaves a line on disk that the dedupe index forgot. With
``FEED_FSYNC_LINES = 1`` (or more than one output file) each line is written
and synced at once. Appending to a file whose
last line a kill cut short first cuts that partial line off (its article was
never marked seen and is exported again).
"""

from __future__ import annotations

import json
import logging
import os
import stat
import time
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exporters import BaseItemExporter

from crawler.config import project_settings
from crawler.items import seed_record
from crawler.state.durable import DurabilityBarrier
from crawler.state.runtime import crawl_state

logger = logging.getLogger(__name__)
TAIL_CHUNK = 1 << 16


def dumps_record(item: Any) -> str:
    return json.dumps(seed_record(ItemAdapter(item)), ensure_ascii=False)


def _fileno(file: Any) -> int | None:
    try:
        return int(file.fileno())
    except (AttributeError, OSError, ValueError):
        return None  # an in-memory or wrapped stream


def cut_partial_line(fd: int) -> int:
    """Truncate an open file after its last newline; returns the bytes cut."""
    size = os.fstat(fd).st_size
    end = size
    while end > 0:
        start = max(0, end - TAIL_CHUNK)
        chunk = os.pread(fd, end - start, start)
        newline = chunk.rfind(b"\n")
        if newline >= 0:
            keep = start + newline + 1
            break
        end = start
    else:
        keep = 0
    if keep < size:
        os.ftruncate(fd, keep)
    return size - keep


def cut_partial_output_line(file: Any, fd: int) -> int:
    """``cut_partial_line`` for the file an exporter writes (``fd`` its
    descriptor); 0 for a pipe or a terminal. Scrapy appends to a feed through a
    write-only file (mode ``ab``), whose tail cannot be read: the cut then goes
    through the same file opened again by its name."""
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        return 0
    if file.readable():
        return cut_partial_line(fd)
    name = getattr(file, "name", None)
    if not isinstance(name, str):  # opened from a descriptor: no name to open it by
        raise OSError("no file name to read it through")
    with open(name, "r+b") as again:
        same = os.fstat(again.fileno())
        if (same.st_dev, same.st_ino) != (st.st_dev, st.st_ino):
            raise OSError(f"{name} is no longer the file being written")
        return cut_partial_line(again.fileno())


class SeedJsonLinesExporter(BaseItemExporter):
    def __init__(self, file: Any, *, barrier: DurabilityBarrier | None = None,
                 sync_lines: int = 1, sync_seconds: float = 0.0, **kwargs: Any) -> None:
        super().__init__(dont_fail=True, **kwargs)
        self.file = file
        self._fd = _fileno(file)
        self.barrier = barrier or DurabilityBarrier()
        self.sync_lines, self.sync_seconds = sync_lines, sync_seconds
        self._unsynced: list[bytes] = []  # lines of the group not yet written
        self._last_sync = time.monotonic()
        self._timer: Any = None
        self._grouped = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, file: Any, **kwargs: Any) -> Self:
        own = project_settings(crawler.settings)
        return cls(file, barrier=crawl_state(crawler).durable, sync_lines=own.feed_fsync_lines,
                   sync_seconds=own.feed_fsync_seconds, **kwargs)

    def start_exporting(self) -> None:
        if self._fd is None:
            return
        self.file.flush()
        name = getattr(self.file, "name", "the output")
        try:
            cut = cut_partial_output_line(self.file, self._fd)
        except OSError as exc:  # no name to open it by, or it names another file now
            logger.warning("could not check %s for a partial last line a crash left: %s",
                           name, exc)
            cut = 0
        if self.sync_lines > 1:
            # Group commit: marks wait in the barrier for the fsync that covers them.
            self.barrier.register(self._sync)
            self._grouped = True
            if self.sync_seconds > 0:
                from twisted.internet.task import LoopingCall

                self._timer = LoopingCall(self._sync_if_due)
                self._timer.start(self.sync_seconds, now=False)
        if cut:
            logger.warning("%s ended in a partial line (%d bytes) a crash left; cut it off "
                           "(its article was not marked exported and is written again)",
                           name, cut)

    def export_item(self, item: Any) -> None:
        line = (dumps_record(item) + "\n").encode("utf-8")
        if not self._grouped:
            self.file.write(line)
            self.file.flush()
            self._sync()
            return
        self._unsynced.append(line)
        if not self.barrier.buffering or len(self._unsynced) >= self.sync_lines:
            self._sync()

    def _sync_if_due(self) -> None:
        if self._unsynced and time.monotonic() - self._last_sync >= self.sync_seconds:
            self._sync()

    def _sync(self) -> None:
        if self._grouped:
            self.barrier.syncing()
            if self._unsynced:
                self.file.write(b"".join(self._unsynced))
                self.file.flush()
        if self._fd is not None:
            try:
                os.fsync(self._fd)
            except OSError:  # stdout to a pipe: flushed is all there is
                self._fd = None
        self._unsynced = []
        self._last_sync = time.monotonic()
        if self._grouped:
            self.barrier.synced()

    def finish_exporting(self) -> None:
        if self._timer is not None and self._timer.running:
            self._timer.stop()
        self.file.flush()
        self._sync()
        if self._grouped:
            self._grouped = False
            self.barrier.unregister(self._sync)
