"""Re-extraction: the current extractor over archived pages, no request sent.

Two passes. The first reads every file once, in the order given (a directory's
files sorted by name, so by time), and keeps the **last capture of each URL**
(a page fetched again after a kill or a failed extraction replaces the earlier
one, as it did in the crawl); a revisit stands for the response it refers to.
The second extracts those pages, in parallel over ``jobs`` processes, each
opening the files itself (only where a record lies crosses the pipe), with the
page object the spiders use (``ArticlePage.from_response``, the listing date
the capture carries) and the crawl's cleaning: the record as the spider yields
it, then the text script (``TEXT_SCRIPT``) and, asked for, dedupe on a fresh
index. ``fetched_at`` is the capture's WARC-Date. The later pages of an article
split over several (``…/58159_2.html``) are no tasks of their own: they ride
with their first page's task and are read with it into its one record, through
the spiders' ``PagedArticle``, as the crawl did.

A file that cannot be read (missing, a link, not WARC, cut short) is one line
``file: reason``; what it held before the break is used and the rest goes on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from scrapy.http import Response

from crawler.archive.read import ArchiveError, Entry, load, scan
from crawler.dates import parse_moment
from crawler.extract.pages import ArticlePage, ExtractionError, PagedArticle, article_of_page
from crawler.items import ALL_FIELDS, ArticleItem, seed_record
from crawler.sites import site_for_url


@dataclass(frozen=True)
class Task:
    uri: str
    path: str  # where the payload lies (a revisit's original)
    offset: int
    listed_date: str | None
    date: str  # the capture's WARC-Date
    # An article split over several pages: its later pages' last captures, read
    # with it into its one record, as the crawl did (ARTICLE_MAX_PAGES: max_pages).
    pages: tuple[Task, ...] = ()
    max_pages: int | None = None


@dataclass(frozen=True)
class Result:
    task: Task
    record: dict[str, Any] | None = None
    dropped: str | None = None  # ExtractionError's reason
    error: str | None = None  # an unexpected exception: a bug, one line
    counters: dict[str, int] = field(default_factory=dict)


@dataclass
class Plan:
    tasks: list[Task]
    problems: list[ArchiveError]
    captures: int = 0  # capture records read (responses and revisits)
    revisits: int = 0
    unresolved: int = 0  # revisits whose original is in none of the files read
    orphan_pages: int = 0  # later pages of an article whose first page is in none


def plan(paths: Iterable[Path], on_problem: Callable[[ArchiveError], None] | None = None,
         max_pages: int | None = None) -> Plan:
    """The last capture of each URL over ``paths``, in order of first capture;
    the later pages of an article split over several ride with its first page."""
    by_id: dict[str, Entry] = {}
    by_digest: dict[str, Entry] = {}
    last: dict[str, Task] = {}
    out = Plan([], [])
    for path in paths:
        try:
            for entry in scan(path):
                out.captures += 1
                if entry.kind == "response":
                    by_id[entry.record_id] = entry
                    if entry.digest:
                        by_digest[entry.digest] = entry
                    source = entry
                else:
                    out.revisits += 1
                    found = by_id.get(entry.refers_to or "") or by_digest.get(entry.digest or "")
                    if found is None:
                        out.unresolved += 1
                        continue
                    source = found
                last.pop(entry.uri, None)  # keeps the order of the last capture
                last[entry.uri] = Task(entry.uri, source.path, source.offset,
                                       entry.listed_date, entry.date)
        except ArchiveError as problem:
            out.problems.append(problem)
            if on_problem is not None:
                on_problem(problem)
    out.tasks = _with_pages(list(last.values()), out, max_pages)
    return out


def _with_pages(tasks: list[Task], out: Plan, max_pages: int | None) -> list[Task]:
    """Tasks of first pages only: a later page (``…/58159_2.html``) is no record
    of its own but part of its article's task."""
    later: dict[str, list[Task]] = {}
    firsts: list[Task] = []
    for task in tasks:
        found = article_of_page(task.uri)
        site = site_for_url(task.uri) if found is not None else None
        if found is not None and site is not None and site.is_article(found[0]):
            later.setdefault(found[0], []).append(task)
        else:
            firsts.append(task)
    joined = [dataclasses.replace(t, pages=tuple(later.pop(t.uri, ())), max_pages=max_pages)
              for t in firsts]
    out.orphan_pages = sum(map(len, later.values()))
    return joined


