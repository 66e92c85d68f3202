"""Extraction scorecard: this project, trafilatura and GNE on the same page bytes.

    python bench/extraction.py [--corpus DIR] [--replica N] [--family F] [--show K]

For every page of the drift corpus (tests/fixtures/drift: pages in CMS families
the extractor was not written against, each with its expected record) and, with
``--replica N``, N generated replica pages per site, each extractor gets the same
bytes and prints per corpus: title exact, date exact, text similarity >= 0.97,
mean text similarity, chrome lines (output paragraphs found nowhere in the
expected text) and time per page. The anchors get every advantage the project
gets: the page decoded by its real charset, the URL, and their output folded the
way the seed format folds text. GNE and trafilatura are dev dependencies
(requirements-dev.txt).

Similarity is difflib's ratio over the texts (title, subtitle, body paragraphs
joined by blank lines), after folding widths and spaces the same way for all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DRIFT = ROOT / "tests" / "fixtures" / "drift"
GOOD_SIMILARITY = 0.97
BEIJING = dt.timezone(dt.timedelta(hours=8))

_FOLD = {**{cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)},
         0x00A0: " ", 0x3000: " ", 0x2002: " ", 0x2003: " ", 0x09: " ", 0x200B: None}


def fold(text: str) -> str:
    return re.sub(r" {2,}", " ", text.translate(_FOLD)).strip()


def fold_text(text: str) -> str:
    return "\n\n".join(p for p in (fold(line) for line in text.splitlines()) if p)


# An independent reading of a date string, for the anchors' outputs (and ours).
DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                  r"(?:[T\s]*(\d{1,2})[:时](\d{2})(?:[:分](\d{2}))?)?")


def normal_date(value: Any) -> str | None:
    if not value:
        return None
    text = str(value).strip()
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        if moment.tzinfo is not None:
            moment = moment.astimezone(BEIJING)
        if len(text) <= 10:
            return moment.date().isoformat()
        return moment.replace(tzinfo=BEIJING, microsecond=0).isoformat()
    except ValueError:
        pass
    m = DATE.search(text)
    if not m:
        return None
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m[4] is None:
            return day.isoformat()
        clock = dt.time(int(m[4]), int(m[5]), int(m[6] or 0))
    except ValueError:
        return None
    return dt.datetime.combine(day, clock, BEIJING).isoformat()


@dataclass
class Case:
    name: str
    url: str
    body: bytes
    charset: str
    content_type: str | None
    expected: dict[str, Any]

    @property
    def html(self) -> str:
        return self.body.decode(self.charset.replace("big5", "big5hkscs"), "replace")


@dataclass
class Output:
    title: str | None = None
    date: str | None = None
    text: str = ""
    error: str | None = None


@dataclass
class Score:
    pages: int = 0
    title: int = 0
    date: int = 0
    day: int = 0
    good_text: int = 0
    similarities: list[float] = field(default_factory=list)
    chrome_lines: int = 0
    seconds: float = 0.0
    errors: int = 0
    misses: list[str] = field(default_factory=list)


# --- extractors ---------------------------------------------------------------------


def project(case: Case) -> Output:
    from crawler.extract import ExtractionError, extract_article

    try:
        record = extract_article(case.body, case.url, content_type=case.content_type)
    except ExtractionError as exc:
        return Output(error=exc.reason)
    return Output(record["title"], record["published_at"], record["text"])


def _with_title(title: str | None, body: str) -> str:
    paragraphs = [p for p in (fold(x) for x in body.splitlines()) if p]
    head = fold(title or "")
    if head and (not paragraphs or paragraphs[0] != head):
        paragraphs.insert(0, head)
    return "\n\n".join(paragraphs)


def trafilatura_extractor(case: Case) -> Output:
    import trafilatura

    doc = trafilatura.bare_extraction(
        case.html, url=case.url, with_metadata=True, include_comments=False,
        include_tables=False)
    if doc is None:
        return Output(error="nothing")
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    title = get("title")
    return Output(fold(title) if title else None, normal_date(get("date")),
                  _with_title(title, get("text") or ""))


def gne_extractor(case: Case) -> Output:
    from gne import GeneralNewsExtractor

    try:
        result = GeneralNewsExtractor().extract(case.html, host=case.url)
    except Exception as exc:  # an anchor's failure is a scored miss
        return Output(error=type(exc).__name__)
    title = result.get("title")
    return Output(fold(title) if title else None, normal_date(result.get("publish_time")),
                  _with_title(title, result.get("content") or ""))


EXTRACTORS: dict[str, Callable[[Case], Output]] = {
    "project": project, "trafilatura": trafilatura_extractor, "gne": gne_extractor,
}


# --- corpora ---------------------------------------------------------------------------


def drift_cases(folder: Path, family: str | None = None) -> Iterator[Case]:
    for meta_path in sorted(folder.glob("*/*.json")):
        if family and meta_path.parent.name != family:
            continue
        meta = json.loads(meta_path.read_text("utf-8"))
        yield Case(f"{meta_path.parent.name}/{meta_path.stem}", meta["served_url"],
                   meta_path.with_suffix(".html").read_bytes(), meta["charset"],
                   meta.get("content_type"), meta["expected"])


def replica_cases(per_site: int) -> Iterator[Case]:
    from replica.model import SiteModel
    from replica.pages import article_html, content_type, encode_page

    for site in ("shanxidayuan", "fissico", "sxnews"):
        model = SiteModel(site, per_site)
        for n, ref in enumerate(model.refs()):
            if n >= per_site:
                break
            article = model.article(ref)
            if article.extra.get("breaks"):
                continue  # split over pages: its record joins them, no one page holds it
            body = encode_page(site, article_html(article))
            ctype = content_type(site)
            charset = (re.search(r"charset=([\w-]+)", ctype or "") or [None, "utf-8"])[1]
            meta_charset = re.search(rb'charset="?([\w-]+)', body[:2048])
            if meta_charset:
                charset = meta_charset.group(1).decode()
            if charset.lower() in {"gb2312", "gbk"}:
                charset = "gb18030"
            yield Case(f"replica/{site}/{ref.num}", article.url, body, charset, ctype,
                       article.record)


ATTRIBUTES = re.compile(rb"""\s(?:class|id)=(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.I)


