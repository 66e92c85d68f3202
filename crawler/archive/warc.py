"""Writing the archive: WARC/1.1 files, one gzip member per record (warcio).

Layout (docs/archive.md): ``<root>/<site>/<site>-<UTC time>-<pid>-<serial>.warc.gz``,
``<root>/index.sqlite`` (the last payload digest per URL, for revisits). Each run
writes files of its own (never appends to, never rewrites a file of an earlier
run); a file is named ``….warc.gz.open`` while it is written, under an exclusive
``flock``, and renamed to ``….warc.gz`` when it is closed (at rotation or the
end of the run). A file still ``.open`` and unlocked at the next start was left
by a killed run: its partial last record is cut off at its start (as the JSONL
exporter cuts a partial line) and it gets its final name.

Durability: the crawl's ``DurabilityBarrier`` runs ``ArchiveWriter.sync`` before
the output lines of a group are written, so a page is on disk no later than its
record's line; the digest index is committed only after that fsync, so a revisit
never refers to a record a kill could have cut.

What is stored is the response the spider's callback gets: the body after
Scrapy's HttpCompressionMiddleware decoded any Content-Encoding (which it drops
from the headers), with ``Content-Length`` set to that body (the wire value kept
as ``X-Archive-Orig-Content-Length``) and no ``Transfer-Encoding``: so the record
is a plain, well-formed HTTP response that warcio, pywb and replayweb.page read,
and re-extraction sees exactly the bytes the crawl extracted from.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import fcntl
import hashlib
import io
import logging
import os
import sqlite3
import stat
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.state.db import connect

logger = logging.getLogger(__name__)

SUFFIX = ".warc.gz"
OPEN = ".open"  # a file being written (or left by a killed run)
INDEX = "index.sqlite"
SERVER_NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
# Extension fields of a response or revisit record (WARC 1.1 lets a reader
# ignore what it does not know): what re-extraction needs besides the page.
LISTED_DATE = "X-Crawl-Listed-Date"  # the day a listing printed beside the link
SPIDER = "X-Crawl-Spider"
# Hop-by-hop or no longer true of the stored body: replaced (see the module doc).
DROPPED_HEADERS = frozenset({b"content-length", b"transfer-encoding", b"content-encoding"})
CHUNK = 1 << 16


def payload_digest(body: bytes) -> str:
    """The WARC-Payload-Digest warcio writes for ``body`` (SHA-1, base32)."""
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


def warc_date(when: dt.datetime | None = None) -> str:
    return (when or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")


def complete_length(fh: IO[bytes]) -> int:
    """Bytes from the start of ``fh`` that are whole gzip members (whole records,
    since each record is one member); what follows is a partial record."""
    fh.seek(0)
    good = pos = 0
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    pending = b""
    while True:
        chunk = pending or fh.read(CHUNK)
        pending = b""
        if not chunk:
            return good
        try:
            while chunk:
                inflater.decompress(chunk)  # output dropped: only the boundaries matter
                if not inflater.eof:
                    pos += len(chunk)
                    break
                rest = inflater.unused_data
                pos += len(chunk) - len(rest)
                good = pos
                inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
                chunk = rest
        except zlib.error:
            return good  # not gzip from here on: the tail a crash left


@dataclass
class Repaired:
    path: Path
    cut: int  # bytes cut off the end


def finish_unfinished(folder: Path) -> list[Repaired]:
    """Files a killed run left ``.open`` in ``folder``: cut after their last
    whole record, synced, renamed to their final name. A file another process
    still writes (it holds the lock) is left alone; links are never followed."""
    done: list[Repaired] = []
    try:
        names = sorted(os.listdir(folder))
    except FileNotFoundError:
        return done
    for name in names:
        if not name.endswith(SUFFIX + OPEN):
            continue
        path = folder / name
        try:
            fd = os.open(path, os.O_RDWR | os.O_NOFOLLOW | os.O_CLOEXEC)
        except OSError as exc:
            logger.warning("%s: not repaired (%s)", path, exc.strerror or exc)
            continue
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a live writer's
            with os.fdopen(os.dup(fd), "rb") as fh:
                keep = complete_length(fh)
            size = os.fstat(fd).st_size
            if keep < size:
                os.ftruncate(fd, keep)
            os.fsync(fd)
            final = folder / name[: -len(OPEN)]
            if keep == 0:
                os.unlink(path)  # nothing whole in it
            elif not finish_name(path, final):
                final = path
            _sync_dir(folder)
            done.append(Repaired(final, size - keep))
            if size > keep:
                logger.warning("%s ended in a partial record (%d bytes) a crash left; cut it "
                               "off (its article was not marked exported and is fetched again)",
                               final, size - keep)
        finally:
            os.close(fd)
    return done


def finish_name(path: Path, final: Path) -> bool:
    """Rename ``path`` to ``final`` unless ``final`` exists (a hard link, then the
    old name removed: ``rename`` would replace a file of another run)."""
    try:
        os.link(path, final, follow_symlinks=False)
    except FileExistsError:
        logger.warning("%s: not renamed, %s exists", path, final.name)
        return False
    os.unlink(path)
    return True


def _sync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def safe_folder(root: Path, name: str) -> Path:
    """``root/name`` created if missing; refused when it (or ``root``) is a link
    or no directory, so no file is ever written through a link."""
    if not name or "/" in name or name in (".", ".."):
        raise ValueError(f"bad archive folder name: {name!r}")
    root.mkdir(parents=True, exist_ok=True)
    folder = root / name
    with contextlib.suppress(FileExistsError):
        folder.mkdir()
    for path in (root, folder):
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode) or not stat.S_ISDIR(mode):
            raise ValueError(f"{path}: is a link or not a directory; the archive is not "
                             "written through it")
    return folder


@dataclass(frozen=True)
class Earlier:
    """The last response record with a payload for one URL."""

    digest: str
    record_id: str
    date: str
    file: str  # relative to the archive's root


class CaptureIndex:
    """Per URL, its last archived payload (``index.sqlite``): what a revisit
    refers to. Rows wait for ``commit``, called after the WARC fsync."""

    def __init__(self, path: Path) -> None:
        self._db = connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS captures (uri TEXT PRIMARY KEY, "
                         "digest TEXT, record_id TEXT, date TEXT, file TEXT)")
        self._pending: dict[str, Earlier] = {}

    def get(self, uri: str) -> Earlier | None:
        if uri in self._pending:
            return self._pending[uri]
        row = self._db.execute("SELECT digest, record_id, date, file FROM captures "
                               "WHERE uri = ?", (uri,)).fetchone()
        return Earlier(*row) if row else None

    def put(self, uri: str, earlier: Earlier) -> None:
        self._pending[uri] = earlier

    def commit(self) -> None:
        if not self._pending:
            return
        rows = [(uri, e.digest, e.record_id, e.date, e.file) for uri, e in self._pending.items()]
        self._db.execute("BEGIN IMMEDIATE")  # one short transaction per sync
        try:
            self._db.executemany("INSERT OR REPLACE INTO captures VALUES (?, ?, ?, ?, ?)", rows)
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")
        self._pending.clear()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()


@dataclass
class Capture:
    """One downloaded page as the spider's callback got it."""

    url: str
    status: int
    headers: list[tuple[str, str]]  # response headers as received (decoded body)
    body: bytes
    request_headers: list[tuple[str, str]]
    method: str = "GET"
    listed_date: str | None = None
    spider: str | None = None
    when: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