def fetched_at(warc_date: str) -> str:
    """The crawl's ``fetched_at`` form (UTC, seconds) of a WARC-Date."""
    try:
        when = parse_moment(warc_date)
    except ValueError:
        return warc_date
    return when.astimezone(dt.UTC).replace(microsecond=0).isoformat()


_open: dict[str, IO[bytes]] = {}  # per worker process: files it reads from


def _handle(path: str) -> IO[bytes]:
    from crawler.inputs import open_input

    fh = _open.get(path)
    if fh is None:
        for old in _open.values():  # tasks come mostly file by file: keep one open
            old.close()
        _open.clear()
        fh = _open[path] = open_input(Path(path))
    return fh


def extract_task(task: Task) -> Result:
    """One page to its record (in a worker process, or in-process with -j 1)."""
    try:
        page = load(task.path, task.offset, _handle(task.path))
        site = site_for_url(task.uri)
        if site is None:
            return Result(task, dropped="off_site")
        response = Response(task.uri, status=page.status, headers=page.headers,
                            body=page.body)
        article = ArticlePage.from_response(response, site, listed_date=task.listed_date)
        record = article.record()
        paged = PagedArticle.start(article, record)
        if paged is not None:
            record = _read_pages(paged, task, site)
        item = ArticleItem(**record, fetched_at=fetched_at(task.date),
                           listed_date=task.listed_date)
        return Result(task, record=dict(item), counters=dict(article.extraction.counters))
    except ExtractionError as exc:
        return Result(task, dropped=exc.reason)
    except Exception as exc:
        # A bug met on this page (or a record that will not load): its own
        # failure, named; the other pages go on.
        text = " ".join(str(exc).split())[:200]
        return Result(task, error=f"{type(exc).__name__}: {text}" if text
                      else type(exc).__name__)


def _read_pages(paged: PagedArticle, task: Task, site: Any) -> dict[str, Any]:
    """The article's later pages from the archive, in the crawl's order, into
    its one record; one the archive lacks means the crawl made no record either."""
    archived = {t.uri: t for t in task.pages}
    while (following := paged.next_page(task.max_pages or len(archived) + 1)) is not None:
        number, url = following
        found = archived.get(url)
        if found is None:
            raise ExtractionError("page_not_archived")
        page = load(found.path, found.offset, _handle(found.path))
        paged.add(number, ArticlePage.from_response(
            Response(found.uri, status=page.status, headers=page.headers, body=page.body), site))
    return paged.joined()


def extract_all(tasks: list[Task], jobs: int) -> Iterator[Result]:
    """Results in task order, over ``jobs`` processes (1: in this one)."""
    if jobs <= 1 or len(tasks) < 2:
        yield from map(extract_task, tasks)
        return
    # fork: the workers inherit the imported extractor instead of importing it again.
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        yield from pool.imap(extract_task, tasks, chunksize=8)


@dataclass
class Outcome:
    records: list[dict[str, Any]] = field(default_factory=list)  # what was written
    dropped: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    duplicates: int = 0
    already: int = 0


