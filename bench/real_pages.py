"""Real-page scorecard: this project, GNE and trafilatura on public real saved pages.

    python bench/real_pages.py [--cache DIR] [--extractors project,gne,trafilatura]
                               [--show K] [--markdown]

The pages are third-party, so they are never committed: they live in a local
cache folder (default ``.cache/real-pages``, gitignored) that ``bench/README.md``
says how to fill from the public repositories. Sets read from it:

- ``cwce``: Chinese-Web-Content-Extraction-Dataset (69 hand-labelled pages:
  body text, date, author). Scored: body similarity (the text with all
  whitespace removed and fullwidth ASCII folded, difflib's ratio; the labels
  hold the headline on some pages and not on others, so each extractor's body
  is scored with and without its headline and the better one counts), pages at
  >= 0.97 and >= 0.9, the mean; date: the day right on the 51 pages whose label
  is a whole date, and the time too on the 42 that label one; author.
- every other folder: unlabelled real pages (GNE's ``tests/`` and its list and
  visual test pages, and any other set listed in the cache's SOURCES.md).
  Scored: a record or not, and by what.

On every page the project also runs under each of the three sites' article URLs
(so that the site descriptions' selectors and rules meet pages they were not
written for): any exception other than ``ExtractionError`` there is a failure
of this project, listed by page. Each anchor gets the same decoded text and the
URL the project gets; an anchor's exception is scored as a miss.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extraction import normal_date  # noqa: E402  (bench/extraction.py)

CACHE = ROOT / ".cache" / "real-pages"
GOOD, FAIR = 0.97, 0.9
NEUTRAL_HOST = "http://real-pages.invalid"
# Folders of list pages (GNE's test_list_page, GerapyAutoExtractor's samples/list).
LISTING_FOLDERS = frozenset({"test_list_page", "list"})
CANONICAL = re.compile(rb"""<link[^>]+rel=["']?canonical["']?[^>]+href=["'](https?://[^"']+)""",
                       re.I)
DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?")


@dataclass
class Page:
    set: str
    name: str
    path: Path
    body: bytes
    url: str
    label: dict[str, Any] | None = None  # cwce: text, date (day, hh:mm or None), author

    @property
    def is_listing(self) -> bool:
        """A list page kept in a set as a negative example (no article on it)."""
        return any(part.lower() in LISTING_FOLDERS for part in Path(self.name).parts[:-1])

    @property
    def key(self) -> str:
        return f"{self.set}/{self.name}"


@dataclass
class Output:
    title: str | None = None
    body: str = ""  # the article text without its headline
    date: str | None = None
    author: str | None = None
    editor: str | None = None  # the project only: the seed format's editor field
    error: str | None = None  # an ExtractionError's reason, or an anchor's exception
    crash: str | None = None  # the project's unexpected exception (never acceptable)


# --- pages -------------------------------------------------------------------------------


def _url(body: bytes, set_name: str, name: str) -> str:
    m = CANONICAL.search(body[:200_000])
    if m:
        return m.group(1).decode("latin-1")
    return f"{NEUTRAL_HOST}/{set_name}/{name}"


def _read(path: Path) -> str | None:
    if not path.is_file():
        return None
    text = path.read_text("utf-8", errors="replace").strip()
    return None if not text or text.upper() in {"UNKNOWN", "UNKNWON"} else text


def cwce_pages(folder: Path) -> Iterator[Page]:
    for html in sorted((folder / "original").glob("*.html")):
        uid = html.stem
        body = html.read_bytes()
        date = _read(folder / "date" / f"{uid}.txt")
        m = DAY.match(date or "")
        label = {
            "text": _read(folder / "cleaned" / f"{uid}.txt") or "",
            "day": f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None,
            "time": f"{int(m[4]):02d}:{m[5]}" if m and m[4] else None,
            "author": _read(folder / "author" / f"{uid}.txt"),
        }
        yield Page("cwce", uid, html, body, _url(body, "cwce", uid), label)


def magic_html_pages(folder: Path) -> Iterator[Page]:
    """opendatalab/magic-html's article benchmark: the Chinese pages the cache
    holds, each with its hand-labelled body text (no title, date or author)."""
    data = folder / "benchmark" / "data" / "article"
    labels = json.loads((data / "base.json").read_text("utf-8"))
    for html in sorted((data / "htmls").glob("*.html")):
        entry = labels.get(html.stem)
        if not isinstance(entry, dict):
            continue
        label = {"text": entry.get("content") or "", "day": None, "time": None, "author": None}
        yield Page("magic-html", html.stem[:12], html, html.read_bytes(),
                   str(entry.get("url") or f"{NEUTRAL_HOST}/magic-html/{html.stem}"), label)


# A test's expected output beside its page (mozilla/readability), not a page.
NOT_PAGES = re.compile(r"^expected", re.I)


def unlabelled_pages(folder: Path) -> Iterator[Page]:
    for html in sorted(p for p in folder.rglob("*") if p.suffix.lower() in {".html", ".htm"}):
        if not html.is_file() or html.is_symlink() or NOT_PAGES.match(html.name):
            continue
        name = str(html.relative_to(folder))
        body = html.read_bytes()
        yield Page(folder.name, name, html, body, _url(body, folder.name, name))