def _http_headers(capture: Capture) -> StatusAndHeaders:
    headers = [(k, v) for k, v in capture.headers if k.lower().encode() not in DROPPED_HEADERS]
    for k, v in capture.headers:
        if k.lower() == "content-length" and v.strip() != str(len(capture.body)):
            headers.append(("X-Archive-Orig-Content-Length", v))
    if capture.status != 304:
        headers.append(("Content-Length", str(len(capture.body))))
    try:
        reason = HTTPStatus(capture.status).phrase
    except ValueError:
        reason = "Unknown"
    return StatusAndHeaders(f"{capture.status} {reason}", headers, protocol="HTTP/1.1")


class SiteFile:
    """The file one process writes for one site now (rotated by size)."""

    def __init__(self, folder: Path, site: str, max_bytes: int, serial: int) -> None:
        # WARC's 17-digit time (to the millisecond), the process and a serial:
        # unique, and in time order when sorted.
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S%f")[:17]
        self.name = f"{site}-{stamp}-{os.getpid()}-{serial:05d}{SUFFIX}"
        if os.path.lexists(folder / self.name):
            raise FileExistsError(f"{folder / self.name}: exists; an archive file is never "
                                  "written twice")
        self.folder = folder
        self.max_bytes = max_bytes
        path = folder / (self.name + OPEN)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                     0o644)
        fcntl.flock(fd, fcntl.LOCK_EX)  # held until closed: a repair leaves it alone
        self.fh = os.fdopen(fd, "wb")
        self.writer = WARCWriter(self.fh, gzip=True, warc_version="1.1")
        self.dirty = True  # the directory entry is not durable yet
        info = self.writer.create_warcinfo_record(self.name, {
            "software": "regional-news-crawler (warcio 1.8.1)",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/"
                          "warc-format/warc-1.1/",
            "description": "article pages as the crawl's callbacks got them: bodies "
                           "decoded (no Content-Encoding), see docs/archive.md",
        })
        self.writer.write_record(info)

    @property
    def full(self) -> bool:
        return self.fh.tell() >= self.max_bytes

    def sync(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        if self.dirty:
            _sync_dir(self.folder)
            self.dirty = False

    def close(self) -> None:
        self.sync()
        finish_name(self.folder / (self.name + OPEN), self.folder / self.name)
        _sync_dir(self.folder)
        self.fh.close()  # releases the lock, after the rename


class ArchiveWriter:
    """All sites' archive files of one process, and the digest index."""

    def __init__(self, root: Path, max_bytes: int) -> None:
        self.root = root
        self.max_bytes = max_bytes
        root.mkdir(parents=True, exist_ok=True)
        self.index = CaptureIndex(root / INDEX)
        self.files: dict[str, SiteFile] = {}
        self.serial = 0
        self.closed = False

    def repair(self, sites: Iterable[str]) -> list[Repaired]:
        out: list[Repaired] = []
        for site in sites:
            if os.path.lexists(self.root / site):  # (a folder is made when first written)
                out += finish_unfinished(safe_folder(self.root, site))
        return out

    def _file(self, site: str) -> SiteFile:
        current = self.files.get(site)
        if current is not None and current.full:
            current.close()
            current = None
        if current is None:
            self.serial += 1
            current = self.files[site] = SiteFile(safe_folder(self.root, site), site,
                                                  self.max_bytes, self.serial)
        return current

    def write(self, site: str, capture: Capture) -> str:
        """Archive ``capture`` (request and response, or a revisit); returns the
        kind written: ``response``, ``revisit`` (same payload as the last
        capture of the URL) or ``not_modified`` (a 304); ``skipped`` for a 304
        of a URL the archive has no payload of."""
        if self.closed:
            raise RuntimeError("the archive is closed")
        file = self._file(site)
        writer = file.writer
        date = warc_date(capture.when)
        extra = {"WARC-Date": date}
        if capture.listed_date:
            extra[LISTED_DATE] = capture.listed_date
        if capture.spider:
            extra[SPIDER] = capture.spider
        earlier = self.index.get(capture.url)
        if earlier is not None and not self._exists(earlier):
            earlier = None  # pruned: never refer to a record that is gone
        http = _http_headers(capture)
        digest = payload_digest(capture.body)
        if capture.status == 304 or (earlier is not None and earlier.digest == digest):
            if earlier is None:
                return "skipped"
            kind = "not_modified" if capture.status == 304 else "revisit"
            record = writer.create_revisit_record(capture.url, earlier.digest, capture.url,
                                                  earlier.date, http_headers=http,
                                                  warc_headers_dict=extra)
            record.rec_headers.add_header("WARC-Refers-To", earlier.record_id)
            if kind == "not_modified":
                record.rec_headers.replace_header("WARC-Profile", SERVER_NOT_MODIFIED)
        else:
            kind = "response"
            record = writer.create_warc_record(capture.url, "response",
                                               payload=io.BytesIO(capture.body),
                                               length=len(capture.body), http_headers=http,
                                               warc_headers_dict=extra)
        writer.write_record(record)
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        if kind == "response":
            self.index.put(capture.url, Earlier(digest, record_id, date,
                                                f"{site}/{file.name}"))
        parts = urlsplit(capture.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request = writer.create_warc_record(
            capture.url, "request",
            http_headers=StatusAndHeaders(f"{capture.method} {target} HTTP/1.1",
                                          [("Host", parts.netloc), *capture.request_headers],
                                          is_http_request=True),
            warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": record_id})
        writer.write_record(request)
        return kind

    def _exists(self, earlier: Earlier) -> bool:
        path = self.root / earlier.file
        return path.is_file() or Path(f"{path}{OPEN}").is_file()

    def sync(self) -> None:
        """Everything written so far on disk; then the index may refer to it."""
        if self.closed:
            return
        for file in self.files.values():
            file.sync()
        self.index.commit()

    def close(self) -> None:
        if self.closed:
            return
        for file in self.files.values():
            file.close()
        self.index.commit()
        self.index.close()
        self.files.clear()
        self.closed = True