def stripped(case: Case) -> Case:
    return Case(case.name, case.url, ATTRIBUTES.sub(b"", case.body), case.charset,
                case.content_type, case.expected)


# --- scoring ---------------------------------------------------------------------------


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def score(cases: list[Case], extractor: Callable[[Case], Output], show: int) -> Score:
    result = Score()
    if cases:
        extractor(cases[0])  # warm up: imports and first-use set-up are not per-page cost
    for case in cases:
        want = case.expected
        start = time.perf_counter()
        out = extractor(case)
        result.seconds += time.perf_counter() - start
        result.pages += 1
        if out.error:
            result.errors += 1
        title_ok = fold(out.title or "") == fold(want["title"] or "")
        got_date, want_date = normal_date(out.date), normal_date(want["published_at"])
        date_ok = got_date == want_date
        result.day += (got_date or "")[:10] == (want_date or "")[:10]
        text = fold_text(out.text)
        expected = fold_text(want["text"])
        sim = similarity(text, expected) if text else 0.0
        wanted_lines = expected.split("\n\n")
        chrome = [p for p in text.split("\n\n")
                  if p and p not in wanted_lines and p not in expected]
        result.title += title_ok
        result.date += date_ok
        result.good_text += sim >= GOOD_SIMILARITY
        result.similarities.append(sim)
        result.chrome_lines += len(chrome)
        if (not title_ok or not date_ok or sim < GOOD_SIMILARITY or chrome) and \
                len(result.misses) < show:
            result.misses.append(
                f"  {case.name}: title {'ok' if title_ok else repr(out.title)[:40]} "
                f"date {'ok' if date_ok else out.date} sim {sim:.3f}"
                + (f" chrome {[c[:30] for c in chrome[:3]]}" if chrome else "")
                + (f" error {out.error}" if out.error else ""))
    return result


def table(name: str, cases: list[Case], extractors: list[str], show: int) -> list[str]:
    lines = [f"### {name} ({len(cases)} pages)", "",
             "| extractor | title exact | date exact | day right | text ≥ 0.97 | mean similarity "
             "| chrome lines | ms/page |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    details: list[str] = []
    for ext in extractors:
        s = score(cases, EXTRACTORS[ext], show)
        n = max(s.pages, 1)
        lines.append(
            f"| {ext} | {s.title}/{s.pages} ({100 * s.title / n:.0f} %) "
            f"| {s.date}/{s.pages} ({100 * s.date / n:.0f} %) "
            f"| {s.day}/{s.pages} ({100 * s.day / n:.0f} %) "
            f"| {s.good_text}/{s.pages} ({100 * s.good_text / n:.0f} %) "
            f"| {statistics.fmean(s.similarities or [0]):.3f} | {s.chrome_lines} "
            f"| {1000 * s.seconds / n:.1f} |")
        if show and s.misses:
            details += [f"{ext} misses on {name}:", *s.misses]
    return [*lines, "", *details]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DRIFT)
    parser.add_argument("--family", help="only this family of the drift corpus")
    parser.add_argument("--replica", type=int, default=0, metavar="N",
                        help="also score N replica pages per site")
    parser.add_argument("--no-stripped", action="store_true",
                        help="skip the run on pages with every class and id removed")
    parser.add_argument("--extractors", default=",".join(EXTRACTORS))
    parser.add_argument("--show", type=int, default=0, metavar="K",
                        help="print up to K misses per extractor")
    args = parser.parse_args(argv)
    extractors = [e for e in args.extractors.split(",") if e]
    for ext in extractors:
        if ext not in EXTRACTORS:
            parser.error(f"unknown extractor {ext!r}")
    out = []
    cases = list(drift_cases(args.corpus, args.family))
    families = sorted({c.name.split("/")[0] for c in cases})
    out += table(f"drift corpus, {len(families)} families", cases, extractors, args.show)
    if not args.no_stripped:
        # The same pages with every class and id removed: no class word, no
        # site selector is left, only text, tags and structure.
        out += table("drift corpus, class and id attributes removed",
                     [stripped(c) for c in cases], extractors, args.show)
    if args.replica:
        out += table("replica", list(replica_cases(args.replica)), extractors, args.show)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
