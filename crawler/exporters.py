"""JSONL in the seed format: UTF-8 text (no ``\\u`` escapes), fixed key order,
one record per line, each line on disk before the crawl goes on.

Every record is flushed and fsynced when written: the deltafetch middleware
marks an article seen (``item_scraped``, after Scrapy's feed exporter has
written it) only once its line is durable, so a crash or a power loss can make
a later run fetch an article again, never lose one. Appending to a file whose
last line a kill cut short first cuts that partial line off (its article was
never marked seen and is exported again).
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any

from itemadapter import ItemAdapter
from scrapy.exporters import BaseItemExporter

from crawler.items import seed_record

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


class SeedJsonLinesExporter(BaseItemExporter):
    def __init__(self, file: Any, **kwargs: Any) -> None:
        super().__init__(dont_fail=True, **kwargs)
        self.file = file
        self._fd = _fileno(file)

    def start_exporting(self) -> None:
        if self._fd is None:
            return
        try:
            self.file.flush()
            cut = cut_partial_line(self._fd)
        except OSError:  # a pipe or a terminal: nothing to repair
            return
        if cut:
            name = getattr(self.file, "name", "the output")
            logger.warning("%s ended in a partial line (%d bytes) a crash left; cut it off "
                           "(its article was not marked exported and is written again)",
                           name, cut)

    def export_item(self, item: Any) -> None:
        line = dumps_record(item) + "\n"
        self.file.write(line.encode("utf-8"))
        self.file.flush()
        if self._fd is not None:
            try:
                os.fsync(self._fd)
            except OSError:  # stdout to a pipe: flushed is all there is
                self._fd = None