def load_pages(cache: Path) -> list[Page]:
    pages: list[Page] = []
    for folder in sorted(p for p in cache.iterdir() if p.is_dir() and not p.is_symlink()):
        if folder.name == "cwce":
            pages += cwce_pages(folder)
        elif folder.name == "magic-html" and (folder / "benchmark").is_dir():
            pages += magic_html_pages(folder)
        else:
            pages += unlabelled_pages(folder)
    return pages


# --- extractors ---------------------------------------------------------------------------


def _innermost(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {Path(frame.filename).name}:{frame.lineno} in {frame.name}" if frame else ""
    return f"{type(exc).__name__}: {str(exc)[:80]}{where}"


def project(page: Page, url: str | None = None) -> Output:
    from crawler.extract import ExtractionError, extract_article

    try:
        record = extract_article(page.body, url or page.url)
    except ExtractionError as exc:
        return Output(error=exc.reason)
    except Exception as exc:  # the one thing this scorecard exists to catch
        return Output(crash=_innermost(exc))
    paragraphs = record["text"].split("\n\n")
    heads = 1 + len((record["subtitle"] or "").splitlines())
    return Output(record["title"], "\n\n".join(paragraphs[heads:]), record["published_at"],
                  record["author"], record["editor"])


def decoded(page: Page) -> str:
    """The text the anchors get: the project's own decoding, else the browser's."""
    from w3lib.encoding import html_to_unicode

    from crawler.extract import ExtractionError, decode_body

    try:
        return decode_body(page.body)[0]
    except ExtractionError:
        return html_to_unicode(None, page.body)[1]


def gne(page: Page) -> Output:
    from gne import GeneralNewsExtractor

    try:
        result = GeneralNewsExtractor().extract(decoded(page), host=page.url)
    except Exception as exc:  # an anchor's failure is a scored miss
        return Output(error=type(exc).__name__)
    return Output(result.get("title"), result.get("content") or "",
                  normal_date(result.get("publish_time")), result.get("author"))


def trafilatura(page: Page) -> Output:
    import trafilatura as lib

    try:
        doc = lib.bare_extraction(decoded(page), url=page.url, with_metadata=True,
                                  include_comments=False, include_tables=True)
    except Exception as exc:
        return Output(error=type(exc).__name__)
    if doc is None:
        return Output(error="nothing")
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    return Output(get("title"), get("text") or "", normal_date(get("date")), get("author"))


EXTRACTORS: dict[str, Callable[[Page], Output]] = {
    "project": project, "gne": gne, "trafilatura": trafilatura,
}


# --- scoring ------------------------------------------------------------------------------

_WIDE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


def squash(text: str) -> str:
    """Text with all whitespace removed and fullwidth ASCII folded."""
    return "".join(text.translate(_WIDE).split())


def ratio(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def body_similarity(out: Output, label: str) -> float:
    want = squash(label)
    body = squash(out.body)
    with_title = squash(f"{out.title or ''}{out.body}")
    return max(ratio(body, want), ratio(with_title, want))


@dataclass
class Result:
    """One extractor on one page."""

    page: Page
    out: Output
    seconds: float
    sim: float | None = None  # body similarity, on a labelled page
    day_ok: bool = False
    time_ok: bool = False
    author_ok: bool = False


def run(pages: list[Page], name: str) -> list[Result]:
    extractor = EXTRACTORS[name]
    if pages:
        extractor(pages[0])  # warm up: imports are not per-page cost
    results = []
    for page in pages:
        start = time.perf_counter()
        out = extractor(page)
        result = Result(page, out, time.perf_counter() - start)
        label = page.label
        if label is not None:
            result.sim = body_similarity(out, label["text"]) if label["text"] else 0.0
            got = normal_date(out.date) or ""
            result.day_ok = bool(label["day"]) and got[:10] == label["day"]
            result.time_ok = result.day_ok and bool(label["time"]) and \
                got[11:16] == label["time"]
            # CWCE's "author" names whoever signs the page, an editor as often as
            # a writer; the seed format keeps the two apart (author, editor).
            names = (label["author"] or "").split()
            signed = f"{out.author or ''} {out.editor or ''}"
            result.author_ok = any(n in signed for n in names)
        results.append(result)
    return results


def _share(n: int, of: int) -> str:
    return f"{n}/{of} ({100 * n / max(of, 1):.1f} %)"


def robustness_row(name: str, results: list[Result]) -> str:
    errors = Counter(r.out.error for r in results if r.out.error and not r.out.crash)
    crashes = sum(1 for r in results if r.out.crash)
    records = len(results) - crashes - sum(errors.values())
    listed = ", ".join(f"{k} {v}" for k, v in errors.most_common(4)) or "0"
    ms = 1000 * sum(r.seconds for r in results) / max(len(results), 1)
    return (f"| {name} | {_share(records, len(results))} | {sum(errors.values())} ({listed}) "
            f"| {crashes} | {ms:.1f} |")


def labelled_row(name: str, results: list[Result], dated: bool) -> str:
    sims = [r.sim for r in results if r.sim is not None]
    n = len(sims)
    row = (f"| {name} | {sum(x >= GOOD for x in sims)}/{n} | {sum(x >= FAIR for x in sims)}/{n} "
           f"| {statistics.fmean(sims or [0.0]):.3f} |")
    if dated:
        labels = [r.page.label or {} for r in results]
        row += (f" {sum(r.day_ok for r in results)}/{sum(1 for lb in labels if lb.get('day'))} "
                f"| {sum(r.time_ok for r in results)}/"
                f"{sum(1 for lb in labels if lb.get('time'))} "
                f"| {sum(r.author_ok for r in results)}/"
                f"{sum(1 for lb in labels if lb.get('author'))} |")
    return row


def misses(name: str, results: list[Result], show: int) -> list[str]:
    out: list[str] = []
    for r in results:
        label = r.page.label
        if label is None or len(out) >= show:
            continue
        if (r.sim or 0.0) < GOOD or (label["day"] and not r.day_ok):
            out.append(f"  {r.page.key}: sim {r.sim or 0:.3f} date {r.out.date} (want "
                       f"{label['day']} {label['time'] or ''}) title {(r.out.title or '')[:30]!r}"
                       + (f" error {r.out.error}" if r.out.error else ""))
    return [f"{name} misses:", *out] if out else []


def site_urls() -> list[str]:
    from crawler.sites import SITES

    return [s.sample_article for s in SITES.values() if s.sample_article]


def crashes_under_sites(pages: list[Page]) -> tuple[int, list[str]]:
    """The project on every page at each site's article URL: runs, crashes."""
    runs, crashes = 0, []
    for url in site_urls():
        for page in pages:
            out = project(page, url)
            runs += 1
            if out.crash:
                crashes.append(f"{page.key} as {url}: {out.crash}")
    return runs, crashes


def report(pages: list[Page], extractors: list[str], show: int) -> tuple[list[str], int]:
    sets = Counter(p.set for p in pages)
    lines = [f"{len(pages)} real pages ({', '.join(f'{k} {v}' for k, v in sets.items())})",
             "", f"Article pages ({sum(1 for p in pages if not p.is_listing)}):", "",
             "| extractor | record | ExtractionError | other exception | ms/page |",
             "| --- | --- | --- | --- | --- |"]
    results = {name: run(pages, name) for name in extractors}
    lines += [robustness_row(name, [r for r in rs if not r.page.is_listing])
              for name, rs in results.items()]
    listings = sum(1 for p in pages if p.is_listing)
    if listings:
        lines += ["", f"List pages ({listings}, no article on them: a record is a miss):", "",
                  "| extractor | record | ExtractionError | other exception | ms/page |",
                  "| --- | --- | --- | --- | --- |"]
        lines += [robustness_row(name, [r for r in rs if r.page.is_listing])
                  for name, rs in results.items()]
    for set_name in sorted({p.set for p in pages if p.label is not None}):
        dated = any(p.label and p.label["day"] for p in pages if p.set == set_name)
        count = sum(1 for p in pages if p.set == set_name)
        lines += ["", f"### {set_name}, {count} hand-labelled pages", "",
                  "| extractor | body ≥ 0.97 | body ≥ 0.9 | mean body similarity |"
                  + (" date: day right | and time | byline (author or editor) |" if dated else ""),
                  "| --- | --- | --- | --- |" + (" --- | --- | --- |" if dated else "")]
        lines += [labelled_row(name, [r for r in rs if r.page.set == set_name], dated)
                  for name, rs in results.items()]
    failures = 0
    if "project" in results:
        runs, crashes = crashes_under_sites(pages)
        crashes = [f"{r.page.key}: {r.out.crash}" for r in results["project"] if r.out.crash] \
            + crashes
        failures = len(crashes)
        lines += ["", f"The project under each site's article URL too: {runs} more runs; "
                  f"exceptions other than ExtractionError in all: {failures}."]
        lines += [f"  CRASH {c}" for c in crashes[:50]]
    if show:
        for name, rs in results.items():
            found = misses(name, rs, show)
            lines += ["", *found] if found else []
    return lines, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=CACHE,
                        help="the folder of real-page sets (see bench/README.md)")
    parser.add_argument("--extractors", default=",".join(EXTRACTORS))
    parser.add_argument("--set", help="only this set (a folder of the cache)")
    parser.add_argument("--show", type=int, default=0, metavar="K",
                        help="print up to K labelled misses per extractor")
    args = parser.parse_args(argv)
    if not args.cache.is_dir():
        parser.error(f"{args.cache}: no such folder; fill it as bench/README.md says")
    extractors = [e for e in args.extractors.split(",") if e]
    for name in extractors:
        if name not in EXTRACTORS:
            parser.error(f"unknown extractor {name!r}")
    pages = [p for p in load_pages(args.cache) if not args.set or p.set == args.set]
    if not pages:
        parser.error(f"{args.cache}: no pages found")
    lines, failures = report(pages, extractors, args.show)
    print("\n".join(lines))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
