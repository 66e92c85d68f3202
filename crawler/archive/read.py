"""Reading the archive back: the captures of article pages, where each lies,
and the page (headers and body) of one capture.

A file still ``.open`` (being written, or left by a killed run and not yet
finished by the next crawl) is read up to its last whole record: what follows
is a record being written or cut by the kill, never garbage in the middle.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from crawler.archive.warc import LISTED_DATE, OPEN, SERVER_NOT_MODIFIED, complete_length
from crawler.inputs import open_input

CUT_SHORT = "cut short: its last record is incomplete"
SUFFIXES = (".warc.gz", ".warc", ".warc.gz" + OPEN)


class ArchiveError(Exception):
    """A file that cannot be read (whole): ``file: reason``, one line."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")


@dataclass(frozen=True)
class Entry:
    """One capture: a response record, or a revisit naming an earlier one."""

    uri: str
    kind: str  # response | revisit
    record_id: str
    date: str  # WARC-Date
    digest: str | None
    listed_date: str | None
    path: str
    offset: int
    refers_to: str | None = None  # a revisit's WARC-Refers-To
    not_modified: bool = False


class StrictIterator(ArchiveIterator):
    """warcio's reader, failing where it would print a warning and read on
    (bytes between records: a record whose length is wrong, or no WARC)."""

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        empty = 0
        first = True
        while True:
            line = self.reader.readline()
            if not line:
                return None, empty
            if line.strip():
                if first:
                    raise ArchiveError(getattr(self.fh, "name", "?"),
                                       "bytes between records (a record cut or a wrong "
                                       "Content-Length)")
                return line, empty
            empty += len(line)
            first = False

    def cut_short(self) -> bool:
        """In a gzip member that ends before its end: a file cut short."""
        reader = self.reader
        decompressor = getattr(reader, "decompressor", None) if reader else None
        return decompressor is not None and not getattr(decompressor, "eof", True)

    def close(self) -> None:
        # A gzip member cut short reads as a short record without any error:
        # the file's last member must have reached its end.
        cut = self.cut_short()
        super().close()
        if cut:
            raise ArchiveError(getattr(self.fh, "name", "?"), CUT_SHORT)


def _stream(path: Path, fh: IO[bytes]) -> Any:
    if path.name.endswith(OPEN):
        limit = complete_length(fh)
        fh.seek(0)
        return LimitReader(fh, limit)
    return fh


def scan(path: Path) -> Iterator[Entry]:
    """The captures in ``path`` in file order; ``ArchiveError`` when the file
    cannot be opened or breaks off (the entries before it were yielded)."""
    try:
        fh = open_input(path)  # no link followed, no FIFO opened
    except Exception as exc:  # InputProblem: its message names the file
        raise ArchiveError(path, getattr(exc, "reason", None) or str(exc)) from None
    with fh:
        try:
            records: StrictIterator | None = None
            magic = fh.read(5)
            fh.seek(0)
            if magic and not (magic[:2] == b"\x1f\x8b" or magic == b"WARC/"):
                raise ArchiveError(path, "not a WARC file (neither gzip nor 'WARC/' at its start)")
            records = StrictIterator(_stream(path, fh))
            # Each entry is given once the reader is past its record: a record
            # that turns out cut or overlong is never used.
            held: Entry | None = None
            for record in records:
                if held is not None:
                    yield held
                    held = None
                if record.format != "warc":
                    raise ArchiveError(path, f"not a WARC record at offset "
                                             f"{records.get_record_offset()} ({record.format})")
                kind = record.rec_type
                if kind not in ("response", "revisit"):
                    continue
                get = record.rec_headers.get_header
                held = Entry(
                    uri=get("WARC-Target-URI") or "", kind=kind,
                    record_id=get("WARC-Record-ID") or "", date=get("WARC-Date") or "",
                    digest=get("WARC-Payload-Digest"), listed_date=get(LISTED_DATE),
                    path=str(path), offset=records.get_record_offset(),
                    refers_to=get("WARC-Refers-To"),
                    not_modified=get("WARC-Profile") == SERVER_NOT_MODIFIED)
            if held is not None:
                yield held
        except ArchiveError as exc:
            raise ArchiveError(path, exc.reason) from None
        except Exception as exc:  # warcio's ArchiveLoadFailed, zlib/EOF errors, OSError
            if records is not None and records.cut_short():
                raise ArchiveError(path, CUT_SHORT) from None
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise ArchiveError(path, f"not a readable WARC file ({reason[:200]})") from None


@dataclass(frozen=True)
class Page:
    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes


def load(path: str, offset: int, fh: IO[bytes] | None = None) -> Page:
    """The page of the response record at ``offset`` in ``path``, its payload
    exactly as stored (not decoded again: the callback saw these bytes)."""
    own = fh is None
    handle = open_input(Path(path)) if fh is None else fh
    try:
        handle.seek(offset)
        record = next(iter(StrictIterator(handle)))
        status = int(record.http_headers.get_statuscode() or "0")
        body = record.raw_stream.read()
        return Page(record.rec_headers.get_header("WARC-Target-URI") or "", status,
                    list(record.http_headers.headers), body)
    finally:
        if own:
            handle.close()