class Cleaning:
    """What the crawl's pipelines do to a record after the spider (the ones
    that apply offline): the text script, and dedupe when asked for."""

    def __init__(self, settings: Any, dedupe: bool) -> None:
        from crawler.config import project_settings

        self.script = project_settings(settings).text_script
        self.deduper: Any = None
        self.mode = "drop"
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        if dedupe:
            from crawler.dedupe import DedupeConfig, Deduper, open_store

            # A fresh index: the records as one crawl of these pages keeps them,
            # whatever the crawls' own index learnt since.
            self._tmp = tempfile.TemporaryDirectory(prefix="reextract-dedupe-")
            config = dataclasses.replace(
                DedupeConfig.from_settings(settings), backend="sqlite",
                sqlite_path=str(Path(self._tmp.name) / "dedupe.sqlite3"), commit_every=1 << 62)
            self.mode = config.mode
            self.deduper = Deduper(config, open_store(config, settings))

    def __call__(self, record: dict[str, Any]) -> dict[str, Any] | None:
        if self.script != "keep":
            from crawler.cleaning.script import convert
            from pipelines.script import LIST_KEYS, TEXT_KEYS

            for key in TEXT_KEYS:
                if isinstance(record.get(key), str):
                    record[key] = convert(record[key], self.script)
            for key in LIST_KEYS:
                record[key] = [convert(v, self.script) if isinstance(v, str) else v
                               for v in record.get(key) or []]
        if self.deduper is not None and (record.get("text") or "").strip():
            from crawler.dedupe import Doc

            verdict = self.deduper.check(Doc(record["id"], record.get("url"), record["text"]))
            if verdict.duplicate:
                if self.mode == "drop":
                    return None
                record["duplicate_of"] = verdict.first_id
        return record

    def close(self) -> None:
        if self.deduper is not None:
            self.deduper.close()
        if self._tmp is not None:
            self._tmp.cleanup()


def exported(record: dict[str, Any]) -> dict[str, Any]:
    """The record as the exporter writes it (seed keys in order, crawl keys set)."""
    return seed_record(record)


# -- the review (--against) -------------------------------------------------------

COMPARED = tuple(k for k in ALL_FIELDS if k != "fetched_at")


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where_differs(old: Any, new: Any) -> tuple[str, str]:
    """Short views of two values around their first difference."""
    if not (isinstance(old, str) and isinstance(new, str)):
        return _short(old), _short(new)
    i = 0
    while i < min(len(old), len(new)) and old[i] == new[i]:
        i += 1
    start = max(0, i - 15)
    prefix = "…" if start else ""
    return (_short(prefix + old[start:start + 45]), _short(prefix + new[start:start + 45]))


@dataclass
class Review:
    before: int
    after: int
    added: list[str]
    lost: list[str]
    changed: dict[str, list[str]]  # field -> ids whose value changed

    def lines(self, old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]],
              show: int) -> list[str]:
        changed_ids = {rid for ids in self.changed.values() for rid in ids}
        out = [f"{self.before} record(s) before, {self.after} now: {len(self.added)} added, "
               f"{len(self.lost)} lost, {len(changed_ids)} changed"]
        for name, ids in (("added", self.added), ("lost", self.lost)):
            side = new if name == "added" else old
            for rid in ids[:show]:
                record = side[rid]
                out.append(f"  {name}: {rid} {record.get('url')} {_short(record.get('title'))}")
        for key in COMPARED:
            ids = self.changed.get(key, [])
            if not ids:
                continue
            out.append(f"  {key}: {len(ids)} changed")
            for rid in ids[:show]:
                was, now = _where_differs(old[rid].get(key), new[rid].get(key))
                out.append(f"    {rid} {new[rid].get('url')}: {was} -> {now}")
        return out


def review(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> Review:
    added = [rid for rid in new if rid not in old]
    lost = [rid for rid in old if rid not in new]
    changed: dict[str, list[str]] = {}
    for rid, record in new.items():
        before = old.get(rid)
        if before is None:
            continue
        for key in COMPARED:
            if before.get(key) != record.get(key):
                changed.setdefault(key, []).append(rid)
    return Review(len(old), len(new), added, lost, changed)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1
